/**
 * The values of the key states' line about a key never imported whose import token lapsed while
 * another member of its replica group holds the group's material (core/ceremony/online/group-material.ts):
 * the key, that holder, whether the holder is its primary, and the holder's recorded custody copy.
 * Written once for `online status` and the app's key states. Renderer-safe: imports only i18n.
 */
import type { Translator } from './translate';
import { namedKeys, type NamedKey } from './import-stopped-summary';

export function groupMaterialValues<C extends object>(
  translator: Pick<Translator, 't'>,
  member: NamedKey,
  holder: NamedKey,
  custody: C,
) {
  return {
    member: namedKeys(translator, [member]),
    holder: namedKeys(translator, [holder]),
    holderIs: member.replicaOf === holder.keyId ? 'itsPrimary' : 'other',
    ...custody,
  };
}
