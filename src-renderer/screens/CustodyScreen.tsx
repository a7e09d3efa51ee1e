/**
 * Custody: split each key's material M-of-N among custodians before it is wrapped, each share
 * with its printable slip in that custodian's folder. Restoring is its own ceremony (RestoreScreen).
 */
import { useState } from 'react';
import { PathField, TextField } from '../components/Fields';
import { ScreenHeading } from '../components/ScreenHeading';
import { Step, StepButton } from '../components/Step';
import { useAppStore } from '../store/store';

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
  return (
    <Step
      number={1}
      title="Split the material among custodians (optional)"
      state={custody.length > 0 ? 'done' : available ? 'current' : 'waiting'}
      section="custody-split"
    >
      <p>
        Before wrapping, each key&apos;s material can be split into {holders.length} shares, any{' '}
        {Number.isInteger(threshold) ? threshold : 'M'} of which rebuild it. Each custodian&apos;s folder should be on
        their own media.
      </p>
      {state !== 'material-ready' && custody.length === 0 && (
        <p className="hint">Available once the material is generated or loaded, before it is wrapped.</p>
      )}
      <TextField
        label="Shares needed to rebuild (M)"
        type="number"
        min={2}
        max={holders.length}
        value={m}
        onChange={setM}
      />
      {holders.map((h, i) => (
        <fieldset key={i} className="planned-key">
          <legend>Custodian {i + 1}</legend>
          <TextField label={`Name of custodian ${i + 1}`} value={h.name} onChange={(name) => update(i, { name })} />
          <PathField
            purpose="custody-folder"
            section="custody-split"
            label={`Folder of custodian ${i + 1}`}
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
          Add a custodian
        </button>
        {holders.length > 2 && (
          <button type="button" className="secondary" onClick={() => setHolders(holders.slice(0, -1))}>
            Remove the last custodian
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
          <label htmlFor="custody-same-volume">Rehearsal: accept folders on one volume (recorded as a warning)</label>
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
        Split and write the shares
      </StepButton>
      {custody.map((k) => (
        <div key={k.keyId} className="card">
          <p>
            Key <span className="mono">{k.keyId}</span>: {k.threshold} of {k.total} shares rebuild it.
          </p>
          <ul className="key-list">
            {k.holders.map((h) => (
              <li key={h.shareIndex}>
                Share {h.shareIndex} for {h.custodian}: <span className="file-name">{h.shareFile}</span> in{' '}
                <span className="file-name">{h.folder}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {custody.length > 0 && (
        <button type="button" className="primary" onClick={() => goTo('air-gapped')}>
          Back to wrapping
        </button>
      )}
    </Step>
  );
}

function RestoreLink() {
  const goTo = useAppStore((s) => s.goTo);
  return (
    <section className="step" aria-labelledby="restore-link">
      <h2 id="restore-link">Restoring from shares</h2>
      <p>
        When imported AES material has expired in the KMS, the custodians bring their shares to a custody restore
        ceremony: the material is rebuilt, proven and wrapped for fresh import parameters of the same key.
      </p>
      <button type="button" className="secondary" onClick={() => goTo('restore')}>
        Open the restore ceremony
      </button>
    </section>
  );
}

export function CustodyScreen() {
  return (
    <div className="screen">
      <ScreenHeading>Custody of the key material</ScreenHeading>
      <SplitSection />
      <RestoreLink />
    </div>
  );
}
