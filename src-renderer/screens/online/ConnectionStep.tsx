/** Step 1 online: the KMS connection (rehearsal: the built-in simulator). The secret is never shown back. */
import { useState } from 'react';
import { TextField } from '../../components/Fields';
import { FieldRow } from '../../components/FieldRow';
import { PlannedStep } from '../../components/PlannedStep';
import { StepButton } from '../../components/Step';
import { useAppStore } from '../../store/store';
import { RememberChoice, RememberedCredentials } from './RememberedCredentials';
import { ONLINE_PLAN } from './plan';
import { UnrecordedSessionNotice } from './UnrecordedSessionNotice';
import { useT } from '../../i18n';

export function ConnectionStep() {
  const mode = useAppStore((s) => s.mode);
  const connection = useAppStore((s) => s.connection);
  const online = useAppStore((s) => s.ceremony?.online ?? null);
  const startRehearsal = useAppStore((s) => s.startRehearsal);
  const connect = useAppStore((s) => s.connect);
  const busy = useAppStore((s) => s.busy !== null);
  const [region, setRegion] = useState('');
  const [projectId, setProjectId] = useState('');
  const [endpoint, setEndpoint] = useState('');
  const [caFile, setCaFile] = useState('');
  const [accessKeyId, setAccessKeyId] = useState('');
  const [secretAccessKey, setSecretAccessKey] = useState('');
  const [securityToken, setSecurityToken] = useState('');
  const [remember, setRemember] = useState(false);
  const remembered = useAppStore((s) => s.credentialsStatus?.remembered ?? null);
  const { t } = useT();

  const testConnection = async () => {
    const credentials =
      accessKeyId.trim() !== '' || secretAccessKey !== ''
        ? {
            credentials: {
              accessKeyId: accessKeyId.trim(),
              secretAccessKey,
              ...(securityToken.trim() !== '' ? { securityToken: securityToken.trim() } : {}),
            },
          }
        : {};
    const ok = await connect({
      region: region.trim(),
      projectId: projectId.trim(),
      ...(endpoint.trim() !== '' ? { endpoint: endpoint.trim() } : {}),
      ...(caFile.trim() !== '' ? { caFile: caFile.trim() } : {}),
      ...credentials,
      ...(remember && 'credentials' in credentials ? { remember: true } : {}),
    });
    // The secret stays in the main process only; the form forgets it either way once sent.
    setSecretAccessKey('');
    setSecurityToken('');
    if (ok) {
      setAccessKeyId('');
      setRemember(false);
    }
  };

  // The main process recalls the remembered secret itself; only the connection settings go from here.
  const connectRemembered = () => {
    if (!remembered) return;
    void connect({
      region: remembered.region,
      projectId: remembered.projectId,
      ...(remembered.endpoint ? { endpoint: remembered.endpoint } : {}),
      ...(caFile.trim() !== '' ? { caFile: caFile.trim() } : {}),
      useRemembered: true,
    });
  };

  return (
    <PlannedStep
      plan={ONLINE_PLAN.connect}
      title={mode === 'rehearsal' ? t('connect.title.rehearsal') : t('connect.title')}
      state={online ? 'done' : 'current'}
    >
      {mode === 'rehearsal' ? (
        <>
          <p>{t('connect.rehearsal-intro')}</p>
          <StepButton available={!online} onClick={() => void startRehearsal()}>
            {t('connect.start-simulator')}
          </StepButton>
        </>
      ) : (
        <>
          <RememberedCredentials onConnect={connectRemembered} />
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void testConnection();
            }}
          >
            <div className="grid">
              <FieldRow text="connect.region" value={region} onChange={setRegion} mono />
              <TextField label={t('connect.project-id')} value={projectId} onChange={setProjectId} mono />
            </div>
            <FieldRow text="connect.endpoint" value={endpoint} onChange={setEndpoint} mono />
            <FieldRow
              purpose="console-file"
              section="online-connect"
              text="connect.ca"
              value={caFile}
              onChange={setCaFile}
            />
            <div className="grid">
              <TextField
                label={t('connect.access-key-id')}
                value={accessKeyId}
                onChange={setAccessKeyId}
                mono
                hint={
                  connection?.accessKeyHint
                    ? t('connect.access-key-held', { hint: connection.accessKeyHint })
                    : undefined
                }
              />
              <FieldRow text="connect.secret" type="password" value={secretAccessKey} onChange={setSecretAccessKey} />
            </div>
            <TextField
              label={t('connect.security-token')}
              type="password"
              value={securityToken}
              onChange={setSecurityToken}
            />
            <RememberChoice checked={remember} onChange={setRemember} />
            <button type="submit" className="primary" disabled={busy}>
              {t('connect.test')}
            </button>
          </form>
        </>
      )}
      {connection && (
        <dl className="facts">
          <dt>{t('connect.connected-to')}</dt>
          <dd className="mono">{connection.endpoint}</dd>
          <dt>{t('connect.project')}</dt>
          <dd className="mono">
            {connection.projectId}
            {t('text.bracketed', { text: connection.region })}
          </dd>
          {connection.accessKeyHint && (
            <>
              <dt>{t('connect.access-key')}</dt>
              <dd className="mono">{connection.accessKeyHint}</dd>
            </>
          )}
          <dt>{t('connect.keys-visible')}</dt>
          <dd>{connection.keysVisible}</dd>
          <dt>{t('air.overview.ceremony')}</dt>
          <dd className="mono">{connection.ceremonyId}</dd>
          {connection.replicaRegions && connection.replicaRegions.length > 0 && (
            <>
              <dt>{t('connect.replica-regions')}</dt>
              <dd>
                <ul className="replica-regions">
                  {connection.replicaRegions.map((r) => (
                    <li key={r.region} className="mono" data-region={r.region}>
                      {r.projectId}
                      {t('text.bracketed', { text: r.region })}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
      )}
      {/* Read back from the journal with the ceremony's state, so a reloaded window still says it. */}
      <UnrecordedSessionNotice traces={online?.unrecordedSessions ?? connection?.unrecordedSessions ?? []} />
    </PlannedStep>
  );
}
