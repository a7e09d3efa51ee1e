/**
 * Step 3 online: the external keys to create, one fieldset per key (add, remove), or the keys of a
 * plan file (the JSON plan the CLI reads; main reads and checks it, the renderer never parses a
 * file) filling the same fieldsets, so a plan of 100 keys is read, checked by eye and created.
 * An AES key may have its own material expiry, as in a plan (main checks it with the plan's rule;
 * empty: the ceremony's, given at setup); a plan whose expiry differs from the setup's fills it into
 * each AES key without one. Once created, a table shows each key's material expiry as its import will request it.
 */
import { BoundedTable } from '../../components/BoundedTable';
import { useRef, useState } from 'react';
import type { KeySpecName, PlanFileView, Response } from '../../../src-main/ipc/contract';
import { SelectField, TextField } from '../../components/Fields';
import { PathAction } from '../../components/PathAction';
import { PlannedStep } from '../../components/PlannedStep';
import { StepButton } from '../../components/Step';
import { useAppStore } from '../../store/store';
import { useOnlineSteps } from '../../store/allowed-steps';
import { useT } from '../../i18n';
import { neverOrMoment } from '../../../src-main/i18n/moment';
import { listText } from '../../../src-main/i18n/list';
import { defaultUsage, specOptions } from './key-spec-choices';
import { KeyCells, KeyHeaderCells } from './CeremonyKeys';
import { ONLINE_PLAN } from './plan';

type Usage = 'SIGN_VERIFY' | 'ENCRYPT_DECRYPT';

/** A replica of a planned key: the same material in a key of another region/project. */
interface ReplicaRow {
  readonly id: number;
  readonly region: string;
  readonly projectId: string;
}

/** One key as planned in the form; `id` only keeps React's rows apart when one is removed. */
interface PlannedRow {
  readonly id: number;
  readonly alias: string;
  readonly spec: KeySpecName;
  readonly usage: Usage;
  readonly description: string;
  readonly replicas: readonly ReplicaRow[];
  /** AES only: its own material expiry as a plan writes it ("never", "90d", a date-time); empty: the ceremony's. */
  readonly materialExpiry: string;
}

/** The replicas of planned key `n`: region and project of each, add and remove. */
function ReplicaFields({
  n,
  replicas,
  onChange,
  newReplica,
}: {
  n: number;
  replicas: readonly ReplicaRow[];
  onChange: (replicas: readonly ReplicaRow[]) => void;
  newReplica: () => ReplicaRow;
}) {
  const { t } = useT();
  const update = (id: number, change: Partial<ReplicaRow>) =>
    onChange(replicas.map((r) => (r.id === id ? { ...r, ...change } : r)));
  return (
    <fieldset className="replicas">
      <legend>{t('create.replicas', { n })}</legend>
      <p className="hint">{t('create.replicas.hint')}</p>
      {replicas.map((replica, j) => (
        <div key={replica.id} className="row replica">
          <TextField
            label={t('create.replica.region', { n, m: j + 1 })}
            value={replica.region}
            onChange={(region) => update(replica.id, { region })}
            mono
          />
          <TextField
            label={t('create.replica.project', { n, m: j + 1 })}
            value={replica.projectId}
            onChange={(projectId) => update(replica.id, { projectId })}
            mono
          />
          <button
            type="button"
            className="secondary"
            onClick={() => onChange(replicas.filter((r) => r.id !== replica.id))}
          >
            {t('create.replica.remove', { n, m: j + 1 })}
          </button>
        </div>
      ))}
      {replicas.length < MAX_REPLICAS && (
        <button type="button" className="secondary" onClick={() => onChange([...replicas, newReplica()])}>
          {t('create.replica.add', { n })}
        </button>
      )}
    </fieldset>
  );
}

const isRsa = (spec: KeySpecName) => spec.startsWith('RSA');
/** Only AES material can expire (imported RSA and EC material never does: a KMS rule). */
const canExpire = (spec: KeySpecName) => spec.startsWith('AES');
/** Replicas one planned key may ask for (the contract's limit; main checks the rest). */
const MAX_REPLICAS = 8;

