/** Step 4 online: fetch the import parameters and write the import-parameters bundle to media. */
import { BoundedTable } from '../../components/BoundedTable';
import { useState } from 'react';
import { PathAction } from '../../components/PathAction';
import { WrappingAlgorithmChoice, type WrappingAlgorithm } from '../../components/WrappingAlgorithmChoice';
import { Hex } from '../../components/Hex';
import { PlannedStep } from '../../components/PlannedStep';
import { StepButton } from '../../components/Step';
import { WrittenBundleCard } from '../../components/WrittenBundleCard';
import { useAppStore } from '../../store/store';
import { selectCeremonyKeys } from '../../store/selectors';
import { useOnlineSteps } from '../../store/allowed-steps';
import { KeyCells, KeyHeaderCells } from './CeremonyKeys';
import { useKeyFilter } from './key-filter';
import { ONLINE_PLAN } from './plan';
import { useT } from '../../i18n';
import { momentText } from '../../../src-main/i18n/moment';
import { listText } from '../../../src-main/i18n/list';
import { Warnings } from '../../components/Warnings';
import { materialBeforeLines } from './material-before';
import { MaterialSourceChoice, choosableSources } from './MaterialSourceChoice';

const NO_SOURCES: never[] = [];

/** The bundle's folder and "Write the bundle"; then its digest to read aloud, and (rehearsal) the way to the air-gapped side. */
function ParametersBundleWriter({ available }: { available: boolean }) {
  const mode = useAppStore((s) => s.mode);
  const bundle = useAppStore((s) => s.parametersBundle);
  const writeParameters = useAppStore((s) => s.writeParameters);
  const goTo = useAppStore((s) => s.goTo);
  const [folder, setFolder] = useState('');
  const tr = useT();
  const { t } = tr;
  const before = materialBeforeLines(tr, bundle?.materialBefore ?? null);
  return (
    <>
      <PathAction
        row={{
          purpose: 'write-bundle',
          section: 'online-parameters',
          text: 'params.folder',
          value: folder,
          onChange: setFolder,
        }}
        available={available}
        onAct={(dir) => void writeParameters({ folder: dir })}
      >
        {t('params.write')}
      </PathAction>
      {bundle && (
        <WrittenBundleCard
          bundle={bundle}
          lead={t('params.digest')}
          digestLabel={t('air.overview.digest-label')}
          readAloud
        >
          <Warnings warnings={bundle.warnings} />
          {before.length > 0 && (
            <div className="warning material-before" role="status">
              {before.map((line) => (
                <p key={line}>{line}</p>
              ))}
            </div>
          )}
          <p>{t(bundle.taken ? 'params.carry' : 'params.not-taken')}</p>
          {mode === 'rehearsal' && bundle.taken && (
            <button type="button" className="primary" onClick={() => goTo('air-gapped')}>
              {t('params.go-air')}
            </button>
          )}
        </WrittenBundleCard>
      )}
    </>
  );
}

export function ParametersStep() {
  const steps = useOnlineSteps();
  const issued = useAppStore((s) => s.issued);
  const fetchParameters = useAppStore((s) => s.fetchParameters);
  // What the next fetch asks for: the ceremony's (setup's, or chosen since), until the officer picks another.
  const current = useAppStore((s) => s.ceremony?.online?.wrappingAlgorithm);
  const [picked, setPicked] = useState<WrappingAlgorithm | null>(null);
  const algorithm = picked ?? current;
  // Also after an import: keys whose material was deleted or lapsed get fresh parameters.
  const canFetch = steps.canRun('fetchParameters');
  // A key that held imported material and lost it (deleted or lapsed) takes the ceremony back before
  // this step: its parameters are fetched again, new ones.
  const keys = useAppStore(selectCeremonyKeys);
  const again = steps.isDone('fetchParameters') || keys.some((k) => !k.imported && k.expiresAt !== null);
  const shown = useKeyFilter();
  const { t, locale } = useT();
  // Keys whose material comes from different places are fetched for one group at a time.
  const sources = choosableSources(useAppStore((s) => s.ceremony?.online?.materialSources ?? NO_SOURCES));
  const [sourceIndex, setSourceIndex] = useState(0);
  const source = sources[Math.min(sourceIndex, sources.length - 1)];
  return (
    <PlannedStep
      plan={ONLINE_PLAN.parameters}
      state={steps.display(['fetchParameters', 'writeParameters'], 'writeParameters')}
    >
      <p>{t('params.intro')}</p>
      <WrappingAlgorithmChoice at="parameters" value={algorithm} disabled={!canFetch} onChange={setPicked} />
      {source && (
        <MaterialSourceChoice
          sources={sources}
          chosen={sources.indexOf(source)}
          disabled={!canFetch}
          onChange={setSourceIndex}
        />
      )}
      <StepButton
        available={canFetch}
        primary={canFetch && !steps.isDone('fetchParameters')}
        onClick={() =>
          void fetchParameters({
            ...(algorithm && algorithm !== current ? { wrappingAlgorithm: algorithm } : {}),
            ...(source ? { keyIds: source.keyIds } : {}),
          })
        }
      >
        {again ? t('params.fetch-new') : t('params.fetch')}
      </StepButton>
      {issued.length > 0 && (
        <BoundedTable
          label={t('params.col.fingerprint')}
          className="issued stacks"
          caption={t('params.fingerprint')}
          headers={
            <>
              <KeyHeaderCells />
              <th scope="col">{t('params.col.fingerprint')}</th>
              <th scope="col">{t('params.col.token')}</th>
            </>
          }
          after={
            <p className="issued-algorithm">
              {t('params.algorithm.issued', {
                algorithms: listText({ t }, [...new Set(issued.map((k) => k.wrappingAlgorithm))]),
              })}
            </p>
          }
        >
          {issued.filter(shown).map((k) => (
            <tr key={k.keyId}>
              <KeyCells alias={k.alias} keyId={k.keyId} spec={k.spec} />
              <td data-label={t('params.col.fingerprint')}>
                <Hex
                  value={k.wrappingKeyFingerprint}
                  size="small"
                  label={t('params.fingerprint-of', { alias: k.alias })}
                />
              </td>
              <td className="moment" data-label={t('params.col.token')}>
                {momentText(locale, k.tokenExpiresAt)}
              </td>
            </tr>
          ))}
        </BoundedTable>
      )}
      <ParametersBundleWriter available={steps.canRun('writeParameters')} />
    </PlannedStep>
  );
}
