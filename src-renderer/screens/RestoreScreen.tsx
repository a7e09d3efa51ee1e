/**
 * The custody restore ceremony (air-gapped workstation): after imported AES material expired,
 * every witness confirms the fresh parameters bundle's digest (a witness's last wrong value stops
 * the session, as on the air-gapped screen), then the custodians present their shares; the
 * material is rebuilt and proven in memory and wrapped into a new wrapped-material bundle for the
 * online side to import again.
 */
import { useState } from 'react';
import { BundleFolderField, useBundleFolder } from '../components/BundleFolderField';
import { TextField } from '../components/Fields';
import { FieldRow } from '../components/FieldRow';
import { WitnessConfirmation } from '../components/WitnessConfirmation';
import { Hex } from '../components/Hex';
import { PreflightResult } from '../components/PreflightResult';
import { NetworkBanner } from '../components/NetworkBanner';
import { NetworkCheckStep } from '../components/NetworkCheckStep';
import { ReceiptStep } from '../components/ReceiptStep';
import { ScreenHeading } from '../components/ScreenHeading';
import { SourceChoice, sourceChoices, type SourceOf } from '../components/SourceChoice';
import { PlannedStep } from '../components/PlannedStep';
import { StepButton } from '../components/Step';
import { StoppedSession } from '../components/StoppedSession';
import { WrappedBundleWriter } from '../components/WrappedBundleWriter';
import { useAppStore } from '../store/store';
import { RestoreHsmSource } from './airgap/HsmSource';
import { useRestoreSteps } from '../store/allowed-steps';
import { useT } from '../i18n';
import { listText, listValue } from '../../src-main/i18n/list';
import type { PresentedShareView } from '../../src-main/ipc/contract';
import { BackupField, FileOrTyped, useFileOrTyped } from './restore/BackupField';
import { RestoreExpiry, useRestoreExpiry } from './restore/RestoreExpiry';
import { RESTORE_PLAN } from './restore/plan';
import { RebuiltKeys } from './restore/RebuiltKeys';

const SHARE_SOURCES = sourceChoices('share-source', 'restore.source', {
  file: 'restore.source.file',
  typed: 'restore.source.typed',
  hsm: 'restore.source.hsm',
});

/** Step 3: the restored bundle's folder and the receipt folder pass the preflight before any share is rebuilt. */
function RestorePreflightStep() {
  const steps = useRestoreSteps();
  const plan = useAppStore((s) => s.ceremony?.restore?.preflight ?? null);
  const preflight = useAppStore((s) => s.restorePreflight);
  const [folder, setFolder] = useState('');
  const expiry = useRestoreExpiry();
  const open = steps.canRun('preflight');
  const { t } = useT();
  return (
    <PlannedStep
      plan={RESTORE_PLAN.preflight}
      state={steps.stopped ? 'stopped' : plan || steps.isDone('restore') ? 'done' : open ? 'current' : 'waiting'}
    >
      <p>{t('restore.preflight.intro')}</p>
      <FieldRow
        purpose="write-bundle"
        section="restore-preflight"
        text="restore.folder"
        value={folder}
        onChange={setFolder}
      />
      <RestoreExpiry state={expiry} />
      <StepButton
        available={open && folder.trim() !== '' && expiry.complete}
        onClick={() => void preflight({ folder: folder.trim(), ...(expiry.choice ? { expiry: expiry.choice } : {}) })}
      >
        {t('preflight.button')}
      </StepButton>
      {plan && <PreflightResult plan={plan} />}
    </PlannedStep>
  );
}

