/**
 * The ceremony facts an import-parameters bundle carries (title, the plan's material expiry, the
 * online journal's name), read before the ceremony starts so the air-gapped side uses the same
 * title and expiry as the online side. A bundle that cannot be read yields none here: the
 * ceremony's own read of the bundle, a step later, reports the exact problem.
 */
import { readBundle } from './read-bundle';
import type { CeremonyFacts } from './import-parameters-manifest';

export async function ceremonyFactsOf(dir: string, now: Date = new Date()): Promise<CeremonyFacts | undefined> {
  return (await bundleCeremonyOf(dir, now))?.facts;
}

/** The ceremony an import-parameters bundle belongs to, and its facts; undefined when it does not read. */
export async function bundleCeremonyOf(
  dir: string,
  now: Date = new Date(),
): Promise<{ ceremonyId: string; facts: CeremonyFacts | undefined } | undefined> {
  try {
    const bundle = await readBundle(dir, { now });
    return bundle.kind === 'import-parameters'
      ? { ceremonyId: bundle.manifest.ceremonyId, facts: bundle.manifest.ceremony }
      : undefined;
  } catch {
    return undefined;
  }
}
