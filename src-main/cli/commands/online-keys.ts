/** `keyferry online status`: the ceremony's keys in the KMS, proven, and what is next for each. */

import { groupHex } from '../../core/hex-groups';
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
import { refusedBeforeImport, wrapsCheckedSinceWritten } from '../../core/ceremony/online/refused-imports';

import { openOnlineSession, openUnjournaledLook, type OnlineCommonValues, type OnlineSession } from '../online-session';
import type { CliIo } from '../command';
import type { Journal, JournalEntry } from '../../core/journal';
import type { KeyStatus } from '../../core/ceremony/online/types';
import type { UnjournaledLook } from '../../core/ceremony/online/workflow';
import path from 'node:path';

import {
  defineOnlineCommand,
  lapsedLines,
  nextOnline,
  nextParametersCommand,
  writtenParametersEntries,
  printGroupProofs,
  printProofs,
  roundName,
  unwrittenFolderName,
  withSession,
  printCreateRefusal,
  type RoundSource,
} from './online-steps';
import { namedKeys, unprovenAnswers } from '../../i18n/import-stopped-summary';
import {
  deletedKeyValues,
  lostRoundWord,
  printMissingImports,
  printProveFirst,
  printRoundLines,
  type MissingImports,
} from './online-status-rounds';
import { proveFirst, statusNextSteps, writtenBundleTokens } from '../../core/ceremony/online/status-next-steps';
import { exposureToSay } from '../../core/ceremony/online/exposed-material';

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
      // A proof failed while another key waits for fresh parameters: both next steps, in order.
      printProveFirst(io, values, session);
      // An old wrap given again and refused: put aside before the next step of the keys still to import.
      if (notImported.keys.length > 0) for (const line of staleWrapLines(io, session)) io.stdout(line);
      const missing = printMissingImports(io, values, notImported, keys.length, session.ceremony);
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
    if (imported > 0) printMissingImports(io, values, said.missing, look.keys().length, look);
    else if (said.lapsed + said.deleted + said.unrecorded + said.notTaken.size === 0)
      io.stdout(t('online.status.nothing-imported', { stepPhrase: ceremonyStateValue(look.step) }));
    io.stdout(t('online.status.not-journaled.next', { imported, command: nextOnline('status', values) }));
    return 1;
  } finally {
    await close();
  }
}

/**
 * Before any import, the step the ceremony waits for, with its command: fetch and write parameters
 * (keys created, or parameters fetched and never written: a stop or an error came before the
 * bundle), the import of a wrap checked and not finished, or the air-gapped wrap of the bundle
 * written last; after an old wrap given again and refused for its own expired tokens, that it is put
 * aside first (it is not the next step). Undefined at any other step.
 */
function beforeImportNextLine(io: CliIo, values: OnlineCommonValues, session: OnlineSession): string | undefined {
  const next = nextStepBeforeImport(io, values, session);
  if (session.ceremony.step !== 'parameters-written') return next;
  return [...staleWrapLines(io, session), ...(next === undefined ? [] : [next])].join('\n') || undefined;
}

/**
 * Each old wrap given again since the bundle written last and refused for its own expired tokens
 * (wrapsCheckedSinceWritten), oldest first: put aside, its refusal not the next step. Said before the
 * next step, which is the bundle written last's.
 */
function staleWrapLines(io: CliIo, session: RoundSource): string[] {
  const { t } = cliTranslator(io);
  const written = writtenParametersEntries(session).at(-1);
  const stale = wrapsCheckedSinceWritten(session.journal.entries).stale.map((wrap) =>
    t('online.status.stale-wrap-refused', {
      folder: wrap.folder,
      seq: wrap.seq,
      parameters: wrap.parametersFolder ?? '',
      dir: typeof written?.data['folder'] === 'string' ? written.data['folder'] : '',
      refusedSeq: wrap.refused?.refusedSeq ?? 0,
      code: wrap.refused?.code ?? '',
    }),
  );
  return stale.reverse();
}

