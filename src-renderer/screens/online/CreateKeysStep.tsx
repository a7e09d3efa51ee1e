/**
 * Step 3 online: the external keys to create, one fieldset per key (add, remove), or the keys of a
 * plan file (the JSON plan the CLI reads; main reads and checks it, the renderer never parses a
 * file) filling the same fieldsets, so a plan of 100 keys is read, checked by eye and created.
 */
import { useRef, useState } from 'react';
import type { KeySpecName, PlanFileView } from '../../../src-main/ipc/contract';
import { PathField, SelectField, TextField } from '../../components/Fields';
import { Step, StepButton } from '../../components/Step';
import { useAppStore } from '../../store/store';
import { useOnlineSteps } from '../../store/allowed-steps';
import { useT } from '../../i18n';
import { defaultUsage, specOptions } from './key-spec-choices';

type Usage = 'SIGN_VERIFY' | 'ENCRYPT_DECRYPT';

/** One key as planned in the form; `id` only keeps React's rows apart when one is removed. */
interface PlannedRow {
  readonly id: number;
  readonly alias: string;
  readonly spec: KeySpecName;
  readonly usage: Usage;
  readonly description: string;
}

const isRsa = (spec: KeySpecName) => spec.startsWith('RSA');

function PlannedKeyFields({
  n,
  row,
  onChange,
  onRemove,
}: {
  n: number;
  row: PlannedRow;
  onChange: (change: Partial<PlannedRow>) => void;
  onRemove: (() => void) | null;
}) {
  const { t } = useT();
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
  const { t, utc } = useT();
  const shown = (field: PlanFileView['differences'][number]['field'], value: string) =>
    field !== 'materialExpiry' ? value : value === 'never' ? t('expiry.never-lower') : utc(value);
  return (
    <div className="card plan-file" role="status">
      <p>{t('create.plan.read-keys', { count: plan.keys.length, file: plan.fileName })}</p>
      {plan.differences.map((d) => (
        <p key={d.field} className="warning">
          {t('create.plan.differs', { field: d.field, plan: shown(d.field, d.plan), setup: shown(d.field, d.setup) })}
        </p>
      ))}
    </div>
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
  });
  const [rows, setRows] = useState<readonly PlannedRow[]>(() => [newRow()]);
  const [planFile, setPlanFile] = useState('');
  const [plan, setPlan] = useState<PlanFileView | null>(null);
  const steps = useOnlineSteps();
  const { t } = useT();
  if (steps.isDone('createKeys')) {
    const count = (created.length > 0 ? created : (online?.keys ?? [])).length;
    return (
      <Step
        number={3}
        title={t('create.title')}
        state={steps.display(['createKeys'], 'createKeys')}
        section="online-create"
      >
        <p>{t('ckeys.created', { count })}</p>
      </Step>
    );
  }
  const update = (id: number, change: Partial<PlannedRow>) =>
    setRows(rows.map((row) => (row.id === id ? { ...row, ...change } : row)));
  const readPlan = async () => {
    const read = await readPlanFile(planFile.trim());
    if (!read) return;
    setPlan(read);
    setRows(read.keys.map((key) => newRow(key)));
  };
  return (
    <Step
      number={3}
      title={t('create.title')}
      state={steps.display(['createKeys'], 'createKeys')}
      section="online-create"
    >
      <p>{t('create.intro')}</p>
      <div className="row">
        <PathField
          purpose="plan-file"
          section="online-create"
          label={t('create.plan.file')}
          value={planFile}
          onChange={setPlanFile}
          hint={t('create.plan.hint')}
        />
        <StepButton
          available={steps.canRun('createKeys') && planFile.trim() !== ''}
          primary={false}
          onClick={() => void readPlan()}
        >
          {t('create.plan.read')}
        </StepButton>
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
              })),
            })
          }
        >
          {t('create.button', { count: rows.length })}
        </StepButton>
      </div>
    </Step>
  );
}
