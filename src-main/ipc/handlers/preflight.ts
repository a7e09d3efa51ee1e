/**
 * What the air-gapped handlers (the air-gapped side and the custody restore) share for the
 * preflight: the new bundle folder's name inside the chosen media folder, the plan as the screen
 * shows it, and the refusals of a step that needs the plan first.
 */
import path from 'node:path';
import type { MaterialExpiry } from '../../core/ceremony/shared/ceremony-plan';
import { KeyferryError } from '../../core/errors';
import type { EarlierWrapView, KeyferryMode, MaterialExpiryChoice, PreflightView } from '../contract';
import { stillImportable, type EarlierWrap } from '../../core/ceremony/airgap/earlier-wraps';
import { firstFreeName } from './paths';
import type { PreflightPlan } from './session';

/**
 * The path of a folder named `baseName` (then `baseName-2`, `-3`, …) inside `parent` that does not
 * exist yet. Whether `parent` exists, is writable and has room is the preflight's to say (with the
 * folder and the fix); the bundle writer later creates the folder exclusively.
 */
export async function bundleFolderFor(parent: string, baseName: string): Promise<string> {
  const dir = path.resolve(parent);
  // All 99 taken: the -100 folder is taken too, and the preflight refuses it, naming the folder.
  return (await firstFreeName(dir, baseName)) ?? path.join(dir, `${baseName}-100`);
}

/** Custodian folders on one volume: a rehearsal may accept it (journaled as a warning); a ceremony never. */
export function sameVolumeAllowed(mode: KeyferryMode): void {
  if (mode !== 'rehearsal') throw new KeyferryError('CUSTODY_SAME_VOLUME_REFUSED', {});
}

/** The plan a write step follows; refused (PREFLIGHT_REQUIRED) when the preflight has not passed. */
export function requirePlan(plan: PreflightPlan | undefined, step: 'bundle' | 'split' = 'bundle'): PreflightPlan {
  if (!plan) throw new KeyferryError('PREFLIGHT_REQUIRED', { step });
  return plan;
}

/** The expiry the bundle requests for every AES key; null when each key requests its own planned expiry. */
function expiryChoice(expiry: MaterialExpiry | 'plan' | undefined): MaterialExpiryChoice | null {
  if (expiry === 'plan') return null;
  return !expiry || expiry.kind === 'never' ? { kind: 'never' } : { kind: 'at', at: expiry.at.toISOString() };
}

/** The plan as the screen shows it (plain copies). */
export function preflightView(plan: PreflightPlan): PreflightView {
  return {
    wrappedBundle: plan.wrappedBundle,
    receiptFolder: plan.receiptFolder,
    custodianFolders: [...(plan.custodianFolders ?? [])],
    expiry: expiryChoice(plan.materialExpiry),
    noBackupKeyIds: [...plan.noBackupKeyIds],
    expiryOverrides: (plan.expiryOverrides ?? []).map((o) => ({ ...o, keyIds: [...o.keyIds] })),
    materialFromHsm: plan.materialFromHsm === true,
    custody: plan.custody
      ? {
          m: plan.custody.m,
          n: plan.custody.n,
          custodians: [...plan.custody.custodians],
          sameVolume: plan.custody.allowSameVolume === true,
        }
      : null,
  };
}

/** The wraps this journal finished before the session, each with whether its bundle can still be imported at `now`. */
export function earlierWrapsView(earlier: readonly EarlierWrap[], now: Date): EarlierWrapView[] {
  const importable = new Set(stillImportable(earlier, now));
  return earlier.map((w) => ({
    session: w.session,
    bundleDigest: w.bundleDigest,
    folder: w.folder,
    receipt: w.receipt,
    custody: w.custody ? { backupDigest: w.custody.backupDigest, custodians: [...w.custody.custodians] } : null,
    hsmCustody: w.hsmObjectLabels !== undefined,
    tokensUntil: w.tokensUntil,
    importable: importable.has(w),
  }));
}
