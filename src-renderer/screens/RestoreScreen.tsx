/**
 * The custody restore ceremony (air-gapped workstation): after imported AES material expired,
 * the custodians present their shares; the material is rebuilt and proven in memory, a witness
 * confirms the wrapping-key fingerprint of the fresh parameters, and it is wrapped into a new
 * wrapped-material bundle for the online side to import again.
 */
import { useState } from 'react';
import { BundleFolderField, useBundleFolder } from '../components/BundleFolderField';
import { PathField, TextAreaField, TextField } from '../components/Fields';
import { FingerprintConfirmation } from '../components/FingerprintConfirmation';
import { Hex } from '../components/Hex';
import { NetworkBanner } from '../components/NetworkBanner';
import { NetworkCheckStep } from '../components/NetworkCheckStep';
import { ReceiptPanel } from '../components/ReceiptPanel';
import { ScreenHeading } from '../components/ScreenHeading';
import { SourceChoice } from '../components/SourceChoice';
import { Step, StepButton } from '../components/Step';
import { WrappedBundleWriter } from '../components/WrappedBundleWriter';
import { selectWitnesses } from '../store/selectors';
import { useAppStore } from '../store/store';
import { restoreStepState } from './airgap/steps';

const SHARE_SOURCES = [
  { value: 'file', id: 'share-file', label: 'A share file' },
  { value: 'typed', id: 'share-typed', label: 'Lines typed from the printed slip' },
] as const;

function SharesStep() {
  const state = useAppStore((s) => s.ceremony?.restore?.state);
  const shares = useAppStore((s) => s.presentedShares);
  const present = useAppStore((s) => s.presentShare);
  const [presentedBy, setPresentedBy] = useState('');
  const [source, setSource] = useState<'file' | 'typed'>('file');
  const [file, setFile] = useState('');
  const [typed, setTyped] = useState('');
  const ready = presentedBy.trim() !== '' && (source === 'file' ? file.trim() !== '' : typed.trim() !== '');
  const submit = async () => {
    const ok = await present({
      presentedBy: presentedBy.trim(),
      ...(source === 'file' ? { file: file.trim() } : { typed }),
    });
    if (ok) {
      setPresentedBy('');
      setFile('');
      setTyped('');
    }
  };
  return (
    <Step
      number={3}
      title="Custodians present their shares"
      state={restoreStepState(state, ['parameters-read', 'shares-presented'], 'restored')}
      section="restore-shares"
    >
      <p>
        Each custodian hands over their share file, or reads the lines of their printed slip to be typed in. Each share
        is checked at once; a refused one is wiped.
      </p>
      <TextField
        label="Presented by"
        value={presentedBy}
        onChange={setPresentedBy}
        hint="The person handing the share over (the custodian, or someone on their behalf)."
      />
      <SourceChoice
        legend="The share comes as"
        name="share-source"
        value={source}
        options={SHARE_SOURCES}
        onChange={setSource}
      />
      {source === 'file' ? (
        <PathField purpose="share-file" section="restore-shares" label="Share file" value={file} onChange={setFile} />
      ) : (
        <TextAreaField
          label="Slip lines"
          value={typed}
          onChange={setTyped}
          hint="Every line of the slip, each with its check group, as printed."
        />
      )}
      <StepButton
        available={(state === 'parameters-read' || state === 'shares-presented') && ready}
        onClick={() => void submit()}
      >
        Present this share
      </StepButton>
      {shares.length > 0 && (
        <ul className="key-list">
          {shares.map((s) => (
            <li key={s.shareIndex}>
              Share {s.shareIndex} of {s.total} (any {s.threshold} rebuild) issued to {s.custodian}, presented by{' '}
              {s.presentedBy} ({s.source === 'file' ? 'file' : 'typed'}), checksum{' '}
              <span className="mono">{s.shareChecksum}</span>
            </li>
          ))}
        </ul>
      )}
    </Step>
  );
}

function RebuildStep() {
  const state = useAppStore((s) => s.ceremony?.restore?.state);
  const restored = useAppStore((s) => s.restored);
  const rebuild = useAppStore((s) => s.rebuildMaterial);
  return (
    <Step
      number={4}
      title="Rebuild and prove the material"
      state={restoreStepState(state, ['shares-presented'], 'restored')}
      section="restore-rebuild"
    >
      <StepButton available={state === 'shares-presented'} onClick={() => void rebuild()}>
        Rebuild the material
      </StepButton>
      {restored && (
        <div className="card">
          <p>
            Key <span className="mono">{restored.keyId}</span> ({restored.spec}) rebuilt from shares{' '}
            {restored.shareIndexes.join(', ')} (any {restored.threshold} of {restored.total}).
          </p>
          <p>{restored.proof}</p>
          {restored.keyCheckValue && (
            <Hex value={restored.keyCheckValue} label="Key check value of the rebuilt material" />
          )}
          {restored.publicKeyFingerprint && (
            <Hex value={restored.publicKeyFingerprint} label="Public-key fingerprint of the rebuilt material" />
          )}
        </div>
      )}
    </Step>
  );
}

