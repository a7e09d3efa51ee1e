/**
 * The material expiry for AES keys: never, or at 00:00 UTC on a date; on the online side also
 * "as each bundle requests" (what the air-gapped side wrote and the witnesses signed).
 * Asymmetric material never expires whatever is chosen (KMS rule).
 */
import type { MaterialExpiryChoice } from '../../src-main/ipc/contract';
import { TextField } from './Fields';
import { useT } from '../i18n';

export interface ExpiryForm {
  readonly kind: 'bundle' | 'never' | 'at';
  readonly date: string;
}

/** The request value: undefined for "as the bundle requests". */
export function expiryChoice(form: ExpiryForm): MaterialExpiryChoice | undefined {
  if (form.kind === 'bundle') return undefined;
  return form.kind === 'never' ? { kind: 'never' } : { kind: 'at', at: `${form.date}T00:00:00Z` };
}

export function expiryComplete(form: ExpiryForm): boolean {
  return form.kind !== 'at' || /^\d{4}-\d{2}-\d{2}$/.test(form.date);
}

export function ExpiryChoice({
  name,
  legend,
  value,
  onChange,
  offerBundle = false,
}: {
  name: string;
  legend: string;
  value: ExpiryForm;
  onChange: (form: ExpiryForm) => void;
  offerBundle?: boolean;
}) {
  const { t } = useT();
  const option = (kind: ExpiryForm['kind'], label: string) => (
    <div className="choice">
      <input
        type="radio"
        id={`${name}-${kind}`}
        name={name}
        checked={value.kind === kind}
        onChange={() => onChange({ ...value, kind })}
      />
      <label htmlFor={`${name}-${kind}`}>{label}</label>
    </div>
  );
  return (
    <fieldset>
      <legend>{legend}</legend>
      <p className="hint">{t('expiry.hint')}</p>
      {offerBundle && option('bundle', t('expiry.bundle'))}
      {option('never', t('expiry.never'))}
      {option('at', t('expiry.at'))}
      {value.kind === 'at' && (
        <TextField
          label={t('expiry.date')}
          type="date"
          value={value.date}
          onChange={(date) => onChange({ ...value, date })}
        />
      )}
    </fieldset>
  );
}
