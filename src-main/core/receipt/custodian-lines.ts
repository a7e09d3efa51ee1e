/**
 * The custodians' lines of a receipt's People section, read from the journal alone: who holds which
 * share of a custody set, whose share was withdrawn with its session (or named as left, or kept on
 * purpose), and who presented a share to a restore (journal-facts.ts gathers the whole section).
 */
import { sealingEntries, SESSION_STOPPED_BY, stringList, type JournalEntry, type JsonValue } from '../journal';
import { groupHex } from '../hex-groups';
import { phrase } from './facts';
import type { ReceiptPhrase } from './language';

/** A digest's first 16 digits in the receipt's one hex style ("02C7 4C73 3386 E4A7"); "?" when not hex. */
function shortDigest(value: unknown): string {
  const hex = typeof value === 'string' ? value.slice(0, 16) : '';
  return /^[0-9a-fA-F]{16}$/.test(hex) ? groupHex(hex) : '?';
}

/** Entries after a custody split that void its set: a withdrawal (done, failed, or the set kept on purpose), or its session stopped (journal/deviations.ts). */
const WITHDRAWING = new Set(['custody.withdrawn', 'custody.withdraw-failed', 'custody.kept']);

/**
 * Whether the custody split at `index` was withdrawn or orphaned: its session was stopped (a
 * withdrawal or a stop follows it before any receipt), or the next session started with no receipt
 * or stop of its own (an older journal whose crashed session nobody closed). A split of the session
 * still under way (the one writing this receipt) is held.
 */
function splitVoided(entries: readonly JournalEntry[], index: number, sealing: ReadonlySet<number>): boolean {
  for (const entry of entries.slice(index + 1)) {
    if (sealing.has(entry.seq)) return false;
    if (
      WITHDRAWING.has(entry.event) ||
      SESSION_STOPPED_BY.has(entry.event) ||
      entry.event === 'ceremony.session-started'
    )
      return true;
  }
  return false;
}

/** Where a voided split's holder stands: its files seen removed, named as left (entry `seq`), or no record of either. */
type HolderWithdrawal =
  | { readonly how: 'withdrawn' }
  | { readonly how: 'failed' | 'kept'; readonly seq: number }
  | { readonly how: 'unrecorded' };

const samePath = (a: JsonValue | undefined, b: string): boolean =>
  typeof a === 'string' && a.replace(/[\\/]+$/, '') === b.replace(/[\\/]+$/, '');

/**
 * What the journal records of withdrawing the files of the holder `h` of the voided split at
 * `index`, from the split up to the next session's start (a stop withdraws before its
 * `ceremony.abandoned`; a crashed session's closing before the next `ceremony.session-started`).
 * Withdrawn only when an entry names the holder's folder as cleared: a folder the closing could not
 * read, or a file it could not remove, is not withdrawn (unfinished-session.ts).
 */
function holderWithdrawal(
  entries: readonly JournalEntry[],
  index: number,
  h: { readonly custodian: string; readonly shareIndex?: JsonValue; readonly folder?: JsonValue },
): HolderWithdrawal {
  const after = entries.slice(index + 1);
  const end = after.findIndex((e) => e.event === 'ceremony.session-started');
  const withdrawals = (end === -1 ? after : after.slice(0, end)).filter((e) => WITHDRAWING.has(e.event));
  const folder = typeof h.folder === 'string' ? h.folder : null;
  // A split journaled before its holders' folders were: any withdrawal counts, as receipts always said.
  if (folder === null) return withdrawals.length > 0 ? { how: 'withdrawn' } : { how: 'unrecorded' };
  for (const e of withdrawals) {
    const named =
      samePath(e.data.folder, folder) || (e.data.custodian === h.custodian && e.data.shareIndex === h.shareIndex);
    const left = stringList(e.data.leftFiles).some((f) => samePath(f.replace(/[\\/][^\\/]*$/, ''), folder));
    if ((e.event === 'custody.withdraw-failed' || e.event === 'custody.kept') && (named || left))
      // Kept on purpose: journaled custody.kept, or (builds of 2026-12-07 before it) withdraw-failed, cause receiptWritten.
      return {
        how: e.event === 'custody.kept' || e.data['cause'] === 'receiptWritten' ? 'kept' : 'failed',
        seq: e.seq,
      };
  }
  const cleared = withdrawals.some((e) => stringList(e.data.folders).some((f) => samePath(f, folder)));
  return cleared ? { how: 'withdrawn' } : { how: 'unrecorded' };
}

