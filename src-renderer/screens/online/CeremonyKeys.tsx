/**
 * The ceremony's keys in one compact table, built for 100 keys: a summary line (how many of each
 * spec, in each KMS state as last read and in each state of the journal), a filter every key list of the online screen follows, the table in a
 * bounded scroll area, and each key's progress while a key-by-key step runs several at once.
 */
import { BoundedTable } from '../../components/BoundedTable';
import { useId } from 'react';
import { TextField } from '../../components/Fields';
import { useT } from '../../i18n';
import { selectCeremonyKeys } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { ceremonyKeyState, keyMatches, type CeremonyKeyState } from './key-filter';
import { groupedByReplica } from './replica-groups';
import { tally, useKmsStateOf } from './kms-state-of';
import { KmsStateTally } from './KmsStateTally';

/** ICU select keys take no hyphen: `fetch-parameters` is shown through `fetch_parameters`. */
const selectKey = (value: string) => value.replace(/-/g, '_');

export function CeremonyKeys() {
  const keys = useAppStore(selectCeremonyKeys);
  const issued = useAppStore((s) => s.issued);
  const phases = useAppStore((s) => s.keyPhases);
  const filter = useAppStore((s) => s.keyFilter);
  const setFilter = useAppStore((s) => s.setKeyFilter);
  const kmsStateOf = useKmsStateOf();
  const headingId = useId();
  const { t } = useT();
  if (keys.length === 0) return null;
  const issuedIds = new Set(issued.map((k) => k.keyId));
  const rows = groupedByReplica(keys).map((k) => ({
    ...k,
    state: ceremonyKeyState(k, issuedIds),
    kms: kmsStateOf(k.keyId),
  }));
  const aliasOf = new Map(keys.map((k) => [k.keyId, k.alias]));
  const replicaCount = new Map<string, number>();
  for (const k of keys)
    if (k.replicaOf !== null) replicaCount.set(k.replicaOf, (replicaCount.get(k.replicaOf) ?? 0) + 1);
  const stateText = (state: CeremonyKeyState) => t('ckeys.state', { state });
  const groupText = (k: (typeof rows)[number]) =>
    k.replicaOf !== null
      ? t('ckeys.group.replica', { alias: aliasOf.get(k.replicaOf) ?? k.replicaOf })
      : replicaCount.has(k.keyId)
        ? t('ckeys.group.primary', {
            count: replicaCount.get(k.keyId) ?? 0,
            proof: selectKey(k.groupProof ?? 'none'),
          })
        : '';
  const shown = rows.filter((k) =>
    keyMatches(filter, k, [k.state, stateText(k.state), k.kms.label, k.region, groupText(k)]),
  );
  const inFlight = Object.entries(phases).filter(([, p]) => p.phase === 'started');
  return (
    <section className="step ceremony-keys" aria-labelledby={headingId} data-section="online-ceremony-keys">
      <h2 id={headingId}>{t('ckeys.title')}</h2>
      <p className="key-summary">
        <strong>{t('ckeys.total', { count: rows.length })}</strong> · {t('ckeys.by-spec')}{' '}
        {tally(rows.map((k) => k.spec)).map(([spec, n]) => (
          <span key={spec} className="tally" data-spec={spec}>
            {spec} <strong>{n}</strong>
          </span>
        ))}{' '}
        · <KmsStateTally shown={rows.map((k) => k.kms)} /> · {t('ckeys.by-state')}{' '}
        {tally(rows.map((k) => k.state)).map(([state, n]) => (
          <span key={state} className="tally" data-state={state}>
            {stateText(state)} <strong>{n}</strong>
          </span>
        ))}
        {replicaCount.size > 0 && (
          <>
            {' '}
            · <span className="tally">{t('ckeys.groups', { count: replicaCount.size })}</span>
          </>
        )}
      </p>
      {inFlight.length > 0 && (
        <p className="in-flight" aria-live="polite">
          {t('ckeys.in-flight', { count: inFlight.length })}{' '}
          <span className="mono">{inFlight.map(([keyId]) => keyId.slice(0, 8)).join(' ')}</span>
        </p>
      )}
      <p className="hint">{t('ckeys.kms-states.hint')}</p>
      <TextField label={t('ckeys.filter')} value={filter} onChange={setFilter} hint={t('ckeys.filter.hint')} />
      <p className="hint" aria-live="polite">
        {t('ckeys.shown', { shown: shown.length, count: rows.length })}
      </p>
      <BoundedTable
        label={t('ckeys.title')}
        className="key-table stacks"
        headers={
          <>
            <KeyHeaderCells />
            <th scope="col">{t('ckeys.col.kms-state')}</th>
            <th scope="col">{t('ckeys.col.journal')}</th>
            <th scope="col">{t('ckeys.col.place')}</th>
            <th scope="col">{t('ckeys.col.group')}</th>
            <th scope="col">{t('ckeys.col.progress')}</th>
          </>
        }
      >
        {shown.map((k) => {
          const phase = phases[k.keyId];
          return (
            <tr
              key={k.keyId}
              data-state={k.state}
              data-kms-state={k.kms.key}
              data-replica-of={k.replicaOf ?? undefined}
              className={
                [phase ? `phase-${phase.phase}` : '', k.replicaOf !== null ? 'replica' : ''].join(' ').trim() ||
                undefined
              }
            >
              <KeyCells alias={k.alias} keyId={k.keyId} spec={k.spec} />
              <td className="state kms-state" data-label={t('ckeys.col.kms-state')} title={k.kms.cell}>
                {k.kms.label}
              </td>
              <td className="state" data-label={t('ckeys.col.journal')}>
                {stateText(k.state)}
              </td>
              <td className="mono place" data-label={t('ckeys.col.place')}>
                {k.region} <span title={k.projectId}>{k.projectId.slice(0, 8)}…</span>
              </td>
              <td className="group" data-label={t('ckeys.col.group')}>
                {groupText(k)}
              </td>
              <td className="progress" data-label={t('ckeys.col.progress')}>
                {phase ? t('ckeys.phase', { stage: selectKey(phase.stage), phase: phase.phase }) : ''}
              </td>
            </tr>
          );
        })}
      </BoundedTable>
    </section>
  );
}

/** The first columns of every key table on the online screen: alias, key ID, spec (and state). */
export function KeyHeaderCells({ state = false }: { state?: boolean }) {
  const { t } = useT();
  return (
    <>
      <th scope="col">{t('keys.col.alias')}</th>
      <th scope="col">{t('keys.col.key-id')}</th>
      <th scope="col">{t('keys.col.spec')}</th>
      {state && <th scope="col">{t('keys.col.state')}</th>}
    </>
  );
}

/** The first cells of a key's row in those tables, each labelled for the stacked (narrow) layout. */
export function KeyCells({ alias, keyId, spec }: { alias: string; keyId: string; spec: string }) {
  const { t } = useT();
  return (
    <>
      <td className="mono" data-label={t('keys.col.alias')}>
        {alias}
      </td>
      <td className="mono key-id" data-label={t('keys.col.key-id')}>
        {keyId}
      </td>
      <td data-label={t('keys.col.spec')}>{spec}</td>
    </>
  );
}
