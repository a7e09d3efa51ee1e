/** Steps 1 to 3 air-gapped: the network check, the import parameters, the witnesses' confirmations. */
import { useState } from 'react';
import { PathField, SelectField, TextField } from '../../components/Fields';
import { Hex } from '../../components/Hex';
import { Step, StepButton } from '../../components/Step';
import { selectWitnesses } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { SPECS } from '../online/KeysStep';
import type { KeySpecName } from '../../../src-main/ipc/contract';
import { airStepState, reachedState } from './steps';

export function NetworkStep() {
  const state = useAppStore((s) => s.ceremony?.airGap?.state);
  const result = useAppStore((s) => s.airNetwork);
  const check = useAppStore((s) => s.checkAirGap);
  return (
    <Step
      number={1}
      title="Check the network"
      state={airStepState(state, ['new', 'network-checked'], 'parameters-read')}
      section="air-network"
    >
      <p>Keyferry refuses to go on while this machine has a live network interface.</p>
      <StepButton available={!reachedState(state, 'parameters-read')} onClick={() => void check()}>
        Check the network
      </StepButton>
      {result && <p className={result.overridden ? 'warning' : 'notice'}>{result.summary}</p>}
    </Step>
  );
}

export function ParametersStep() {
  const state = useAppStore((s) => s.ceremony?.airGap?.state);
  const mode = useAppStore((s) => s.mode);
  const lastParameters = useAppStore((s) => s.parametersBundle);
  const overview = useAppStore((s) => s.overview);
  const readBundle = useAppStore((s) => s.readParametersBundle);
  const readConsoleFiles = useAppStore((s) => s.readConsoleFiles);
  const [source, setSource] = useState<'bundle' | 'console'>('bundle');
  const [folder, setFolder] = useState(mode === 'rehearsal' ? (lastParameters?.dir ?? '') : '');
  const [keyId, setKeyId] = useState('');
  const [spec, setSpec] = useState<KeySpecName>('AES_256');
  const [wrappingKeyFile, setWrappingKeyFile] = useState('');
  const [importTokenFile, setImportTokenFile] = useState('');
  const available = state === 'network-checked';
  return (
    <Step
      number={2}
      title="Read the import parameters"
      state={airStepState(state, ['network-checked'], 'parameters-read')}
      section="air-parameters"
    >
      <fieldset>
        <legend>Where do the parameters come from?</legend>
        <div className="choice">
          <input
            type="radio"
            id="source-bundle"
            name="source"
            checked={source === 'bundle'}
            onChange={() => setSource('bundle')}
          />
          <label htmlFor="source-bundle">The import-parameters bundle written by the online workstation</label>
        </div>
        <div className="choice">
          <input
            type="radio"
            id="source-console"
            name="source"
            checked={source === 'console'}
            onChange={() => setSource('console')}
          />
          <label htmlFor="source-console">The console&apos;s downloaded files (wrapping key and ImportToken.b64)</label>
        </div>
      </fieldset>
      {source === 'bundle' ? (
        <>
          <PathField
            purpose="read-bundle"
            section="air-parameters"
            label="Import-parameters bundle folder"
            value={folder}
            onChange={setFolder}
          />
          <StepButton available={available && folder.trim() !== ''} onClick={() => void readBundle(folder.trim())}>
            Read the bundle
          </StepButton>
        </>
      ) : (
        <>
          <TextField label="Key ID (from the console)" value={keyId} onChange={setKeyId} mono />
          <SelectField label="Key spec" value={spec} options={SPECS} onChange={setSpec} />
          <PathField
            purpose="console-file"
            section="air-parameters"
            label="Wrapping key file"
            value={wrappingKeyFile}
            onChange={setWrappingKeyFile}
            hint="wrappingKey_<KeyID>, PublicKey.bin or PublicKey.b64"
          />
          <PathField
            purpose="console-file"
            section="air-parameters"
            label="Import token file"
            value={importTokenFile}
            onChange={setImportTokenFile}
            hint="ImportToken.b64"
          />
          <StepButton
            available={
              available && keyId.trim() !== '' && wrappingKeyFile.trim() !== '' && importTokenFile.trim() !== ''
            }
            onClick={() =>
              void readConsoleFiles({
                keys: [
                  {
                    keyId: keyId.trim(),
                    spec,
                    wrappingKeyFile: wrappingKeyFile.trim(),
                    importTokenFile: importTokenFile.trim(),
                  },
                ],
              })
            }
          >
            Read the files
          </StepButton>
        </>
      )}
      {overview && (
        <div className="card">
          <p>
            Ceremony <span className="mono">{overview.ceremonyId}</span>, from{' '}
            {overview.source === 'console files' ? (
              "the console's files"
            ) : (
              <span className="file-name">{overview.source}</span>
            )}
            .
          </p>
          {overview.manifestSha256 && (
            <>
              <p>Bundle digest:</p>
              <Hex value={overview.manifestSha256} label="Import-parameters bundle digest" />
            </>
          )}
          <ul className="key-list">
            {overview.keys.map((k) => (
              <li key={k.keyId}>
                <strong>{k.alias}</strong> ({k.spec}) <span className="mono">{k.keyId}</span>
                {k.tokenExpiresAt && (
                  <span className="hint"> token valid until {new Date(k.tokenExpiresAt).toUTCString()}</span>
                )}
              </li>
            ))}
          </ul>
          {overview.warnings.map((w) => (
            <p key={w} className="warning">
              {w}
            </p>
          ))}
        </div>
      )}
    </Step>
  );
}

