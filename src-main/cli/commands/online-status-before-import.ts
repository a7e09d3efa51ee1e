/**
 * What `keyferry online status` says is next before any import took material: fetch and write
 * parameters, the air-gapped wrap of the bundle written last, the import of a wrap checked and not
 * finished, or fresh parameters after a refusal; and which old wraps given again are put aside.
 */
import { groupHex } from '../../core/hex-groups';
import { cliTranslator } from '../cli-locale';
import { listText } from '../../i18n/list';
import { exposureToSay } from '../../core/ceremony/online/exposed-material';
import { ONLINE_EVENTS } from '../../core/ceremony/online/events';
import { refusedBeforeImport, wrapsCheckedSinceWritten } from '../../core/ceremony/online/refused-imports';
import type { OnlineCommonValues, OnlineSession } from '../online-session';
import type { CliIo } from '../command';
import type { JournalEntry } from '../../core/journal';
import type { OnlineStep } from '../../core/ceremony/shared/ceremony-states';
import { nextOnline, nextParametersCommand, writtenParametersEntries, type RoundSource } from './online-steps';
import { writtenBundleTokens } from '../../core/ceremony/online/status-next-steps';
import type { JournaledKey } from '../../core/ceremony/online/types';
import { namedKeys } from '../../i18n/import-stopped-summary';

/**
 * Before any import, the step the ceremony waits for, with its command: fetch and write parameters
 * (keys created, or parameters fetched and never written: a stop or an error came before the
 * bundle), the import of a wrap checked and not finished, or the air-gapped wrap of the bundle
 * written last; after an old wrap given again and refused for its own expired tokens, that it is put
 * aside first (it is not the next step). Undefined at any other step.
 */
export function beforeImportNextLine(
  io: CliIo,
  values: OnlineCommonValues,
  session: OnlineSession,
  /** The step as the next session reads it (an import's own session is past its check, which no later one carries). */
  step: OnlineStep = session.ceremony.step,
): string | undefined {
  const next = nextStepBeforeImport(io, values, session, step);
  if (step !== 'parameters-written') return next;
  return [...staleWrapLines(io, session), ...(next === undefined ? [] : [next])].join('\n') || undefined;
}

/**
 * Each old wrap given again since the bundle written last and refused for its own expired tokens
 * (wrapsCheckedSinceWritten), oldest first: put aside, its refusal not the next step. Said before the
 * next step, which is the bundle written last's.
 */
export function staleWrapLines(io: CliIo, session: RoundSource): string[] {
  const { t } = cliTranslator(io);
  const written = writtenParametersEntries(session).at(-1);
  const stale = wrapsCheckedSinceWritten(session.journal.entries).stale.map((wrap) =>
    t('online.status.stale-wrap-refused', {
      folder: wrap.folder,
      seq: wrap.seq,
      parameters: wrap.parametersFolder ?? '',
      dir: folderOf(written),
      refusedSeq: wrap.refused?.refusedSeq ?? 0,
      code: wrap.refused?.code ?? '',
    }),
  );
  return stale.reverse();
}

/** The next step before any import (beforeImportNextLine), without what is said of old wraps given again. */
function nextStepBeforeImport(
  io: CliIo,
  values: OnlineCommonValues,
  session: OnlineSession,
  step: OnlineStep,
): string | undefined {
  const { t } = cliTranslator(io);
  const written = writtenParametersEntries(session).at(-1);
  const folder = folderOf(written);
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
      folder: folderOf(unproven),
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
    const reminder = exposed ? `\n${t('online.status.exposed-new-material', exposed)}` : '';
    return `${planLines(io, values, session, written).join('\n')}${reminder}`;
  }
  return undefined;
}

/**
 * The bundle plan (bundle-plan.ts, what the warnings of online params say too) as next steps: the
 * wrap of the bundle each waiting key takes, or the import of a wrap of it checked here; before
 * them, when more than one bundle is in play, which bundles to destroy and which keys to fetch anew.
 * With no bundle to take and none to destroy (their tokens expired), the bundle written last
 * (`written`) says so itself.
 */