function PlannedKeyFields({
  n,
  row,
  onChange,
  onRemove,
  newReplica,
}: {
  n: number;
  row: PlannedRow;
  onChange: (change: Partial<PlannedRow>) => void;
  onRemove: (() => void) | null;
  newReplica: () => ReplicaRow;
}) {
  const tr = useT();
  const { t } = tr;
  // What an empty expiry stands for: the setup's, as given there.
  const ceremonyExpiry = useAppStore((s) => s.setup?.materialExpiry ?? 'never');
  return (
    <fieldset className="planned-key">
      <legend>{t('create.key', { n })}</legend>
      <TextField
        label={t('create.alias', { n })}
        value={row.alias}
        onChange={(alias) => onChange({ alias })}
        mono
        hint={t('create.alias.hint')}
      />
      <SelectField
        label={t('create.spec', { n })}
        value={row.spec}
        options={specOptions(t)}
        onChange={(spec) => onChange({ spec, usage: defaultUsage(spec) })}
      />
      {isRsa(row.spec) && (
        <SelectField<Usage>
          label={t('create.usage', { n })}
          value={row.usage}
          options={[
            { value: 'SIGN_VERIFY', label: t('create.usage.sign') },
            { value: 'ENCRYPT_DECRYPT', label: t('create.usage.encrypt') },
          ]}
          onChange={(usage) => onChange({ usage })}
        />
      )}
      <TextField
        label={t('create.description', { n })}
        value={row.description}
        onChange={(description) => onChange({ description })}
      />
      {canExpire(row.spec) && (
        <TextField
          label={t('create.expiry', { n })}
          value={row.materialExpiry}
          onChange={(materialExpiry) => onChange({ materialExpiry })}
          mono
          hint={t('create.expiry.hint', {
            expiry: ceremonyExpiry === 'never' ? neverOrMoment(tr, 'never') : ceremonyExpiry,
          })}
        />
      )}
      <ReplicaFields
        n={n}
        replicas={row.replicas}
        onChange={(replicas) => onChange({ replicas })}
        newReplica={newReplica}
      />
      {onRemove && (
        <button type="button" className="secondary" onClick={onRemove}>
          {t('create.remove', { n })}
        </button>
      )}
    </fieldset>
  );
}

/** What the officer reads after a plan file filled the form: how many keys, and where it differs from the setup. */
function PlanFileNote({ plan }: { plan: PlanFileView }) {
  const tr = useT();
  const { t } = tr;
  const shown = (field: PlanFileView['differences'][number]['field'], value: string | readonly string[]) =>
    typeof value !== 'string' ? listText(tr, value) : field !== 'materialExpiry' ? value : neverOrMoment(tr, value);
  return (
    <div className="card plan-file" role="status">
      <p>{t('create.plan.read-keys', { count: plan.keys.length, file: plan.fileName })}</p>
      {plan.differences.map((d) => {
        const values = { plan: shown(d.field, d.plan), setup: shown(d.field, d.setup) };
        return (
          <p key={d.field} className="warning">
            {d.field === 'materialExpiry'
              ? t('create.plan.expiry-filled', values)
              : t('create.plan.differs', { field: d.field, ...values })}
          </p>
        );
      })}
    </div>
  );
}

/** The keys just created and the material expiry each one's import will request. */
function CreatedKeysTable({ keys }: { keys: Response<'createKeys'>['keys'] }) {
  const tr = useT();
  const { t } = tr;
  return (
    <BoundedTable
      label={t('create.created-table')}
      className="created-keys"
      headers={
        <>
          <KeyHeaderCells />
          <th scope="col">{t('create.col.expires')}</th>
        </>
      }
    >
      {keys.map((k) => (
        <tr key={k.keyId} data-key-id={k.keyId}>
          <KeyCells alias={k.alias} keyId={k.keyId} spec={k.spec} />
          <td className="expires" data-label={t('create.col.expires')}>
            {neverOrMoment(tr, k.materialExpiry)}
          </td>
        </tr>
      ))}
    </BoundedTable>
  );
}

