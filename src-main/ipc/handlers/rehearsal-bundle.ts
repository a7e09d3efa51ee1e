/**
 * A rehearsal's air-gapped side (and its custody restore) takes only the import-parameters bundles
 * its own online side wrote against the built-in simulator. A review wrapped a real ceremony's
 * bundle in the app left in Rehearsal mode on a workstation with a network: the rehearsal allowed
 * the network, custody shares on one volume and other shortcuts a real ceremony refuses, and the
 * real online side imported the wrap with no word. Refused (REHEARSAL_BUNDLE_NOT_ITS_OWN) before
 * the bundle is read, so no witness types anything for it; console files naming a key the rehearsal
 * did not create, likewise.
 */
import { bundleCeremonyOf } from '../../core/bundle/ceremony-facts';
import { KeyferryError } from '../../core/errors';
import type { CeremonySession } from './session';

/** Refuses, in rehearsal mode, a parameters bundle in `dir` (shown as `shownAs`) of another ceremony than the rehearsal's own. */
export async function refuseOtherThanRehearsalsBundle(
  session: CeremonySession,
  dir: string,
  shownAs: string,
): Promise<void> {
  if (session.context.mode.current() !== 'rehearsal') return;
  // A bundle that does not read is refused by the read itself, saying why.
  const bundle = await bundleCeremonyOf(dir);
  const own = session.online?.ceremony.ceremonyId;
  if (!bundle || bundle.ceremonyId === own) return;
  throw new KeyferryError('REHEARSAL_BUNDLE_NOT_ITS_OWN', {
    own: own ?? 'none',
    other: bundle.ceremonyId,
    dir: shownAs,
    source: 'bundle',
  });
}

/**
 * Refuses, in rehearsal mode, console files naming a key the rehearsal's online side did not create
 * (a review wrapped a real key's console files in Rehearsal mode: such a wrap is finished in the
 * console, and Keyferry's online side never sees it).
 */
export function refuseOtherThanRehearsalsKeys(session: CeremonySession, keyIds: readonly string[]): void {
  if (session.context.mode.current() !== 'rehearsal') return;
  const online = session.online?.ceremony;
  const own = new Set(online?.keys().map((k) => k.keyId) ?? []);
  const other = keyIds.find((id) => !own.has(id));
  if (other === undefined) return;
  throw new KeyferryError('REHEARSAL_BUNDLE_NOT_ITS_OWN', {
    own: online?.ceremonyId ?? 'none',
    other,
    dir: '',
    source: 'console',
  });
}
