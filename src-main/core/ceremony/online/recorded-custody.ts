/**
 * What the online journal recorded of a material's custody copy (the wrapped bundle checked before
 * its import), as the values every message about it is said with: the refusals and the app's
 * warning before a deletion (loss-acknowledgement.ts) and the online receipt's line per key.
 * `custody`: none, shares, hsmToken, materialFiles, or unknown (the bundle or the journal did not say).
 */
import { listValue } from '../../../i18n/list';
import { custodySetTag } from '../../custody/set-tag';
import type { CustodyArrangement } from '../../bundle/custody-arrangement';
import type { OnlineKeyState, RecordedCustody } from './state';

/**
 * The custody copy of the material `keyIds` hold or held, as the journal recorded it at their import
 * (the first of them with one on record; undefined: none known). The one reading of a material's
 * custody copy for the app and the CLI: a wrapped bundle checked later and not imported (a later
 * round's, another custody named) does not change it, and an import from a restore brings its own.
 */
export function importedCustodyOf(
  keys: ReadonlyMap<string, OnlineKeyState>,
  keyIds: readonly string[],
): RecordedCustody | undefined {
  return keyIds.map((id) => keys.get(id)?.imported?.custody).find((c) => c !== undefined);
}

export function recordedCustodyValues(custody: RecordedCustody | undefined) {
  const arrangement = custody?.arrangement;
  const values = {
    seq: custody?.seq ?? 0,
    threshold: 0,
    total: 0,
    custodiansList: listValue([]),
    token: '',
    acknowledged: 'no',
    ...custodySetValues(arrangement),
  };
  switch (arrangement?.kind) {
    case 'none':
      return { ...values, custody: 'none', acknowledged: arrangement.acknowledged ? 'yes' : 'no' };
    case 'shares':
      return {
        ...values,
        custody: 'shares',
        threshold: arrangement.threshold,
        total: arrangement.total,
        custodiansList: listValue(arrangement.custodians),
      };
    case 'hsm-token':
      return {
        ...values,
        custody: 'hsmToken',
        // Label and serial as the token gave them; a blank one is left out (never `"" / 42` or `" / 42"`).
        token: [arrangement.label.trim(), arrangement.serial.trim()].filter(Boolean).join(' / ') || '-',
      };
    case 'material-files':
      return { ...values, custody: 'materialFiles' };
    default:
      return { ...values, custody: 'unknown' };
  }
}

/**
 * The custody set a custody copy of shares names (format version 5 of a wrapped bundle), as a
 * message's `set` (named or unnamed) and `setTag` (the tag in the set's share files' names).
 */
export function custodySetValues(arrangement: CustodyArrangement | null | undefined): {
  set: 'named' | 'unnamed';
  setTag: string;
} {
  return arrangement?.kind === 'shares' && arrangement.backupDigest
    ? { set: 'named', setTag: custodySetTag(arrangement.backupDigest) }
    : { set: 'unnamed', setTag: '' };
}