/** What is out of the ordinary about who handed `share` over (journaled as overrides by the core: presenters.ts). */
function HandoverWarnings({ share }: { share: PresentedShareView }) {
  const { t } = useT();
  return (
    <>
      {share.severalShares.length > 1 && (
        <p className="warning" role="alert">
          {t('restore.several-shares-allowed', {
            presentedBy: share.presentedBy,
            count: share.severalShares.length,
            sharesList: listValue(share.severalShares),
          })}
        </p>
      )}
      {share.concern && (
        <p className="warning" role="alert">
          {t('restore.presenter-flagged', {
            index: share.shareIndex,
            custodian: share.custodian,
            presentedBy: share.presentedBy,
            notCustodian: share.concern.notCustodian ? 'yes' : 'no',
            role: share.concern.role,
          })}
        </p>
      )}
    </>
  );
}

function SharesStep() {
  const steps = useRestoreSteps();
  // The HSM is offered until a share was presented (the core then refuses it, naming the shares).
  const hsmOpen = steps.canRun('restoreFromHsm') && !steps.isDone('presentShare');
  const shares = useAppStore((s) => s.presentedShares);
  const present = useAppStore((s) => s.presentShare);
  const [presentedBy, setPresentedBy] = useState('');
  const [severalSharesReason, setSeveralSharesReason] = useState('');
  const [source, setSource] = useState<SourceOf<typeof SHARE_SOURCES>>('file');
  const preflighted = useAppStore((s) => (s.ceremony?.restore?.preflight ?? null) !== null);
  const input = useFileOrTyped();
  const { t } = useT();
  const ready = presentedBy.trim() !== '' && input.filled(source === 'typed');
  const submit = async () => {
    const ok = await present({
      presentedBy: presentedBy.trim(),
      ...(severalSharesReason.trim() === '' ? {} : { severalSharesReason: severalSharesReason.trim() }),
      ...(source === 'file' ? { file: input.file.trim() } : { typed: input.typed }),
    });
    if (ok) {
      setPresentedBy('');
      setSeveralSharesReason('');
      input.clear();
    }
  };
  return (
    <PlannedStep plan={RESTORE_PLAN.shares} state={steps.display(['presentShare'], 'restore')}>
      <p>{t('restore.shares.intro')}</p>
      <SourceChoice choices={SHARE_SOURCES} value={source} onChange={setSource} />
      {source === 'hsm' && (
        <>
          {!preflighted && hsmOpen && <p className="hint">{t('preflight.first')}</p>}
          <RestoreHsmSource available={preflighted && hsmOpen} />
        </>
      )}
      {source !== 'hsm' && (
        <>
          <TextField
            label={t('restore.presented-by')}
            value={presentedBy}
            onChange={setPresentedBy}
            hint={t('restore.presented-by.hint')}
          />
          {/* Empty unless agreed: a second share from one person is refused without it (presenters.ts). */}
          <TextField
            label={t('restore.several-shares-reason')}
            value={severalSharesReason}
            onChange={setSeveralSharesReason}
            hint={t('restore.several-shares-reason.hint')}
          />
        </>
      )}
      {source !== 'hsm' && <FileOrTyped kind="share" typed={source === 'typed'} input={input} />}
      {source !== 'hsm' && (
        <StepButton available={steps.canRun('presentShare') && ready} onClick={() => void submit()}>
          {t('restore.present')}
        </StepButton>
      )}
      {source !== 'hsm' && <BackupField />}
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
              <HandoverWarnings share={s} />
            </li>
          ))}
        </ul>
      )}
    </PlannedStep>
  );
}

function RebuildStep() {
  const steps = useRestoreSteps();
  const restored = useAppStore((s) => s.restored);
  const rebuild = useAppStore((s) => s.rebuildMaterial);
  const preflighted = useAppStore((s) => (s.ceremony?.restore?.preflight ?? null) !== null);
  const tr = useT();
  const { t } = tr;
  return (
    <PlannedStep plan={RESTORE_PLAN.rebuild} state={steps.display(['restore'], 'restore')}>
      {!preflighted && steps.canRun('restore') && <p className="hint">{t('preflight.first')}</p>}
      <StepButton available={preflighted && steps.canRun('restore')} onClick={() => void rebuild()}>
        {t('restore.rebuild.button')}
      </StepButton>
      {restored && <RebuiltKeys restored={restored} tr={tr} />}
    </PlannedStep>
  );
}

