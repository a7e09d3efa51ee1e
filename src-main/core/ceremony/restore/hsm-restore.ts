/**
 * The restore from an HSM token (instead of custody shares): the custody copy is the token object
 * the air-gapped ceremony generated (or chose) and journaled. Reads that journal's record of every
 * key of the fresh bundle, opens the token it names (another token's serial is refused before
 * login), runs the capability check for the fresh parameters, finds each object by its recorded
 * label and proves it holds the recorded material (key check value or public-key SHA-256,
 * computed in the HSM). Success and refusal are journaled; the PIN is used once, at login.
 */
import path from 'node:path';
import { materialsTaken, type ImportParameters } from '../../bundle';
import { KeyferryError, toProblem } from '../../errors';
import type { HsmTokenIdentity } from '../../hsm';
import type { MessageKey } from '../../../i18n/catalogue';
import type { AirGapWorkflowOptions } from '../airgap/ceremony-base';
import type { AirGapHsmMaterial } from '../airgap/hsm-material';
import type { HsmMaterialSummary } from '../airgap/hsm-material-summary';
import type { HsmSourceSummary } from '../airgap/hsm-token-check';
import { readAirGapJournal, recordedHsmObjects } from './hsm-records';
import { evidenceByKey, proveBoundMaterial } from '../airgap/bound-material';
import { problemData } from '../../journal';

/** A restore from the HSM: which token, and what the operator gives to open it (the PIN is used once, at login). */
export interface HsmRestoreRequest {
  readonly modulePath: string;
  /** Token label or serial number; its serial must be the one the air-gapped journal recorded. */
  readonly token: string;
  readonly pin: string;
  /**
   * The air-gapped journal that recorded the material in the HSM (its `material.generated`):
   * verified before use. Default: this restore's own journal (an air-gapped journal continued).
   */
  readonly airGapJournal?: string;
  /** Rehearsal only: accept a CKM_AES_KEY_WRAP_PAD that zero-fills (journaled as a deviation). */
  readonly acceptZeroFilledPad?: boolean;
}

/** One key found on the token, as the journal records it and the screen shows it: the object, its check, where it was recorded. */
interface HsmRestoredKey extends Omit<HsmMaterialSummary, 'source'> {
  readonly recordedSeq: number;
}

/** What a restore from the HSM proved, for the screen and the CLI (no key bytes, no PIN). */
export interface HsmRestoredKeys {
  readonly token: HsmTokenIdentity;
  readonly capability: HsmSourceSummary['reports'];
  /** Every key of the fresh bundle: the token object found and its check, equal to the journaled one. */
  readonly keys: readonly HsmRestoredKey[];
  /** The journal the objects were recorded in (its file name). */
  readonly recordedIn: string;
  /** One sentence: what was proven (a catalogue message). */
  readonly proof: { readonly key: MessageKey; readonly values: { readonly count: number } };
}

/** What the restore ceremony hands the HSM path: its keys, its journal, and where the token goes once open. */
interface HsmRestoreContext {
  /** The fresh bundle's keys. */
  readonly keys: readonly ImportParameters[];
  readonly options: AirGapWorkflowOptions;
  /** True when shares were presented already (an HSM restore is then refused). */
  readonly sharesPresented: boolean;
  /** Called once the token is open: from then on this restore takes no shares. */
  readonly opened: (hsm: AirGapHsmMaterial) => void;
}

/**
 * Opens the recorded token and proves every key's object; returns the proof and the open token
 * (the caller wraps with it, then closes it). On refusal the token is closed and the refusal journaled.
 */
export async function restoreFromHsmToken(
  request: HsmRestoreRequest,
  context: HsmRestoreContext,
): Promise<{ readonly result: HsmRestoredKeys; readonly hsm: AirGapHsmMaterial }> {
  const { keys, options } = context;
  const { journal, operator } = options;
  const journalFile = request.airGapJournal ?? journal.path;
  let hsm: AirGapHsmMaterial | null = null;
  try {
    if (context.sharesPresented) throw new KeyferryError('HSM_RESTORE_SHARES_PRESENTED', {});
    const entries = request.airGapJournal ? await readAirGapJournal(request.airGapJournal) : journal.entries;
    // The token holds one object per material: a replica group's primary (its replicas are wrapped
    // from it, a replica in a round of its own too) and every key alone.
    const recorded = recordedHsmObjects(entries, materialsTaken(keys), journalFile);
    const { AirGapHsmMaterial } = await import('../airgap/hsm-material');
    hsm = await AirGapHsmMaterial.open(
      {
        modulePath: request.modulePath,
        token: request.token,
        pin: request.pin,
        acceptZeroFilledPad: request.acceptZeroFilledPad ?? false,
        existingKeys: { labels: Object.fromEntries(recorded.map((r) => [r.keyId, r.objectLabel])) },
      },
      keys,
      options,
      recorded[0]!.tokenSerial,
    );
    context.opened(hsm);
    const found = await hsm.recall(recorded, options);
    // The KMS takes only the material it bound each key to: prove it before anything is wrapped.
    await proveBoundMaterial(options, keys, evidenceByKey(found), 'restore');
    const seqOf = new Map(recorded.map((r) => [r.keyId, r.seq]));
    const result: HsmRestoredKeys = {
      token: hsm.summary.token,
      capability: hsm.summary.reports,
      keys: found.map((k) => ({
        keyId: k.keyId,
        spec: k.spec,
        objectLabel: k.objectLabel,
        keyCheckValue: k.keyCheckValue,
        publicKeyFingerprint: k.publicKeyFingerprint,
        recordedSeq: seqOf.get(k.keyId)!,
      })),
      recordedIn: path.basename(journalFile),
      proof: { key: 'hsm.restore.proven', values: { count: found.length } },
    };
    await journal.append(operator, 'custody.restored', {
      from: 'hsm-token',
      keyIds: keys.map((k) => k.keyId),
      hsmTokenSerial: result.token.serial,
      hsmTokenLabel: result.token.label,
      recordedIn: result.recordedIn,
      keys: result.keys.map((k) => ({ ...k })),
      proof: { key: 'proof.restore.hsm' },
    });
    return { result, hsm };
  } catch (error) {
    hsm?.close();
    const problem = toProblem(error);
    await journal.append(operator, 'custody.restore-refused', {
      from: 'hsm-token',
      keyIds: keys.map((k) => k.keyId),
      recordedIn: path.basename(journalFile),
      ...problemData(problem),
    });
    throw error;
  }
}
