/**
 * The custody restore ceremony (air-gapped workstation): after imported AES material expired,
 * the custodians present their shares; the material is rebuilt and proven in memory, a witness
 * confirms the wrapping-key fingerprint of the fresh parameters, and it is wrapped into a new
 * wrapped-material bundle for the online side to import again.
 */
import { useState } from 'react';
import { BundleFolderField, useBundleFolder } from '../components/BundleFolderField';
import { PathField, TextAreaField, TextField } from '../components/Fields';
import { WitnessConfirmation } from '../components/WitnessConfirmation';
import { ExpiryChoice, expiryChoice, expiryComplete, type ExpiryForm } from '../components/ExpiryChoice';
import { Hex } from '../components/Hex';
import { PreflightResult } from '../components/PreflightResult';
import { hasReached, RESTORE_STATES } from '../../src-main/ipc/contract';
import { NetworkBanner } from '../components/NetworkBanner';
import { NetworkCheckStep } from '../components/NetworkCheckStep';
import { ReceiptPanel } from '../components/ReceiptPanel';
import { ScreenHeading } from '../components/ScreenHeading';
import { SourceChoice } from '../components/SourceChoice';
import { Step, StepButton } from '../components/Step';
import { WrappedBundleWriter } from '../components/WrappedBundleWriter';
import { useAppStore } from '../store/store';
import { RestoreHsmSource } from './airgap/HsmSource';
import { restoreStepState } from './airgap/steps';
import { useT } from '../i18n';

const SHARE_SOURCES = [
  { value: 'file', id: 'share-file', label: 'restore.source.file' },
  { value: 'typed', id: 'share-typed', label: 'restore.source.typed' },
  { value: 'hsm', id: 'share-hsm', label: 'restore.source.hsm' },
] as const;

/** Step 3: the restored bundle's folder and the receipt folder pass the preflight before any share is rebuilt. */
function RestorePreflightStep() {
  const state = useAppStore((s) => s.ceremony?.restore?.state);
  const plan = useAppStore((s) => s.ceremony?.restore?.preflight ?? null);
  const preflight = useAppStore((s) => s.restorePreflight);
  const [folder, setFolder] = useState('');
  const [expiry, setExpiry] = useState<ExpiryForm>({ kind: 'never', date: '' });
  const choice = expiryChoice(expiry);
  const open = state === 'parameters-read' || state === 'shares-presented';
  const { t } = useT();
  return (
    <Step
      number={3}
      title={t('restore.preflight.title')}
      state={plan || hasReached(RESTORE_STATES, state, 'restored') ? 'done' : open ? 'current' : 'waiting'}
      section="restore-preflight"
    >
      <p>{t('restore.preflight.intro')}</p>
      <PathField
        purpose="write-bundle"
        section="restore-preflight"
        label={t('restore.folder')}
        value={folder}
        onChange={setFolder}
        hint={t('restore.folder.hint')}
      />
      <ExpiryChoice name="restore-expiry" legend={t('restore.expiry')} value={expiry} onChange={setExpiry} />
      <StepButton
        available={open && folder.trim() !== '' && expiryComplete(expiry)}
        onClick={() => void preflight({ folder: folder.trim(), ...(choice ? { expiry: choice } : {}) })}
      >
        {t('preflight.button')}
      </StepButton>
      {plan && <PreflightResult plan={plan} />}
    </Step>
  );
}

