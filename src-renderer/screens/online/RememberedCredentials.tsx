/**
 * Remembered credentials in the online connection step: the "remember" choice (disabled, with the
 * reason, where the OS offers no keychain encryption) and, when a set is remembered, what it is
 * for (the access key ID's last 4 characters only) with "Connect" and "Forget". The secret never
 * comes here: the main process recalls it itself.
 */
import { useEffect, useId } from 'react';
import { useAppStore } from '../../store/store';

export function RememberChoice({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  const id = useId();
  const status = useAppStore((s) => s.credentialsStatus);
  const available = status?.vault.available ?? false;
  const reason = status ? status.vault.reason : 'Checking whether this computer can remember credentials…';
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
      <label htmlFor={id}>Remember these credentials on this computer (encrypted by the operating system)</label>
      {!available && reason && (
        <p id={`${id}-reason`} className="hint">
          {reason}
        </p>
      )}
    </div>
  );
}

export function RememberedCredentials({ onConnect }: { onConnect: () => void }) {
  const status = useAppStore((s) => s.credentialsStatus);
  const readStatus = useAppStore((s) => s.readCredentialsStatus);
  const forget = useAppStore((s) => s.forgetCredentials);
  const busy = useAppStore((s) => s.busy !== null);
  useEffect(() => {
    void readStatus();
  }, [readStatus]);
  const remembered = status?.remembered ?? null;
  if (!remembered && !status?.unreadable) return null;
  return (
    <div className="card remembered-credentials">
      {remembered ? (
        <p>
          Credentials are remembered on this computer: access key ID ending{' '}
          <span className="mono">{remembered.accessKeyIdLast4}</span>, project{' '}
          <span className="mono">{remembered.projectId}</span> ({remembered.region})
          {remembered.endpoint && (
            <>
              {' '}
              at <span className="mono">{remembered.endpoint}</span>
            </>
          )}
          , saved {remembered.savedAt}.
        </p>
      ) : (
        <p className="warning">{status?.unreadable}</p>
      )}
      <div className="actions">
        {remembered && (
          <button type="button" className="primary" disabled={busy} onClick={onConnect}>
            Connect with remembered credentials
          </button>
        )}
        <button type="button" className="secondary" disabled={busy} onClick={() => void forget()}>
          Forget
        </button>
      </div>
    </div>
  );
}
