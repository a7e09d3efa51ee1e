/**
 * Where a key stands on its way to imported material in the journal's latest round: after its
 * material was deleted or lapsed (or, never imported, from the start), whether an import-parameters
 * bundle carrying it was written since, a wrapped-material bundle holding it checked since, and an
 * import sent to it with no answer recorded. The next step said for such a key follows this round,
 * never an earlier one. A pure reading of journal entries.
 */
import { z } from 'zod';
import type { JournalEntry } from '../../journal';
import { ONLINE_EVENTS, keyIdData } from './events';
import { refusalKindOf } from './refusal-kinds';

/** What a round reads of a bundle's entry (parameters.bundle-written, wrapped-bundle.checked): its folder and keys. */
const bundleKeys = z.object({
  folder: z.string(),
  manifestSha256: z.string().optional(),
  keyIds: z.array(z.string()).optional(),
  keys: z.array(z.object({ keyId: z.string() })).optional(),
  /** A wrapped bundle's check: the import-parameters bundle it was made from, when recorded. */
  parametersBundle: z.object({ manifestSha256: z.string() }).nullable().optional(),
});

/**
 * - `parameters`: no import-parameters bundle carries the key since it lost its material (or ever).
 * - `wrap`: the bundle `folder` (journal entry `seq`) carries its fresh parameters: the air-gapped side is next.
 * - `import`: the wrapped-material bundle `folder` holding its material was checked (entry `seq`);
 *   `sentSeq` when an import of it was sent after that check (key.import-sending) and neither its
 *   answer nor a failure of it is on record.
 */
export type MaterialRound =
  | { readonly stage: 'parameters' }
  | { readonly stage: 'wrap'; readonly folder: string; readonly seq: number }
  | { readonly stage: 'import'; readonly folder: string; readonly seq: number; readonly sentSeq?: number };

function namesKey(entry: JournalEntry, keyId: string): boolean {
  return keyIdData.safeParse(entry.data).data?.keyId === keyId;
}

/** The entries that start a key's round again: its import, or the loss of its material. */
const ROUND_STARTS: ReadonlySet<string> = new Set([
  ONLINE_EVENTS.imported,
  ONLINE_EVENTS.materialDeleted,
  ONLINE_EVENTS.materialLapsed,
]);

/**
 * The latest round of `keyId` in `entries` (see MaterialRound). An old wrap given again (made from an
 * earlier import-parameters bundle than the last one written for the key) whose import the KMS then
 * refused for its expired tokens starts no round: the key stays where it stood before that check
 * (refused-imports.ts passes over such a wrap before any import by the same rule).
 */
export function materialRoundOf(entries: readonly JournalEntry[], keyId: string): MaterialRound {
  let round = { stage: 'parameters' } as MaterialRound;
  // The parameters bundle last written for the key; the round before the last check, if that check was of an older one's wrap.
  let writtenSha256: string | undefined;
  let beforeOldWrap: MaterialRound | undefined;
  for (const entry of entries) {
    if (ROUND_STARTS.has(entry.event)) {
      if (namesKey(entry, keyId)) round = { stage: 'parameters' };
      continue;
    }
    switch (entry.event) {
      case ONLINE_EVENTS.parametersWritten: {
        const written = bundleKeys.safeParse(entry.data).data;
        if (written?.keyIds?.includes(keyId)) {
          round = { stage: 'wrap', folder: written.folder, seq: entry.seq };
          writtenSha256 = written.manifestSha256;
        }
        break;
      }
      case ONLINE_EVENTS.wrappedChecked: {
        const checked = bundleKeys.safeParse(entry.data).data;
        if (checked?.keys?.some((k) => k.keyId === keyId)) {
          const from = checked.parametersBundle?.manifestSha256;
          const older = from !== undefined && writtenSha256 !== undefined && from !== writtenSha256;
          beforeOldWrap = older ? round : undefined;
          round = { stage: 'import', folder: checked.folder, seq: entry.seq };
        }
        break;
      }
      case ONLINE_EVENTS.importSending:
        if (round.stage === 'import' && namesKey(entry, keyId))
          round = { stage: 'import', folder: round.folder, seq: round.seq, sentSeq: entry.seq };
        break;
      case ONLINE_EVENTS.stepFailed:
        // A failure of that import on record (a refusal, or its answer lost) answers the send; the
        // KMS's word that an old wrap's tokens expired puts that wrap aside.
        if (round.stage !== 'import' || entry.data.step !== 'import-key-material' || !namesKey(entry, keyId)) break;
        if (beforeOldWrap && refusalKindOf(String(entry.data.code)) === 'token') {
          round = beforeOldWrap;
          beforeOldWrap = undefined;
        } else round = { stage: 'import', folder: round.folder, seq: round.seq };
        break;
      default:
        break;
    }
  }
  return round;
}

