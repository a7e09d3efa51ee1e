/** Step 2 online: the keys the KMS holds, filtered by state (step 3, the keys to create: CreateKeysStep.tsx). */
import { BoundedTable } from '../../components/BoundedTable';
import { useState } from 'react';
import { KEY_STATE_FILTERS, kmsStateOfFilter, type KeyStateFilter } from '../../../src-main/ipc/contract';
import { kmsStateText } from '../../../src-main/i18n/kms-state';
import { SelectField } from '../../components/Fields';
import { PlannedStep } from '../../components/PlannedStep';
import { StepButton } from '../../components/Step';
import { useAppStore } from '../../store/store';
import { KeyCells, KeyHeaderCells } from './CeremonyKeys';
import { ONLINE_PLAN } from './plan';
import { useT } from '../../i18n';

const FILTERS: readonly KeyStateFilter[] = KEY_STATE_FILTERS;

export function KeyListStep() {
  const online = useAppStore((s) => s.ceremony?.online ?? null);
  const keyList = useAppStore((s) => s.keyList);
  const listKeys = useAppStore((s) => s.listKeys);
  const [filter, setFilter] = useState<KeyStateFilter>('all');
  const { t } = useT();
  // A filter is named by its KMS state's words (the one KEY_STATE select), or "all states".
  const stateOf = (filter: KeyStateFilter) => {
    const state = kmsStateOfFilter(filter);
    return {
      filter: state === undefined ? 'all' : 'state',
      state: state === undefined ? '' : kmsStateText({ t }, state),
    };
  };
  const filterOptions = FILTERS.map((value) => ({ value, label: t('keys.filter', stateOf(value)) }));
  return (
    <PlannedStep plan={ONLINE_PLAN.keys} state={online ? 'current' : 'waiting'}>
      <div className="row">
        <SelectField label={t('keys.show-in-state')} value={filter} options={filterOptions} onChange={setFilter} />
        <StepButton available={online !== null} primary={false} onClick={() => void listKeys({ filter })}>
          {t('keys.list')}
        </StepButton>
      </div>
      {keyList && (
        <BoundedTable
          label={t('keys.title')}
          className="stacks"
          caption={t('keys.caption', { count: keyList.keys.length, ...stateOf(keyList.filter) })}
          headers={
            <>
              <KeyHeaderCells state />
              <th scope="col">{t('keys.col.in-ceremony')}</th>
            </>
          }
        >
          {keyList.keys.map((k) => (
            <tr key={k.keyId}>
              <KeyCells alias={k.alias ?? '—'} keyId={k.keyId} spec={k.spec ?? '—'} />
              <td data-label={t('keys.col.state')}>{kmsStateText({ t }, k.state)}</td>
              <td data-label={t('keys.col.in-ceremony')}>{k.inCeremony ? t('common.yes') : t('common.no')}</td>
            </tr>
          ))}
        </BoundedTable>
      )}
    </PlannedStep>
  );
}
