/**
 * Asked before leaving the screens of an unfinished air-gapped ceremony (material held, a bundle
 * waiting for its receipt, or a step running): staying is the default; leaving abandons it, which
 * the main process journals like a Ctrl-C on the command line.
 */
import { useEffect, useRef } from 'react';
import { Activity } from './Activity';
import { useAppStore } from '../store/store';
import { useT } from '../i18n';
import { ceremonyStateValue } from '../../src-main/i18n/ceremony-state';

export function LeaveCeremonyDialog() {
  const leaving = useAppStore((s) => s.leaving);
  const confirm = useAppStore((s) => s.confirmLeave);
  const cancel = useAppStore((s) => s.cancelLeave);
  const busy = useAppStore((s) => s.busy !== null);
  const stay = useRef<HTMLButtonElement>(null);
  const { t } = useT();
  useEffect(() => {
    if (leaving) stay.current?.focus();
  }, [leaving]);
  if (!leaving) return null;
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog banner banner-warning"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="leave-title"
        aria-describedby="leave-consequence"
      >
        <h2 id="leave-title">{t('leave.title')}</h2>
        {leaving.sides.map((s) => (
          <p key={s.side}>
            {t('leave.side', {
              side: s.side === 'air-gapped' ? 'air' : 'restore',
              running: s.running ? 'yes' : 'no',
              statePhrase: ceremonyStateValue(s.state),
            })}
          </p>
        ))}
        <p id="leave-consequence">{t('leave.consequence')}</p>
        <div className="actions">
          <button type="button" className="primary" ref={stay} disabled={busy} onClick={cancel}>
            {t('leave.stay')}
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => void confirm()}>
            {t('leave.confirm')}
          </button>
        </div>
        <Activity section="leave" />
      </div>
    </div>
  );
}
