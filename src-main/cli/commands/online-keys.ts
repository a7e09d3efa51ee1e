/** `keyferry online status`: the ceremony's keys in the KMS, proven, and what is next for each. */

import { KeyferryError } from '../../core/errors';
import { cannotWriteThere } from '../../core/journal/lock';
import { ceremonyAirGapJournal } from '../../core/ceremony/online/wrapped-bundle-makers';
import { cliTranslator } from '../cli-locale';
import { ceremonyStateValue } from '../../i18n/ceremony-state';
import { listText } from '../../i18n/list';
import { cliExpiry, printKeyTable } from '../cli-text';
import { keyStateText } from '../key-state-text';
import { KeyState, keyStateOfName } from '../../core/kms/types';
import { ONLINE_EVENTS } from '../../core/ceremony/online/events';

import { openOnlineSession, openUnjournaledLook, type OnlineCommonValues, type OnlineSession } from '../online-session';
import type { CliIo } from '../command';
import type { Journal } from '../../core/journal';
import type { KeyStatus } from '../../core/ceremony/online/types';
import type { UnjournaledLook } from '../../core/ceremony/online/workflow';
import path from 'node:path';

import {
  defineOnlineCommand,
  lapsedLines,
  nextOnline,
  nextParametersCommand,
  printGroupProofs,
  printProofs,
  replacedCustodyLines,
  roundName,
  unwrittenFolderName,
  withSession,
  printCreateRefusal,
} from './online-steps';
import { namedKeys, unprovenAnswers } from '../../i18n/import-stopped-summary';
import { beforeImportNextLine, staleWrapLines } from './online-status-before-import';
import {
  deletedKeyValues,
  lostRoundWord,
  printMissingImports,
  printProveFirst,
  printRoundLines,
  type MissingImports,
} from './online-status-rounds';
import { proveFirst, statusNextSteps } from '../../core/ceremony/online/status-next-steps';

/**
 * `online status`'s exit code for a ceremony that is not finished while nothing is wrong: keys still
 * Pending import (nothing imported yet, or an import stopped part way that the same import finishes),
 * every key that holds material proven. 0 is finished (every key holds its material, proven); 1 is a
 * problem (a proof failed, material lapsed or deleted, an import in doubt, the look not journaled, an error).
 */
const UNFINISHED = 3;

/** A state without material: nothing to expire. */
const pendingImport = String(KeyState.PendingImport);

export const statusCommand = defineOnlineCommand({
  name: 'online status',
  synopsis: ['--journal FILE [connection options]'],
  options: {},
  journalHelp: 'cli.opt.online-status.journal',
  notes: ['cli.note.online-status'],
  async run({ values }, io) {
    const looked = await journaledLook(values, io);
    if ('unwritable' in looked) return unjournaledStatus(values, io, looked.unwritable);
    const { session, status } = looked;
    return withSession(session, async () => {
      const {
        lapsed,
        deleted,
        unrecorded,
        notTaken,
        missing: notImported,
      } = printKeyStates(io, values, status, session.ceremony, session.journal);
      const keys = session.ceremony.keys();
      if (!keys.some((k) => k.imported)) {
        if (unrecorded + notTaken.size > 0) return 1;
        // A create refused for a reason the same create meets again: that refusal, not "run it again".
        if (printCreateRefusal(io, session)) return 1;
        if (lapsed === 0 && deleted === 0) {
          // A create step stopped part way is not "not started": its own line says where it stands (a trial).
          if (session.ceremony.keysNotCreated().length === 0)
            io.stdout(
              cliTranslator(io).t('online.status.nothing-imported', {
                stepPhrase: ceremonyStateValue(session.ceremony.step),
              }),
            );
          const next = beforeImportNextLine(io, values, session);
          if (next) io.stdout(next);
        }
        // A key whose material lapsed or was deleted cannot be used until it is imported again.
        return lapsed === 0 && deleted === 0 ? UNFINISHED : 1;
      }
      // Keys holding material are proven at any step: others may wait for their next round meanwhile.
      const proofs = await session.ceremony.verifyKeys({ anyStep: true });
      printProofs(io, proofs, keys);
      printGroupProofs(io, session.ceremony.keys());
      // A custody set a later wrap of other material replaced: to be destroyed, as the import said.
      for (const line of replacedCustodyLines(io, session.journal.entries)) io.stdout(line);
      // A proof failed while another key waits for fresh parameters: both next steps, in order.
      printProveFirst(io, values, session);
      // An old wrap given again and refused: put aside before the next step of the keys still to import.
      if (notImported.keys.length > 0) for (const line of staleWrapLines(io, session)) io.stdout(line);
      const missing = printMissingImports(io, values, notImported, keys.length, session.ceremony, session);
      if (!proofs.every((p) => p.ok) || lapsed + deleted + unrecorded + notTaken.size > 0) return 1;
      if (missing > 0) return UNFINISHED;
      // Every key holds its material, proven, and no online receipt is written since: the import that
      // brought it stopped before (its proofs cut off, or the receipt refused); running it again writes it.
      if (session.ceremony.step !== 'verified') {
        if (session.ceremony.step !== 'finished') return 0;
        // Finished: said in one line at the end, after a table as long as the ceremony (a trial's 339 lines said it nowhere).
        const receipt = session.journal.entries.findLast((e) => e.event === ONLINE_EVENTS.receiptWritten);
        const textFile = receipt?.data.textFile;
        io.stdout(
          cliTranslator(io).t('online.status.finished', {
            count: keys.length,
            receipt: typeof textFile === 'string' ? textFile : '',
            seq: receipt?.seq ?? 0,
          }),
        );
        return 0;
      }
      const folder = session.journal.entries.findLast((e) => e.event === ONLINE_EVENTS.wrappedChecked)?.data.folder;
      const bundle = typeof folder === 'string' ? ['--bundle', folder] : [];
      io.stdout(
        cliTranslator(io).t('online.status.receipt-not-written', {
          count: keys.length,
          command: nextOnline('import', values, [...bundle, '--expect-digest', 'DIGEST']),
        }),
      );
      return UNFINISHED;
    });
  },
});

