/** What the CLI says when a session starts on a journal whose last session ended without stopping (a crash, a power cut). */
import type { UnfinishedSessionReport } from '../core/ceremony/airgap/unfinished-session';
import { listText } from '../i18n/list';
import { phraseText } from '../i18n/phrase';
import { receiptVoidedValues, sessionUnfinishedValues } from '../i18n/earlier-session-lines';
import { cliTranslator } from './cli-locale';
import type { CliIo } from './command';
import path from 'node:path';
import { withdrawalLines, type BundleOutOption } from './session-stop-lines';

/**
 * The lines naming the earlier session and what was withdrawn of it: its bundle, the custodian
 * folders cleared, and each custodian folder whose files were NOT withdrawn (to delete by hand, as
 * the journal says it); none when there was no such session.
 */
export function unfinishedSessionLines(
  io: Pick<CliIo, 'env' | 'locale'>,
  report: UnfinishedSessionReport | null,
  /** The folder this command writes its bundle to, and its option: named when it is the one just withdrawn. */
  bundleOut?: { readonly option: BundleOutOption; readonly folder: string },
): string[] {
  if (!report) return [];
  const translator = cliTranslator(io);
  const { t } = translator;
  const bundle = withdrawalLines(
    { state: 'new', wipedKeys: 0, underWay: 'nothing', ...report, withdrawnCustody: [], custodyByHand: [] },
    translator,
  );
  const cleared =
    report.withdrawnCustody.length > 0
      ? [
          t('cli.earlier-custody-withdrawn', {
            count: report.withdrawnCustody.length,
            folders: listText(translator, report.withdrawnCustody),
          }),
        ]
      : [];
  const voided = receiptVoidedValues(translator, report);
  return [
    t('cli.session-unfinished', sessionUnfinishedValues(report)),
    ...(report.resumedSeq !== null ? [t('cli.closing-resumed', { seq: report.resumedSeq })] : []),
    ...bundle,
    // The same command run again names the folder just withdrawn: the folder check will refuse it.
    ...(bundleOut && report.withdrawnBundle && path.resolve(bundleOut.folder) === path.resolve(report.withdrawnBundle)
      ? [t('cli.earlier-bundle-is-out', { option: bundleOut.option, dir: report.withdrawnBundle })]
      : []),
    ...(voided ? [t('cli.earlier-receipt-voided', voided)] : []),
    ...cleared,
    ...report.notWithdrawn.map((n) => phraseText(translator, n.phrase)),
  ];
}
