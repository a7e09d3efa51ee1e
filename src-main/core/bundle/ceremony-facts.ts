/**
 * The ceremony facts an import-parameters bundle carries (title, the plan's material expiry, the
 * online journal's name), read before the ceremony starts so the air-gapped side uses the same
 * title and expiry as the online side. A bundle that cannot be read yields none here: the
 * ceremony's own read of the bundle, a step later, reports the exact problem.
 */
import { readBundle } from './read-bundle';
import type { CeremonyFacts } from './import-parameters-manifest';

export async function ceremonyFactsOf(dir: string, now: Date = new Date()): Promise<CeremonyFacts | undefined> {
  try {
    const bundle = await readBundle(dir, { now });
    return bundle.kind === 'import-parameters' ? bundle.manifest.ceremony : undefined;
  } catch {
    return undefined;
  }
}
