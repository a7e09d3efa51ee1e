/**
 * Which keys of a ceremony hold imported material the KMS lets delete (AES keys holding imported
 * material: asymmetric material cannot be deleted, KMS.2702), and the refusal of a --key-id that is
 * none of them. A key id of another ceremony, or one typed wrongly, is said as not a key of this
 * ceremony, and the refusal names the keys whose material can be deleted, so the officer sees the
 * one meant instead of looking it up.
 */
import { listValue } from '../../../i18n/list';
import { KeyferryError } from '../../errors';
import { isAsymmetric } from '../../crypto/key-spec';
import { holdsImportedMaterial, type OnlineKeyState } from './state';
import { namedKey } from '../shared/named-keys';

/** At most this many deletable keys are named (the count says how many there are). */
const NAMED_KEYS = 5;

/**
 * The key `keyId` names when it holds imported material the KMS lets delete; else the refusal of
 * deleting it (KEY_NOT_IMPORTED naming the keys that do, or MATERIAL_NOT_DELETABLE).
 */
export function deletableKey(
  keyId: string,
  keys: ReadonlyMap<string, OnlineKeyState>,
): { readonly key: OnlineKeyState } | { readonly refusal: KeyferryError } {
  const key = keys.get(keyId);
  if (key && holdsImportedMaterial(key)) {
    return isAsymmetric(key.spec)
      ? { refusal: new KeyferryError('MATERIAL_NOT_DELETABLE', { keyId, spec: key.spec }) }
      : { key };
  }
  const deletable = [...keys.values()].filter((k) => holdsImportedMaterial(k) && !isAsymmetric(k.spec));
  const named = deletable.slice(0, NAMED_KEYS).map(namedKey);
  const refusal = new KeyferryError('KEY_NOT_IMPORTED', {
    keyId,
    // Deleted already (a delete run twice): said so, with the entry, not as never imported.
    reason: !key ? 'notInCeremony' : key.materialDeleted && !key.materialLapsed ? 'deleted' : 'notImported',
    seq: key?.materialLostSeq ?? 0,
    count: deletable.length,
    keysList: listValue(deletable.length > NAMED_KEYS ? [...named, '…'] : named),
  });
  return { refusal };
}
