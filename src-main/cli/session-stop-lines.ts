/**
 * What the CLI says when an air-gapped session does not finish: a withdrawn bundle, the HSM token
 * objects it generated (destroyed, or left with the commands that delete them), or a stop by the officer.
 */
import type { AbandonReport, StopCause } from '../core/ceremony/airgap/session-stop';
import type { TokenObjectRecord } from '../core/hsm';
import { ceremonyStateValue } from '../i18n/ceremony-state';
import { phraseOf, phraseValue } from '../i18n/phrase';
import { journalEventPhrase } from '../i18n/journal-events';
import { terminalText } from '../core/terminal-text';
import { listText, listValue } from '../i18n/list';
import type { Translator } from '../i18n/translate';
import { cliTranslator } from './cli-locale';
import type { CliIo } from './command';
import type { StopSignal } from './interrupts';

/** One line per bundle withdrawn (or to delete by hand); nothing when no bundle had been written. */
export function withdrawalLines(report: AbandonReport | undefined, translator: Translator): string[] {
  const { t } = translator;
  const bundle = report?.withdrawnBundle
    ? [t('cli.bundle-withdrawn', { dir: report.withdrawnBundle, how: report.withdrawnHow ?? 'recorded' })]
    : report?.deleteByHand
      ? [t('cli.bundle-delete-by-hand', { dir: report.deleteByHand })]
      : [];
  const receipt = report?.voidedReceipt ? [t('cli.receipt-voided', { file: report.voidedReceipt })] : [];
  return [...receipt, ...bundle, ...tokenObjectLines(report, translator), ...custodyLines(report, translator)];
}

/** The HSM token objects of the stopped attempt: which were destroyed; which are left, each with its delete command. */
function tokenObjectLines(report: Pick<AbandonReport, 'tokenObjects'> | undefined, translator: Translator): string[] {
  const cleanup = report?.tokenObjects;
  if (!cleanup) return [];
  const { t } = translator;
  const token = { token: terminalText(cleanup.tokenLabel), serial: terminalText(cleanup.tokenSerial) };
  const named = (o: TokenObjectRecord) => tokenObjectName(translator, o);
  const destroyed =
    cleanup.destroyed.length > 0
      ? [
          t('cli.hsm-objects-destroyed', {
            ...token,
            count: cleanup.destroyed.length,
            objects: listText(translator, cleanup.destroyed.map(named)),
          }),
        ]
      : [];
  if (cleanup.left.length === 0) return destroyed;
  return [
    ...destroyed,
    t('cli.hsm-objects-left', {
      ...token,
      count: cleanup.left.length,
      cause: cleanup.problem ? 'failed' : 'crash',
      reason: cleanup.problem ? translator.problem(cleanup.problem).message : '',
    }),
    ...cleanup.left.map((o) => t('cli.hsm-object-command', { command: terminalText(o.command) })),
  ];
}

/** How a line names a token object: its label, class and CKA_ID. */
export function tokenObjectName({ t }: Translator, o: TokenObjectRecord): string {
  return t('hsm.object', { label: terminalText(o.label), objectClass: o.objectClass, objectId: o.objectId });
}

/** The option that names the wrapped bundle's folder: `airgap wrap`'s, or the restore ceremony's. */
export type BundleOutOption = '--out' | '--wrapped-out';

/** After a failed session whose bundle was withdrawn: how to try again (the withdrawn folder is never used again). */
export function resumeLines(report: AbandonReport | undefined, { t }: Translator, option: BundleOutOption): string[] {
  return report?.withdrawnBundle ? [t('cli.resume-new-folder', { option, dir: report.withdrawnBundle })] : [];
}

