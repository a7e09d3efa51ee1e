/** Step 2 online: the keys the KMS holds (filtered by state), and the external keys to create. */
import { useState } from 'react';
import type { KeySpecName, KeyStateFilter } from '../../../src-main/ipc/contract';
import { SelectField, TextField } from '../../components/Fields';
import { Step, StepButton } from '../../components/Step';
import { useAppStore } from '../../store/store';
import { defaultUsage, SPECS } from './key-spec-choices';
import { stepState } from './steps';

const FILTERS: ReadonlyArray<{ value: KeyStateFilter; label: string }> = [
  { value: 'all', label: 'All states' },
  { value: 'pending-import', label: 'Pending import' },
  { value: 'enabled', label: 'Enabled' },
  { value: 'disabled', label: 'Disabled' },
  { value: 'pending-deletion', label: 'Pending deletion' },
  { value: 'pending-activation', label: 'Pending activation' },
];

type Usage = 'SIGN_VERIFY' | 'ENCRYPT_DECRYPT';
interface PlannedRow {
  alias: string;
  spec: KeySpecName;
  usage: Usage;
}

export function KeyListStep() {
  const online = useAppStore((s) => s.ceremony?.online ?? null);
  const keyList = useAppStore((s) => s.keyList);
  const listKeys = useAppStore((s) => s.listKeys);
  const [filter, setFilter] = useState<KeyStateFilter>('all');
  return (
    <Step number={2} title="Keys in the KMS" state={online ? 'current' : 'waiting'} section="online-keys">
      <div className="row">
        <SelectField label="Show keys in state" value={filter} options={FILTERS} onChange={setFilter} />
        <StepButton available={online !== null} primary={false} onClick={() => void listKeys(filter)}>
          List the keys
        </StepButton>
      </div>
      {keyList && (
        <div className="table-wrap">
          <table>
            <caption>
              {keyList.keys.length} key{keyList.keys.length === 1 ? '' : 's'} (
              {FILTERS.find((f) => f.value === keyList.filter)?.label.toLowerCase()})
            </caption>
            <thead>
              <tr>
                <th scope="col">Alias</th>
                <th scope="col">Key ID</th>
                <th scope="col">Spec</th>
                <th scope="col">State</th>
                <th scope="col">This ceremony</th>
              </tr>
            </thead>
            <tbody>
              {keyList.keys.map((k) => (
                <tr key={k.keyId}>
                  <td>{k.alias ?? '—'}</td>
                  <td className="mono">{k.keyId}</td>
                  <td>{k.spec ?? '—'}</td>
                  <td>{k.stateName}</td>
                  <td>{k.inCeremony ? 'Yes' : 'No'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Step>
  );
}

export function CreateKeysStep() {
  const online = useAppStore((s) => s.ceremony?.online ?? null);
  const created = useAppStore((s) => s.createdKeys);
  const createKeys = useAppStore((s) => s.createKeys);
  const [rows, setRows] = useState<PlannedRow[]>([{ alias: '', spec: 'AES_256', usage: 'ENCRYPT_DECRYPT' }]);
  const update = (i: number, change: Partial<PlannedRow>) =>
    setRows(rows.map((row, j) => (j === i ? { ...row, ...change } : row)));
  const step = online?.step;
  const ceremonyKeys = online?.keys ?? [];
  return (
    <Step
      number={3}
      title="Create the external keys"
      state={stepState(step, ['new'], 'keys-created')}
      section="online-create"
    >
      {step === undefined || step === 'new' ? (
        <>
          <p>Each key is created with origin &quot;external&quot; and waits for its material (state Pending import).</p>
          {rows.map((row, i) => (
            <fieldset key={i} className="planned-key">
              <legend>Key {i + 1}</legend>
              <TextField
                label={`Alias of key ${i + 1}`}
                value={row.alias}
                onChange={(alias) => update(i, { alias })}
                mono
                hint="Letters, digits and : / _ -"
              />
              <SelectField
                label={`Key spec of key ${i + 1}`}
                value={row.spec}
                options={SPECS}
                onChange={(spec) => update(i, { spec, usage: defaultUsage(spec) })}
              />
              {row.spec.startsWith('RSA') && (
                <SelectField<Usage>
                  label={`Usage of key ${i + 1}`}
                  value={row.usage}
                  options={[
                    { value: 'SIGN_VERIFY', label: 'Sign and verify' },
                    { value: 'ENCRYPT_DECRYPT', label: 'Encrypt and decrypt' },
                  ]}
                  onChange={(usage) => update(i, { usage })}
                />
              )}
              {rows.length > 1 && (
                <button type="button" className="secondary" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                  Remove key {i + 1}
                </button>
              )}
            </fieldset>
          ))}
          <div className="actions">
            <button
              type="button"
              className="secondary"
              onClick={() => setRows([...rows, { alias: '', spec: 'AES_256', usage: 'ENCRYPT_DECRYPT' }])}
            >
              Add another key
            </button>
            <StepButton
              available={step === 'new'}
              onClick={() =>
                void createKeys({
                  keys: rows.map((r) => ({
                    alias: r.alias.trim(),
                    spec: r.spec,
                    ...(r.spec.startsWith('RSA') ? { usage: r.usage } : {}),
                  })),
                })
              }
            >
              Create {rows.length} external key{rows.length === 1 ? '' : 's'}
            </StepButton>
          </div>
        </>
      ) : (
        <ul className="key-list">
          {(created.length > 0 ? created : ceremonyKeys).map((k) => (
            <li key={k.keyId}>
              <strong>{k.alias}</strong> ({k.spec}) <span className="mono">{k.keyId}</span>
            </li>
          ))}
        </ul>
      )}
    </Step>
  );
}
