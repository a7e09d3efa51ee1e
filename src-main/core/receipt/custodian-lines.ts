/**
 * The custodians' lines of a receipt's People section, read from the journal alone: who holds which
 * share of a custody set, whose share was withdrawn with its session (or named as left, or kept on
 * purpose), and who presented a share to a restore (journal-facts.ts gathers the whole section). A
 * split cut in its writes (its `custody.split-started`, no `custody.split`) names its holders only
 * where the journal says what became of their folder: withdrawn, or NOT (a folder the writes may have
 * reached that could not be read: its custodian must check their medium). A trial's receipt named
 * such a holder under Deviations only, never in their own section.
 */
import { sealingEntries, SESSION_STOPPED_BY, stringList, type JournalEntry, type JsonValue } from '../journal';
import { groupHex } from '../hex-groups';
import { custodySetTag } from '../custody/set-tag';
import { keysBacked } from '../custody/keys-backed';
import { phrase } from './facts';
import type { ReceiptPhrase } from './language';

/** A digest's first 16 digits in the receipt's one hex style ("02C7 4C73 3386 E4A7"); "?" when not hex. */
function shortDigest(value: unknown): string {
  const hex = typeof value === 'string' ? value.slice(0, 16) : '';
  return /^[0-9a-fA-F]{16}$/.test(hex) ? groupHex(hex) : '?';
}

/** A split's start, journaled before its files (custody-split.ts CUSTODY_SPLIT_STARTED). */
export const CUSTODY_SPLIT_STARTED = 'custody.split-started';

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
  | { readonly how: NotWithdrawnHow; readonly seq: number }
  | { readonly how: 'unrecorded' };

/**
 * Why a holder's files stay: kept on purpose, left (to delete by hand), a cut split's folder the
 * writes may have reached that could not be read (`maybe`), or a whole set found where a cut split
 * wrote, to check before deleting anything (`check`: the split may have finished unjournaled).
 */
type NotWithdrawnHow = 'failed' | 'kept' | 'maybe' | 'check';

/** How the withdraw-failed (or kept) entry `e` leaves its holder's files (crashed-session-custody.ts). */
function notWithdrawnHow(e: JournalEntry): NotWithdrawnHow {
  // Kept on purpose: journaled custody.kept, or (builds of 2026-12-07 before it) withdraw-failed, cause receiptWritten.
  if (e.event === 'custody.kept' || e.data['cause'] === 'receiptWritten') return 'kept';
  if (e.data['cause'] === 'unknownSet') return 'check';
  const reason = e.data['reasonPhrase'];
  const values = reason !== null && typeof reason === 'object' && !Array.isArray(reason) ? reason['values'] : null;
  const holder = values !== null && typeof values === 'object' && !Array.isArray(values) ? values['holder'] : null;
  return holder === 'maybe' ? 'maybe' : 'failed';
}

/** Whether the journaled path `a` is the folder `b` (a trailing separator aside). */
export const samePath = (a: JsonValue | undefined, b: string): boolean =>
  typeof a === 'string' && a.replace(/[\\/]+$/, '') === b.replace(/[\\/]+$/, '');

/**
 * What the journal records of withdrawing the files of the holder `h` of the voided split at
 * `index`, from the split up to the next session's start (a stop withdraws before its
 * `ceremony.abandoned`; a crashed session's closing before the next `ceremony.session-started`).
 * Withdrawn only when an entry names the holder's folder as cleared: a folder the closing could not
 * read, a file it could not remove, or one (or the folder itself) no longer where it was written, is
 * not withdrawn (unfinished-session.ts, withdraw-custody.ts).
 */
export function holderWithdrawal(
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
  // The last entry that says anything of the folder: a stop that left files, then a closing that
  // removed them, leaves the holder withdrawn (and a later failure after a removal, not withdrawn).
  let said: HolderWithdrawal = { how: 'unrecorded' };
  for (const e of withdrawals) {
    const named =
      samePath(e.data.folder, folder) || (e.data.custodian === h.custodian && e.data.shareIndex === h.shareIndex);
    // Left (not removable), or not where written: a moved file, or the moved folder itself (created-entries.ts).
    const left = [...stringList(e.data.leftFiles), ...stringList(e.data.movedFiles)].some(
      (f) => samePath(f, folder) || samePath(f.replace(/[\\/][^\\/]*$/, ''), folder),
    );
    if ((e.event === 'custody.withdraw-failed' || e.event === 'custody.kept') && (named || left))
      said = { how: notWithdrawnHow(e), seq: e.seq };
    else if (stringList(e.data.folders).some((f) => samePath(f, folder))) said = { how: 'withdrawn' };
  }
  return said;
}

