/**
 * What leaving an unfinished ceremony did, on the screen the officer lands on (DESIGN: nothing is
 * lost silently): the material wiped, the unreceipted bundle withdrawn or left to delete by hand,
 * and the custody files of the session removed from the custodians' folders or left to delete by
 * hand, in the words the command line prints after a Ctrl-C. Stays until dismissed.
 */
import { ceremonyStateValue } from '../../src-main/i18n/ceremony-state';
import type { LeftSide } from '../store/session';
import { useAppStore } from '../store/store';
import { useT } from '../i18n';
import { WithdrawalLines } from './WithdrawalLines';

function LeftSideLines({ side, report }: LeftSide) {
  const { t } = useT();
  return (
    <>
      <p className="banner-title">
        {t('left.title', {
          side: side === 'air-gapped' ? 'air' : 'restore',
          statePhrase: ceremonyStateValue(report.state),
        })}
      </p>
      <p>{t('left.wiped', { wiped: report.wipedKeys })}</p>
      <WithdrawalLines report={report} noBundle={<p>{t('left.no-bundle')}</p>} />
    </>
  );
}

export function LeftCeremonyNotice() {
  const left = useAppStore((s) => s.left);
  const dismiss = useAppStore((s) => s.dismissLeft);
  const { t } = useT();
  if (left.length === 0) return null;
  const byHand = left.some((l) => l.report.deleteByHand !== null || l.report.custodyByHand.length > 0);
  return (
    <div className={`banner left-ceremony ${byHand ? 'banner-danger' : 'banner-warning'}`} role="status">
      {left.map((l) => (
        <LeftSideLines key={l.side} {...l} />
      ))}
      <div className="actions">
        <button type="button" className="secondary" onClick={dismiss}>
          {t('left.dismiss')}
        </button>
      </div>
    </div>
  );
}