function SharesStep() {
  const state = useAppStore((s) => s.ceremony?.restore?.state);
  const shares = useAppStore((s) => s.presentedShares);
  const present = useAppStore((s) => s.presentShare);
  const [presentedBy, setPresentedBy] = useState('');
  const [source, setSource] = useState<(typeof SHARE_SOURCES)[number]['value']>('file');
  const preflighted = useAppStore((s) => (s.ceremony?.restore?.preflight ?? null) !== null);
  const [file, setFile] = useState('');
  const [typed, setTyped] = useState('');
  const { t, message } = useT();
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
      number={4}
      title={t('restore.shares.title')}
      state={restoreStepState(state, ['parameters-read', 'shares-presented'], 'restored')}
      section="restore-shares"
    >
      <p>{t('restore.shares.intro')}</p>
      <SourceChoice
        legend={t('restore.source')}
        name="share-source"
        value={source}
        options={SHARE_SOURCES.map((o) => ({ ...o, label: message({ key: o.label }) }))}
        onChange={setSource}
      />
      {source === 'hsm' && (
        <>
          {!preflighted && state === 'parameters-read' && <p className="hint">{t('preflight.first')}</p>}
          <RestoreHsmSource available={preflighted && state === 'parameters-read'} />
        </>
      )}
      {source !== 'hsm' && (
        <TextField
          label={t('restore.presented-by')}
          value={presentedBy}
          onChange={setPresentedBy}
          hint={t('restore.presented-by.hint')}
        />
      )}
      {source === 'hsm' ? null : source === 'file' ? (
        <PathField
          purpose="share-file"
          section="restore-shares"
          label={t('restore.share-file')}
          value={file}
          onChange={setFile}
        />
      ) : (
        <TextAreaField
          label={t('restore.slip-lines')}
          value={typed}
          onChange={setTyped}
          hint={t('restore.slip-lines.hint')}
        />
      )}
      {source !== 'hsm' && (
        <StepButton
          available={(state === 'parameters-read' || state === 'shares-presented') && ready}
          onClick={() => void submit()}
        >
          {t('restore.present')}
        </StepButton>
      )}
      {shares.length > 0 && (
        <ul className="key-list">
          {shares.map((s) => (
            <li key={s.shareIndex}>
              {t('restore.presented', {
                index: s.shareIndex,
                total: s.total,
                threshold: s.threshold,
                custodian: s.custodian,
                presentedBy: s.presentedBy,
                source: s.source,
              })}{' '}
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
  const preflighted = useAppStore((s) => (s.ceremony?.restore?.preflight ?? null) !== null);
  const { t } = useT();
  return (
    <Step
      number={5}
      title={t('restore.rebuild.title')}
      state={restoreStepState(state, ['shares-presented'], 'restored')}
      section="restore-rebuild"
    >
      {!preflighted && state === 'shares-presented' && <p className="hint">{t('preflight.first')}</p>}
      <StepButton available={preflighted && state === 'shares-presented'} onClick={() => void rebuild()}>
        {t('restore.rebuild.button')}
      </StepButton>
      {restored && (
        <div className="card">
          <p>
            {t('material.key')} <span className="mono">{restored.keyId}</span>{' '}
            {t('restore.rebuilt', {
              spec: restored.spec,
              shares: restored.shareIndexes.join(', '),
              threshold: restored.threshold,
              total: restored.total,
            })}
          </p>
          <p>{restored.proof}</p>
          {restored.keyCheckValue && <Hex value={restored.keyCheckValue} label={t('restore.kcv')} />}
          {restored.publicKeyFingerprint && (
            <Hex value={restored.publicKeyFingerprint} label={t('restore.public-key')} />
          )}
        </div>
      )}
    </Step>
  );
}

function RestoreFingerprintStep() {
  const state = useAppStore((s) => s.ceremony?.restore?.state);
  const confirmations = useAppStore((s) => s.restoreConfirmations);
  const confirm = useAppStore((s) => s.restoreConfirmAsWitness);
  const { t } = useT();
  return (
    <Step
      number={6}
      title={t('restore.fingerprint.title')}
      state={restoreStepState(state, ['restored'], 'fingerprints-confirmed')}
      section="restore-fingerprint"
    >
      <p>{t('restore.fingerprint.intro')}</p>
      <WitnessConfirmation
        confirmations={confirmations}
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
  const plan = useAppStore((s) => s.ceremony?.restore?.preflight ?? null);
  const { t } = useT();
  return (
    <Step
      number={7}
      title={t('wrap.title')}
      state={restoreStepState(state, ['fingerprints-confirmed', 'wrapped'], 'bundle-written')}
      section="restore-wrap"
    >
      <StepButton available={state === 'fingerprints-confirmed'} onClick={() => void wrap()}>
        {t('restore.wrap.button')}
      </StepButton>
      {wrapped.map((k) => (
        <p key={k.keyId}>
          <strong>{k.keyId}</strong> {t('restore.wrapped')} <Hex value={k.encryptedKeyMaterialSha256} size="small" />
        </p>
      ))}
      <WrappedBundleWriter
        plan={plan}
        digestLabel={t('restore.digest')}
        available={state === 'wrapped'}
        onWrite={() => void write()}
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
  const { t } = useT();
  return (
    <div className="screen">
      <ScreenHeading>{t('restore.heading')}</ScreenHeading>
      <NetworkBanner />
      <p className="lead">{t('restore.lead')}</p>
      <NetworkCheckStep
        state={restoreStepState(state, ['new', 'network-checked'], 'parameters-read')}
        section="restore-network"
        available={state === undefined || state === 'new' || state === 'network-checked' || state === 'finished'}
        onCheck={() => void checkNetwork()}
        label={state === 'finished' ? t('restore.another') : t('network.step')}
        result={network}
      >
        {state !== undefined && state !== 'finished' && (
          <StepButton available primary={false} onClick={() => void abandon()}>
            {t('restore.abandon')}
          </StepButton>
        )}
      </NetworkCheckStep>
      <Step
        number={2}
        title={t('restore.parameters.title')}
        state={restoreStepState(state, ['network-checked'], 'parameters-read')}
        section="restore-parameters"
      >
        <BundleFolderField
          section="restore-parameters"
          label={t('restore.parameters.folder')}
          folder={folder}
          onChange={setFolder}
          available={state === 'network-checked'}
          onRead={(dir) => void readBundle(dir)}
        />
        {parameters && (
          <div className="card">
            <p>
              {t('air.overview.ceremony')} <span className="mono">{parameters.ceremonyId}</span>
              {t('restore.parameters.keys', { count: parameters.keys.length })}{' '}
              {parameters.keys.map((k) => `${k.keyId} (${k.spec})`).join(', ')}
            </p>
          </div>
        )}
      </Step>
      <RestorePreflightStep />
      <SharesStep />
      <RebuildStep />
      <RestoreFingerprintStep />
      <RestoreWrapStep />
      <Step
        number={8}
        title={t('restore.receipt.title')}
        state={restoreStepState(state, ['bundle-written'], 'finished')}
        section="restore-receipt"
      >
        <StepButton available={state === 'bundle-written'} onClick={() => void writeReceipt()}>
          {t('common.write-receipt')}
        </StepButton>
        <ReceiptPanel side="custody-restore" />
      </Step>
    </div>
  );
}