/**
 * A journal that cannot take the entry (its medium full, gone or read-only; rolled back, whole), or
 * whose folder cannot even take its lock file (read-only or full media: nothing was written).
 */
function journalUnwritable(error: unknown): error is KeyferryError {
  if (!(error instanceof KeyferryError)) return false;
  return error.code === 'JOURNAL_WRITE_FAILED' || (error.code === 'WRITE_FAILED' && cannotWriteThere(error));
}

/** The session and the keys' states, journaled; or, when the journal cannot take an entry before the states are read, that failure. */
async function journaledLook(
  values: OnlineCommonValues,
  io: CliIo,
): Promise<{ session: OnlineSession; status: KeyStatus[] } | { unwritable: KeyferryError }> {
  let session: OnlineSession;
  try {
    session = await openOnlineSession(values, io);
  } catch (error) {
    if (journalUnwritable(error)) return { unwritable: error };
    throw error;
  }
  try {
    return { session, status: await session.ceremony.status() };
  } catch (error) {
    await session.close();
    if (journalUnwritable(error)) return { unwritable: error };
    throw error;
  }
}

/**
 * `online status` while the journal cannot be written: the KMS is asked all the same (describe-key,
 * nothing else) and the keys' states printed between a line saying the look is NOT journaled and
 * why, and one saying what to do; the keys are not proven (each proof is journaled). The next-step
 * lines are a journaled status's (verify first, the keys still to import), from the journal as it
 * stands. Exit 1: a status that is not recorded is not finished.
 */
async function unjournaledStatus(values: OnlineCommonValues, io: CliIo, unwritable: KeyferryError): Promise<number> {
  const { t } = cliTranslator(io);
  const { look, journal, close } = await openUnjournaledLook(values, io);
  try {
    io.stdout(
      t('online.status.not-journaled', {
        name: path.basename(journal.path),
        errno: String(unwritable.values?.errno ?? 'unknown error'),
      }),
    );
    const status = await look.status();
    const said = printKeyStates(io, values, status, look, journal);
    const imported = look.keys().filter((k) => k.imported).length;
    // As a journaled status says it: once some key holds its material (before that, nothing is part way).
    // The next steps a journaled status says (verify first, then the keys still to import), then that nothing was journaled.
    printProveFirst(io, values, { ceremony: look, journal });
    if (imported > 0)
      printMissingImports(io, values, said.missing, look.keys().length, look, { ceremony: look, journal });
    else if (said.lapsed + said.deleted + said.unrecorded + said.notTaken.size === 0)
      io.stdout(t('online.status.nothing-imported', { stepPhrase: ceremonyStateValue(look.step) }));
    io.stdout(t('online.status.not-journaled.next', { imported, command: nextOnline('status', values) }));
    return 1;
  } finally {
    await close();
  }
}

/**
 * The keys' states as the KMS answered (a table), then what the journal says of them: material that
 * lapsed or was deleted, and keys Enabled with no import recorded. Returns how many of each.
 */
