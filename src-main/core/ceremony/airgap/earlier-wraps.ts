/**
 * The wraps an air-gapped journal already finished: its sealed sessions (sealedSessions: the receipt
 * written, or the bundle completed; one rule for the wrap-again question below and for the earlier
 * wraps a wrapped bundle lists, wrapped-bundle-writer.ts). A new wrap of the same ceremony makes NEW material: beside the
 * earlier bundle (still importable while its tokens live) and the earlier custody set (shares that
 * look valid for years) it is a second version of the ceremony's keys. That may be right (the
 * media were lost, the bundle must not be used) but it is the officer's explicit choice while an
 * earlier bundle can still be imported (its import tokens live): without a reason given
 * (`--wrap-again REASON`, the app's "wrap again" choice) the preflight refuses, journaled
 * `wrap.repeated-refused`, before any material exists. When every earlier bundle's tokens have
 * expired, or when every key takes only the material the KMS already holds (bound at an import,
 * so no new material can come of it), no choice is needed. Either way the session journals `wrap.repeated` (an override on
 * the receipt) naming every earlier bundle and custody set, and the reason when one was given, once
 * it makes or loads material (repeated-wrap-preflight.ts).
 */
import { phraseOf } from '../../../i18n/phrase';
import { listValue } from '../../../i18n/list';
import { earlierCustodySets, freshKeyIds, keptKeyName } from './earlier-custody-sets';
import { keyAliases, keysBacked, keysReadNamed } from '../../custody/keys-backed';
import { parametersReadTokens } from './journal-kms-time';
import { KeyferryError } from '../../errors';
import { sealingEntries, type Journal, type JournalEntry } from '../../journal';
import type { ImportParameters } from '../../bundle';
import { boundMaterialFor } from '../../bundle/bound-material';
import { custodySplitRecordSchema } from './custody-split';
import { startsAirGappedSession } from './receipt-session';
import { WRAP_AGAIN_REASON_MAX, wrapAgainReasonSchema } from './wrap-again-reason';

