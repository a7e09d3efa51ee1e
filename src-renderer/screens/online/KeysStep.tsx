/** Step 2 online: the keys the KMS holds (filtered by state), and the external keys to create. */
import { useState } from 'react';
import { KEY_STATE_FILTERS, type KeySpecName, type KeyStateFilter } from '../../../src-main/ipc/contract';
import { SelectField, TextField } from '../../components/Fields';
import { Step, StepButton } from '../../components/Step';
import { useAppStore } from '../../store/store';
import { KeyHeaderCells } from './CeremonyKeys';
import { defaultUsage, specOptions } from './key-spec-choices';
import { useOnlineSteps } from '../../store/allowed-steps';
import { useT } from '../../i18n';

const FILTERS: readonly KeyStateFilter[] = KEY_STATE_FILTERS;

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
  const { t } = useT();
  const filterOptions = FILTERS.map((value) => ({
    value,
    label: t('keys.filter', { filter: value.replace(/-/g, '_') }),
  }));
  return (
    <Step number={2} title={t('keys.title')} state={online ? 'current' : 'waiting'} section="online-keys">
      <div className="row">
        <SelectField label={t('keys.show-in-state')} value={filter} options={filterOptions} onChange={setFilter} />
        <StepButton available={online !== null} primary={false} onClick={() => void listKeys(filter)}>
          {t('keys.list')}
        </StepButton>
      </div>
      {keyList && (
        <div className="table-wrap bounded" tabIndex={0} role="region" aria-label={t('keys.title')}>
          <table>
            <caption>
              {t('keys.caption', { count: keyList.keys.length, filter: keyList.filter.replace(/-/g, '_') })}
            </caption>
            <thead>
              <tr>
                <KeyHeaderCells state />
                <th scope="col">{t('keys.col.in-ceremony')}</th>
              </tr>
            </thead>
            <tbody>
              {keyList.keys.map((k) => (
                <tr key={k.keyId}>
                  <td>{k.alias ?? '—'}</td>
                  <td className="mono">{k.keyId}</td>
                  <td>{k.spec ?? '—'}</td>
                  <td>{t('kms.state', { state: String(k.state) })}</td>
                  <td>{k.inCeremony ? t('common.yes') : t('common.no')}</td>
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
  const steps = useOnlineSteps();
  const ceremonyKeys = online?.keys ?? [];
  const { t } = useT();
  const specs = specOptions(t);
  return (
    <Step
      number={3}
      title={t('create.title')}
      state={steps.display(['createKeys'], 'createKeys')}
      section="online-create"
    >
      {!steps.isDone('createKeys') ? (
        <>
          <p>{t('create.intro')}</p>
          {rows.map((row, i) => (
            <fieldset key={i} className="planned-key">
              <legend>{t('create.key', { n: i + 1 })}</legend>
              <TextField
                label={t('create.alias', { n: i + 1 })}
                value={row.alias}
                onChange={(alias) => update(i, { alias })}
                mono
                hint={t('create.alias.hint')}
              />
              <SelectField
                label={t('create.spec', { n: i + 1 })}
                value={row.spec}
                options={specs}
                onChange={(spec) => update(i, { spec, usage: defaultUsage(spec) })}
              />
              {row.spec.startsWith('RSA') && (
                <SelectField<Usage>
                  label={t('create.usage', { n: i + 1 })}
                  value={row.usage}
                  options={[
                    { value: 'SIGN_VERIFY', label: t('create.usage.sign') },
                    { value: 'ENCRYPT_DECRYPT', label: t('create.usage.encrypt') },
                  ]}
                  onChange={(usage) => update(i, { usage })}
                />
              )}
              {rows.length > 1 && (
                <button type="button" className="secondary" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                  {t('create.remove', { n: i + 1 })}
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
              {t('create.add')}
            </button>
            <StepButton
              available={steps.canRun('createKeys')}
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
              {t('create.button', { count: rows.length })}
            </StepButton>
          </div>
        </>
      ) : (
        <p>{t('ckeys.created', { count: (created.length > 0 ? created : ceremonyKeys).length })}</p>
      )}
    </Step>
  );
}
