/** Steps 4 to 7 air-gapped: produce the material, wrap it, write the bundle, write the receipt. */
import { useState } from 'react';
import { SelectField, TextField } from '../../components/Fields';
import { FieldRow } from '../../components/FieldRow';
import { Hex } from '../../components/Hex';
import { MaterialCheck } from '../../components/MaterialCheck';
import { ReceiptStep } from '../../components/ReceiptStep';
import { SourceChoice, sourceChoices, type SourceOf } from '../../components/SourceChoice';
import { PlannedStep } from '../../components/PlannedStep';
import { StepButton } from '../../components/Step';
import { WrappedBundleWriter } from '../../components/WrappedBundleWriter';
import { HsmProduce } from './HsmSource';
import { selectParameterKeys } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { useAirGapSteps } from '../../store/allowed-steps';
import { useT } from '../../i18n';
import type { ParametersOverview } from '../../../src-main/ipc/contract';
import { AIR_GAP_PLAN } from './plan';

type ParameterKeyView = ParametersOverview['keys'][number];

const MATERIAL_SOURCES = sourceChoices('material', 'material.source', {
  generate: 'material.source.generate',
  file: 'material.source.file',
  hsm: 'material.source.hsm',
});
type MaterialSource = SourceOf<typeof MATERIAL_SOURCES>;

export function MaterialStep() {
  const steps = useAirGapSteps();
  const keys = useAppStore(selectParameterKeys);
  const materials = useAppStore((s) => s.materials);
  const generate = useAppStore((s) => s.generateMaterial);
  const load = useAppStore((s) => s.loadMaterialFile);
  const goTo = useAppStore((s) => s.goTo);
  const [picked, setSource] = useState<MaterialSource | null>(null);
  const [keyId, setKeyId] = useState('');
  const [file, setFile] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const plan = useAppStore((s) => s.ceremony?.airGap?.preflight ?? null);
  const hsmToken = useAppStore((s) => (s.hsmCapability?.accepted ? s.hsmCapability.token : null));
  const preflighted = plan !== null;
  // The preflight said the material comes from an HSM: that source is open unless another is picked.
  const source: MaterialSource = picked ?? (plan?.materialFromHsm ? 'hsm' : 'generate');
  const fromHsm = materials.length > 0 && materials.every((m) => m.source === 'hsm');
  const available = preflighted && steps.canRun('generateMaterial');
  const chosenKey = keyId || keys[0]?.keyId || '';
  // Main says (from the core) whether fresh material is refused: keys the KMS bound to material at an earlier import.
  const refused = useAppStore((s) => s.ceremony?.airGap?.generateRefused ?? null);
  const boundKeys = keys.filter((k) => refused?.keyIds.includes(k.keyId));
  const { t } = useT();
  return (
    <PlannedStep plan={AIR_GAP_PLAN.material} state={steps.display(['generateMaterial'], 'generateMaterial')}>
      {!preflighted && steps.canRun('generateMaterial') && (
        <p className="hint">{t('preflight.first.step', { number: AIR_GAP_PLAN.preflight.number })}</p>
      )}
      <SourceChoice choices={MATERIAL_SOURCES} value={source} onChange={setSource} />
      {source === 'hsm' ? (
        <HsmProduce available={available} />
      ) : source === 'generate' ? (
        <>
          {refused && <BoundMaterialRefusal keys={boundKeys} />}
          <StepButton available={available && !refused} onClick={() => void generate()}>
            {t('material.generate')}
          </StepButton>
        </>
      ) : (
        <>
          <SelectField
            label={t('material.key')}
            value={chosenKey}
            options={keys.map((k) => ({ value: k.keyId, label: `${k.alias} (${k.spec})` }))}
            onChange={setKeyId}
          />
          <FieldRow
            purpose="material-file"
            section="air-material"
            text="material.file"
            value={file}
            onChange={setFile}
          />
          <TextField label={t('material.passphrase')} type="password" value={passphrase} onChange={setPassphrase} />
          <StepButton
            available={available && chosenKey !== '' && file.trim() !== ''}
            onClick={() =>
              void load({ keyId: chosenKey, file: file.trim(), ...(passphrase !== '' ? { passphrase } : {}) }).then(
                () => setPassphrase(''),
              )
            }
          >
            {t('material.load')}
          </StepButton>
        </>
      )}
      {materials.length > 0 && (
        <ul className="key-list">
          {materials.map((m) => (
            <li key={m.keyId}>
              <strong>{m.keyId}</strong> {t('material.summary', { spec: m.spec, source: m.source })}
              {m.objectLabel && t('text.bracketed', { text: t('hsm.object-label', { label: m.objectLabel }) })}{' '}
              <MaterialCheck keyCheckValue={m.keyCheckValue} publicKeyFingerprint={m.publicKeyFingerprint} />
            </li>
          ))}
        </ul>
      )}
      {steps.canRun('wrap') && fromHsm && <p>{t('hsm.custody-is-token', { serial: hsmToken?.serial ?? '' })}</p>}
      {steps.canRun('splitCustody') && !fromHsm && (
        <p>
          {t('material.custody-optional')}{' '}
          <button type="button" className="link" onClick={() => goTo('custody')}>
            {t('material.open-custody')}
          </button>
        </p>
      )}
    </PlannedStep>
  );
}

