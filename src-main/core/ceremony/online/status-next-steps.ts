/**
 * What a look at the ceremony's keys in the KMS (`online status`, the app's key states) says is
 * next for each key not finished, from the journal's view of the keys, the KMS's answer and the
 * journal's latest round of each key (material-round.ts), never an earlier one:
 * - `keys`: the keys as the look judges them: a key that lost its material and is Enabled again
 *   after an import sent with no answer recorded is not lost (its material is back);
 * - `deleted`: material deleted on request, and whether its next step is still fresh parameters;
 * - `rounds`: keys that lost their material whose round went past the parameters, one group per
 *   bundle: fresh parameters written (`wrap`: the air-gapped side is next) or a wrapped bundle
 *   checked and not imported (`import`);
 * - `notTaken`: an import sent with no answer recorded while the KMS shows the key still Pending
 *   import (it did not take effect: the same import runs again), one group per bundle;
 * - `sentUnrecorded`: Enabled with an import of this ceremony sent and not recorded (the next import
 *   records it), and the bundles those imports came from; `unproven`: Enabled with an import of this
 *   ceremony answered by a failure that did not prove whether it took effect (KMS.0101, HTTP 400, or
 *   KMS_IMPORT_OUTCOME_UNKNOWN: its answer lost), each key with that answer (the entries of the send
 *   and of the failure), and their bundles; `foreign`: Enabled although this ceremony never sent an import;
 * - `answeredNotTaken`: an import of this ceremony answered by a failure that did not prove whether it
 *   took effect (as `unproven`: KMS.0101, HTTP 400, KMS_IMPORT_OUTCOME_UNKNOWN) while the KMS shows the
 *   key still Pending import (it did not take effect: the next import asks the KMS first, then sends
 *   it again), each key with that answer, one group per bundle;
 * - `lapsed`: material that lapsed, and whether its next step is still fresh parameters;
 * - `missing`: still Pending import with nothing else to say of it (an import stopped part way,
 *   also of a bundle bringing lost material back: another key of it took its material since);
 *   `missingTokens`: when the import tokens of their latest parameters run out (the earliest of
 *   them), and whether that moment has passed by the caller's clock: the same import finishes them
 *   only until then; after it their way on is fresh parameters; `missingBundle`: the bundle that import takes;
 *   `missingRefused`: that import (of the check of the round they share) refused for their expiry or
 *   their tokens (refused-imports.ts), so the same import again would be refused the same way;
 *   `missingWrap`: fresh parameters written for them all since (their round's wrap is next), and
 *   whether the bundle plan (bundle-plan.ts) says that bundle is not to be wrapped (`blocked`: it
 *   also holds a key that took its material from another bundle, or takes another: fresh parameters
 *   for the keys not reached instead);
 * - each round at stage 'import' carries `refused`: its import refused for its expiry or for its
 *   replica group's held expiry (the same bundle with --expires is next), or null;
 * - `groups`: whether the ceremony has replica groups; `nothingImported`: no key holds imported
 *   material and there is nothing else to say of any key (no loss, no import sent): the ceremony is
 *   before its first import (refusedBeforeImport says what a refusal then means).
 */
import { z } from 'zod';
import { namedKeysValue } from '../shared/named-keys';
import type { JournalEntry } from '../../journal';
import { KeyferryError } from '../../errors';
import { KeyState, keyStateOfName } from '../../kms/types';
import { importOfRoundUnderWay, materialRoundOf, type MaterialRound } from './material-round';
import type { ImportAnswer } from './state';
import { ONLINE_EVENTS, parametersFetchedData } from './events';
import { refusalOfCheck, refusedImportOf, wrapsCheckedSinceWritten, type RefusedImport } from './refused-imports';
import { kmsTimeFromTokens } from '../shared/kms-time';
import type { JournaledKey, KeyStatus } from './types';
import type { BundlePlan } from './bundle-plan';
import { deviationReason } from '../../receipt/deviation-facts';

/**
 * The KMS's own answer that an import token has expired. Keyferry's IMPORT_TOKEN_EXPIRED and
 * KMS_IMPORT_TOKEN_EXPIRED (import-reconcile.ts) go by the client's clock, not the KMS's.
 */