function printKeyStates(
  io: CliIo,
  values: OnlineCommonValues,
  status: readonly KeyStatus[],
  ceremony: Pick<UnjournaledLook, 'ceremonyId' | 'keys' | 'importedCustody' | 'materialSourcesOf' | 'bundlePlan'>,
  journal: Pick<Journal, 'entries'>,
): {
  lapsed: number;
  deleted: number;
  unrecorded: number;
  notTaken: ReadonlySet<string>;
  missing: MissingImports;
} {
  printKeyTable(io, status, ['alias', 'spec', 'keyId', 'state', 'materialExpires'], status, (s) => [
    s.alias,
    s.spec,
    s.keyId,
    keyStateText(io, s.keyState),
    // No expiry while the key holds material (asymmetric material, or AES imported without one): never.
    cliExpiry(io, s.materialExpiresAt ?? undefined, keyStateOfName(s.keyState) === pendingImport ? 'none' : 'never'),
  ]);
  const next = statusNextSteps(ceremony.keys(), status, journal.entries, new Date(), ceremony.bundlePlan());
  // A key that lost its material and is Enabled again took an import whose answer no session
  // recorded, or proved nothing: said below as such, not as lost (its material is back).
  const { keys } = next;
  const airGapJournal = ceremonyAirGapJournal(journal.entries)?.file;
  // The way back from fresh parameters on, only for keys still at that step of their latest round.
  const atParameters = keys.some((k) => k.lapsed && lostRoundWord(journal.entries, k.keyId) === 'parameters');
  // Each lapsed key's custody copy is the one recorded at its own import (recorded-custody.ts, as the app reads it): keys
  // imported from different wrapped bundles may have different copies, or one none, so the way back
  // is said once per source of material (material-sources.ts, the rule online params keeps), for the
  // keys it holds; with several, each way back fetches for its own keys into a bundle of its own.
  const lapsedKeys = keys.filter((key) => key.lapsed);
  const sources = ceremony.materialSourcesOf(lapsedKeys.map((k) => k.keyId));
  // Each into a folder no earlier round wrote (a second lapse must not be sent to the first's folder).
  const taken = new Set<string>();
  const base = 'import-parameters-restore';
  const lapsed = sources.flatMap((source) => {
    const these = lapsedKeys.filter((k) => source.keyIds.includes(k.keyId));
    const custody = ceremony.importedCustody(...source.keyIds)?.arrangement ?? null;
    const several = sources.length > 1;
    const folder = unwrittenFolderName(
      { ceremony, journal },
      (n) => (several ? `${base}-${n}` : roundName(base, n)),
      taken,
    );
    taken.add(folder);
    const round = { folder, ...(several ? { keyIds: source.keyIds } : {}) };
    return lapsedLines(io, these, nextOnline('params', values), custody, airGapJournal, atParameters, round);
  });
  for (const line of lapsed) io.stdout(line);
  for (const { key: k, round } of next.deleted)
    io.stdout(cliTranslator(io).t('cli.status-material-deleted', deletedKeyValues(k, ceremony, round)));
  // Their next step is fresh parameters: the command itself, as online delete-material printed it
  // (unless a key holding material not proven comes first: verify first says both, in order).
  const deletedAtParameters = next.deleted.some((d) => d.round === 'parameters');
  if (deletedAtParameters && !atParameters && !proveFirst(keys, journal.entries))
    io.stdout(
      cliTranslator(io).t('online.next.parameters-again', {
        command: nextParametersCommand({ ceremony, journal }, values),
      }),
    );
  printRoundLines(io, values, next, (...keyIds) => ceremony.importedCustody(...keyIds));
  // Enabled in the KMS with no import in the journal: an import sent and its entry lost (a stop
  // or a crash after sending), which online import records on its next run, or somebody else's.
  const tr = cliTranslator(io);
  const { sentUnrecorded, unproven, foreign } = next;
  const bundlesOf = (sent: typeof sentUnrecorded) => (sent.folders.length === 0 ? 'none' : listText(tr, sent.folders));
  if (sentUnrecorded.keys.length > 0) {
    const named = { count: sentUnrecorded.keys.length, keys: namedKeys(tr, sentUnrecorded.keys) };
    io.stdout(tr.t('online.status.unrecorded-imports', { ...named, bundles: bundlesOf(sentUnrecorded) }));
  }
  // Each key's answer on record: the entries of the send and of the failure, and its code.
  if (unproven.keys.length > 0) {
    const answers = unprovenAnswers(tr, unproven.keys);
    io.stdout(
      tr.t('online.status.unproven-imports', { count: unproven.keys.length, answers, bundles: bundlesOf(unproven) }),
    );
  }
  // Each key's answer that proves nothing, and the KMS's state showing the import did not take effect.
  for (const { folder, keys: these } of next.answeredNotTaken) {
    const command = nextOnline('import', values, [
      ...(folder === null ? [] : ['--bundle', folder]),
      '--expect-digest',
      'DIGEST',
    ]);
    const answers = unprovenAnswers(tr, these);
    io.stdout(tr.t('online.status.answered-not-taken', { count: these.length, answers, command }));
  }
  if (foreign.length > 0)
    io.stdout(tr.t('online.status.foreign-imports', { count: foreign.length, keys: namedKeys(tr, foreign) }));
  return {
    lapsed: lapsed.length,
    deleted: next.deleted.length,
    unrecorded: sentUnrecorded.keys.length + unproven.keys.length + foreign.length,
    notTaken: new Set([...next.notTaken, ...next.answeredNotTaken].flatMap((g) => g.keys.map((k) => k.keyId))),
    missing: {
      keys: next.missing,
      tokens: next.missingTokens,
      bundle: next.missingBundle,
      refused: next.missingRefused,
      wrap: next.missingWrap,
      groups: next.groups,
    },
  };
}