/** Why Generate is refused: the bound keys, their bound KCV or public key, and the way (a custody restore). */
function BoundMaterialRefusal({ keys }: { keys: readonly ParameterKeyView[] }) {
  const { t } = useT();
  return (
    <div className="warning" role="alert" data-testid="bound-material-refusal">
      <p>{t('material.bound.refused', { count: keys.length })}</p>
      <ul className="key-list">
        {keys.map((k) =>
          k.bound ? (
            <li key={k.keyId}>
              {t('material.bound.key', { alias: k.alias, kind: k.bound.kind })}{' '}
              <Hex value={k.bound.value} size="small" /> <span className="mono">{k.keyId}</span>
            </li>
          ) : null,
        )}
      </ul>
      <p>{t('material.bound.how')}</p>
    </div>
  );
}

export function WrapStep() {
  const steps = useAirGapSteps();
  const mode = useAppStore((s) => s.mode);
  const wrappedKeys = useAppStore((s) => s.wrappedKeys);
  const wrap = useAppStore((s) => s.wrapMaterial);
  const consoleFiles = useAppStore((s) => s.overview?.source === 'console files');
  const { t } = useT();
  return (
    <PlannedStep plan={AIR_GAP_PLAN.wrap} state={steps.display(['wrap', 'writeBundle'], 'writeBundle')}>
      <p>{t('wrap.intro')}</p>
      <StepButton available={steps.canRun('wrap')} onClick={() => void wrap()}>
        {t('wrap.button')}
      </StepButton>
      {wrappedKeys.length > 0 && (
        <ul className="key-list">
          {wrappedKeys.map((k) => (
            <li key={k.keyId}>
              <strong>{k.keyId}</strong> {t('wrap.summary', { spec: k.spec })}{' '}
              <Hex value={k.encryptedKeyMaterialSha256} size="small" />
            </li>
          ))}
        </ul>
      )}
      <WrappedBundleWriter side="air-gapped" steps={steps} digestLabel={t('wrap.digest')} consoleFiles={consoleFiles}>
        {(bundle) => (
          <>
            <ul className="files">
              {bundle.files.map((f) => (
                <li key={f.name}>
                  <span className="file-name">{f.name}</span> {t('common.bytes', { size: f.size })}
                </li>
              ))}
            </ul>
            {mode === 'rehearsal' && steps.isDone('writeBundle') && <p>{t('wrap.rehearsal-next')}</p>}
          </>
        )}
      </WrappedBundleWriter>
    </PlannedStep>
  );
}

export function AirGapReceiptStep() {
  const steps = useAirGapSteps();
  const mode = useAppStore((s) => s.mode);
  const goTo = useAppStore((s) => s.goTo);
  const { t } = useT();
  return (
    <ReceiptStep plan={AIR_GAP_PLAN.receipt} side="air-gapped" steps={steps}>
      {mode === 'rehearsal' && steps.isDone('writeReceipt') && (
        <button type="button" className="primary" onClick={() => goTo('online')}>
          {t('air.receipt.back-online')}
        </button>
      )}
    </ReceiptStep>
  );
}
