/**
 * A `custody restore --bundle …` refused before its ceremony starts (a share file that does not read,
 * an existing --wrapped-out, the expiry, a --title other than the bundle's, the HSM options) is
 * journaled when the journal it names already exists: that journal is the ceremony's record, and a
 * witness reading it later must see the failed attempt, not a gap. The attempt is journaled as any
 * refused restore is: its session start (who was there), then `ceremony.abandoned` with the
 * problem's code and values, at state "new" (nothing was presented or rebuilt). A journal that does
 * not exist is not created for a refusal: no ceremony has started, and a mistyped --journal would
 * leave a stray journal behind; nor is a journal that records another ceremony than the bundle's
 * written to (AIRGAP_JOURNAL_OTHER_CEREMONY, said instead); nor one that ends with a session that
 * did not finish past its preflight: journaling would start a session and so close that one,
 * withdrawing its files for an attempt that was refused (a restore that starts does so after its
 * own checks).
 */
import path from 'node:path';
import { bundleCeremonyOf, refuseJournalOfOtherCeremony } from '../../core/bundle/ceremony-facts';
import { problemCause } from '../../core/ceremony/airgap/session-stop';
import { leftFilesToWithdraw, unfinishedSessionOnMedia } from '../../core/ceremony/airgap/unfinished-session';
import { RestoreCeremony } from '../../core/ceremony/restore/workflow';
import { toProblem } from '../../core/errors';
import { openCeremonyJournal } from '../ceremony-journal';
import { cliTranslator, sessionReceiptLanguage } from '../cli-locale';
import type { CliIo } from '../command';
import { cliAppIdentity } from '../software-identity';
import type { RestoreValues } from './custody-restore-options';
import { pathExists } from '../../core/fs/path-exists';
import { unfinishedSessionLines } from '../unfinished-session-lines';

/** Runs `before` (what the restore checks before its journal opens); a refusal is journaled (see above), then thrown. */
export async function journalRefusalBeforeStart<T>(
  values: RestoreValues,
  io: CliIo,
  before: () => Promise<T>,
): Promise<T> {
  try {
    return await before();
  } catch (error) {
    const line = await journalRefusal(values, io, error);
    if (line) io.stderr(line);
    throw error;
  }
}

/** Journals the refused attempt in an existing journal; the line that says so (or why not), or null when there is no journal. */
async function journalRefusal(values: RestoreValues, io: CliIo, refusal: unknown): Promise<string | null> {
  if (values.journal === undefined) return null;
  const file = path.resolve(io.cwd, values.journal);
  const exists = await pathExists(file);
  if (!exists) return null;
  const { t, problem } = cliTranslator(io);
  try {
    const journal = await openCeremonyJournal(io.cwd, values.journal, false);
    try {
      // The session start carries the ceremony's title: the bundle's when it reads.
      const bundle =
        values.bundle === undefined ? undefined : await bundleCeremonyOf(path.resolve(io.cwd, values.bundle));
      const facts = bundle?.facts;
      // A journal of another ceremony is not this attempt's record: nothing is written to it.
      if (bundle) refuseJournalOfOtherCeremony(journal, bundle.ceremonyId);
      // Nor one ending with a session that did not finish: the attempt's start would close it and
      // withdraw what it wrote, for a refused attempt, before any check of a restore that starts (a
      // trial's older journal copy, given with a bundle that did not read, lost a finished set so).
      const unfinished = await unfinishedSessionOnMedia(journal.entries, file);
      if (unfinished && leftFilesToWithdraw(unfinished.entries))
        return t('cli.custody.restore.refusal-not-journaled-unfinished', {
          journal: file,
          session: unfinished.session,
        });
      const restore = await RestoreCeremony.start({
        journal,
        title: facts?.title ?? values.title ?? t('cli.custody.restore.default-title'),
        operator: values.operator ?? '',
        witnesses: values.witness ?? [],
        app: cliAppIdentity(io.env),
        // The ceremony's (its journal records it): a refused attempt's start must not change it for later sessions.
        receiptLanguage: sessionReceiptLanguage(io, journal.entries),
      });
      // Its start closed a crashed earlier session (journaled, withdrawn): said as `airgap wrap` says it.
      for (const line of unfinishedSessionLines(io, restore.unfinishedEarlier)) io.stdout(line);
      await restore.abandon(problemCause(refusal));
    } finally {
      await journal.close();
    }
    return t('cli.custody.restore.refusal-journaled', { journal: file });
  } catch (error) {
    return t('cli.custody.restore.refusal-not-journaled', {
      journal: file,
      problem: problem(toProblem(error)).message,
    });
  }
}
