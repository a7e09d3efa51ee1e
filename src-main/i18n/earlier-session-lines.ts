/**
 * The lines that say a journal's earlier session was closed by this one (a crash, a power cut, a cut
 * between the receipt and the manifest): its header and the receipts it printed that were voided. One
 * source for the command line (cli/unfinished-session-lines.ts) and the app's notice
 * (EarlierSessionNotice.tsx), which take the report as the core gives it and as IPC carries it.
 * Renderer-safe: imports only i18n.
 */
import type { MessageValues } from './catalogue';
import { listText } from './list';
import type { Translator } from './translate';

/** What both say of the earlier session: the core's report, or its IPC view. */
interface EarlierSession {
  readonly session: number;
  readonly fromSeq: number;
  readonly toSeq: number;
  readonly interruptedSeq: number | null;
  readonly stopCutShort: boolean;
  readonly beforeManifest: boolean;
  readonly voidedReceipts: readonly string[];
  readonly withdrawnCustody: readonly string[];
}

/** The values of `cli.session-unfinished`. */
export function sessionUnfinishedValues(report: EarlierSession): MessageValues<'cli.session-unfinished'> {
  return {
    session: report.session,
    from: report.fromSeq,
    to: report.toSeq,
    interrupted: report.interruptedSeq ?? 0,
    stopCut: report.stopCutShort ? 'yes' : 'no',
    beforeManifest: report.beforeManifest ? 'yes' : 'no',
  };
}

/** The values of `cli.earlier-receipt-voided`; undefined when no receipt was voided. */
export function receiptVoidedValues(
  tr: Pick<Translator, 't'>,
  report: EarlierSession,
): MessageValues<'cli.earlier-receipt-voided'> | undefined {
  if (report.voidedReceipts.length === 0) return undefined;
  return {
    files: listText(tr, report.voidedReceipts),
    journaled: report.beforeManifest ? 'yes' : 'no',
    custody: report.withdrawnCustody.length > 0 ? 'withdrawn' : 'none',
  };
}
