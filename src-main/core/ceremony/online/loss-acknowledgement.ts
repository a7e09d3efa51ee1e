/**
 * What deleting a key's imported material would lose, from what the online journal recorded of its
 * custody copy (the wrapped bundle checked before its import), and the acknowledgement that needs
 * (DESIGN rule 8). The KMS accepts only the same material again after a deletion:
 * - no custody copy recorded: the material is gone for ever; the person types the key ID as well;
 * - a custody copy recorded (shares, an HSM token, the loaded files): the refusal names it;
 * - nothing recorded (a bundle or journal from before custody was journaled): the generic warning.
 */
import { ONLINE_EVENTS } from './events';
import { KeyferryError } from '../../errors';
import { isAsymmetric } from '../../crypto/key-spec';
import { phraseOf, type Phrase } from '../../../i18n/phrase';
import { holdsImportedMaterial, type OnlineKeyState, type RecordedCustody } from './state';
import { recordedCustodyValues } from './recorded-custody';
import { refuseStep, type OnlineStepContext } from './step-context';
import { deletableKey } from './deletable-material';
import { deleteImportedMaterial } from './key-status';

/** What the person said when asking for the deletion. */
export interface DeletionAcknowledgement {
  /** They accept that without a custody copy every ciphertext under the key is lost. */
  readonly lossAcknowledged: boolean;
  /** The key ID as they typed it to confirm (needed when the journal records no custody copy). */
  readonly confirmedKeyId?: string;
  /** Whose words say the way on: the command line's options (default) or the app's field and tick box. */
  readonly where?: 'cli' | 'app';
}

/**
 * The custody copy of the deletable material `key` holds now, as the journal recorded it (undefined:
 * unknown, or nothing deletable: the deletion's own checks refuse that).
 */
function custodyOfImported(key: OnlineKeyState | undefined): RecordedCustody | undefined {
  return key && holdsImportedMaterial(key) && !isAsymmetric(key.spec) ? key.imported?.custody : undefined;
}

/** The values the refusals and the app's warning say the custody copy of `keyId`'s deletable material with. */
function custodyValues(keyId: string, key: OnlineKeyState | undefined) {
  return { keyId, ...recordedCustodyValues(custodyOfImported(key)) };
}

/** What the app shows before a deletion: the loss in the words the command line's refusal uses, and whether the key ID must be typed. */
export interface DeletionWarning {
  readonly keyId: string;
  readonly warning: Phrase<'delete.custody'>;
  /** The journal records NO custody copy: the person types the key ID as well (as `--confirm-key-id`). */
  readonly keyIdToType: boolean;
}

/** The warning before deleting the imported material of `keyId`, from what the journal recorded of its custody copy. */
export function deletionWarning(keyId: string, key: OnlineKeyState | undefined): DeletionWarning {
  const values = custodyValues(keyId, key);
  return { keyId, warning: phraseOf('delete.custody', values), keyIdToType: values.custody === 'none' };
}

/** The warning before deleting the material of `keyId`, refusing a key that holds none the KMS lets delete. */
export function deletableMaterialWarning(keyId: string, keys: ReadonlyMap<string, OnlineKeyState>): DeletionWarning {
  const deletable = deletableKey(keyId, keys);
  if ('refusal' in deletable) throw deletable.refusal;
  return deletionWarning(keyId, deletable.key);
}

/**
 * Deletes the imported material of one AES key (it returns to Pending import; only the same
 * material can ever be imported again) once `ack` accepts what the journal knows of the custody
 * copy (none: the key ID typed too; DESIGN rule 8). Refused otherwise, the journal open: journaled as
 * a failed step (a deviation), like the key checks after it; accepted, the acknowledgement is
 * journaled right before the KMS call.
 */
export async function deleteAcknowledgedMaterial(
  ctx: OnlineStepContext,
  keyId: string,
  ack: DeletionAcknowledgement,
): Promise<{ keyId: string; keyState: string }> {
  const key = ctx.state.keys.get(keyId);
  // A key with nothing to delete is said as such before any acknowledgement is asked for.
  const deletable = deletableKey(keyId, ctx.state.keys);
  const refusal = 'refusal' in deletable ? deletable.refusal : deletionRefusal(keyId, key, ack);
  if (refusal) await refuseStep(ctx, 'delete-imported-key-material', keyId, refusal);
  return deleteImportedMaterial(ctx, keyId, () =>
    ctx.journal(ONLINE_EVENTS.lossAcknowledged, {
      keyId,
      action: 'delete-imported-material',
      // A code: receipts say it in their language (receipt.deviations.consequence).
      consequence: 'lost-for-ever',
    }),
  );
}

/** The refusal of deleting the imported material of `keyId` with `ack`, or null when the acknowledgement suffices. */
function deletionRefusal(
  keyId: string,
  key: OnlineKeyState | undefined,
  ack: DeletionAcknowledgement,
): KeyferryError | null {
  const typed = ack.confirmedKeyId?.trim();
  const where = ack.where ?? 'cli';
  if (typed !== undefined && typed !== keyId) {
    // The same id in other letter case is named as such: the KMS's ids are lower case.
    const caseOnly = typed.toLowerCase() === keyId.toLowerCase() ? 'yes' : 'no';
    return new KeyferryError('DELETE_KEY_ID_MISTYPED', { keyId, typed, where, caseOnly });
  }
  const values = { ...custodyValues(keyId, key), where };
  if (values.custody === 'none') {
    if (ack.lossAcknowledged && typed === keyId) return null;
    return new KeyferryError('NO_CUSTODY_COPY_DELETE', values);
  }
  return ack.lossAcknowledged ? null : new KeyferryError('LOSS_NOT_ACKNOWLEDGED', values);
}
