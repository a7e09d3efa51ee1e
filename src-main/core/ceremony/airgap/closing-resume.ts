/**
 * A closing of an unfinished session (unfinished-session.ts) that was itself cut short. The closing
 * journals `ceremony.session-unfinished`, then withdraws what the dead session left (its bundle, an
 * unjournaled receipt, its custody files, or keeps its custody set; names its HSM token objects), and
 * since 2026-12-07 ends with `ceremony.session-closed` (CLOSING_FINISHED_EVENT, naming the closing's
 * entry). Its `ceremony.session-unfinished` says so (CLOSING_END_JOURNALED): killed before its end, the
 * next start finds the closing begun and not finished (closingBegun) and runs the withdrawals again,
 * reading what the cut closing already journaled (ClosingDone): a bundle it withdrew is not withdrawn
 * again, a custody folder it journaled (withdrawn, kept, not withdrawn) is not journaled again but said
 * as journaled, token objects it named are not journaled again, and files gone since are said to be
 * gone with the closing cut short, never counted as removed now. A closing by an older build (its
 * entry without the field) ended with its entry: nothing more is done about it, as before.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CLOSING_FINISHED_EVENT, type JournalEntry } from '../../journal';
import { sessionFinishedOnMedia } from './finished-on-media';
import { phraseSchema } from '../../../i18n/phrase';
import { isNotWithdrawnCause } from './not-withdrawn-cause';
import type { CustodyNotWithdrawn } from './crashed-session-custody';

/** What a `ceremony.session-unfinished` of a build that journals CLOSING_FINISHED_EVENT says so with. */
export const CLOSING_END_JOURNALED = { closingEndJournaled: true } as const;

/** A closing begun (its `ceremony.session-unfinished`) and not finished, found at the journal's end. */
interface BegunClosing {
  /** The closed session's entries, from its start to the closing's entry (not included). */
  readonly session: readonly JournalEntry[];
  /** The closing's `ceremony.session-unfinished`. */
  readonly unfinished: JournalEntry;
  /** What the cut closing journaled after it. */
  readonly done: ClosingDone;
}

/** What a closing cut short journaled of its withdrawals. */
export interface ClosingDone {
  readonly entries: readonly JournalEntry[];
  /** Custodian folders it journaled files removed from (`custody.withdrawn`). */
  readonly withdrawnFolders: ReadonlySet<string>;
  /** Custodian folders it journaled as kept or not withdrawn, as it said them. */
  readonly custodyJournaled: ReadonlyMap<string, CustodyNotWithdrawn & { readonly kept: boolean }>;
}

const stringsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

function custodyNamed(e: JournalEntry): (CustodyNotWithdrawn & { kept: boolean }) | null {
  const { folder, custodian, shareIndex, cause } = e.data;
  const phrase = phraseSchema.safeParse(e.data['reasonPhrase']);
  if (typeof folder !== 'string' || typeof cause !== 'string' || !isNotWithdrawnCause(cause) || !phrase.success)
    return null;
  const holder = typeof custodian === 'string' && typeof shareIndex === 'number' ? { custodian, shareIndex } : null;
  return {
    folder,
    holder,
    cause,
    files: stringsOf(e.data['leftFiles']),
    phrase: phrase.data,
    kept: e.event === 'custody.kept',
  };
}

/** What `entries` (a cut closing's, after its `ceremony.session-unfinished`) journaled. */
export function closingDone(entries: readonly JournalEntry[]): ClosingDone {
  const custodyJournaled = new Map<string, CustodyNotWithdrawn & { kept: boolean }>();
  for (const e of entries) {
    const named = e.event === 'custody.kept' || e.event === 'custody.withdraw-failed' ? custodyNamed(e) : null;
    if (named && !custodyJournaled.has(named.folder)) custodyJournaled.set(named.folder, named);
  }
  const withdrawnFolders = new Set(
    entries.filter((e) => e.event === 'custody.withdrawn').flatMap((e) => stringsOf(e.data['folders'])),
  );
  return { entries, withdrawnFolders, custodyJournaled };
}

/**
 * The closing begun and not finished in `session` (the journal's last air-gapped session, from its
 * start to the journal's end), or null: none begun by a build that journals its end, or it ended.
 */
export function closingBegun(session: readonly JournalEntry[]): BegunClosing | null {
  const at = session.findIndex(
    (e) =>
      e.event === 'ceremony.session-unfinished' &&
      e.data['closingEndJournaled'] === CLOSING_END_JOURNALED.closingEndJournaled,
  );
  const unfinished = session[at];
  if (!unfinished) return null;
  const after = session.slice(at + 1);
  if (after.some((e) => e.event === CLOSING_FINISHED_EVENT && e.data['seq'] === unfinished.seq)) return null;
  return { session: session.slice(0, at), unfinished, done: closingDone(after) };
}

/**
 * A closing begun and cut short passed the media check when it began, and is run again without it;
 * but its session's bundle folder `folder` may be gone since (the stick pulled). Run again then, it
 * found nothing to withdraw and said nothing of that bundle (a trial: the app and custody restore
 * asked for the stick, airgap wrap finished the closing without it). So, as for a closing not begun,
 * a session that journaled its bundle written, whose cut closing journaled no withdrawal of it (done
 * or failed), has its bundle folder asked for when it is not there (AIRGAP_SESSION_FINISHED_ON_MEDIA,
 * cut after its receipt or not), on every path; nothing more of the session is withdrawn or kept first.
 */
export async function refuseBundleGoneInBegunClosing(
  begun: BegunClosing,
  folder: string | undefined,
  on: { readonly journal: string; readonly number: number },
): Promise<void> {
  if (folder === undefined || !begun.session.some((e) => e.event === 'wrapped-bundle.written')) return;
  const said = begun.done.entries.some(
    (e) =>
      (e.event === 'wrapped-bundle.withdrawn' || e.event === 'wrapped-bundle.withdraw-failed') &&
      typeof e.data['folder'] === 'string' &&
      path.resolve(e.data['folder']) === path.resolve(folder),
  );
  const there = await fs.readdir(folder).then(
    () => true,
    () => false,
  );
  if (said || there) return;
  const receipt = begun.session.some((e) => e.event === 'receipt.written');
  throw sessionFinishedOnMedia(
    on.journal,
    { number: on.number, seq: (begun.session[0] as JournalEntry).seq },
    { evidence: receipt ? 'missingAfterReceipt' : 'missing', where: folder },
  );
}
