/** The journal viewer: either side's hash-chained journal as written, with the chain's verdict. */
import { useEffect, useState } from 'react';
import type { RecordKind } from '../../src-main/ipc/contract';
import { Activity } from '../components/Activity';
import { TextField } from '../components/Fields';
import { Hex } from '../components/Hex';
import { ScreenHeading } from '../components/ScreenHeading';
import { useAppStore } from '../store/store';
import { useT } from '../i18n';
import { momentText } from '../../src-main/i18n/moment';
import { phraseText } from '../../src-main/i18n/phrase';
import type { Translator } from '../../src-main/i18n/translate';
import { entryText, reasonText, shortenedText, type EntryView } from './journal-entry-text';

/** The data cell: the reason, the phrases as sentences, then the rest as JSON with long strings' lengths said. */
function EntryData({ tr, entry }: { tr: Translator; entry: EntryView }) {
  return (
    <>
      {entry.reason && (
        <p className="journal-phrase">
          {tr.t('journal.reason')} {reasonText(tr, entry.reason)}
        </p>
      )}
      {entry.phrases.map((p) => (
        <p key={p.field} className="journal-phrase">
          <span className="mono">{p.field}</span> {phraseText(tr, p.phrase)}
        </p>
      ))}
      {entry.summary.map((part, i) =>
        typeof part === 'string' ? (
          <span key={i} className="mono">
            {part}
          </span>
        ) : (
          <span key={i} className="shortened">
            {shortenedText(tr, part.characters)}
          </span>
        ),
      )}
    </>
  );
}

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
  const [filter, setFilter] = useState('');
  const tr = useT();
  const { t } = tr;
  const wanted = filter.trim().toLowerCase();
  const entries = (journal?.entries ?? []).filter(
    (e) => wanted === '' || [e.event, e.actor, entryText(tr, e)].some((field) => field.toLowerCase().includes(wanted)),
  );
  return (
    <div className="screen">
      <ScreenHeading>{t('journal.heading')}</ScreenHeading>
      {sides.length > 1 && (
        <div className="actions" role="group" aria-label={t('journal.which')}>
          {sides.map((s) => (
            <button
              key={s}
              type="button"
              className={s === side ? 'primary' : 'secondary'}
              aria-pressed={s === side}
              onClick={() => setSide(s)}
            >
              {t('journal.label', { side: s.replace(/-/g, '_') })}
            </button>
          ))}
        </div>
      )}
      <button type="button" className="secondary" disabled={busy} onClick={() => void load(side)}>
        {t('journal.read-again')}
      </button>
      <Activity section="journal" />
      {journal && !journal.exists && <p>{t('journal.none', { side: side.replace(/-/g, '_') })}</p>}
      {journal && journal.exists && (
        <>
          <div
            className={`banner ${journal.intact ? 'banner-ok' : 'banner-danger'}`}
            role={journal.intact ? 'status' : 'alert'}
          >
            <p className="banner-title">
              {journal.intact ? t('journal.verifies', { count: journal.count }) : t('journal.broken')}
            </p>
            {journal.problem && (
              <p>
                {t('journal.cli.bad-line', {
                  line: journal.problem.line,
                  reason: phraseText(tr, journal.problem.reason),
                })}
              </p>
            )}
            <p>
              {t('journal.file')} <span className="file-name">{journal.file}</span>
            </p>
          </div>
          {journal.intact && (
            <>
              <p>{t('journal.head')}</p>
              <Hex value={journal.head} label={t('journal.head-label')} />
            </>
          )}
          <TextField
            label={t('journal.filter')}
            value={filter}
            onChange={setFilter}
            hint={t('ckeys.shown-entries', { shown: entries.length, count: journal.entries.length })}
          />
          <div className="table-wrap bounded" tabIndex={0} role="region" aria-label={t('journal.caption')}>
            <table className="journal">
              <caption>{t('journal.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('journal.col.time')}</th>
                  <th scope="col">{t('journal.col.who')}</th>
                  <th scope="col">{t('journal.col.event')}</th>
                  <th scope="col">{t('journal.col.data')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.seq}>
                    <td>{e.seq}</td>
                    <td className="mono">{momentText(tr.locale, e.time)}</td>
                    <td className="person">{e.actor}</td>
                    <td className="mono">{e.event}</td>
                    <td className="data">
                      <EntryData tr={tr} entry={e} />
                    </td>
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