function RestoreFingerprintStep() {
  const state = useAppStore((s) => s.ceremony?.restore?.state);
  const witnesses = useAppStore(selectWitnesses);
  const fingerprints = useAppStore((s) => s.restoreFingerprints);
  const confirm = useAppStore((s) => s.restoreConfirmFingerprint);
  return (
    <Step
      number={5}
      title="A witness confirms the wrapping-key fingerprint"
      state={restoreStepState(state, ['restored'], 'fingerprints-confirmed')}
      section="restore-fingerprint"
    >
      <p>Compare it aloud with the fingerprint the online workstation shows for the fresh parameters.</p>
      <FingerprintConfirmation
        fingerprints={fingerprints}
        witnesses={witnesses}
        available={state === 'restored' || state === 'fingerprints-confirmed'}
        onConfirm={confirm}
      />
    </Step>
  );
}

function RestoreWrapStep() {
  const state = useAppStore((s) => s.ceremony?.restore?.state);
  const bundle = useAppStore((s) => s.restoreBundle);
  const wrapped = useAppStore((s) => s.restoreWrapped);
  const wrap = useAppStore((s) => s.restoreWrap);
  const write = useAppStore((s) => s.restoreWriteBundle);
  return (
    <Step
      number={6}
      title="Wrap the material and write the bundle"
      state={restoreStepState(state, ['fingerprints-confirmed', 'wrapped'], 'bundle-written')}
      section="restore-wrap"
    >
      <StepButton available={state === 'fingerprints-confirmed'} onClick={() => void wrap()}>
        Wrap the rebuilt material
      </StepButton>
      {wrapped.map((k) => (
        <p key={k.keyId}>
          <strong>{k.keyId}</strong> wrapped; encrypted material SHA-256{' '}
          <Hex value={k.encryptedKeyMaterialSha256} size="small" />
        </p>
      ))}
      <WrappedBundleWriter
        section="restore-wrap"
        expiryName="restore-expiry"
        expiryLegend="Material expiry requested in the bundle"
        folderLabel="Removable media folder for the restored bundle"
        folderHint="A new folder wrapped-material-…-restored is created inside."
        digestLabel="Restored wrapped-material bundle digest"
        available={state === 'wrapped'}
        onWrite={(request) => void write(request)}
        bundle={bundle}
      />
    </Step>
  );
}

export function RestoreScreen() {
  const state = useAppStore((s) => s.ceremony?.restore?.state);
  const network = useAppStore((s) => s.restoreNetwork);
  const parameters = useAppStore((s) => s.restoreParameters);
  const checkNetwork = useAppStore((s) => s.restoreCheckNetwork);
  const readBundle = useAppStore((s) => s.restoreReadBundle);
  const writeReceipt = useAppStore((s) => s.writeRestoreReceipt);
  const abandon = useAppStore((s) => s.abandonRestore);
  const [folder, setFolder] = useBundleFolder();
  return (
    <div className="screen">
      <ScreenHeading>Custody restore ceremony</ScreenHeading>
      <NetworkBanner />
      <p className="lead">
        For a key whose imported AES material expired: the online workstation fetches fresh import parameters for it;
        here the custodians&apos; shares rebuild the same material, which is wrapped for those parameters.
      </p>
      <NetworkCheckStep
        state={restoreStepState(state, ['new', 'network-checked'], 'parameters-read')}
        section="restore-network"
        available={state === undefined || state === 'new' || state === 'network-checked' || state === 'finished'}
        onCheck={() => void checkNetwork()}
        label={state === 'finished' ? 'Start another restore: check the network' : 'Check the network'}
        result={network}
      >
        {state !== undefined && state !== 'finished' && (
          <StepButton available primary={false} onClick={() => void abandon()}>
            Abandon this restore ceremony
          </StepButton>
        )}
      </NetworkCheckStep>
      <Step
        number={2}
        title="Read the fresh import parameters"
        state={restoreStepState(state, ['network-checked'], 'parameters-read')}
        section="restore-parameters"
      >
        <BundleFolderField
          section="restore-parameters"
          label="Fresh import-parameters bundle folder"
          folder={folder}
          onChange={setFolder}
          available={state === 'network-checked'}
          onRead={(dir) => void readBundle(dir)}
        />
        {parameters && (
          <div className="card">
            <p>
              Ceremony <span className="mono">{parameters.ceremonyId}</span>; key
              {parameters.keys.length === 1 ? '' : 's'}{' '}
              {parameters.keys.map((k) => `${k.keyId} (${k.spec})`).join(', ')}.
            </p>
            <Hex value={parameters.manifestSha256} label="Fresh import-parameters bundle digest" />
          </div>
        )}
      </Step>
      <SharesStep />
      <RebuildStep />
      <RestoreFingerprintStep />
      <RestoreWrapStep />
      <Step
        number={7}
        title="Write the restore receipt"
        state={restoreStepState(state, ['bundle-written'], 'finished')}
        section="restore-receipt"
      >
        <StepButton available={state === 'bundle-written'} onClick={() => void writeReceipt()}>
          Write the receipt
        </StepButton>
        <ReceiptPanel side="custody-restore" />
      </Step>
    </div>
  );
}
