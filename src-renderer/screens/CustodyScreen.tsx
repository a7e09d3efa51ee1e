/**
 * Custody: split each key's material M-of-N among custodians before it is wrapped, each share
 * with its printable slip in that custodian's folder. Restoring is its own ceremony (RestoreScreen).
 */
import { Step, StepButton } from '../components/Step';
import { ScreenHeading } from '../components/ScreenHeading';
import { useAppStore } from '../store/store';
import { useAirGapSteps } from '../store/allowed-steps';
import { useT } from '../i18n';

function SplitSection() {
  const steps = useAirGapSteps();
  const plan = useAppStore((s) => s.ceremony?.airGap?.preflight ?? null);
  const custody = useAppStore((s) => s.custody);
  const split = useAppStore((s) => s.splitCustody);
  const goTo = useAppStore((s) => s.goTo);
  const planned = plan?.custody ?? null;
  const available = steps.canRun('splitCustody') && planned !== null && custody.length === 0;
  const { t } = useT();
  return (
    <Step
      number={1}
      title={t('custody.split.title')}
      state={custody.length > 0 ? 'done' : available ? 'current' : 'waiting'}
      section="custody-split"
    >
      {planned ? (
        <>
          <p>{t('custody.planned', { m: planned.m, n: planned.n })}</p>
          <ul className="key-list">
            {planned.custodians.map((name, i) => (
              <li key={i}>
                {t('custody.planned-holder', { n: i + 1, name })}{' '}
                <span className="file-name">{plan?.custodianFolders[i]}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="hint">{t('custody.not-planned')}</p>
      )}
      {!steps.canRun('splitCustody') && custody.length === 0 && planned && (
        <p className="hint">{t('custody.split.available-when')}</p>
      )}
      <StepButton available={available} onClick={() => void split()}>
        {t('custody.split.button')}
      </StepButton>
      {custody.map((k) => (
        <div key={k.keyId} className="card">
          <p>
            {t('material.key')} <span className="mono">{k.keyId}</span>
            {t('text.lead')}
            {t('custody.threshold', { m: k.threshold, n: k.total })}
          </p>
          <ul className="key-list">
            {k.holders.map((h) => (
              <li key={h.shareIndex}>
                {t('custody.share-for', { index: h.shareIndex, custodian: h.custodian })}{' '}
                <span className="file-name">{h.shareFile}</span> {t('receipt.in')}{' '}
                <span className="file-name">{h.folder}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {custody.length > 0 && (
        <button type="button" className="primary" onClick={() => goTo('air-gapped')}>
          {t('custody.back-to-wrapping')}
        </button>
      )}
    </Step>
  );
}

function RestoreLink() {
  const goTo = useAppStore((s) => s.goTo);
  const { t } = useT();
  return (
    <section className="step" aria-labelledby="restore-link">
      <h2 id="restore-link">{t('custody.restore.heading')}</h2>
      <p>{t('custody.restore.intro')}</p>
      <button type="button" className="secondary" onClick={() => goTo('restore')}>
        {t('custody.restore.open')}
      </button>
    </section>
  );
}

export function CustodyScreen() {
  const { t } = useT();
  return (
    <div className="screen">
      <ScreenHeading>{t('custody.heading')}</ScreenHeading>
      <SplitSection />
      <RestoreLink />
    </div>
  );
}
