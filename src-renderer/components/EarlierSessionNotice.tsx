/**
 * On an air-gapped side's network check: the journal's earlier session that ended without stopping
 * (a crash, a power cut), which this session closed before it started (journaled as abandoned, listed
 * on the receipt), and what of it was withdrawn, voided (the receipts it printed) or is left to delete
 * by hand, in the words the command line prints.
 */
import type { UnfinishedSessionView } from '../../src-main/ipc/contract';
import { receiptVoidedValues, sessionUnfinishedValues } from '../../src-main/i18n/earlier-session-lines';
import { useT } from '../i18n';
import { WithdrawalLines } from './WithdrawalLines';

export function EarlierSessionNotice({ earlier }: { earlier: UnfinishedSessionView }) {
  const tr = useT();
  const { t } = tr;
  const voided = receiptVoidedValues(tr, earlier);
  const byHand = earlier.deleteByHand !== null || earlier.custodyByHand.length > 0 || earlier.notWithdrawn.length > 0;
  return (
    <div className={`earlier-session ${byHand ? 'warning' : 'notice'}`} role="status">
      <p>{t('cli.session-unfinished', sessionUnfinishedValues(earlier))}</p>
      {earlier.resumedSeq !== null && <p>{t('cli.closing-resumed', { seq: earlier.resumedSeq })}</p>}
      {voided && <p>{t('cli.earlier-receipt-voided', voided)}</p>}
      <WithdrawalLines report={earlier} earlier notWithdrawn={earlier.notWithdrawn} />
    </div>
  );
}
