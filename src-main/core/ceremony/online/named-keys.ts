/**
 * Keys as a refusal lists them in one value: `alias (key id)` each, joined as the reader's language
 * joins a list (i18n/list.ts). The one form for every online refusal that names keys.
 */
import { listValue } from '../../../i18n/list';

export function namedKeysValue(keys: readonly { readonly alias: string; readonly keyId: string }[]): string {
  return listValue(keys.map((k) => `${k.alias} (${k.keyId})`));
}