/**
 * Who presented the custody shares a restore used (custody.restored: each holder's presenter, else the
 * custodian), once each in order: they sign the restore's receipt beside its operator and witnesses.
 */
export function sharePresenters(entries: readonly JournalEntry[]): string[] {
  const names: string[] = [];
  for (const entry of entries) {
    if (entry.event !== 'custody.restored' || !Array.isArray(entry.data.holders)) continue;
    for (const h of entry.data.holders) {
      if (h === null || typeof h !== 'object' || Array.isArray(h) || typeof h.custodian !== 'string') continue;
      const presenter = typeof h.presentedBy === 'string' ? h.presentedBy : h.custodian;
      if (!names.includes(presenter)) names.push(presenter);
    }
  }
  return names;
}

/**
 * What the receipt's People section says of each custodian, by name: the share of a custody set they
 * hold, were given of a set later withdrawn (or named as left, or kept), or presented to a restore;
 * each line cites the journal entry it comes from.
 */
export function custodianLines(entries: readonly JournalEntry[]): Map<string, ReceiptPhrase[]> {
  const byName = new Map<string, ReceiptPhrase[]>();
  const add = (name: string, line: ReceiptPhrase) => byName.set(name, [...(byName.get(name) ?? []), line]);
  const sealing = sealingEntries(entries);
  for (const [index, entry] of entries.entries()) {
    // Only a split and a restore say who holds or presented a share (a split's start names the holders too).
    if (entry.event !== 'custody.split' && entry.event !== 'custody.restored') continue;
    const voided = entry.event === 'custody.split' && splitVoided(entries, index, sealing);
    const holders = entry.data.holders;
    if (!Array.isArray(holders)) continue;
    for (const h of holders) {
      if (h === null || typeof h !== 'object' || Array.isArray(h) || typeof h.custodian !== 'string') continue;
      const share = {
        seq: entry.seq,
        share: String(h.shareIndex),
        total: String(entry.data.total ?? '?'),
        keyId: String(entry.data.keyId ?? '?'),
        threshold: String(entry.data.threshold ?? '?'),
      };
      const keyIds = entry.data.keyIds;
      if (Array.isArray(keyIds)) {
        // One share of the ceremony's custody set covers every key.
        const set = {
          seq: entry.seq,
          share: share.share,
          total: share.total,
          threshold: share.threshold,
          materials: keyIds.length,
          digest: shortDigest(entry.data.backupDigest),
        };
        if (entry.event === 'custody.split' && !voided) add(h.custodian, phrase('receipt.people.holdsSet', set));
        if (entry.event === 'custody.split' && voided) {
          const withdrawal = holderWithdrawal(entries, index, {
            custodian: h.custodian,
            shareIndex: h.shareIndex,
            folder: h.folder,
          });
          add(
            h.custodian,
            withdrawal.how === 'withdrawn'
              ? phrase('receipt.people.withdrawnSet', set)
              : phrase('receipt.people.notWithdrawnSet', {
                  ...set,
                  how: withdrawal.how,
                  failedSeq: withdrawal.how === 'failed' || withdrawal.how === 'kept' ? withdrawal.seq : 0,
                  folder: typeof h.folder === 'string' ? h.folder : '?',
                }),
          );
        }
        if (entry.event === 'custody.restored')
          add(
            h.custodian,
            phrase('receipt.people.presentedSet', {
              ...set,
              presenter: typeof h.presentedBy === 'string' ? h.presentedBy : h.custodian,
            }),
          );
        continue;
      }
      if (entry.event === 'custody.split' && !voided) add(h.custodian, phrase('receipt.people.holds', share));
      if (entry.event === 'custody.restored')
        add(
          h.custodian,
          typeof h.presentedBy === 'string'
            ? phrase('receipt.people.presentedBy', { ...share, presenter: h.presentedBy })
            : phrase('receipt.people.presented', share),
        );
    }
  }
  return byName;
}
