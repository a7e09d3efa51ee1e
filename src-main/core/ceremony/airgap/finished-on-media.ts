/**
 * A journal whose last air-gapped session looks unfinished, while the media show that it finished:
 * the journal is an older copy (restored from a backup, or copied while that wrap ran). Closing the
 * session as a crashed one (unfinished-session.ts) would withdraw what it wrote: the custody shares
 * of a finished wrap, which may be the only backup of material a KMS key now holds. A trial took a
 * finished wrap's shares out of the real custodian folders that way.
 *
 * The evidence is the session's own wrapped bundle, at the folder its preflight checked: its manifest
 * is written only after the session's receipt is journaled (wrap.ts writeWrapped), so a manifest
 * there that the session made (by the digest it journaled, or by the journal entry that started it,
 * which the manifest's `madeBy` names) means the session finished in another copy of the journal.
 * Nothing is written or removed then (AIRGAP_SESSION_FINISHED_ON_MEDIA). A bundle taken away, or
 * another one at that path, says nothing; that session is closed as before.
 */
import { readBundleClaimedMaker } from '../../bundle';
import { KeyferryError } from '../../errors';
import type { JournalEntry } from '../../journal';

/** The unfinished session as the check reads it: the journal's first entry and the session's entries. */
interface UnfinishedOnJournal {
  /** The journal's path (named in the refusal). */
  readonly journal: string;
  /** The journal's first entry: its identity, every later entry chains to it. */
  readonly firstEntry: JournalEntry;
  /** The session's entries, from its start. */
  readonly session: readonly JournalEntry[];
  /** Its number among the journal's air-gapped sessions (1-based). */
  readonly number: number;
  /** The wrapped-bundle folder its last passed preflight checked. */
  readonly bundleFolder: string;
}

/** Refuses to close `unfinished` when the bundle in its folder shows the session finished (see the file comment). */
export async function refuseSessionFinishedOnMedia(unfinished: UnfinishedOnJournal): Promise<void> {
  const { session, bundleFolder } = unfinished;
  const start = session[0];
  if (!start) return;
  // No manifest, an abandoned folder, nothing readable: no finished bundle there.
  const claim = await readBundleClaimedMaker(bundleFolder).catch(() => undefined);
  if (!claim) return;
  const journaledDigest = session.findLast((e) => e.event === 'wrapped-bundle.written')?.data['manifestSha256'];
  const made = claim.madeBy;
  const madeHere =
    claim.digest === journaledDigest ||
    (made !== undefined &&
      made.journalFirstEntrySha256 === unfinished.firstEntry.hash &&
      made.wrapEntry.seq === start.seq &&
      made.wrapEntry.sha256 === start.hash);
  if (!madeHere) return;
  throw new KeyferryError('AIRGAP_SESSION_FINISHED_ON_MEDIA', {
    journal: unfinished.journal,
    session: unfinished.number,
    seq: start.seq,
    bundle: bundleFolder,
  });
}
