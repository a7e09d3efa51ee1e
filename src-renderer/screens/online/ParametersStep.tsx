/** Step 4 online: fetch the import parameters and write the import-parameters bundle to media. */
import { useState } from 'react';
import { PathField } from '../../components/Fields';
import { Hex } from '../../components/Hex';
import { Step, StepButton } from '../../components/Step';
import { WrittenBundleCard } from '../../components/WrittenBundleCard';
import { useAppStore } from '../../store/store';
import { reached, stepState } from './steps';
import { useT } from '../../i18n';

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
  const { t, utc } = useT();
  return (
    <Step
      number={4}
      title={t('params.title')}
      state={stepState(step, ['keys-created', 'parameters-fetched'], 'parameters-written')}
      section="online-parameters"
    >
      <p>{t('params.intro')}</p>
      <StepButton available={canFetch} primary={step === 'keys-created'} onClick={() => void fetchParameters()}>
        {reached(step, 'parameters-fetched') ? t('params.fetch-new') : t('params.fetch')}
      </StepButton>
      {issued.length > 0 && (
        <ul className="issued">
          {issued.map((k) => (
            <li key={k.keyId} className="card">
              <p>
                <strong>{k.alias}</strong> ({k.spec}) <span className="mono">{k.keyId}</span>
              </p>
              <p>{t('params.fingerprint')}</p>
              <Hex value={k.wrappingKeyFingerprint} label={t('params.fingerprint-of', { alias: k.alias })} />
              <p className="hint">{t('params.token-valid', { at: utc(k.tokenExpiresAt) })}</p>
            </li>
          ))}
        </ul>
      )}
      <PathField
        purpose="write-bundle"
        section="online-parameters"
        label={t('params.folder')}
        value={folder}
        onChange={setFolder}
        hint={t('params.folder.hint')}
      />
      <StepButton
        available={step === 'parameters-fetched' && folder.trim() !== ''}
        onClick={() => void writeParameters(folder.trim())}
      >
        {t('params.write')}
      </StepButton>
      {bundle && (
        <WrittenBundleCard
          bundle={bundle}
          lead={t('params.digest')}
          digestLabel={t('air.overview.digest-label')}
          readAloud
        >
          {bundle.warnings.map((w) => (
            <p key={w} className="warning">
              {w}
            </p>
          ))}
          <p>{t('params.carry')}</p>
          {mode === 'rehearsal' && (
            <button type="button" className="primary" onClick={() => goTo('air-gapped')}>
              {t('params.go-air')}
            </button>
          )}
        </WrittenBundleCard>
      )}
    </Step>
  );
}
