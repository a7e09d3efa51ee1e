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
import type { WrapOnMedia } from '../core/ceremony/airgap/wraps-on-media';
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
  /** This ceremony's wraps on the media, beside the bundle and the output folder (wraps-on-media.ts). */
  readonly onMedia: readonly WrapOnMedia[];
}

export async function checkJournalBeforeOpening(io: CliIo, given: GivenJournal): Promise<void> {
  const { journal, journalLost, bundleDir, bundle, onMedia } = given;
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
  // Another journal than the one of the wraps the online side checked, or, for parameters naming
  // none, than that of this ceremony's wrap on the media (a new one in another folder, an older
  // copy): refused, unless the officer says it is lost.
  const named = facts?.airGapJournal;
  const lost = await refuseJournalFileNotNamed(file, { named, keys: bundle.keys, onMedia }, journalLost, entries);
  if (!lost) return;
  io.stdout(
    cliTranslator(io).t('cli.journal-lost-warning', {
      journal: file,
      named: lost.namedJournal,
      namedFirstEntry: journalIdentity(lost.namedJournalFirstEntrySha256),
      source: lost.bundleOnMedia === undefined ? 'parameters' : 'media',
      folder: lost.bundleOnMedia ?? '',
      reason: terminalText(lost.reason),
    }),
  );
}
