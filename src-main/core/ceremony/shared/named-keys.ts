/**
 * Keys as a line names them, by what the officer knows them by and by id: `alias (key id)` each,
 * joined as the reader's language joins a list (i18n/list.ts). The one form for every online refusal
 * that names keys, and for the air-gapped side's kept custody sets (earlier-custody-sets.ts).
 */
import { listValue } from '../../../i18n/list';

export function namedKeysValue(keys: readonly { readonly alias: string; readonly keyId: string }[]): string {
  return listValue(keys.map(namedKey));
}

/** One key as lines name it: `alias (key id)`. */
export function namedKey(key: { readonly alias: string; readonly keyId: string }): string {
  return `${key.alias} (${key.keyId})`;
}