/**
 * Whether the import of the wrapped bundle `keyId`'s round is under way: the key waits at stage
 * 'import' of a round after a loss, and another key of that bundle was imported from it since (the
 * import stopped part way: the same import finishes it). The bundle is told by its manifest's
 * SHA-256 (by its folder where an entry records none), so a check of it again before a run that
 * stopped counts as the same bundle; an import while another bundle was the one checked does not.
 * `round`: the key's latest round when the caller read it already.
 */
export function importOfRoundUnderWay(
  entries: readonly JournalEntry[],
  keyId: string,
  round: MaterialRound = materialRoundOf(entries, keyId),
): boolean {
  if (round.stage !== 'import') return false;
  const identity = (entry: JournalEntry | undefined) => {
    const checked = bundleKeys.safeParse(entry?.data).data;
    return checked ? (checked.manifestSha256 ?? checked.folder) : undefined;
  };
  const check = entries.find((e) => e.seq === round.seq);
  const bundle = identity(check);
  const keyIds = new Set(bundleKeys.safeParse(check?.data).data?.keys?.map((k) => k.keyId));
  keyIds.delete(keyId);
  let current: string | undefined;
  let underWay = false;
  for (const entry of entries) {
    if (entry.event === ONLINE_EVENTS.wrappedChecked) current = identity(entry);
    if (!ROUND_STARTS.has(entry.event)) continue;
    // This key's own import or loss starts its round again: only imports of the others since count.
    const named = keyIdData.safeParse(entry.data).data?.keyId;
    if (named === keyId) underWay = false;
    else if (entry.event === ONLINE_EVENTS.imported && named !== undefined && keyIds.has(named))
      underWay ||= current === bundle;
  }
  return underWay;
}

/**
 * The import about to be sent to `keyId` resends one whose answer the journal never recorded (the
 * key was found still Pending import, so that send did not take effect): the entry of that send
 * (key.import-sending, with the same import token) and of the `ceremony.session-unrecorded` a later
 * session journaled for it. Undefined when no such send is on record. Read before this attempt's
 * own key.import-sending.
 */
export function unrecordedSendOf(
  entries: readonly JournalEntry[],
  keyId: string,
  importTokenSha256: string,
): { readonly retryOfSeq: number; readonly unrecordedSeq?: number } | undefined {
  const sending = entries.findLast((e) => e.event === ONLINE_EVENTS.importSending && namesKey(e, keyId));
  if (!sending || sending.data.importTokenSha256 !== importTokenSha256) return undefined;
  const after = entries.filter((e) => e.seq > sending.seq);
  // Its answer, or a failure of that import, on record (state.ts reads the same entries).
  const answered = after.some(
    (e) =>
      namesKey(e, keyId) &&
      (e.event === ONLINE_EVENTS.imported ||
        (e.event === ONLINE_EVENTS.stepFailed && e.data.step === 'import-key-material')),
  );
  if (answered) return undefined;
  const unrecorded = after.find(
    (e) =>
      e.event === ONLINE_EVENTS.sessionUnrecorded &&
      Array.isArray(e.data.keyIds) &&
      (e.data.keyIds as unknown[]).includes(keyId),
  );
  return { retryOfSeq: sending.seq, ...(unrecorded ? { unrecordedSeq: unrecorded.seq } : {}) };
}

/**
 * The wrapped bundle the import sent to `keyId` at entry `sentSeq` (key.import-sending) came from:
 * the last check of a bundle holding that key before the send (its folder, manifest digest and
 * entry). Undefined when no such check is on record.
 */
export function bundleOfSend(
  entries: readonly JournalEntry[],
  keyId: string,
  sentSeq: number,
): { readonly folder: string; readonly manifestSha256: string; readonly checkSeq: number } | undefined {
  const check = entries.findLast(
    (e) =>
      e.seq < sentSeq &&
      e.event === ONLINE_EVENTS.wrappedChecked &&
      !!bundleKeys.safeParse(e.data).data?.keys?.some((k) => k.keyId === keyId),
  );
  const checked = check && bundleKeys.safeParse(check.data).data;
  if (!check || !checked?.manifestSha256) return undefined;
  return { folder: checked.folder, manifestSha256: checked.manifestSha256, checkSeq: check.seq };
}
