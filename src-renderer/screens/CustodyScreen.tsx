/**
 * Custody: split each key's material M-of-N among custodians before it is wrapped, each share
 * with its printable slip in that custodian's folder. Restoring is its own ceremony (RestoreScreen).
 */
import { useState } from 'react';
import { PathField, TextField } from '../components/Fields';
import { ScreenHeading } from '../components/ScreenHeading';
import { Step, StepButton } from '../components/Step';
import { useAppStore } from '../store/store';
import { useT } from '../i18n';

function SplitSection() {
  const state = useAppStore((s) => s.ceremony?.airGap?.state);
  const mode = useAppStore((s) => s.mode);
  const custody = useAppStore((s) => s.custody);
  const split = useAppStore((s) => s.splitCustody);
  const goTo = useAppStore((s) => s.goTo);
  const [m, setM] = useState('2');
  const [holders, setHolders] = useState([
    { name: '', folder: '' },
    { name: '', folder: '' },
    { name: '', folder: '' },
  ]);
  const [sameVolume, setSameVolume] = useState(false);
  const update = (i: number, change: Partial<{ name: string; folder: string }>) =>
    setHolders(holders.map((h, j) => (j === i ? { ...h, ...change } : h)));
  const threshold = Number(m);
  const available = state === 'material-ready' && custody.length === 0;
  const { t } = useT();
  return (
    <Step
      number={1}
      title={t('custody.split.title')}
      state={custody.length > 0 ? 'done' : available ? 'current' : 'waiting'}
      section="custody-split"
    >
      <p>{t('custody.split.intro', { n: holders.length, m: Number.isInteger(threshold) ? threshold : 'M' })}</p>
      {state !== 'material-ready' && custody.length === 0 && (
        <p className="hint">{t('custody.split.available-when')}</p>
      )}
      <TextField label={t('custody.split.m')} type="number" min={2} max={holders.length} value={m} onChange={setM} />
      {holders.map((h, i) => (
        <fieldset key={i} className="planned-key">
          <legend>{t('custody.custodian', { n: i + 1 })}</legend>
          <TextField
            label={t('custody.custodian-name', { n: i + 1 })}
            value={h.name}
            onChange={(name) => update(i, { name })}
          />
          <PathField
            purpose="custody-folder"
            section="custody-split"
            label={t('custody.custodian-folder', { n: i + 1 })}
            value={h.folder}
            onChange={(folder) => update(i, { folder })}
          />
        </fieldset>
      ))}
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={holders.length >= 16}
          onClick={() => setHolders([...holders, { name: '', folder: '' }])}
        >
          {t('custody.add')}
        </button>
        {holders.length > 2 && (
          <button type="button" className="secondary" onClick={() => setHolders(holders.slice(0, -1))}>
            {t('custody.remove-last')}
          </button>
        )}
      </div>
      {mode === 'rehearsal' && (
        <div className="choice">
          <input
            type="checkbox"
            id="custody-same-volume"
            checked={sameVolume}
            onChange={(event) => setSameVolume(event.target.checked)}
          />
          <label htmlFor="custody-same-volume">{t('custody.same-volume')}</label>
        </div>
      )}
      <StepButton
        available={available && Number.isInteger(threshold)}
        onClick={() =>
          void split({
            m: threshold,
            n: holders.length,
            custodians: holders.map((h) => h.name.trim()),
            folders: holders.map((h) => h.folder.trim()),
            ...(sameVolume ? { allowSameVolume: true } : {}),
          })
        }
      >
        {t('custody.split.button')}
      </StepButton>
      {custody.map((k) => (
        <div key={k.keyId} className="card">
          <p>
            {t('material.key')} <span className="mono">{k.keyId}</span>:{' '}
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
