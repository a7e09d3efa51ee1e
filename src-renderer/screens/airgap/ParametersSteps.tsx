/** Steps 1 to 3 air-gapped: the network check, the import parameters, the witnesses' confirmations. */
import { useState } from 'react';
import { BundleFolderField, useBundleFolder } from '../../components/BundleFolderField';
import { PathField, SelectField, TextField } from '../../components/Fields';
import { FingerprintConfirmation } from '../../components/FingerprintConfirmation';
import { Hex } from '../../components/Hex';
import { NetworkCheckStep } from '../../components/NetworkCheckStep';
import { SourceChoice } from '../../components/SourceChoice';
import { Step, StepButton } from '../../components/Step';
import { selectWitnesses } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { SPECS } from '../online/key-spec-choices';
import type { KeySpecName } from '../../../src-main/ipc/contract';
import { airStepState, reachedState } from './steps';

const PARAMETER_SOURCES = [
  { value: 'bundle', id: 'source-bundle', label: 'The import-parameters bundle written by the online workstation' },
  {
    value: 'console',
    id: 'source-console',
    label: "The console's downloaded files (wrapping key and ImportToken.b64)",
  },
] as const;

export function NetworkStep() {
  const state = useAppStore((s) => s.ceremony?.airGap?.state);
  const result = useAppStore((s) => s.airNetwork);
  const check = useAppStore((s) => s.checkAirGap);
  return (
    <NetworkCheckStep
      state={airStepState(state, ['new', 'network-checked'], 'parameters-read')}
      section="air-network"
      intro={<p>Keyferry refuses to go on while this machine has a live network interface.</p>}
      available={!reachedState(state, 'parameters-read')}
      onCheck={() => void check()}
      result={result}
    />
  );
}

export function ParametersStep() {
  const state = useAppStore((s) => s.ceremony?.airGap?.state);
  const overview = useAppStore((s) => s.overview);
  const readBundle = useAppStore((s) => s.readParametersBundle);
  const readConsoleFiles = useAppStore((s) => s.readConsoleFiles);
  const [source, setSource] = useState<'bundle' | 'console'>('bundle');
  const [folder, setFolder] = useBundleFolder();
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
      <SourceChoice
        legend="Where do the parameters come from?"
        name="source"
        value={source}
        options={PARAMETER_SOURCES}
        onChange={setSource}
      />
      {source === 'bundle' ? (
        <BundleFolderField
          section="air-parameters"
          label="Import-parameters bundle folder"
          folder={folder}
          onChange={setFolder}
          available={available}
          onRead={(dir) => void readBundle(dir)}
        />
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
      <FingerprintConfirmation
        fingerprints={fingerprints}
        witnesses={witnesses}
        available={state === 'parameters-read' || state === 'fingerprints-confirmed'}
        onConfirm={confirm}
      />
    </Step>
  );
}