const KMS_TOKEN_REFUSALS: ReadonlySet<string> = new Set(['KMS.2601']);

type BundleRound = Exclude<MaterialRound, { stage: 'parameters' }>;

/** Keys grouped by the bundle of their round. */
interface RoundGroup {
  readonly round: BundleRound;
  readonly keys: readonly JournaledKey[];
}

/** A key that lost its material, and whether its next step is still fresh parameters ('parameters') or later in its round. */
interface LostKey {
  readonly key: JournaledKey;
  readonly round: 'parameters' | 'later';
}

/** A key this ceremony sent an import whose answer on record proves nothing: its state, and that answer. */
export type UnprovenImport = KeyStatus & { readonly answer: ImportAnswer };

export interface StatusNextSteps {
  readonly keys: readonly JournaledKey[];
  readonly deleted: readonly LostKey[];
  readonly lapsed: readonly LostKey[];
  readonly rounds: readonly (RoundGroup & { readonly refused: RefusedImport | null })[];
  readonly notTaken: readonly RoundGroup[];
  readonly sentUnrecorded: SentImports<KeyStatus>;
  readonly unproven: SentImports<UnprovenImport>;
  readonly answeredNotTaken: readonly {
    readonly folder: string | null;
    readonly keys: readonly UnprovenImport[];
  }[];
  readonly foreign: readonly KeyStatus[];
  readonly missing: readonly KeyStatus[];
  readonly missingTokens: MissingTokens | null;
  /** The wrapped bundle the same import of the `missing` keys takes: their round's, when they all share one (else null). */
  readonly missingBundle: string | null;
  readonly missingRefused: RefusedImport | null;
  /**
   * The import-parameters bundle written for the `missing` keys (their round's wrap, all of them), or
   * null; `since`: written after a key of the ceremony took an import (else before any); `refused`:
   * the last custody restore refused as unproven after it was written, else the last wrapped bundle
   * refused after it (its entry and code), or null; `blocked`: the
   * bundle plan fetches one of them anew (bundle-plan.ts `fresh`: a key that bundle holds takes
   * another, or holds material already).
   */
  readonly missingWrap: {
    readonly folder: string;
    readonly seq: number;
    readonly since: boolean;
    readonly refused: {
      readonly seq: number;
      readonly code: string;
      readonly folder: string;
      /** The refusal's values and its recorded (English) text: each surface says it in its own words from them. */
      readonly values: Readonly<Record<string, string | number>>;
      readonly reason: string;
      /**
       * True when no words of today's catalogue fit the entry (an older build's values, or none):
       * `reason` is then the text that build recorded, said as such, never as today's words.
       */
      readonly recorded: boolean;
    } | null;
    readonly blocked: boolean;
  } | null;
  readonly groups: boolean;
  readonly nothingImported: boolean;
}

/**
 * The import tokens of the keys not reached: the earliest expiry (ms since the epoch, a moment of
 * the KMS's clock, which judges it) and whether it passed; `by`, for a lapse, whose clock showed it:
 * the KMS's ('kms': a token it issued since at or after that moment, or its refusal of the tokens as
 * expired) or, where the journal does not show the KMS's time that far, this computer's.
 */
interface MissingTokens {
  readonly until: number;
  readonly lapsed: boolean;
  readonly by: 'kms' | 'computer';
}

/**
 * The parameters bundle whose tokens the next import of its keys would use, by the journal entry
 * that wrote it and its keys: when a wrapped bundle was checked after the last parameters bundle was
 * written (an import of it stopped part way, or a wrap of an earlier bundle taken after a newer one
 * was written), that import uses the tokens of the parameters bundle the wrap was made from, not
 * parameters fetched since; otherwise (undefined) every key's latest fetched.
 */
