/** Step 4 online: fetch the import parameters and write the import-parameters bundle to media. */
import { useState } from 'react';
import { PathField } from '../../components/Fields';
import { Hex } from '../../components/Hex';
import { Step, StepButton } from '../../components/Step';
import { useAppStore } from '../../store/store';
import { reached, stepState } from './steps';

export function ParametersStep() {
  const step = useAppStore((s) => s.ceremony?.online?.step);
  const mode = useAppStore((s) => s.mode);
  const issued = useAppStore((s) => s.issued);
  const bundle = useAppStore((s) => s.parametersBundle);
  const fetchParameters = useAppStore((s) => s.fetchParameters);
  const writeParameters = useAppStore((s) => s.writeParameters);
  const goTo = useAppStore((s) => s.goTo);
  const [folder, setFolder] = useState('');
  // Also after an import: keys whose material was deleted or lapsed get fresh parameters.
  const canFetch = step !== undefined && step !== 'new';
  return (
    <Step
      number={4}
      title="Fetch the import parameters and write them to media"
      state={stepState(step, ['keys-created', 'parameters-fetched'], 'parameters-written')}
      section="online-parameters"
    >
      <p>
        The KMS hands out a wrapping key and an import token per key, valid for 24 hours. Witnesses compare each
        wrapping-key fingerprint with the air-gapped screen.
      </p>
      <StepButton available={canFetch} primary={step === 'keys-created'} onClick={() => void fetchParameters()}>
        {reached(step, 'parameters-fetched') ? 'Fetch new import parameters' : 'Fetch the import parameters'}
      </StepButton>
      {issued.length > 0 && (
        <ul className="issued">
          {issued.map((k) => (
            <li key={k.keyId} className="card">
              <p>
                <strong>{k.alias}</strong> ({k.spec}) <span className="mono">{k.keyId}</span>
              </p>
              <p>Wrapping-key fingerprint (SHA-256), read aloud to the witnesses:</p>
              <Hex value={k.wrappingKeyFingerprint} label={`Wrapping-key fingerprint of ${k.alias}`} />
              <p className="hint">Token valid until {new Date(k.tokenExpiresAt).toUTCString()}.</p>
            </li>
          ))}
        </ul>
      )}
      <PathField
        purpose="write-bundle"
        section="online-parameters"
        label="Removable media folder for the bundle"
        value={folder}
        onChange={setFolder}
        hint="A new folder import-parameters-… is created inside; nothing is ever overwritten."
      />
      <StepButton
        available={step === 'parameters-fetched' && folder.trim() !== ''}
        onClick={() => void writeParameters(folder.trim())}
      >
        Write the import-parameters bundle
      </StepButton>
      {bundle && (
        <div className="card">
          <p>
            Written and verified: <span className="file-name">{bundle.folderName}</span> in{' '}
            <span className="file-name">{bundle.dir}</span>
          </p>
          <p>Bundle digest (manifest SHA-256):</p>
          <Hex value={bundle.manifestSha256} label="Import-parameters bundle digest" />
          {bundle.warnings.map((w) => (
            <p key={w} className="warning">
              {w}
            </p>
          ))}
          <p>Carry the media to the air-gapped workstation.</p>
          {mode === 'rehearsal' && (
            <button type="button" className="primary" onClick={() => goTo('air-gapped')}>
              Go to the air-gapped side
            </button>
          )}
        </div>
      )}
    </Step>
  );
}
