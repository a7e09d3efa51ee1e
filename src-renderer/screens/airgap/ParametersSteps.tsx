/** Steps 1 to 3 air-gapped: the network check, the import parameters, the witnesses' confirmations (and their stop). */
import { useState } from 'react';
import { BundleFolderField, useBundleFolder } from '../../components/BundleFolderField';
import { SelectField, TextField } from '../../components/Fields';
import { FieldRow } from '../../components/FieldRow';
import { WitnessConfirmation } from '../../components/WitnessConfirmation';
import { NetworkCheckStep } from '../../components/NetworkCheckStep';
import { SourceChoice, sourceChoices } from '../../components/SourceChoice';
import { PlannedStep } from '../../components/PlannedStep';
import { StepButton } from '../../components/Step';
import { useAppStore } from '../../store/store';
import { specOptions } from '../online/key-spec-choices';
import type { KeySpecName } from '../../../src-main/ipc/contract';
import { useAirGapSteps } from '../../store/allowed-steps';
import { Hex } from '../../components/Hex';
import { useT } from '../../i18n';
import { momentText } from '../../../src-main/i18n/moment';
import { ReadBundleCard } from '../../components/ReadBundleCard';
import { AIR_GAP_PLAN } from './plan';
import { EarlierSessionCheck } from './EarlierSessionCheck';
import { StoppedSession } from '../../components/StoppedSession';

const PARAMETER_SOURCES = sourceChoices('source', 'air.source.legend', {
  bundle: 'air.source.bundle',
  console: 'air.source.console',
});

/** One file of the console's download: its hint is the file names the console gives it (not translated). */
function ConsoleFileRow({
  names,
  ...row
}: {
  text: 'air.console.wrapping-key-file' | 'air.console.import-token-file';
  names: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return <FieldRow purpose="console-file" section="air-parameters" hint={names} {...row} />;
}

export function NetworkStep() {
  const steps = useAirGapSteps();
  const { t } = useT();
  return (
    <NetworkCheckStep
      plan={AIR_GAP_PLAN.network}
      side="air-gapped"
      steps={steps}
      intro={<p>{t('air.network.intro')}</p>}
    >
      <EarlierSessionCheck available={steps.canRun('checkNetwork')} />
    </NetworkCheckStep>
  );
}

export function ParametersStep() {
  const steps = useAirGapSteps();
  const overview = useAppStore((s) => s.overview);
  const readBundle = useAppStore((s) => s.readParametersBundle);
  const readConsoleFiles = useAppStore((s) => s.readConsoleFiles);
  const [source, setSource] = useState<'bundle' | 'console'>('bundle');
  const [typed, setTyped] = useBundleFolder();
  const [edited, setEdited] = useState(false);
  // The bundle the network check took before closing an unfinished session: offered until the field is edited.
  const checked = useAppStore((s) => s.airNetwork?.checkedParameters ?? '');
  const folder = edited || typed !== '' ? typed : checked;
  const setFolder = (value: string) => {
    setEdited(true);
    setTyped(value);
  };
  const [keyId, setKeyId] = useState('');
  const [spec, setSpec] = useState<KeySpecName>('AES_256');
  const [wrappingKeyFile, setWrappingKeyFile] = useState('');
  const [importTokenFile, setImportTokenFile] = useState('');
  const available = steps.canRun('readParameters');
  const { t, locale } = useT();
  const specs = specOptions(t);
  return (
    <PlannedStep plan={AIR_GAP_PLAN.parameters} state={steps.display(['readParameters'], 'readParameters')}>
      <SourceChoice choices={PARAMETER_SOURCES} value={source} onChange={setSource} />
      {source === 'bundle' ? (
        <BundleFolderField
          section="air-parameters"
          label={t('air.parameters.folder')}
          folder={folder}
          onChange={setFolder}
          available={available}
          onRead={(dir) => void readBundle({ folder: dir })}
        />
      ) : (
        <>
          <TextField label={t('air.console.key-id')} value={keyId} onChange={setKeyId} mono />
          <SelectField label={t('keys.spec')} value={spec} options={specs} onChange={setSpec} />
          <ConsoleFileRow
            text="air.console.wrapping-key-file"
            names="wrappingKey_<KeyID>, PublicKey.bin or PublicKey.b64"
            value={wrappingKeyFile}
            onChange={setWrappingKeyFile}
          />
          <ConsoleFileRow
            text="air.console.import-token-file"
            names="ImportToken.b64"
            value={importTokenFile}
            onChange={setImportTokenFile}
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
            {t('air.console.read')}
          </StepButton>
        </>
      )}
      {overview && (
        <ReadBundleCard warnings={overview.warnings}>
          <p>
            {t('air.overview.ceremony')} <span className="mono">{overview.ceremonyId}</span>
            {t('air.overview.from')}{' '}
            {overview.source === 'console files' ? (
              t('air.overview.console-files')
            ) : (
              <span className="file-name">{overview.source}</span>
            )}
          </p>
          <ul className="key-list">
            {overview.keys.map((k) => (
              <li key={k.keyId}>
                {/* The console's files name no alias: the key ID stands for it, shown once. */}
                {k.alias !== k.keyId && <strong>{k.alias}</strong>}
                {t('text.bracketed', { text: k.spec })} <span className="mono">{k.keyId}</span>
                {k.tokenExpiresAt && (
                  <span className="hint">
                    {' '}
                    {t('air.overview.token-valid-until', { at: momentText(locale, k.tokenExpiresAt) })}
                  </span>
                )}
                {k.bound && (
                  <span className="warning" data-bound-key={k.keyId}>
                    {' '}
                    {t('air.overview.bound', { kind: k.bound.kind, seq: k.bound.importedSeq })}{' '}
                    <Hex value={k.bound.value} size="small" />
                  </span>
                )}
              </li>
            ))}
          </ul>
        </ReadBundleCard>
      )}
    </PlannedStep>
  );
}

export function FingerprintStep() {
  const steps = useAirGapSteps();
  const confirmations = useAppStore((s) => s.confirmations);
  const confirm = useAppStore((s) => s.confirmAsWitness);
  const consoleFiles = useAppStore((s) => s.overview?.source === 'console files');
  const { t } = useT();
  return (
    <PlannedStep
      plan={AIR_GAP_PLAN.fingerprints}
      title={t('air.fingerprints.title', { source: consoleFiles ? 'console' : 'bundle' })}
      state={steps.display(['confirmArtefact'], 'confirmArtefact')}
    >
      <p>{consoleFiles ? t('air.fingerprints.console-intro') : t('air.fingerprints.intro')}</p>
      <WitnessConfirmation
        confirmations={confirmations}
        available={steps.canRun('confirmArtefact')}
        onConfirm={confirm}
      />
      <StoppedSession side="air-gapped" />
    </PlannedStep>
  );
}