function parametersInUse(entries: readonly JournalEntry[]): { seq: number; keyIds: Set<string> } | undefined {
  // An old wrap given again and refused for its own expired tokens is passed over (refused-imports.ts).
  const from = wrapsCheckedSinceWritten(entries).current?.parametersSha256;
  if (!from) return undefined;
  const written = entries.find((e) => e.event === ONLINE_EVENTS.parametersWritten && e.data['manifestSha256'] === from);
  const keyIds = written ? parametersWrittenKeys.safeParse(written.data).data?.keyIds : undefined;
  if (!written || !keyIds) return undefined;
  return { seq: written.seq, keyIds: new Set(keyIds) };
}

/**
 * The earliest expiry, judged at `now`, of the import tokens of the last fetch of each key that
 * `counts` takes (its key id and the fetch's entry number); null when it takes none.
 */
function earliestTokens(
  entries: readonly JournalEntry[],
  counts: (keyId: string, seq: number) => boolean,
  now: Date,
): MissingTokens | null {
  const latest = new Map<string, number>();
  for (const entry of entries) {
    if (entry.event !== ONLINE_EVENTS.parametersFetched) continue;
    const fetched = parametersFetchedData.safeParse(entry.data);
    if (fetched.success && counts(fetched.data.keyId, entry.seq))
      latest.set(fetched.data.keyId, Date.parse(fetched.data.tokenExpiresAt));
  }
  const expiries = [...latest.values()].filter((ms) => Number.isFinite(ms));
  if (expiries.length === 0) return null;
  const earliest = Math.min(...expiries);
  const byKms = earliest <= kmsTimeOfJournal(entries);
  return { until: earliest, lapsed: byKms || earliest <= now.getTime(), by: byKms ? 'kms' : 'computer' };
}

/**
 * The latest moment the KMS's clock is known to have reached by the journal (kms-time.ts): the issue
 * time of the newest import token it fetched; 0 when it fetched none. This computer's clock may lag
 * the KMS's (a rehearsal's simulator moved forward): a token that moment passed has lapsed for the KMS.
 * The air-gapped side's reader (airgap/journal-kms-time.ts) shares the rule (kmsTimeFromTokens) but
 * not its entries: there, tokens came on media and count only once a witness confirmed their bundle;
 * here, each `parameters.fetched` is the KMS's own answer. And this one starts at 0, not `now`: the
 * caller says whose clock showed a lapse.
 */
function kmsTimeOfJournal(entries: readonly JournalEntry[]): number {
  const fetched = entries.flatMap((e) =>
    e.event === ONLINE_EVENTS.parametersFetched ? [parametersFetchedData.safeParse(e.data).data?.tokenExpiresAt] : [],
  );
  return kmsTimeFromTokens(new Date(0), fetched).getTime();
}

/**
 * The tokens of the keys not reached as their import's refusal says them: refused by the KMS as
 * expired (its own word, whatever this computer's clock says), they have lapsed by its clock.
 */
function tokensAfterRefusal(tokens: MissingTokens | null, refused: RefusedImport | undefined): MissingTokens | null {
  if (!tokens || refused?.kind !== 'token' || !KMS_TOKEN_REFUSALS.has(refused.code)) return tokens;
  return { ...tokens, lapsed: true, by: 'kms' };
}

/**
 * The earliest expiry of the import tokens a written import-parameters bundle holds (its
 * `parameters.bundle-written` entry `written`: the last fetch of each of its keys before it), judged
 * at `now`; null when the journal does not say.
 */
export function writtenBundleTokens(
  written: JournalEntry,
  entries: readonly JournalEntry[],
  now: Date,
): MissingTokens | null {
  const keyIds = new Set(parametersWrittenKeys.safeParse(written.data).data?.keyIds ?? []);
  return earliestTokens(entries, (keyId, seq) => seq < written.seq && keyIds.has(keyId), now);
}

const parametersWrittenKeys = z.object({ keyIds: z.array(z.string()) });

/**
 * The earliest expiry of the import tokens the next import of `keys` would use (null: none on
 * record), judged at `now`: for the keys of the bundle the last checked wrap was made from, that
 * bundle's; for any other key (waiting for a bundle of its own), its latest.
 */
