/**
 * What deleting a key's imported material would lose, from what the online journal recorded of its
 * custody copy (the wrapped bundle checked before its import), and the acknowledgement that needs
 * (DESIGN rule 8). The KMS accepts only the same material again after a deletion:
 * - no custody copy recorded: the material is gone for ever; the person types the key ID as well;
 * - a custody copy recorded (shares, an HSM token, the loaded files): the refusal names it;
 * - nothing recorded (a bundle or journal from before custody was journaled): the generic warning.
 */
import { KeyferryError } from '../../errors';
import { isAsymmetric } from '../../crypto/key-spec';
import { listValue } from '../../../i18n/list';
import { holdsImportedMaterial, type OnlineKeyState, type RecordedCustody } from './state';

/** What the person said when asking for the deletion. */
export interface DeletionAcknowledgement {
  /** They accept that without a custody copy every ciphertext under the key is lost. */
  readonly lossAcknowledged: boolean;
  /** The key ID as they typed it to confirm (needed when the journal records no custody copy). */
  readonly confirmedKeyId?: string;
}

/**
 * The custody copy of the deletable material `key` holds now, as the journal recorded it (undefined:
 * unknown, or nothing deletable: the deletion's own checks refuse that).
 */
function custodyOfImported(key: OnlineKeyState | undefined): RecordedCustody | undefined {
  return key && holdsImportedMaterial(key) && !isAsymmetric(key.spec) ? key.imported?.custody : undefined;
}

/** The refusal of deleting the imported material of `keyId` with `ack`, or null when the acknowledgement suffices. */
export function deletionRefusal(
  keyId: string,
  key: OnlineKeyState | undefined,
  ack: DeletionAcknowledgement,
): KeyferryError | null {
  const typed = ack.confirmedKeyId?.trim();
  if (typed !== undefined && typed !== keyId) return new KeyferryError('DELETE_KEY_ID_MISTYPED', { keyId, typed });
  const custody = custodyOfImported(key);
  const arrangement = custody?.arrangement;
  if (custody && arrangement?.kind === 'none') {
    if (ack.lossAcknowledged && typed === keyId) return null;
    return new KeyferryError('NO_CUSTODY_COPY_DELETE', {
      keyId,
      seq: custody.seq,
      acknowledged: arrangement.acknowledged ? 'yes' : 'no',
    });
  }
  if (ack.lossAcknowledged) return null;
  const values = { keyId, seq: custody?.seq ?? 0, threshold: 0, total: 0, custodiansList: listValue([]), token: '' };
  switch (arrangement?.kind) {
    case 'shares':
      return new KeyferryError('LOSS_NOT_ACKNOWLEDGED', {
        ...values,
        custody: 'shares',
        threshold: arrangement.threshold,
        total: arrangement.total,
        custodiansList: listValue(arrangement.custodians),
      });
    case 'hsm-token':
      return new KeyferryError('LOSS_NOT_ACKNOWLEDGED', {
        ...values,
        custody: 'hsmToken',
        token: arrangement.serial ? `${arrangement.label} / ${arrangement.serial}` : arrangement.label,
      });
    case 'material-files':
      return new KeyferryError('LOSS_NOT_ACKNOWLEDGED', { ...values, custody: 'materialFiles' });
    default:
      return new KeyferryError('LOSS_NOT_ACKNOWLEDGED', { ...values, custody: 'unknown' });
  }
}
