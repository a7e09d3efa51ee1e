/** Steps 4 to 7 air-gapped: produce the material, wrap it, write the bundle, write the receipt. */
import { useState } from 'react';
import { PathField, SelectField, TextField } from '../../components/Fields';
import { Hex } from '../../components/Hex';
import { ReceiptPanel } from '../../components/ReceiptPanel';
import { SourceChoice } from '../../components/SourceChoice';
import { Step, StepButton } from '../../components/Step';
import { WrappedBundleWriter } from '../../components/WrappedBundleWriter';
import { selectParameterKeys } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { airStepState, reachedState } from './steps';

const MATERIAL_SOURCES = [
  { value: 'generate', id: 'material-generate', label: 'Generate new material on this machine' },
  { value: 'file', id: 'material-file', label: 'Load existing material from a file' },
] as const;

export function MaterialStep() {
  const state = useAppStore((s) => s.ceremony?.airGap?.state);
  const keys = useAppStore(selectParameterKeys);
  const materials = useAppStore((s) => s.materials);
  const generate = useAppStore((s) => s.generateMaterial);
  const load = useAppStore((s) => s.loadMaterialFile);
  const goTo = useAppStore((s) => s.goTo);
  const [source, setSource] = useState<'generate' | 'file'>('generate');
  const [keyId, setKeyId] = useState('');
  const [file, setFile] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const available = state === 'fingerprints-confirmed' || state === 'material-ready';
  const chosenKey = keyId || keys[0]?.keyId || '';
  return (
    <Step
      number={4}
      title="Produce the key material"
      state={airStepState(state, ['fingerprints-confirmed'], 'material-ready')}
      section="air-material"
    >
      <SourceChoice
        legend="Material source"
        name="material"
        value={source}
        options={MATERIAL_SOURCES}
        onChange={setSource}
      />
      {source === 'generate' ? (
        <StepButton available={available} onClick={() => void generate()}>
          Generate the key material
        </StepButton>
      ) : (
        <>
          <SelectField
            label="Key"
            value={chosenKey}
            options={keys.map((k) => ({ value: k.keyId, label: `${k.alias} (${k.spec})` }))}
            onChange={setKeyId}
          />
          <PathField
            purpose="material-file"
            section="air-material"
            label="Material file"
            value={file}
            onChange={setFile}
            hint="AES: 32 raw bytes, hex or base64. RSA and EC: the private key as PEM or DER."
          />
          <TextField
            label="Passphrase (encrypted PEM only)"
            type="password"
            value={passphrase}
            onChange={setPassphrase}
          />
          <StepButton
            available={available && chosenKey !== '' && file.trim() !== ''}
            onClick={() =>
              void load({ keyId: chosenKey, file: file.trim(), ...(passphrase !== '' ? { passphrase } : {}) }).then(
                () => setPassphrase(''),
              )
            }
          >
            Load the material
          </StepButton>
        </>
      )}
      {materials.length > 0 && (
        <ul className="key-list">
          {materials.map((m) => (
            <li key={m.keyId}>
              <strong>{m.keyId}</strong> ({m.spec}, {m.source === 'generated' ? 'generated' : 'from file'}):{' '}
              {m.keyCheckValue ? (
                <>
                  key check value <Hex value={m.keyCheckValue} size="small" />
                </>
              ) : m.publicKeyFingerprint ? (
                <>
                  public key <Hex value={m.publicKeyFingerprint} size="small" />
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {state === 'material-ready' && (
        <p>
          Optional before wrapping: split the material among custodians.{' '}
          <button type="button" className="link" onClick={() => goTo('custody')}>
            Open custody
          </button>
        </p>
      )}
    </Step>
  );
}

export function WrapStep() {
  const state = useAppStore((s) => s.ceremony?.airGap?.state);
  const mode = useAppStore((s) => s.mode);
  const wrappedKeys = useAppStore((s) => s.wrappedKeys);
  const bundle = useAppStore((s) => s.wrappedBundle);
  const wrap = useAppStore((s) => s.wrapMaterial);
  const write = useAppStore((s) => s.writeWrappedBundle);
  return (
    <Step
      number={5}
      title="Wrap the material and write the bundle"
      state={airStepState(state, ['material-ready', 'wrapped'], 'bundle-written')}
      section="air-wrap"
    >
      <p>
        Wrapping encrypts each key&apos;s material under its confirmed wrapping key; the plaintext is wiped from memory
        right after.
      </p>
      <StepButton available={state === 'material-ready'} onClick={() => void wrap()}>
        Wrap the key material
      </StepButton>
      {wrappedKeys.length > 0 && (
        <ul className="key-list">
          {wrappedKeys.map((k) => (
            <li key={k.keyId}>
              <strong>{k.keyId}</strong> ({k.spec}) wrapped; encrypted material SHA-256{' '}
              <Hex value={k.encryptedKeyMaterialSha256} size="small" />
            </li>
          ))}
        </ul>
      )}
      <WrappedBundleWriter
        section="air-wrap"
        expiryName="bundle-expiry"
        expiryLegend="Material expiry requested in the bundle (AES keys)"
        folderLabel="Removable media folder for the wrapped bundle"
        folderHint="A new folder wrapped-material-… is created inside; nothing is ever overwritten."
        digestLabel="Wrapped-material bundle digest"
        available={state === 'wrapped'}
        onWrite={(request) => void write(request)}
        bundle={bundle}
      >
        {bundle && (
          <>
            <ul className="files">
              {bundle.files.map((f) => (
                <li key={f.name}>
                  <span className="file-name">{f.name}</span> ({f.size} bytes)
                </li>
              ))}
            </ul>
            {mode === 'rehearsal' && reachedState(state, 'bundle-written') && (
              <p>Write the receipt below, then go back to the online side to import.</p>
            )}
          </>
        )}
      </WrappedBundleWriter>
    </Step>
  );
}

export function AirGapReceiptStep() {
  const state = useAppStore((s) => s.ceremony?.airGap?.state);
  const mode = useAppStore((s) => s.mode);
  const writeReceipt = useAppStore((s) => s.writeAirGapReceipt);
  const goTo = useAppStore((s) => s.goTo);
  return (
    <Step
      number={6}
      title="Write and print the air-gapped receipt"
      state={airStepState(state, ['bundle-written'], 'finished')}
      section="air-receipt"
    >
      <StepButton available={state === 'bundle-written'} onClick={() => void writeReceipt()}>
        Write the receipt
      </StepButton>
      <ReceiptPanel side="air-gapped" />
      {mode === 'rehearsal' && state === 'finished' && (
        <button type="button" className="primary" onClick={() => goTo('online')}>
          Go back to the online side
        </button>
      )}
    </Step>
  );
}
