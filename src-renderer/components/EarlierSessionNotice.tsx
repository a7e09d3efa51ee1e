/**
 * On an air-gapped side's network check: the journal's earlier session that ended without stopping
 * (a crash, a power cut), which this session closed before it started (journaled as abandoned, listed
 * on the receipt), and what of it was withdrawn, voided (the receipts it printed) or is left to delete
 * by hand, in the words the command line prints.
 */
import type { UnfinishedSessionView } from '../../src-main/ipc/contract';
import { listText } from '../../src-main/i18n/list';
import { useT } from '../i18n';
import { WithdrawalLines } from './WithdrawalLines';

export function EarlierSessionNotice({ earlier }: { earlier: UnfinishedSessionView }) {
  const tr = useT();
  const { t } = tr;
  const byHand = earlier.deleteByHand !== null || earlier.custodyByHand.length > 0 || earlier.notWithdrawn.length > 0;
  return (
    <div className={`earlier-session ${byHand ? 'warning' : 'notice'}`} role="status">
      <p>
        {t('cli.session-unfinished', {
          session: earlier.session,
          from: earlier.fromSeq,
          to: earlier.toSeq,
          interrupted: earlier.interruptedSeq ?? 0,
          beforeManifest: earlier.beforeManifest ? 'yes' : 'no',
        })}
      </p>
      {earlier.voidedReceipts.length > 0 && (
        <p>
          {t('cli.earlier-receipt-voided', {
            files: listText(tr, earlier.voidedReceipts),
            journaled: earlier.beforeManifest ? 'yes' : 'no',
            custody: earlier.withdrawnCustody.length > 0 ? 'withdrawn' : 'none',
          })}
        </p>
      )}
      <WithdrawalLines report={earlier} earlier notWithdrawn={earlier.notWithdrawn} />
    </div>
  );
}
