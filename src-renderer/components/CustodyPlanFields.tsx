/**
 * The custody plan as the officer fills it in: M, and one name and folder per custodian (N of
 * them). Planned in the preflight step, so the folders are checked before any material exists.
 */
import type { Request } from '../../src-main/ipc/contract';
import { PathField, TextField } from './Fields';
import { useT } from '../i18n';

export interface CustodyForm {
  readonly m: string;
  readonly holders: readonly { readonly name: string; readonly folder: string }[];
  readonly sameVolume: boolean;
}

export const EMPTY_CUSTODY: CustodyForm = {
  m: '2',
  holders: [
    { name: '', folder: '' },
    { name: '', folder: '' },
    { name: '', folder: '' },
  ],
  sameVolume: false,
};

type CustodyPlanRequest = NonNullable<Request<'preflightAirGap'>['custody']>;

/** The request value, or null while a name or folder is missing or M is not a whole number. */
export function custodyPlan(form: CustodyForm): CustodyPlanRequest | null {
  const m = Number(form.m);
  if (!Number.isInteger(m) || form.holders.some((h) => h.name.trim() === '' || h.folder.trim() === '')) return null;
  return {
    m,
    n: form.holders.length,
    custodians: form.holders.map((h) => h.name.trim()),
    folders: form.holders.map((h) => h.folder.trim()),
    ...(form.sameVolume ? { allowSameVolume: true } : {}),
  };
}

export function CustodyPlanFields({
  value,
  onChange,
  section,
  rehearsal,
}: {
  value: CustodyForm;
  onChange: (form: CustodyForm) => void;
  section: string;
  rehearsal: boolean;
}) {
  const { t } = useT();
  const update = (i: number, change: Partial<{ name: string; folder: string }>) =>
    onChange({ ...value, holders: value.holders.map((h, j) => (j === i ? { ...h, ...change } : h)) });
  const threshold = Number(value.m);
  return (
    <>
      <p>{t('custody.split.intro', { n: value.holders.length, m: Number.isInteger(threshold) ? threshold : 'M' })}</p>
      <TextField
        label={t('custody.split.m')}
        type="number"
        min={2}
        max={value.holders.length}
        value={value.m}
        onChange={(m) => onChange({ ...value, m })}
      />
      {value.holders.map((h, i) => (
        <fieldset key={i} className="planned-key">
          <legend>{t('custody.custodian', { n: i + 1 })}</legend>
          <TextField
            label={t('custody.custodian-name', { n: i + 1 })}
            value={h.name}
            onChange={(name) => update(i, { name })}
          />
          <PathField
            purpose="custody-folder"
            section={section}
            label={t('custody.custodian-folder', { n: i + 1 })}
            value={h.folder}
            onChange={(folder) => update(i, { folder })}
          />
        </fieldset>
      ))}
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={value.holders.length >= 16}
          onClick={() => onChange({ ...value, holders: [...value.holders, { name: '', folder: '' }] })}
        >
          {t('custody.add')}
        </button>
        {value.holders.length > 2 && (
          <button
            type="button"
            className="secondary"
            onClick={() => onChange({ ...value, holders: value.holders.slice(0, -1) })}
          >
            {t('custody.remove-last')}
          </button>
        )}
      </div>
      {rehearsal && (
        <div className="choice">
          <input
            type="checkbox"
            id={`${section}-same-volume`}
            checked={value.sameVolume}
            onChange={(event) => onChange({ ...value, sameVolume: event.target.checked })}
          />
          <label htmlFor={`${section}-same-volume`}>{t('custody.same-volume')}</label>
        </div>
      )}
    </>
  );
}
