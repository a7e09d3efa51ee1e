/** Step 1 online: the KMS connection (rehearsal: the built-in simulator). The secret is never shown back. */
import { useState } from 'react';
import { PathField, TextField } from '../../components/Fields';
import { Step, StepButton } from '../../components/Step';
import { useAppStore } from '../../store/store';
import { RememberChoice, RememberedCredentials } from './RememberedCredentials';

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
    <Step
      number={1}
      title={mode === 'rehearsal' ? 'Start the KMS simulator' : 'Connect to the KMS'}
      state={online ? 'done' : 'current'}
      section="online-connect"
    >
      {mode === 'rehearsal' ? (
        <>
          <p>
            The rehearsal runs against Keyferry&apos;s built-in KMS simulator on this machine (loopback only). Nothing
            reaches a cloud account.
          </p>
          <StepButton available={!online} onClick={() => void startRehearsal()}>
            Start the simulator
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
              <TextField label="Region" value={region} onChange={setRegion} hint="For example cn-north-4." mono />
              <TextField label="Project ID" value={projectId} onChange={setProjectId} mono />
            </div>
            <TextField
              label="Endpoint (optional)"
              value={endpoint}
              onChange={setEndpoint}
              hint="Leave empty for the region's KMS endpoint. https only."
              mono
            />
            <PathField
              purpose="console-file"
              section="online-connect"
              label="Extra CA certificates (optional)"
              value={caFile}
              onChange={setCaFile}
              hint="A PEM file, only if your network inspects TLS."
            />
            <div className="grid">
              <TextField
                label="Access key ID"
                value={accessKeyId}
                onChange={setAccessKeyId}
                mono
                hint={
                  connection?.accessKeyHint
                    ? `Held for this session: ${connection.accessKeyHint}. Leave empty to keep using it.`
                    : undefined
                }
              />
              <TextField
                label="Secret access key"
                type="password"
                value={secretAccessKey}
                onChange={setSecretAccessKey}
                hint="Held in memory only, unless remembered; never shown again."
              />
            </div>
            <TextField
              label="Security token (temporary credentials only)"
              type="password"
              value={securityToken}
              onChange={setSecurityToken}
            />
            <RememberChoice checked={remember} onChange={setRemember} />
            <button type="submit" className="primary" disabled={busy}>
              Test connection
            </button>
          </form>
        </>
      )}
      {connection && (
        <dl className="facts">
          <dt>Connected to</dt>
          <dd className="mono">{connection.endpoint}</dd>
          <dt>Project</dt>
          <dd className="mono">
            {connection.projectId} ({connection.region})
          </dd>
          {connection.accessKeyHint && (
            <>
              <dt>Access key</dt>
              <dd className="mono">{connection.accessKeyHint}</dd>
            </>
          )}
          <dt>Keys visible</dt>
          <dd>{connection.keysVisible}</dd>
          <dt>Ceremony</dt>
          <dd className="mono">{connection.ceremonyId}</dd>
        </dl>
      )}
    </Step>
  );
}
