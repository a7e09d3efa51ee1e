/** The journal viewer: either side's hash-chained journal as written, with the chain's verdict. */
import { useEffect, useState } from 'react';
import type { RecordKind } from '../../src-main/ipc/contract';
import { Activity } from '../components/Activity';
import { Hex } from '../components/Hex';
import { ScreenHeading } from '../components/ScreenHeading';
import { useAppStore } from '../store/store';

const JOURNAL_LABELS: Readonly<Record<RecordKind, string>> = {
  online: 'Online journal',
  'air-gapped': 'Air-gapped journal',
  'custody-restore': 'Custody restore journal',
};

export function JournalScreen() {
  const mode = useAppStore((s) => s.mode);
  const journals = useAppStore((s) => s.journals);
  const load = useAppStore((s) => s.loadJournal);
  const busy = useAppStore((s) => s.busy !== null);
  const [side, setSide] = useState<RecordKind>(mode === 'air-gapped' ? 'air-gapped' : 'online');
  const sides: RecordKind[] =
    mode === 'rehearsal'
      ? ['online', 'air-gapped', 'custody-restore']
      : mode === 'air-gapped'
        ? ['air-gapped', 'custody-restore']
        : ['online'];
  useEffect(() => {
    void load(side);
  }, [load, side]);
  const journal = journals[side];
  return (
    <div className="screen">
      <ScreenHeading>Ceremony journal</ScreenHeading>
      {sides.length > 1 && (
        <div className="actions" role="group" aria-label="Which journal">
          {sides.map((s) => (
            <button
              key={s}
              type="button"
              className={s === side ? 'primary' : 'secondary'}
              aria-pressed={s === side}
              onClick={() => setSide(s)}
            >
              {JOURNAL_LABELS[s]}
            </button>
          ))}
        </div>
      )}
      <button type="button" className="secondary" disabled={busy} onClick={() => void load(side)}>
        Read the journal again
      </button>
      <Activity section="journal" />
      {journal && !journal.exists && <p>No {side} journal has been written yet.</p>}
      {journal && journal.exists && (
        <>
          <div
            className={`banner ${journal.intact ? 'banner-ok' : 'banner-danger'}`}
            role={journal.intact ? 'status' : 'alert'}
          >
            <p className="banner-title">
              {journal.intact ? `The chain of ${journal.count} entries verifies.` : 'The journal does NOT verify.'}
            </p>
            {journal.problem && <p>{journal.problem}</p>}
            <p>
              File <span className="file-name">{journal.file}</span>
            </p>
          </div>
          {journal.intact && (
            <>
              <p>Head hash (compare with the receipt):</p>
              <Hex value={journal.head} label="Journal head hash" />
            </>
          )}
          <div className="table-wrap">
            <table className="journal">
              <caption>Entries, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Time (UTC)</th>
                  <th scope="col">Who</th>
                  <th scope="col">Event</th>
                  <th scope="col">Data</th>
                </tr>
              </thead>
              <tbody>
                {journal.entries.map((e) => (
                  <tr key={e.seq}>
                    <td>{e.seq}</td>
                    <td className="mono">{e.time.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}</td>
                    <td>{e.actor}</td>
                    <td className="mono">{e.event}</td>
                    <td className="mono data">{e.summary}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
