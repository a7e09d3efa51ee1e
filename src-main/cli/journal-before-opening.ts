/**
 * `airgap wrap`'s checks of the --journal it was given against the import-parameters bundle, before
 * the journal opens (nothing written, nobody has typed): a journal named for another ceremony, one
 * that records another, a new one beside the ceremony's own, and one other than the journal the
 * parameters name (core/ceremony/airgap/named-journal.ts). The journal file is read once for all of
 * them. `--journal-lost`, when it goes past the last, is said as a WARNING first.
 */
import path from 'node:path';
import {
  refuseJournalFileOfOtherCeremony,
  refuseJournalNamedForOtherCeremony,
  refuseNewJournalBesideCeremony,
  type bundleCeremonyOf,
} from '../core/bundle/ceremony-facts';
import { refuseJournalFileNotNamed, refuseJournalLostWithoutBundle } from '../core/ceremony/airgap/named-journal';
import { entriesBeforeOpening } from '../core/journal/journal';
import { terminalText } from '../core/terminal-text';
import { journalIdentity } from '../i18n/made-by-line';
import { cliTranslator } from './cli-locale';
import type { CliIo } from './command';

interface GivenJournal {
  /** --journal as typed (undefined: not given; the journal's opening says so). */
  readonly journal: string | undefined;
  readonly journalLost: string | undefined;
  /** The bundle folder, resolved (undefined: console files). */
  readonly bundleDir: string | undefined;
  /** The bundle's ceremony, facts and keys (undefined: none, or it does not read; its read says why). */
  readonly bundle: Awaited<ReturnType<typeof bundleCeremonyOf>>;
}

export async function checkJournalBeforeOpening(io: CliIo, given: GivenJournal): Promise<void> {
  const { journal, journalLost, bundleDir, bundle } = given;
  const file = journal === undefined ? undefined : path.resolve(io.cwd, journal);
  // Console files name no journal: the word would go past nothing.
  if (!bundleDir) refuseJournalLostWithoutBundle(journalLost, journal ?? '');
  if (!bundleDir || !bundle || journal === undefined || file === undefined) return;
  const { ceremonyId, facts } = bundle;
  // A stick of another ceremony than the printed command's journal names: refused before anyone types.
  refuseJournalNamedForOtherCeremony(journal, { dir: bundleDir, ceremonyId, title: facts?.title });
  const entries = entriesBeforeOpening(file);
  // A journal that records another ceremony: a wrong stick, said before "other witnesses" later.
  await refuseJournalFileOfOtherCeremony(file, ceremonyId, entries);
  // A new journal while this ceremony's journal lies beside it: it would not see that journal's wraps.
  refuseNewJournalBesideCeremony(file, ceremonyId);
  // Another journal than the one of the wraps the online side checked (a new one in another folder,
  // an older copy): refused, unless the officer says it is lost.
  const named = facts?.airGapJournal;
  const lost = await refuseJournalFileNotNamed(file, { named, keys: bundle.keys }, journalLost, entries);
  if (!lost || !named) return;
  io.stdout(
    cliTranslator(io).t('cli.journal-lost-warning', {
      journal: file,
      named: named.file,
      namedFirstEntry: journalIdentity(named.firstEntrySha256),
      reason: terminalText(lost.reason),
    }),
  );
}