/** The custody files of the stopped attempt: removed from which folders, or which to delete by hand. */
function custodyLines(report: AbandonReport | undefined, { t }: Translator): string[] {
  if (!report) return [];
  return [
    ...(report.withdrawnCustody.length > 0
      ? [
          t('cli.custody-withdrawn', {
            count: report.withdrawnCustody.length,
            folders: listText({ t }, report.withdrawnCustody),
          }),
        ]
      : []),
    ...removedFolderLines(report, { t }),
    ...(report.custodyByHand.length > 0
      ? [t('cli.custody-delete-by-hand', { files: listText({ t }, report.custodyByHand) })]
      : []),
  ];
}

/** The custodian folders the stopped attempt made and removed again before a file went in, each with its custodian. */
function removedFolderLines(report: AbandonReport, { t }: Pick<Translator, 't'>): string[] {
  const all = report.removedCustodyFolders ?? [];
  const named = (folders: typeof all) =>
    listValue(
      folders.map(({ folder, custodian }) =>
        t('cli.custody-folder-of', {
          folder: terminalText(folder),
          known: custodian === null ? 'no' : 'yes',
          custodian: terminalText(custodian ?? ''),
        }),
      ),
    );
  // A folder that went with its stick (pulled) was not removed: it is there, empty, and said so apart.
  const removed = all.filter((f) => f.gone !== true);
  const gone = all.filter((f) => f.gone === true);
  return [
    ...(removed.length > 0
      ? [t('cli.custody-folders-removed', { count: removed.length, foldersList: named(removed) })]
      : []),
    ...(gone.length > 0 ? [t('cli.custody-folders-gone', { count: gone.length, foldersList: named(gone) })] : []),
  ];
}

/** The one line printed when the officer (or the system) stops an air-gapped ceremony. */
function stoppedLine(
  { t }: Translator,
  signal: StopSignal,
  report: AbandonReport,
  journal: string,
  outOption: BundleOutOption,
): string {
  if (report.state === 'finished') return t('cli.stopped-finished', { signal, journal });
  const step = report.lastStep;
  return t('cli.stopped', {
    signal,
    statePhrase: ceremonyStateValue(report.state),
    // The session's last journal entry names the step it had really reached (a state spans several).
    step: step ? 'entry' : 'none',
    stepPhrase: step ? phraseValue(journalEventPhrase(step.event)) : '',
    seq: step?.seq ?? 0,
    actor: step ? terminalText(step.actor) : '',
    wiped: report.wipedKeys,
    // Keys counted, and the materials said where fewer (a replica group's keys share one).
    keys: report.wipedKeysServed ?? report.wipedKeys,
    materials: report.wipedKeysServed === undefined ? 0 : report.wipedKeys,
    // What the ceremony's state allowed to be under way (the report says it; before it nothing was held or under way).
    underWay: report.underWay,
    withdrawn: report.withdrawnBundle ?? 'none',
    handDelete: report.deleteByHand ?? 'none',
    journal,
    outOption,
  });
}

/** Registers the stop handler of an air-gapped ceremony: abandon (wipe, journal, withdraw), then the line. */
export function stopCeremonyOnInterrupt(
  io: Pick<CliIo, 'interrupts' | 'env' | 'locale'>,
  ceremony: { abandon(cause: StopCause): Promise<AbandonReport> },
  journal: string,
  outOption: BundleOutOption,
): () => void {
  return (
    io.interrupts?.onStop(async (stop) => {
      const report = await ceremony.abandon({
        reason: `stopped by ${stop.signal}`,
        phrase: phraseOf('journal.reason.signal', { signal: stop.signal }),
        signal: stop.signal,
      });
      stop.journaled = true;
      // A stop after the ceremony finished changes nothing: the bundle and receipt stand (exit 0).
      if (report.state === 'finished') stop.completed = true;
      const translator = cliTranslator(io);
      stop.line = [
        stoppedLine(translator, stop.signal, report, journal, outOption),
        ...tokenObjectLines(report, translator),
        ...custodyLines(report, translator),
      ].join('\n');
    }) ?? (() => undefined)
  );
}
