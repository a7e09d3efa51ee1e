/**
 * A custodian folder the preflight finds not empty (PREFLIGHT_FOLDER_NOT_EMPTY) that holds files of a
 * custody set this journal names as left there: a closing or a stop could not withdraw them
 * (`custody.withdraw-failed`: the stick was out, moved or read-only), or kept them on purpose
 * (`custody.kept`). A trial's custodian brought that stick back to the next wrap and got the generic
 * refusal, which said the files "may be an earlier custody set, the only backup of keys already
 * imported", although the journal knew whose they were. The refusal then names the set (its tag),
 * the session that split it, the holder and the entry that named the files, and says what that entry
 * says to do: delete them by hand, check them first, or keep them (PREFLIGHT_CUSTODIAN_LEFT_SET). A
 * set whose last word in the journal is a removal, or that the journal names nowhere as left, keeps
 * the generic refusal: nothing here tells anyone to delete a set the journal does not say is void.
 */
import { promises as fs } from 'node:fs';
import { KeyferryError, isKeyferryError } from '../../errors';
import type { JournalEntry } from '../../journal';
import { custodySetTag } from '../../custody/set-tag';
import { CUSTODY_SPLIT_STARTED } from './custody-split';
import { startsAirGappedSession } from './receipt-session';
import { listValue } from '../../../i18n/list';
import { holderWithdrawal, samePath } from '../../receipt/custodian-lines';

/** A share file's number in its name (keyferry-share-…-<i>of<n>.json). */
const SHARE_NUMBER = /^keyferry-share-.+-(\d+)of\d+\.json$/;

/** The holder of `split` (a `custody.split` or its start) whose folder is `folder`, as the split journaled it. */
function holderIn(split: JournalEntry, folder: string) {
  const holders = split.data['holders'];
  if (!Array.isArray(holders)) return null;
  for (const h of holders) {
    if (h === null || typeof h !== 'object' || Array.isArray(h) || !samePath(h['folder'], folder)) continue;
    return { custodian: String(h['custodian'] ?? '?'), shareIndex: h['shareIndex'], folder };
  }
  return null;
}

/**
 * What the journal's `entries` say of the set whose files (among `names`) make custodian folder
 * `folder` not empty: the refusal's values, or undefined when the journal names none of them as left
 * there. Only entries of the split's session and its closing count (up to the next session's start).
 */
function leftCustodySetIn(entries: readonly JournalEntry[], folder: string, names: readonly string[]) {
  // The last split whose set's files are there: a later set of the same folder wins.
  for (let i = entries.length - 1; i >= 0; i--) {
    const split = entries[i] as JournalEntry;
    if (split.event !== 'custody.split' && split.event !== CUSTODY_SPLIT_STARTED) continue;
    const digest = split.data['backupDigest'];
    if (typeof digest !== 'string' || !/^[0-9a-fA-F]{8}/.test(digest)) continue;
    const tag = custodySetTag(digest);
    const files = names.filter((n) => n.includes(`-${tag}`));
    const holder = holderIn(split, folder);
    if (files.length === 0 || !holder) continue;
    // What the receipt's People lines say of that holder: the last entry that says anything of the folder.
    const said = holderWithdrawal(entries, i, holder);
    if (!('seq' in said)) return undefined;
    const share = String(holder.shareIndex ?? '?');
    const starts = entries.slice(0, i + 1).filter(startsAirGappedSession);
    // The share files there by their number: another holder's (sticks swapped) is said so.
    const found = files.flatMap((n) => SHARE_NUMBER.exec(n)?.[1] ?? []);
    const swapped = found.length > 0 && !found.includes(share);
    return {
      count: files.length,
      others: names.length - files.length,
      tag,
      session: starts.length,
      fromSeq: starts.at(-1)?.seq ?? 0,
      splitSeq: split.seq,
      custodian: holder.custodian,
      share,
      seq: said.seq,
      // Kept on purpose, to check first, or left (or maybe reached by a cut split's writes): delete by hand.
      how: said.how === 'kept' || said.how === 'check' ? said.how : 'delete',
      found: swapped ? 'swapped' : 'holders',
      sharesFoundList: listValue(found),
    };
  }
  return undefined;
}

/**
 * `error` as the preflight threw it, or, for a custodian folder not empty with files of a set the
 * journal names as left there, the refusal that names that set (see the file comment).
 */
export async function namedLeftCustodySet(entries: readonly JournalEntry[], error: unknown): Promise<unknown> {
  if (!isKeyferryError(error) || error.code !== 'PREFLIGHT_FOLDER_NOT_EMPTY') return error;
  const { role, folder, index } = error.values ?? {};
  if (role !== 'custodian' || typeof folder !== 'string' || typeof index !== 'number') return error;
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  const left = leftCustodySetIn(entries, folder, names);
  if (!left) return error;
  return new KeyferryError('PREFLIGHT_CUSTODIAN_LEFT_SET', { index, folder, ...left }, { cause: error });
}
