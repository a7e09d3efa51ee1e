/**
 * One ceremony, one title on every receipt: the air-gapped commands take the title from the
 * import-parameters bundle (which carries the online side's), and refuse a different --title
 * instead of printing it beside the other.
 */
import type { CeremonyFacts } from '../core/bundle/import-parameters-manifest';
import { refuseOtherTitleThanBundle } from '../core/ceremony/airgap/parameters-overview';

export function ceremonyTitle(given: string | undefined, facts: CeremonyFacts | undefined, fallback: string): string {
  refuseOtherTitleThanBundle(facts?.title, given, 'cli');
  return given ?? facts?.title ?? fallback;
}