/** A later wrap that replaces a held set: its `wrap.repeated`, its session's number, and the split of its own set. */
interface ReplacedBy {
  readonly repeatSeq: number;
  readonly session: number;
  readonly laterSeq: number;
}

/** Whether `e`, a `wrap.repeated`, names the set of backup digest `digest` among the earlier wraps', for new material. */
function repeatsOverSet(e: JournalEntry, digest: JsonValue | undefined): boolean {
  const earlier = e.data['earlier'];
  const named =
    Array.isArray(earlier) &&
    earlier.some((w) => w !== null && typeof w === 'object' && !Array.isArray(w) && w['backupDigest'] === digest);
  const reason = e.data['reasonPhrase'];
  const values = reason !== null && typeof reason === 'object' && !Array.isArray(reason) ? reason['values'] : null;
  // The same material again (HSM token keys, a material file): the earlier set still holds it. A journal of
  // the 12-02 to 12-05 builds does not say (no `fresh`, also for material taken again): not claimed new.
  const fresh = values !== null && typeof values === 'object' && !Array.isArray(values) ? values['fresh'] : null;
  return named && fresh === 'yes';
}

/** The `parameters.read` of the session the entry at `index` is in (the last before it), if any. */
function sessionParameters(entries: readonly JournalEntry[], index: number): JsonValue | undefined {
  for (const entry of entries.slice(0, index).reverse()) {
    if (entry.event === 'parameters.read') return entry.data;
    if (entry.event === 'ceremony.session-started') return undefined;
  }
  return undefined;
}

/**
 * Whether the set split at `laterIndex` covers every key the set split at `heldIndex` backs, the
 * replicas of a group it holds included (custody/keys-backed.ts). A later wrap of some of the keys
 * only (key 2's import refused, new parameters fetched for key 2 alone; a group's primary without its
 * replica) leaves the others' material, which the KMS may hold from the earlier bundle, in the held
 * set alone: a trial's receipt said that set "backs nothing and its shares are to be destroyed" for a
 * wrap of one of its two keys.
 */
function coversKeys(entries: readonly JournalEntry[], heldIndex: number, laterIndex: number): boolean {
  const keysOf = (index: number) =>
    keysBacked(stringList(entries[index]?.data['keyIds']), sessionParameters(entries, index));
  const heldKeys = keysOf(heldIndex);
  const laterKeys = keysOf(laterIndex);
  return heldKeys.length > 0 && heldKeys.every((k) => laterKeys.includes(k));
}

/**
 * The later wrap that replaces the held set of the split at `index` (journal-wise): a `wrap.repeated`
 * of new material naming that set among the earlier wraps', whose own session split a set that stands
 * (held: its session sealed, or the one writing this receipt) of every key of the held set (coversKeys).
 * Null when there is none: no later wrap, the same material again, one stopped or withdrawn, or one
 * of some of the keys only; that set then still backs the keys (or some of them).
 * Which bundle the KMS takes, the air-gapped journal cannot know: the line says so.
 */