function tokensOf(keys: readonly KeyStatus[], entries: readonly JournalEntry[], now: Date): MissingTokens | null {
  const wanted = new Set(keys.map((k) => k.keyId));
  const inUse = parametersInUse(entries);
  return earliestTokens(
    entries,
    (keyId, seq) => wanted.has(keyId) && !(inUse && inUse.keyIds.has(keyId) && seq > inUse.seq),
    now,
  );
}

/** Keys after an import this ceremony sent, and the bundles those imports came from. */
interface SentImports<K extends KeyStatus> {
  readonly keys: readonly K[];
  readonly folders: readonly string[];
}

/** This ceremony sent the key an import whose taking effect the journal does not prove. */
const sentByUs = (k: JournaledKey) => k.importSentUnrecorded || k.importAnswerUnproven !== null;

const enabled = String(KeyState.Enabled);
const pendingImport = String(KeyState.PendingImport);

/** Groups `keys` by the folder of their round (one group per bundle and stage). */
function byBundle(keys: readonly JournaledKey[], rounds: ReadonlyMap<string, MaterialRound>): RoundGroup[] {
  const groups = new Map<string, { round: BundleRound; keys: JournaledKey[] }>();
  for (const key of keys) {
    const round = rounds.get(key.keyId);
    if (!round || round.stage === 'parameters') continue;
    const group = groups.get(`${round.stage} ${round.folder}`);
    if (group) group.keys.push(key);
    else groups.set(`${round.stage} ${round.folder}`, { round, keys: [key] });
  }
  return [...groups.values()];
}

/** The wrapped bundle the import rounds of `keys` share (their folder, when there is one). */
function sharedBundleOf(
  keys: readonly KeyStatus[],
  rounds: ReadonlyMap<string, MaterialRound>,
): { readonly folder: string | null } {
  const importing = keys.flatMap((k) => {
    const round = rounds.get(k.keyId);
    return round?.stage === 'import' ? [round] : [];
  });
  const folders = new Set(importing.map((r) => r.folder));
  const [folder] = folders;
  return { folder: folders.size === 1 ? (folder ?? null) : null };
}

/**
 * The round every one of `keys` is at, when they all share one past the parameters (the same stage
 * of the same bundle's entry): their import of one checked bundle, or the wrap of one parameters
 * bundle written for them since. Null otherwise.
 */
function sharedRoundOf(keys: readonly KeyStatus[], rounds: ReadonlyMap<string, MaterialRound>): BundleRound | null {
  const these = keys.map((k) => rounds.get(k.keyId));
  const [first] = these;
  if (!first || first.stage === 'parameters') return null;
  return these.every((r) => r?.stage === first.stage && r.seq === first.seq) ? first : null;
}

/**
 * The next steps of the ceremony's `journaled` keys against the KMS's `status` (see above), at `now`;
 * `plan`: the keys the bundle plan fetches anew (absent: none).
 */
