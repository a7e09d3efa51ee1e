/**
 * Custody: split each key's material M-of-N among custodians before it is wrapped (each share
 * with its printable slip, in that custodian's folder), and the restore drill: rebuild the
 * material from shares, prove it against the recorded check value, wipe it at once.
 */
import { useState } from 'react';
import { PathField, TextField } from '../components/Fields';
import { Hex } from '../components/Hex';
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

function RestoreSection() {
  const drill = useAppStore((s) => s.restoreDrill);
  const restore = useAppStore((s) => s.restoreCustody);
  const [files, setFiles] = useState(['', '']);
  const [keyId, setKeyId] = useState('');
  return (
    <Step
      number={2}
      title="Restore drill: rebuild from shares"
      state={drill ? 'done' : 'current'}
      section="custody-restore"
    >
      <p>
        Custodians bring their share files. Keyferry rebuilds the material in memory, proves it against the check value
        recorded in every share, and wipes it at once. Nothing is written.
      </p>
      {files.map((file, i) => (
        <PathField
          key={i}
          purpose="share-file"
          section="custody-restore"
          label={`Share file ${i + 1}`}
          value={file}
          onChange={(value) => setFiles(files.map((f, j) => (j === i ? value : f)))}
        />
      ))}
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={files.length >= 16}
          onClick={() => setFiles([...files, ''])}
        >
          Add a share file
        </button>
      </div>
      <TextField label="Expected key ID (optional)" value={keyId} onChange={setKeyId} mono />
      <StepButton
        available={files.some((f) => f.trim() !== '')}
        onClick={() =>
          void restore({
            shareFiles: files.map((f) => f.trim()).filter((f) => f !== ''),
            ...(keyId.trim() !== '' ? { expected: { keyId: keyId.trim() } } : {}),
          })
        }
      >
        Rebuild and check
      </StepButton>
      {drill && (
        <div className="card">
          <p>
            {drill.sharesGiven} share{drill.sharesGiven === 1 ? '' : 's'} (of the {drill.threshold} needed) rebuilt the{' '}
            {drill.spec} material of key <span className="mono">{drill.keyId}</span>; it matches the recorded{' '}
            {drill.check.kind === 'kcv' ? 'key check value' : 'public-key fingerprint'}:
          </p>
          <Hex value={drill.check.value} />
        </div>
      )}
    </Step>
  );
}

export function CustodyScreen() {
  return (
    <div className="screen">
      <ScreenHeading>Custody of the key material</ScreenHeading>
      <SplitSection />
      <RestoreSection />
    </div>
  );
}