/** One finished wrap (or restore) session of the journal. */
export interface EarlierWrap {
  /** 1-based: the n-th session of the journal, as receipt names count them. */
  readonly session: number;
  /** The wrapped-material bundle's digest (its manifest's SHA-256) and folder. */
  readonly bundleDigest: string;
  readonly folder: string;
  /** The session's receipt (text file name), which names the bundle digest and the custody set. */
  readonly receipt: string | null;
  /**
   * The custody set written in that session (its backup's digest and holders), if any, with the keys
   * it backs: each key its material went to, every member of a replica group it holds (empty: not journaled).
   */
  readonly custody: {
    readonly backupDigest: string;
    readonly custodians: readonly string[];
    readonly keyIds: readonly string[];
    /** The alias of each of those keys that its session's parameters name (keys-backed.ts keyAliases). */
    readonly aliases: ReadonlyMap<string, string>;
  } | null;
  /**
   * Until when (ISO) the bundle can be imported: the latest import-token expiry of its keys. Null
   * when that is not known (a token held by the console, parameters not journaled): counted as
   * importable.
   */
  readonly tokensUntil: string | null;
  /** The labels of the HSM token objects its material was generated as (its custody copy), if any. */
  readonly hsmObjectLabels?: readonly string[];
  /** The keys of the parameters it wrapped (its session's `parameters.read`; absent: not journaled), each named as lines name it. */
  readonly keys?: readonly { readonly keyId: string; readonly named: string }[];
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** The latest token expiry of a `parameters.read` entry's keys (null: one of them is not known). */
function tokensUntilOf(data: unknown): string | null {
  const read = parametersReadTokens.safeParse(data);
  if (!read.success || read.data.keys.length === 0) return null;
  const times = read.data.keys.map((k) => k.tokenExpiresAt);
  if (times.some((t) => t === null || Number.isNaN(Date.parse(t)))) return null;
  return new Date(Math.max(...times.map((t) => Date.parse(t as string)))).toISOString();
}

/** The earlier wraps whose bundle can still be imported at `now` (tokens alive, or not known). */
export function stillImportable(earlier: readonly EarlierWrap[], now: Date): EarlierWrap[] {
  return earlier.filter((w) => w.tokensUntil === null || Date.parse(w.tokensUntil) > now.getTime());
}

/** The journal entry that started a session: its number and hash (a wrapped bundle's `madeBy.earlierWraps` lists it). */
interface SessionStart {
  readonly seq: number;
  readonly sha256: string;
}

/** One sealed air-gapped session: the entry that started it, and what it finished (null: no bundle journaled). */
interface SealedSession {
  readonly start: SessionStart;
  readonly wrap: EarlierWrap | null;
}

/** The bundle an entry names (`wrapped-bundle.written` or `.completed`): its manifest digest and folder. */
function bundleNamedBy(entry: JournalEntry | undefined): { bundleDigest: string; folder: string } | null {
  const bundleDigest = text(entry?.data['manifestSha256']);
  const folder = text(entry?.data['folder']);
  return bundleDigest && folder ? { bundleDigest, folder } : null;
}

/**
 * Every sealed air-gapped session of `entries` (a wrap or a custody restore whose receipt was written
 * and not voided, or whose bundle was completed: sealingEntries), oldest first, each with its bundle, receipt,
 * custody set and token expiry. The one rule of "an earlier wrap": the manifest is written and read
 * back after the receipt and before `wrapped-bundle.completed` is appended, so a power cut between
 * them leaves a whole bundle (its receipt printed) that the online side may take. Such a session
 * counts like a completed one: its bundle is the one its `wrapped-bundle.written` staged (the digest
 * the receipt prints), and journals written before 2026-11-30, which end at the receipt, count too.
 * A bundle the journal records withdrawn (its manifest could not be written after the receipt, the
 * session stopped, or a later session found it unfinished) can never be imported: no wrap of it.
 */
function sealedSessions(entries: readonly JournalEntry[]): SealedSession[] {
  const sealed: SealedSession[] = [];
  const withdrawn = new Set(
    entries.flatMap((e) => (e.event === 'wrapped-bundle.withdrawn' ? [text(e.data['manifestSha256'])] : [])),
  );
  const sealing = sealingEntries(entries);
  let number = 0;
  let open: { start: SessionStart; entries: JournalEntry[] } | undefined;
  const close = () => {
    if (open?.entries.some((e) => sealing.has(e.seq))) {
      const wrap = finishedIn(number, open.entries);
      sealed.push({ start: open.start, wrap: wrap && withdrawn.has(wrap.bundleDigest) ? null : wrap });
    }
    open = undefined;
  };
  for (const entry of entries) {
    // Any session start ends the one before (an online session's entries are never an air-gapped one's).
    if (entry.event === 'ceremony.session-started') close();
    if (startsAirGappedSession(entry)) {
      number += 1;
      open = { start: { seq: entry.seq, sha256: entry.hash }, entries: [] };
    } else open?.entries.push(entry);
  }
  close();
  return sealed;
}

/** What the sealed session `session` (its entries after the start) finished: its bundle, receipt, custody set and tokens. */
function finishedIn(session: number, entries: readonly JournalEntry[]): EarlierWrap | null {
  const bundle =
    bundleNamedBy(entries.findLast((e) => e.event === 'wrapped-bundle.completed')) ??
    bundleNamedBy(entries.findLast((e) => e.event === 'wrapped-bundle.written'));
  if (!bundle) return null;
  const receiptWritten = entries.findLast((e) => e.event === 'receipt.written');
  const read = entries.findLast((e) => e.event === 'parameters.read');
  const split = custodySplitRecordSchema.safeParse(entries.findLast((e) => e.event === 'custody.split')?.data);
  const backupDigest = split.success ? split.data.backupDigest : undefined;
  const hsmObjectLabels = entries.flatMap((e) =>
    e.event === 'material.generated' && typeof e.data['objectLabel'] === 'string' ? [e.data['objectLabel']] : [],
  );
  return {
    session,
    ...bundle,
    receipt: text(receiptWritten?.data['textFile']),
    custody:
      split.success && backupDigest
        ? {
            backupDigest,
            custodians: split.data.holders.map((h) => h.custodian),
            keyIds: keysBacked(split.data.keyIds ?? [], read?.data),
            aliases: keyAliases(read?.data),
          }
        : null,
    tokensUntil: read ? tokensUntilOf(read.data) : null,
    ...(hsmObjectLabels.length > 0 ? { hsmObjectLabels } : {}),
    ...(read ? { keys: keysReadNamed(read.data) } : {}),
  };
}

/**
 * The wraps (and restores) `entries` finished, oldest first: every sealed session (sealedSessions)
 * with its bundle. A sealed session always has one (the bundle is staged, `wrapped-bundle.written`,
 * before the receipt); one without is not asked about, as nothing of it can be imported.
 */
export function finishedWraps(entries: readonly JournalEntry[]): EarlierWrap[] {
  return sealedSessions(entries).flatMap((s) => (s.wrap ? [s.wrap] : []));
}

/**
 * The entry that started each sealed air-gapped session of `entries` (sealedSessions, the same rule
 * as finishedWraps), oldest first: what a wrapped bundle's `madeBy.earlierWraps` lists. Listing a
 * session whose bundle never came to be is harmless: the online side requires only the wraps it
 * took to be listed.
 */
export function finishedWrapStarts(entries: readonly JournalEntry[]): SessionStart[] {
  return sealedSessions(entries).map((s) => s.start);
}

function earlierData(earlier: readonly EarlierWrap[]) {
  return earlier.map((w) => ({
    session: w.session,
    bundleDigest: w.bundleDigest,
    folder: w.folder,
    tokensUntil: w.tokensUntil,
    ...(w.receipt ? { receipt: w.receipt } : {}),
    ...(w.custody ? { backupDigest: w.custody.backupDigest, custodians: [...w.custody.custodians] } : {}),
  }));
}

/** The officer's reason to wrap again, checked (WRAP_AGAIN_REASON_INVALID); undefined when none was given. */
export function wrapAgainReason(given: string | undefined): string | undefined {
  if (given === undefined) return undefined;
  const parsed = wrapAgainReasonSchema.safeParse(given);
  if (!parsed.success) throw new KeyferryError('WRAP_AGAIN_REASON_INVALID', { max: WRAP_AGAIN_REASON_MAX });
  return parsed.data;
}

/** Why a wrap after finished ones was let through: the officer's reason, no earlier bundle importable, or no new material possible. */
export type RepeatedWrapGrounds = 'reason' | 'tokensExpired' | 'boundMaterial';

/**
 * Whether a wrap after `earlier` may go on, and on what grounds (null: no earlier wrap). Refuses
 * while one of them can still be imported at `kmsNow` (the KMS's time as the fresh parameters'
 * tokens prove it, or this computer's when later), the officer gave no `reason` and new material
 * is possible (not every key of `parameters` is bound to the KMS's material): journaled
 * `wrap.repeated-refused` naming those bundles, then WRAP_AGAIN_NOT_CHOSEN.
 */
export async function repeatedWrapGrounds(
  journal: Journal,
  operator: string,
  earlier: readonly EarlierWrap[],
  context: { kmsNow: Date; reason: string | undefined; parameters: readonly ImportParameters[] },
): Promise<RepeatedWrapGrounds | null> {
  if (earlier.length === 0) return null;
  if (context.reason !== undefined) return 'reason';
  const importable = stillImportable(earlier, context.kmsNow);
  if (importable.length === 0) return 'tokensExpired';
  if (context.parameters.every((p) => boundMaterialFor(p, context.parameters) !== undefined)) return 'boundMaterial';
  await journal.append(operator, 'wrap.repeated-refused', {
    code: 'WRAP_AGAIN_NOT_CHOSEN',
    earlier: earlierData(importable),
  });
  const known = importable.map((w) => w.tokensUntil);
  const latest = Math.max(...known.map((t) => (t === null ? 0 : Date.parse(t))));
  const last = importable.at(-1) as EarlierWrap;
  // This wrap for some keys only of such a bundle (a fetch for those keys alone): the latest one, said by session and
  // by name. Not only the last bundle: an earlier one may hold these keys beside others while the last holds none of them.
  const coveredOf = (w: EarlierWrap) =>
    (w.keys ?? []).filter((k) => context.parameters.some((p) => p.keyId === k.keyId));
  const partly = importable.findLast((w) => {
    const covered = coveredOf(w).length;
    return covered > 0 && covered < (w.keys ?? []).length;
  });
  const covered = partly ? coveredOf(partly) : [];
  throw new KeyferryError('WRAP_AGAIN_NOT_CHOSEN', {
    count: importable.length,
    last: last.session,
    known: known.includes(null) ? 'no' : 'yes',
    until: latest,
    part: partly ? 'some' : 'all',
    partOf: partly?.session ?? last.session,
    covered: covered.length,
    held: partly?.keys?.length ?? 0,
    coveredList: listValue(covered.map((k) => k.named)),
  });
}

/** The parameters of the wrap being journaled, and whether it takes material that exists already. */
interface RepeatedWrapMaterial {
  /** The wrap takes material that exists already (HSM token keys, a material file): no new material, no set destroyed. */
  readonly existing: boolean;
  readonly parameters: readonly Pick<ImportParameters, 'keyId' | 'replicaOf' | 'boundMaterial'>[];
}

/**
 * Journals `wrap.repeated` (an override on the receipt) naming every earlier bundle and custody
 * set, and the officer's `reason` when one was given (needed while one can still be imported).
 * With new material, an earlier set whose every key this wrap makes new material for is to be
 * destroyed once this bundle is imported; one that also backs other keys is to be KEPT
 * (earlier-custody-sets.ts). Material that exists already destroys no set.
 */
export async function journalRepeatedWrap(
  journal: Journal,
  operator: string,
  earlier: readonly EarlierWrap[],
  grounds: RepeatedWrapGrounds,
  reason: string | undefined,
  made: RepeatedWrapMaterial,
): Promise<void> {
  // The same material again (from the token or a file): the earlier custody sets may still hold it, none is
  // destroyed; those that also back keys this wrap leaves are named as kept all the same.
  const sets = earlierCustodySets(earlier, freshKeyIds(made.parameters), made.existing);
  const facts = {
    count: earlier.length,
    last: (earlier.at(-1) as EarlierWrap).session,
    custodySets: sets.destroy.length + sets.keep.length,
    fresh: made.existing ? 'no' : 'yes',
  };
  // With earlier custody sets the receipt tells their custodians to destroy them, naming each by its backup digest.
  const destroy = { ...facts, backupsList: listValue(sets.destroy) };
  // A set that also backs keys this wrap makes no new material for is kept: named, with those keys.
  const kept = {
    ...destroy,
    destroy: sets.destroy.length,
    kept: sets.keep.length,
    keptList: listValue(sets.keep),
    keysList: listValue(sets.keptKeys.map(keptKeyName)),
    named: sets.keptKeys.length > 0 ? 'yes' : 'no',
  };
  const phrase =
    sets.keep.length > 0
      ? reason === undefined
        ? phraseOf('journal.reason.wrap-repeated-kept', kept)
        : phraseOf('journal.reason.wrap-again-kept', { ...kept, reason })
      : reason === undefined
        ? sets.destroy.length > 0
          ? phraseOf('journal.reason.wrap-repeated-sets', destroy)
          : phraseOf('journal.reason.wrap-repeated', facts)
        : sets.destroy.length > 0
          ? phraseOf('journal.reason.wrap-again-sets', { ...destroy, reason })
          : phraseOf('journal.reason.wrap-again', { ...facts, reason });
  await journal.append(operator, 'wrap.repeated', {
    earlier: earlierData(earlier),
    grounds,
    ...(reason === undefined ? {} : { wrapAgainReason: reason }),
    reasonPhrase: { ...phrase },
  });
}
