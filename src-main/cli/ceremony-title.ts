/**
 * One ceremony, one title on every receipt: the air-gapped commands take the title from the
 * import-parameters bundle (which carries the online side's), and refuse a different --title
 * instead of printing it beside the other.
 */
import type { CeremonyFacts } from '../core/bundle/import-parameters-manifest';
import { KeyferryError } from '../core/errors';

export function ceremonyTitle(given: string | undefined, facts: CeremonyFacts | undefined, fallback: string): string {
  if (given !== undefined && facts?.title !== undefined && given !== facts.title)
    throw new KeyferryError('TITLE_DIFFERS_FROM_BUNDLE', {
      given: given.slice(0, 200),
      bundle: facts.title,
      where: 'cli',
    });
  return given ?? facts?.title ?? fallback;
}