export function CreateKeysStep() {
  const online = useAppStore((s) => s.ceremony?.online ?? null);
  const created = useAppStore((s) => s.createdKeys);
  const createKeys = useAppStore((s) => s.createKeys);
  const readPlanFile = useAppStore((s) => s.readPlanFile);
  const nextId = useRef(1);
  const newRow = (from?: PlanFileView['keys'][number]): PlannedRow => ({
    id: nextId.current++,
    alias: from?.alias ?? '',
    spec: from?.spec ?? 'AES_256',
    usage: from?.usage ?? 'ENCRYPT_DECRYPT',
    description: from?.description ?? '',
    replicas: (from?.replicas ?? []).map((r) => newReplica(r)),
    materialExpiry: from?.materialExpiry ?? '',
  });
  const newReplica = (from?: { region: string; projectId: string }): ReplicaRow => ({
    id: nextId.current++,
    region: from?.region ?? '',
    projectId: from?.projectId ?? '',
  });
  const [rows, setRows] = useState<readonly PlannedRow[]>(() => [newRow()]);
  const [planFile, setPlanFile] = useState('');
  const [plan, setPlan] = useState<PlanFileView | null>(null);
  const steps = useOnlineSteps();
  const { t } = useT();
  const state = steps.display(['createKeys'], 'createKeys');
  if (steps.isDone('createKeys')) {
    const count = (created.length > 0 ? created : (online?.keys ?? [])).length;
    return (
      <PlannedStep plan={ONLINE_PLAN.create} state={state}>
        <p>{t('ckeys.created', { count })}</p>
        {created.length > 0 && <CreatedKeysTable keys={created} />}
      </PlannedStep>
    );
  }
  const replicaCount = rows.reduce((n, row) => n + row.replicas.length, 0);
  const update = (id: number, change: Partial<PlannedRow>) =>
    setRows(rows.map((row) => (row.id === id ? { ...row, ...change } : row)));
  const readPlan = async (file: string) => {
    const read = await readPlanFile(file);
    if (!read) return;
    setPlan(read);
    setRows(read.keys.map((key) => newRow(key)));
  };
  return (
    <PlannedStep plan={ONLINE_PLAN.create} state={state}>
      <p>{t('create.intro')}</p>
      <div className="row">
        <PathAction
          row={{
            purpose: 'plan-file',
            section: 'online-create',
            text: 'create.plan.file',
            value: planFile,
            onChange: setPlanFile,
          }}
          available={steps.canRun('createKeys')}
          primary={false}
          onAct={(file) => void readPlan(file)}
        >
          {t('create.plan.read')}
        </PathAction>
      </div>
      {plan && <PlanFileNote plan={plan} />}
      <div className="planned-keys" tabIndex={0} role="region" aria-label={t('create.planned', { count: rows.length })}>
        {rows.map((row, i) => (
          <PlannedKeyFields
            key={row.id}
            n={i + 1}
            row={row}
            onChange={(change) => update(row.id, change)}
            onRemove={rows.length > 1 ? () => setRows(rows.filter((r) => r.id !== row.id)) : null}
            newReplica={() => newReplica()}
          />
        ))}
      </div>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setRows([...rows, newRow()])}>
          {t('create.add')}
        </button>
        <StepButton
          available={steps.canRun('createKeys')}
          onClick={() =>
            void createKeys({
              keys: rows.map((r) => ({
                alias: r.alias.trim(),
                spec: r.spec,
                ...(isRsa(r.spec) ? { usage: r.usage } : {}),
                ...(r.description.trim() !== '' ? { description: r.description.trim() } : {}),
                ...(canExpire(r.spec) && r.materialExpiry.trim() !== ''
                  ? { materialExpiry: r.materialExpiry.trim() }
                  : {}),
                ...(r.replicas.length > 0
                  ? { replicas: r.replicas.map((p) => ({ region: p.region.trim(), projectId: p.projectId.trim() })) }
                  : {}),
              })),
            })
          }
        >
          {t('create.button', { count: rows.length })}
        </StepButton>
      </div>
      {replicaCount > 0 && (
        <p className="hint">
          {t('create.with-replicas', { keys: rows.length, replicas: replicaCount, total: rows.length + replicaCount })}
        </p>
      )}
    </PlannedStep>
  );
}