function planLines(
  io: CliIo,
  values: OnlineCommonValues,
  session: OnlineSession,
  written: JournalEntry | undefined,
): string[] {
  const { t } = cliTranslator(io);
  const plan = session.ceremony.bundlePlan();
  if (plan.takes.length === 0 && plan.destroy.length === 0) return [wrapLine(io, values, session, written, null)];
  const keys = new Map(session.ceremony.keys().map((k) => [k.keyId, k]));
  const writtenAt = (seq: number) => writtenParametersEntries(session).find((e) => e.seq === seq);
  // One bundle for every key waiting, nothing else in play: said as the one bundle of the ceremony.
  const alone = plan.takes.length === 1 && plan.fresh.length === 0 && plan.destroy.length === 0;
  const takes = plan.takes.map((take) => {
    const these = take.keyIds.flatMap((id) => keys.get(id) ?? []);
    return take.wrap
      ? t('online.status.import-unfinished', {
          folder: take.wrap.folder,
          seq: take.wrap.seq,
          dir: take.folder,
          known: 'yes',
          until: take.until,
          command: nextOnline('import', values, ['--bundle', take.wrap.folder]),
        })
      : wrapLine(io, values, session, writtenAt(take.seq), alone ? null : these);
  });
  if (alone) return takes;
  const fresh = plan.fresh.flatMap((id) => keys.get(id) ?? []);
  const caution = t('online.status.bundle-plan', {
    takes: plan.takes.length,
    destroy: plan.destroy.length,
    destroyList: listText(
      { t },
      plan.destroy.map((d) => `${d.folder} (${groupHex(d.manifestSha256)})`),
    ),
    fresh: fresh.length,
    freshKeys: namedKeys(cliTranslator(io), fresh),
    command: nextParametersCommand(session, values, plan.fresh),
  });
  return [caution, ...takes];
}

/**
 * The wrap of the import-parameters bundle `written` (its journal entry), for `keys` when it is not
 * every waiting key's (null: it is): the first of its tokens to expire, as a moment ("within the
 * tokens' 24 hours" left the officer counting), or that they have expired (fresh parameters).
 */
function wrapLine(
  io: CliIo,
  values: OnlineCommonValues,
  session: OnlineSession,
  written: JournalEntry | undefined,
  keys: readonly JournaledKey[] | null,
): string {
  return cliTranslator(io).t('online.status.next-wrap', {
    ...bundleValues(io, session, written, keys),
    // Fresh parameters for this bundle's keys only: for every key, a key waiting on a later bundle
    // would have two bundles to wrap.
    command: nextParametersCommand(
      session,
      values,
      (keys ?? []).map((k) => k.keyId),
    ),
  });
}

/** What is said of the import-parameters bundle `written` (its journal entry) and its tokens, for `keys` (null: every waiting key). */
function bundleValues(
  io: CliIo,
  session: OnlineSession,
  written: JournalEntry | undefined,
  keys: readonly JournaledKey[] | null,
) {
  const tokens = written ? writtenBundleTokens(written, session.journal.entries, new Date()) : null;
  const digest = written?.data['manifestSha256'];
  return {
    dir: folderOf(written),
    // From the journal, never the media: the witnesses type what the online side wrote.
    digest: typeof digest === 'string' && tokens?.lapsed !== true ? groupHex(digest) : 'none',
    seq: written?.seq ?? 0,
    until: tokens?.until ?? 0,
    known: tokens === null ? 'no' : tokens.lapsed ? 'lapsed' : 'yes',
    tokensBy: tokens?.by ?? 'computer',
    scope: keys === null ? 'all' : 'some',
    keys: keys === null ? '' : namedKeys(cliTranslator(io), keys),
  };
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
  return cliTranslator(io).t('online.status.import-unfinished', {
    folder: wrap.folder,
    seq: wrap.seq,
    dir: folderOf(from),
    known: tokens === null ? 'no' : 'yes',
    until: tokens?.until ?? 0,
    command: nextOnline('import', values, ['--bundle', wrap.folder]),
  });
}

/** The folder a journal entry names (`folder`), or '' when it names none. */
function folderOf(entry: JournalEntry | undefined): string {
  const folder = entry?.data['folder'];
  return typeof folder === 'string' ? folder : '';
}