export function statusNextSteps(
  journaled: readonly JournaledKey[],
  status: readonly KeyStatus[],
  entries: readonly JournalEntry[],
  now: Date,
  plan: Pick<BundlePlan, 'fresh'> = { fresh: [] },
): StatusNextSteps {
  const stateOf = new Map(status.map((s) => [s.keyId, keyStateOfName(s.keyState)]));
  // Not lost any more: Enabled again after a send of ours; or still Pending import while the import
  // of the bundle that brings its material back stopped part way (another key of it took its
  // material since): the same import finishes it, so it is said as missing, not as lapsed or deleted.
  // Each key's latest round, read once (the rules below and the caller's lines use it).
  const rounds = new Map(journaled.map((k) => [k.keyId, materialRoundOf(entries, k.keyId)]));
  const back = (k: JournaledKey) =>
    (sentByUs(k) && stateOf.get(k.keyId) === enabled) ||
    ((k.lapsed || k.deleted) &&
      stateOf.get(k.keyId) === pendingImport &&
      importOfRoundUnderWay(entries, k.keyId, rounds.get(k.keyId)));
  const keys = journaled.map((k) => (back(k) ? { ...k, lapsed: false, deleted: false } : k));
  const byId = new Map(keys.map((k) => [k.keyId, k]));
  const stillPending = (k: JournaledKey) => !k.imported && stateOf.get(k.keyId) === pendingImport;
  const notTaken = keys.filter((k) => {
    const round = rounds.get(k.keyId);
    return round?.stage === 'import' && round.sentSeq !== undefined && stillPending(k);
  });
  // An answer on record that proves nothing (KMS.0101, its outcome unknown, …), and the KMS shows the import did not take effect.
  const answeredNotTaken = keys.filter(
    (k) => !notTaken.includes(k) && k.importAnswerUnproven !== null && stillPending(k),
  );
  const waitingAgain = (k: JournaledKey) => notTaken.includes(k) || answeredNotTaken.includes(k);
  const lost = keys.filter((k) => (k.deleted || k.lapsed) && !waitingAgain(k));
  const withAnswer = (s: KeyStatus): UnprovenImport[] => {
    const answer = byId.get(s.keyId)?.importAnswerUnproven;
    return answer ? [{ ...s, answer }] : [];
  };
  const unrecorded = status.filter((s) => !byId.get(s.keyId)?.imported && stateOf.get(s.keyId) === enabled);
  const folderOf = (keyId: string) => {
    const round = rounds.get(keyId);
    return round?.stage === 'import' ? round.folder : null;
  };
  const sentImports = <K extends KeyStatus>(these: readonly K[]): SentImports<K> => ({
    keys: these,
    folders: [...new Set(these.flatMap((s) => folderOf(s.keyId) ?? []))],
  });
  const sent = unrecorded.filter((s) => !!byId.get(s.keyId)?.importSentUnrecorded);
  const unproven = unrecorded.filter((s) => !sent.includes(s)).flatMap(withAnswer);
  const answeredGroups = new Map<string | null, UnprovenImport[]>();
  for (const s of status.filter((s) => answeredNotTaken.some((k) => k.keyId === s.keyId))) {
    const folder = folderOf(s.keyId);
    answeredGroups.set(folder, [...(answeredGroups.get(folder) ?? []), ...withAnswer(s)]);
  }
  const missing = status.filter((s) => {
    const k = byId.get(s.keyId);
    const waiting = !!k && !k.imported && !k.lapsed && !k.deleted && !waitingAgain(k);
    return waiting && stateOf.get(s.keyId) === pendingImport;
  });
  // A refusal the same import would meet again: of the round's bundle since its check, of the keys asked about.
  const refusedOf = (
    afterSeq: number,
    these: readonly { keyId: string }[],
    kinds: readonly RefusedImport['kind'][],
  ) => {
    const refused = refusedImportOf(entries, afterSeq, new Set(these.map((k) => k.keyId)));
    return refused && kinds.includes(refused.kind) ? refused : null;
  };
  const shared = sharedBundleOf(missing, rounds);
  // The round the keys not reached share: the refusal of its check's import only is theirs (after fresh
  // parameters written for them, or an old wrap given again and refused, an earlier refusal is not).
  const missingRound = sharedRoundOf(missing, rounds);
  const missingCheckRefused =
    missingRound?.stage === 'import'
      ? refusalOfCheck(entries, missingRound.seq, new Set(missing.map((k) => k.keyId)))
      : undefined;
  const roundWord = (key: JournaledKey): LostKey => ({
    key,
    round: rounds.get(key.keyId)?.stage === 'parameters' ? 'parameters' : 'later',
  });
  return {
    keys,
    deleted: keys.filter((k) => k.deleted).map(roundWord),
    lapsed: keys.filter((k) => k.lapsed).map(roundWord),
    rounds: byBundle(lost, rounds).map((group) => ({
      ...group,
      refused: group.round.stage === 'import' ? refusedOf(group.round.seq - 1, group.keys, ['expiry', 'group']) : null,
    })),
    notTaken: byBundle(notTaken, rounds),
    sentUnrecorded: sentImports(sent),
    unproven: sentImports(unproven),
    answeredNotTaken: [...answeredGroups].map(([folder, these]) => ({ folder, keys: these })),
    foreign: unrecorded.filter((s) => !sent.includes(s) && !unproven.some((u) => u.keyId === s.keyId)),
    missing,
    missingTokens: tokensAfterRefusal(tokensOf(missing, entries, now), missingCheckRefused),
    missingBundle: shared.folder,
    missingRefused: missingCheckRefused && missingCheckRefused.kind !== 'group' ? missingCheckRefused : null,
    missingWrap:
      missingRound?.stage === 'wrap'
        ? {
            ...wrapOfMissing(entries, missingRound),
            blocked: missing.some((k) => plan.fresh.includes(k.keyId)),
          }
        : null,
    groups: journaled.some((k) => k.replicaOf !== null),
    nothingImported:
      keys.every((k) => !k.imported && !k.lapsed && !k.deleted) &&
      notTaken.length + answeredNotTaken.length + unrecorded.length === 0,
  };
}

