/**
 * On an air-gapped side's network check: the journal's earlier session that ended without stopping
 * (a crash, a power cut), which this session closed before it started (journaled as abandoned, listed
 * on the receipt), and what of it was withdrawn or is left to delete by hand, in the words the
 * command line prints.
 */
import type { UnfinishedSessionView } from '../../src-main/ipc/contract';
import { useT } from '../i18n';
import { WithdrawalLines } from './WithdrawalLines';

export function EarlierSessionNotice({ earlier }: { earlier: UnfinishedSessionView }) {
  const { t } = useT();
  const byHand = earlier.deleteByHand !== null || earlier.custodyByHand.length > 0 || earlier.notWithdrawn.length > 0;
  return (
    <div className={`earlier-session ${byHand ? 'warning' : 'notice'}`} role="status">
      <p>
        {t('cli.session-unfinished', {
          session: earlier.session,
          from: earlier.fromSeq,
          to: earlier.toSeq,
          interrupted: earlier.interruptedSeq ?? 0,
        })}
      </p>
      <WithdrawalLines report={earlier} earlier notWithdrawn={earlier.notWithdrawn} />
    </div>
  );
}
