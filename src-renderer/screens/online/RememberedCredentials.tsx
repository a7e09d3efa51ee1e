/**
 * Remembered credentials in the online connection step: the "remember" choice (disabled, with the
 * reason, where the OS offers no keychain encryption) and, when a set is remembered, what it is
 * for (the access key ID's last 4 characters only) with "Connect" and "Forget". The secret never
 * comes here: the main process recalls it itself.
 */
import { useEffect, useId } from 'react';
import { useAppStore } from '../../store/store';
import { useT } from '../../i18n';

export function RememberChoice({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  const id = useId();
  const status = useAppStore((s) => s.credentialsStatus);
  const available = status?.vault.available ?? false;
  const { t, problem } = useT();
  const reason = status ? (status.vault.reason ? problem(status.vault.reason).message : null) : t('remember.checking');
  return (
    <div className="choice">
      <input
        type="checkbox"
        id={id}
        checked={available && checked}
        disabled={!available}
        aria-describedby={!available && reason ? `${id}-reason` : undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{t('remember.choice')}</label>
      {!available && reason && (
        <p id={`${id}-reason`} className="hint">
          {reason}
        </p>
      )}
    </div>
  );
}

/** A remembered copy this computer cannot read back: what happened and what to do, in the reader's language. */
function UnreadableCopy({ shown }: { shown: { message: string; nextStep: string } }) {
  return (
    <p className="warning">
      {shown.message} {shown.nextStep}
    </p>
  );
}

export function RememberedCredentials({ onConnect }: { onConnect: () => void }) {
  const status = useAppStore((s) => s.credentialsStatus);
  const readStatus = useAppStore((s) => s.readCredentialsStatus);
  const forget = useAppStore((s) => s.forgetCredentials);
  const busy = useAppStore((s) => s.busy !== null);
  const { t, problem } = useT();
  useEffect(() => {
    void readStatus();
  }, [readStatus]);
  const remembered = status?.remembered ?? null;
  if (!remembered && !status?.unreadable) return null;
  return (
    <div className="card remembered-credentials">
      {remembered ? (
        <p>
          {t('remember.remembered')} <span className="mono">{remembered.accessKeyIdLast4}</span>
          {t('remember.project')} <span className="mono">{remembered.projectId}</span>
          {t('text.bracketed', { text: remembered.region })}
          {remembered.endpoint && (
            <>
              {' '}
              {t('remember.at')} <span className="mono">{remembered.endpoint}</span>
            </>
          )}
          {t('remember.saved', { at: remembered.savedAt })}
        </p>
      ) : (
        status?.unreadable && <UnreadableCopy shown={problem(status.unreadable)} />
      )}
      <div className="actions">
        {remembered && (
          <button type="button" className="primary" disabled={busy} onClick={onConnect}>
            {t('remember.connect')}
          </button>
        )}
        <button type="button" className="secondary" disabled={busy} onClick={() => void forget()}>
          {t('remember.forget')}
        </button>
      </div>
    </div>
  );
}