function replacedBy(entries: readonly JournalEntry[], index: number, sealing: ReadonlySet<number>): ReplacedBy | null {
  const digest = entries[index]?.data.backupDigest;
  if (typeof digest !== 'string') return null;
  for (const [j, e] of entries.entries()) {
    if (j <= index || e.event !== 'wrap.repeated' || !repeatsOverSet(e, digest)) continue;
    for (const [k, later] of entries.entries()) {
      if (k <= j) continue;
      if (later.event === 'ceremony.session-started') break;
      if (later.event !== 'custody.split' || splitVoided(entries, k, sealing)) continue;
      if (!coversKeys(entries, index, k)) continue;
      const session = entries
        .slice(0, j)
        .filter((s) => s.event === 'ceremony.session-started' && s.data.side === 'air-gapped').length;
      return { repeatSeq: e.seq, session, laterSeq: later.seq };
    }
  }
  return null;
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

/** Whether the split begun at `index` was cut before its `custody.split`: its session killed or stopped in the writes. */
function splitCut(entries: readonly JournalEntry[], index: number): boolean {
  for (const entry of entries.slice(index + 1)) {
    if (entry.event === 'custody.split') return false;
    if (
      entry.event === CUSTODY_SPLIT_STARTED ||
      entry.event === 'ceremony.session-started' ||
      SESSION_STOPPED_BY.has(entry.event) ||
      WITHDRAWING.has(entry.event)
    )
      return true;
  }
  // Still under way (the journal ends in it): no receipt is written before the split is.
  return false;
}

type HolderData = { readonly custodian: string; readonly shareIndex?: JsonValue; readonly folder?: JsonValue };

/**
 * The line of holder `h` of the voided split (or the cut start: `cut`) at `index`: its share
 * withdrawn, or NOT and why. None for a cut start's holder whose folder the journal says nothing of:
 * the writes never reached it, nothing was given.
 */
function voidedHolderLine(
  entries: readonly JournalEntry[],
  index: number,
  h: HolderData,
  set: { readonly seq: number; readonly share: string; readonly total: string; readonly digest: string },
  cut: boolean,
): ReceiptPhrase | null {
  const withdrawal = holderWithdrawal(entries, index, h);
  const folder = typeof h.folder === 'string' ? h.folder : '?';
  if (withdrawal.how === 'withdrawn') return phrase('receipt.people.withdrawnSet', set);
  const backup = entries[index]?.data.backupDigest;
  // The set's files carry its tag: a folder the entry names may hold a later live set's files too.
  const tag = typeof backup === 'string' && /^[0-9a-fA-F]{8}/.test(backup) ? custodySetTag(backup) : '?';
  if (withdrawal.how === 'maybe' || withdrawal.how === 'check') {
    return phrase('receipt.people.cutSet', { ...set, how: withdrawal.how, failedSeq: withdrawal.seq, folder, tag });
  }
  if (cut && withdrawal.how === 'unrecorded') return null;
  return phrase('receipt.people.notWithdrawnSet', {
    ...set,
    how: withdrawal.how,
    failedSeq: withdrawal.how === 'unrecorded' ? 0 : withdrawal.seq,
    folder,
    tag,
  });
}

/**
 * What the receipt's People section says of each custodian, by name: the share of a custody set they
 * hold, were given (or were to get, the split cut) of a set later withdrawn (or named as left, or
 * kept), or presented to a restore; each line cites the journal entry it comes from.
 */
export function custodianLines(entries: readonly JournalEntry[]): Map<string, ReceiptPhrase[]> {
  const byName = new Map<string, ReceiptPhrase[]>();
  const add = (name: string, line: ReceiptPhrase | null) => {
    if (line) byName.set(name, [...(byName.get(name) ?? []), line]);
  };
  const sealing = sealingEntries(entries);
  for (const [index, entry] of entries.entries()) {
    // A split, a restore, and a split's start its split never followed (cut in the writes) say who holds, held or presented a share.
    const cut = entry.event === CUSTODY_SPLIT_STARTED && splitCut(entries, index);
    if (entry.event !== 'custody.split' && entry.event !== 'custody.restored' && !cut) continue;
    const voided = cut || (entry.event === 'custody.split' && splitVoided(entries, index, sealing));
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
      const holder = { custodian: h.custodian, shareIndex: h.shareIndex, folder: h.folder };
      const digest = shortDigest(entry.data.backupDigest);
      if (voided) {
        // A voided split of one key (an older format) says nothing here, as receipts always did.
        if (cut || Array.isArray(entry.data.keyIds))
          add(h.custodian, voidedHolderLine(entries, index, holder, { ...share, digest }, cut));
        continue;
      }
      const keyIds = entry.data.keyIds;
      if (Array.isArray(keyIds)) {
        // One share of the ceremony's custody set covers every key.
        const set = { ...share, materials: keyIds.length, digest };
        // A set a later wrap of new material replaces is marked so (replacedBy).
        const replaced = entry.event === 'custody.split' ? replacedBy(entries, index, sealing) : null;
        if (replaced) add(h.custodian, phrase('receipt.people.holdsReplacedSet', { ...set, ...replaced }));
        else if (entry.event === 'custody.split') add(h.custodian, phrase('receipt.people.holdsSet', set));
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
      if (entry.event === 'custody.split') add(h.custodian, phrase('receipt.people.holds', share));
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