/** The next step before any import (beforeImportNextLine), without what is said of old wraps given again. */
function nextStepBeforeImport(io: CliIo, values: OnlineCommonValues, session: OnlineSession): string | undefined {
  const { t } = cliTranslator(io);
  const step = session.ceremony.step;
  const written = writtenParametersEntries(session).at(-1);
  const folder = typeof written?.data['folder'] === 'string' ? written.data['folder'] : '';
  // The import of the wrap of the bundle written last was refused: not that wrap again.
  const refused = refusedBeforeImport(session.journal.entries, step);
  // A create step stopped part way (a stop, or a region unreachable): the keys of the plan still to create.
  const notCreated = session.ceremony.keysNotCreated();
  if (step === 'new' && notCreated.length > 0)
    return t('online.status.next-create', {
      count: notCreated.length,
      keys: listText(
        { t },
        notCreated.map((k) =>
          t('online.status.not-created-key', { alias: k.alias, region: k.replicaIn?.region ?? 'none' }),
        ),
      ),
      command: nextOnline('create-key', values, ['--plan', 'PLAN']),
    });
  if (step === 'keys-created' || step === 'parameters-fetched' || refused?.kind === 'token')
    return t('online.status.next-parameters', {
      unwritten: step === 'parameters-fetched' ? 'yes' : 'no',
      // Only beside an unwritten fetch: keys merely created again (tokens lapsed) have no wrap to import.
      earlier: step === 'parameters-fetched' && folder ? 'yes' : 'no',
      dir: folder,
      refused: refused?.kind === 'token' ? 'token' : 'no',
      bundle: refused?.folder ?? '',
      refusedSeq: refused?.refusedSeq ?? 0,
      code: refused?.code ?? '',
      command: nextParametersCommand(session, values),
    });
  // A wrap refused as exposed (exposed-material.ts): never restored nor imported; new material is made.
  const exposure = exposureToSay(session.journal.entries);
  const exposed = exposure
    ? {
        seq: exposure.seq,
        folder: exposure.folder,
        set: exposure.setTag === null ? 'none' : 'named',
        setTag: exposure.setTag ?? '',
      }
    : undefined;
  if (step === 'parameters-written' && exposed && !exposure?.parametersAfter)
    return t('online.status.exposed', { ...exposed, dir: folder, command: nextParametersCommand(session, values) });
  // A custody restore of material this journal never saw under the KMS's wrapping keys, refused
  // after the bundle written last: new material (fresh parameters), not that bundle's wrap again.
  const unproven = session.journal.entries.findLast(
    (e) => e.event === ONLINE_EVENTS.wrappedRefused && e.data['code'] === 'WRAPPED_RESTORE_UNPROVEN',
  );
  if (step === 'parameters-written' && unproven && (written?.seq ?? 0) < unproven.seq)
    return t('online.status.restore-unproven', {
      seq: unproven.seq,
      folder: typeof unproven.data['folder'] === 'string' ? unproven.data['folder'] : '',
      command: nextParametersCommand(session, values),
    });
  if (step === 'parameters-written' && folder) {
    // Its wrap was checked and its import refused for an expiry not ahead: that wrap stands (a wrap
    // again is refused); the same bundle imports with an expiry further ahead while the tokens last.
    if (refused?.kind === 'expiry')
      return t('online.status.next-import-expiry', {
        ...refused,
        command: nextOnline('import', values, ['--bundle', refused.folder]),
      });
    // A wrap checked since that bundle was written whose import did not finish (stopped part way
    // before any key took its material, or the session ended after the check): its import is next,
    // while the tokens of the parameters bundle it was made from last. A new run checks it again.
    const unfinished = unfinishedImportLine(io, values, session, written);
    if (unfinished) return unfinished;
    // The first of the bundle's tokens to expire, as a moment ("within the tokens' 24 hours" left the
    // officer counting), or that they have expired: that bundle can no longer be wrapped and imported.
    const tokens = written ? writtenBundleTokens(written, session.journal.entries, new Date()) : null;
    const digest = written?.data['manifestSha256'];
    const reminder = exposed ? `\n${t('online.status.exposed-new-material', exposed)}` : '';
    return `${t('online.status.next-wrap', {
      dir: folder,
      // From the journal, never the media: the witnesses type what the online side wrote.
      digest: typeof digest === 'string' && tokens?.lapsed !== true ? groupHex(digest) : 'none',
      seq: written?.seq ?? 0,
      until: tokens?.until ?? 0,
      known: tokens === null ? 'no' : tokens.lapsed ? 'lapsed' : 'yes',
      command: nextParametersCommand(session, values),
    })}${reminder}`;
  }
  return undefined;
}

/**
 * Before any import, at step 'parameters-written': the wrap checked since the bundle written last
 * (`written`) that the next import continues from (wrapsCheckedSinceWritten), no refusal of its
 * import on record, while the import tokens of the parameters bundle it was made from are valid: its
 * import did not finish, and running it again (which checks the bundle again: a check is not carried
 * from one session to the next) is next. Undefined otherwise (its tokens expired: fresh parameters).
 */
function unfinishedImportLine(
  io: CliIo,
  values: OnlineCommonValues,
  session: OnlineSession,
  written: JournalEntry | undefined,
): string | undefined {
  const wrap = wrapsCheckedSinceWritten(session.journal.entries).current;
  if (!wrap || wrap.refused) return undefined;
  const from =
    (wrap.parametersSha256 === null
      ? undefined
      : writtenParametersEntries(session).findLast((e) => e.data['manifestSha256'] === wrap.parametersSha256)) ??
    written;
  const tokens = from ? writtenBundleTokens(from, session.journal.entries, new Date()) : null;
  if (tokens?.lapsed) return undefined;
  const dir = from?.data['folder'];
  return cliTranslator(io).t('online.status.import-unfinished', {
    folder: wrap.folder,
    seq: wrap.seq,
    dir: typeof dir === 'string' ? dir : '',
    known: tokens === null ? 'no' : 'yes',
    until: tokens?.until ?? 0,
    command: nextOnline('import', values, ['--bundle', wrap.folder]),
  });
}

/**
 * The keys' states as the KMS answered (a table), then what the journal says of them: material that
 * lapsed or was deleted, and keys Enabled with no import recorded. Returns how many of each.
 */
function printKeyStates(
  io: CliIo,
  values: OnlineCommonValues,
  status: readonly KeyStatus[],
  ceremony: Pick<UnjournaledLook, 'ceremonyId' | 'keys' | 'importedCustody' | 'materialSourcesOf'>,
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
  const next = statusNextSteps(ceremony.keys(), status, journal.entries, new Date());
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