/** The `missing` keys' parameters bundle (`round`), with whether it was written after an import and the wrapped bundle refused since (a restore refused as unproven first). */
function wrapOfMissing(
  entries: readonly JournalEntry[],
  round: Extract<MaterialRound, { stage: 'wrap' }>,
): Omit<NonNullable<StatusNextSteps['missingWrap']>, 'blocked'> {
  // Every refusal since: a custody restore refused as unproven stands (its material never seen wrapped
  // here) whatever was refused after it (a wrong digest typed), so it is the one said; else the last.
  const since = entries.filter((e) => e.event === ONLINE_EVENTS.wrappedRefused && e.seq > round.seq);
  const refused = since.findLast((e) => e.data['code'] === 'WRAPPED_RESTORE_UNPROVEN') ?? since.at(-1);
  return {
    folder: round.folder,
    seq: round.seq,
    since: entries.some((e) => e.event === ONLINE_EVENTS.imported && e.seq < round.seq),
    refused: refused ? refusalOf(refused) : null,
  };
}

/** A `wrapped-bundle.refused` entry as the status says it: its entry, code, folder, values and recorded text. */
function refusalOf(entry: JournalEntry): NonNullable<NonNullable<StatusNextSteps['missingWrap']>['refused']> {
  const code = String(entry.data['code'] ?? '');
  const said = deviationReason(entry.data);
  const problem = said && 'problem' in said ? said.problem : undefined;
  return {
    seq: entry.seq,
    code,
    folder: String(entry.data['folder'] ?? ''),
    values: problem?.values ?? {},
    reason: problem?.recorded ?? (said && 'recorded' in said ? said.recorded : code),
    recorded: problem === undefined,
  };
}

/** Keys holding imported material not proven yet, and keys waiting for fresh parameters behind them. */
interface ProveFirst {
  readonly prove: readonly JournaledKey[];
  readonly lost: readonly JournaledKey[];
}

/**
 * Verify first: while a key holds imported material not proven, the ceremony stands at 'imported'
 * (step-from-state.ts), where no import-parameters bundle can be written. A key that lost its
 * material and waits for fresh parameters (no bundle written for it since) then has two next steps,
 * in this order: prove the others, then fetch and write its fresh parameters. Undefined when no key
 * waits so behind an unproven one.
 */
export function proveFirst(keys: readonly JournaledKey[], entries: readonly JournalEntry[]): ProveFirst | undefined {
  const prove = keys.filter((k) => k.imported && !k.verified);
  const lost = keys.filter(
    (k) => !k.imported && (k.deleted || k.lapsed) && materialRoundOf(entries, k.keyId).stage === 'parameters',
  );
  return prove.length > 0 && lost.length > 0 ? { prove, lost } : undefined;
}

/**
 * Refuses fetching fresh import parameters while verify first holds (proveFirst): no bundle can be
 * written then, so a fetch would spend fresh import tokens on a bundle refused a step later.
 */
export function refuseParametersBeforeProof(keys: readonly JournaledKey[], entries: readonly JournalEntry[]): void {
  const first = proveFirst(keys, entries);
  if (first)
    throw new KeyferryError('PARAMETERS_AFTER_PROOF', {
      count: first.prove.length,
      keysList: namedKeysValue(first.prove),
    });
}