export function FingerprintStep() {
  const state = useAppStore((s) => s.ceremony?.airGap?.state);
  const witnesses = useAppStore(selectWitnesses);
  const fingerprints = useAppStore((s) => s.fingerprints);
  const confirm = useAppStore((s) => s.confirmFingerprint);
  return (
    <Step
      number={3}
      title="Witnesses confirm the wrapping-key fingerprints"
      state={airStepState(state, ['parameters-read'], 'fingerprints-confirmed')}
      section="air-fingerprints"
    >
      <p>
        Someone at the online workstation reads each fingerprint aloud; a witness compares it with the one shown here,
        group by group, and types it back. A fingerprint that does not match exactly is refused.
      </p>
      {fingerprints.map((f, i) => (
        <FingerprintCard
          key={f.fingerprint}
          index={i}
          fingerprint={f}
          witnesses={witnesses}
          available={state === 'parameters-read' || state === 'fingerprints-confirmed'}
          onConfirm={confirm}
        />
      ))}
    </Step>
  );
}

/** One wrapping-key fingerprint: shown large, typed back by a named witness, confirmed or refused. */
export function FingerprintCard({
  index,
  fingerprint,
  witnesses,
  available,
  onConfirm,
}: {
  index: number;
  fingerprint: { fingerprint: string; keyIds: readonly string[]; confirmedBy: readonly string[] };
  witnesses: readonly string[];
  available: boolean;
  onConfirm: (request: { witness: string; typed: string }) => Promise<boolean>;
}) {
  const [witness, setWitness] = useState(witnesses[0] ?? '');
  const [typed, setTyped] = useState('');
  const confirmed = fingerprint.confirmedBy.length > 0;
  return (
    <div className={`card fingerprint ${confirmed ? 'confirmed' : ''}`}>
      <h3>
        Wrapping key {index + 1}{' '}
        {confirmed ? `— confirmed by ${fingerprint.confirmedBy.join(', ')}` : '— not yet confirmed'}
      </h3>
      <p className="hint covers">
        Covers key{fingerprint.keyIds.length === 1 ? '' : 's'} {fingerprint.keyIds.join(', ')}
      </p>
      <Hex value={fingerprint.fingerprint} label={`Fingerprint of wrapping key ${index + 1}`} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void onConfirm({ witness, typed }).then((ok) => {
            if (ok) setTyped('');
          });
        }}
      >
        <SelectField
          label={`Witness confirming wrapping key ${index + 1}`}
          value={witness}
          options={witnesses.map((w) => ({ value: w, label: w }))}
          onChange={setWitness}
        />
        <TextField
          label={`Fingerprint of wrapping key ${index + 1} as heard`}
          value={typed}
          onChange={setTyped}
          mono
          hint="All sixteen groups of four; spaces and case do not matter."
        />
        <StepButton submit available={available && typed.trim() !== '' && witness !== ''} primary={!confirmed}>
          Confirm as {witness || 'witness'}
        </StepButton>
      </form>
    </div>
  );
}