function RestoreFingerprintStep() {
  const steps = useRestoreSteps();
  const confirmations = useAppStore((s) => s.restoreConfirmations);
  const confirm = useAppStore((s) => s.restoreConfirmAsWitness);
  const { t } = useT();
  return (
    <PlannedStep plan={RESTORE_PLAN.fingerprint} state={steps.display(['confirmArtefact'], 'confirmArtefact')}>
      <p>{t('restore.fingerprint.intro')}</p>
      <WitnessConfirmation
        confirmations={confirmations}
        available={steps.canRun('confirmArtefact')}
        onConfirm={confirm}
      />
      <StoppedSession side="custody-restore" />
    </PlannedStep>
  );
}

function RestoreWrapStep() {
  const steps = useRestoreSteps();
  const wrapped = useAppStore((s) => s.restoreWrapped);
  const wrap = useAppStore((s) => s.restoreWrap);
  const { t } = useT();
  return (
    <PlannedStep plan={RESTORE_PLAN.wrap} state={steps.display(['wrap', 'writeBundle'], 'writeBundle')}>
      <StepButton available={steps.canRun('wrap')} onClick={() => void wrap()}>
        {t('restore.wrap.button')}
      </StepButton>
      {wrapped.map((k) => (
        <p key={k.keyId}>
          <strong>{k.keyId}</strong> {t('restore.wrapped')} <Hex value={k.encryptedKeyMaterialSha256} size="small" />
        </p>
      ))}
      <WrappedBundleWriter side="custody-restore" steps={steps} digestLabel={t('restore.digest')} />
    </PlannedStep>
  );
}

export function RestoreScreen() {
  const steps = useRestoreSteps();
  const parameters = useAppStore((s) => s.restoreParameters);
  const readBundle = useAppStore((s) => s.restoreReadBundle);
  const abandon = useAppStore((s) => s.abandonRestore);
  const [folder, setFolder] = useBundleFolder();
  const { t } = useT();
  return (
    <div className="screen">
      <ScreenHeading>{t('restore.heading')}</ScreenHeading>
      <NetworkBanner />
      <p className="lead">{t('restore.lead')}</p>
      <NetworkCheckStep
        plan={RESTORE_PLAN.network}
        side="custody-restore"
        steps={steps}
        // A finished restore is followed by a new one: the check opens a new session.
        available={steps.canRun('checkNetwork') || steps.isDone('writeReceipt')}
        label={steps.isDone('writeReceipt') ? t('restore.another') : t('network.step')}
      >
        {/* A stopped restore is already abandoned: its notice offers the new one. */}
        {steps.inSession && !steps.stopped && !steps.isDone('writeReceipt') && (
          <StepButton available primary={false} onClick={() => void abandon()}>
            {t('restore.abandon')}
          </StepButton>
        )}
      </NetworkCheckStep>
      <PlannedStep plan={RESTORE_PLAN.parameters} state={steps.display(['readParameters'], 'readParameters')}>
        <BundleFolderField
          section="restore-parameters"
          label={t('restore.parameters.folder')}
          folder={folder}
          onChange={setFolder}
          available={steps.canRun('readParameters')}
          onRead={(dir) => void readBundle({ folder: dir })}
        />
        {parameters && (
          <div className="card">
            <p>
              {t('air.overview.ceremony')} <span className="mono">{parameters.ceremonyId}</span>
              {t('restore.parameters.keys', { count: parameters.keys.length })}{' '}
              {listText(
                { t },
                parameters.keys.map((k) => `${k.keyId} (${k.spec})`),
              )}
            </p>
          </div>
        )}
      </PlannedStep>
      <RestorePreflightStep />
      <RestoreFingerprintStep />
      <SharesStep />
      <RebuildStep />
      <RestoreWrapStep />
      <ReceiptStep plan={RESTORE_PLAN.receipt} side="custody-restore" steps={steps} />
    </div>
  );
}
