/**
 * Opening an air-gapped session closes an earlier one of its journal that ended without stopping,
 * and withdraws what that one wrote, custody shares included (unfinished-session.ts). On an older
 * copy of the journal (restored from a backup, copied while a wrap ran) that session finished in the
 * latest copy, and its shares are a finished wrap's: the only backup, maybe, of material a KMS key
 * holds. The command line checks its journal against the parameters it was given (named-journal.ts)
 * before it opens. The app opens the session at its first step, before any parameters are read; so
 * when its journal ends with a session unfinished past its preflight (before it, that session wrote
 * nothing), it asks first for the parameters bundle the officer will wrap now and runs the same
 * checks on it: the journal records its ceremony, and is the journal the bundle names
 * (AIRGAP_JOURNAL_NOT_THE_CEREMONYS; for parameters naming none, the journal of this ceremony's wrap
 * beside the bundle on the medium, wraps-on-media.ts). Console files name no journal: the officer's choice of them
 * closes the session unchecked, as on the command line. The closing journals which it was, and the
 * media check runs for both (finished-on-media.ts).
 */
import { refuseJournalOfOtherCeremony } from '../../bundle/ceremony-facts';
import { KeyferryError } from '../../errors';
import type { JournalEntry } from '../../journal';
import { entriesBeforeOpening } from '../../journal/journal';
import { checkNamedJournal, refuseClosingTakenWrap } from './named-journal';
import { wrapsOnMedia } from './wraps-on-media';
import { readImportParametersBundle } from './steps';
import { leftFilesToWithdraw, unfinishedSessionOnMedia, type ClosingChecked } from './unfinished-session';

/** What the officer gave before an unfinished session is closed: the parameters bundle to wrap now, or console files (no bundle). */
export type BeforeClosing = { readonly parametersFolder: string } | { readonly consoleFiles: true };

/**
 * Before the air-gapped journal at `file` opens in the app: when its last session is unfinished,
 * refuses without `given` (AIRGAP_UNFINISHED_NEEDS_PARAMETERS), and checks the bundle given against
 * the journal; returns what it checked (the closing journals it; the parameters step offers the
 * bundle). Passes a journal that does not exist, does not read (opening it says why), or ended.
 */
export async function refuseClosingUnchecked(
  file: string,
  given: BeforeClosing | undefined,
  now: Date,
  entries: Promise<readonly JournalEntry[] | undefined> = entriesBeforeOpening(file),
): Promise<ClosingChecked | undefined> {
  const read = await entries;
  const unfinished = read ? await unfinishedSessionOnMedia(read, file) : null;
  // Only a session past its preflight wrote anything its closing would withdraw.
  if (!read || !unfinished || !leftFilesToWithdraw(unfinished.entries)) return undefined;
  if (!given)
    throw new KeyferryError('AIRGAP_UNFINISHED_NEEDS_PARAMETERS', {
      journal: file,
      session: unfinished.session,
      seq: (unfinished.entries[0] as JournalEntry).seq,
    });
  if ('consoleFiles' in given) return { against: 'console-files' };
  const bundle = await readImportParametersBundle(given.parametersFolder, now, 'airgap');
  const journal = { path: file, entries: read };
  refuseJournalOfOtherCeremony(journal, bundle.manifest.ceremonyId);
  refuseClosingTakenWrap(bundle.manifest.ceremony?.airGapJournal, file, unfinished);
  const { parametersFolder } = given;
  const onMedia = await wrapsOnMedia(
    [{ dir: parametersFolder, shownAs: parametersFolder }],
    bundle.manifest.ceremonyId,
  );
  checkNamedJournal(
    { named: bundle.manifest.ceremony?.airGapJournal, keys: bundle.keys, onMedia },
    journal,
    undefined,
    'app',
  );
  return { against: 'parameters', folder: given.parametersFolder, parametersSha256: bundle.digest };
}
