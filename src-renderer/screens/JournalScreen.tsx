/** The journal viewer: either side's hash-chained journal as written, with the chain's verdict. */
import { BoundedTable } from '../components/BoundedTable';
import { Fragment, useEffect, useState } from 'react';
import type { DataField, DataValue, RecordKind } from '../../src-main/ipc/contract';
import { Activity } from '../components/Activity';
import { TextField } from '../components/Fields';
import { Hex } from '../components/Hex';
import { ScreenHeading } from '../components/ScreenHeading';
import { useAppStore } from '../store/store';
import { useT } from '../i18n';
import { momentText } from '../../src-main/i18n/moment';
import { phraseText } from '../../src-main/i18n/phrase';
import type { Translator } from '../../src-main/i18n/translate';
import {
  entryText,
  fieldLabel,
  isPlainList,
  reasonText,
  scalarText,
  shortenedText,
  type EntryView,
} from './journal-entry-text';

/** One value: hex grouped, codes monospace, moments and words in the screen's language, nested fields and lists. */
function DataValueView({ tr, value }: { tr: Translator; value: DataValue }) {
  if ('fields' in value) return <DataFields tr={tr} fields={value.fields} />;
  if ('items' in value) {
    if (isPlainList(value.items))
      return (
        <>
          {value.items.map((item, i) => (
            <Fragment key={i}>
              {i > 0 && tr.t('list.separator')}
              <DataValueView tr={tr} value={item} />
            </Fragment>
          ))}
        </>
      );
    return (
      <ol className="journal-items">
        {value.items.map((item, i) => (
          <li key={i}>
            <DataValueView tr={tr} value={item} />
          </li>
        ))}
      </ol>
    );
  }
  if ('hex' in value) return <span className="mono hex-value">{scalarText(tr, value)}</span>;
  if ('code' in value) return <span className="mono">{value.code}</span>;
  if ('shortened' in value)
    return (
      <>
        <span className="mono">{value.shortened}…</span>
        <span className="shortened">{shortenedText(tr, value.characters)}</span>
      </>
    );
  if ('text' in value) return <span className="recorded">{value.text}</span>;
  return <span>{scalarText(tr, value)}</span>;
}

/** Fields as label and value pairs, labels from the catalogue (a field the catalogue does not name: its name as a code). */
function DataFields({ tr, fields }: { tr: Translator; fields: readonly DataField[] }) {
  return (
    <dl className="journal-fields">
      {fields.map((f, i) => {
        const label = fieldLabel(tr, f.name);
        return (
          <Fragment key={i}>
            <dt className={label.known ? undefined : 'mono'}>{tr.t('journal.field.label', { label: label.text })}</dt>
            <dd>
              <DataValueView tr={tr} value={f.value} />
            </dd>
          </Fragment>
        );
      })}
    </dl>
  );
}

/** The data cell: the reason, then the data's fields. */
function EntryData({ tr, entry }: { tr: Translator; entry: EntryView }) {
  return (
    <>
      {entry.reason && (
        <p className="journal-phrase">
          {tr.t('journal.reason')} {reasonText(tr, entry.reason)}
        </p>
      )}
      <DataFields tr={tr} fields={entry.fields} />
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
  // The chosen side's journal is read when it is chosen (after a running action ends: the store queues it).
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
          <BoundedTable
            label={t('journal.caption')}
            className="journal"
            caption={t('journal.caption')}
            headers={
              <>
                <th scope="col">#</th>
                <th scope="col">{t('journal.col.time')}</th>
                <th scope="col">{t('journal.col.who')}</th>
                <th scope="col">{t('journal.col.event')}</th>
                <th scope="col">{t('journal.col.data')}</th>
              </>
            }
          >
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
          </BoundedTable>
        </>
      )}
    </div>
  );
}
