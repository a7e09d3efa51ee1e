/**
 * The material expiry for AES keys: never, or at 00:00 UTC on a date; on the online side also
 * "as each bundle requests" (what the air-gapped side wrote and the witnesses signed); on the
 * air-gapped side also "as the plan says" (each key its own planned expiry); on the
 * restore screen also the material's original expiry and a duration from now, with nothing
 * chosen beforehand when the material had an expiry (kind null); on the import step also an
 * expiry typed as `online import --expires` takes it (main resolves it, see ImportStep).
 * Asymmetric material never expires whatever is chosen (KMS rule).
 */
import type { MaterialExpiryChoice } from '../../src-main/ipc/contract';
import { TextField } from './Fields';
import { useT } from '../i18n';

export interface ExpiryForm {
  /** null: nothing chosen yet. */
  readonly kind: 'bundle' | 'plan' | 'never' | 'at' | 'original' | 'in' | 'typed' | null;
  readonly date: string;
  /** For 'in': a duration such as 90d, 36h or 1d12h. */
  readonly duration?: string;
  /** For 'typed': what the officer typed, in the forms `online import --expires` takes. */
  readonly typed?: string;
}

/** A duration as the core's parser takes it (core/time-text.ts): whole days, hours, minutes, seconds. */
const DURATION = /^\s*(\d+[dhms])+\s*$/;

/**
 * The request value: undefined for "as the bundle requests" and "as the plan says" (each key its
 * own), and for 'typed', which only main can resolve (the caller sends what main resolved).
 */
export function expiryChoice(form: ExpiryForm): MaterialExpiryChoice | undefined {
  if (form.kind === 'never') return { kind: 'never' };
  return form.kind === 'at' ? { kind: 'at', at: `${form.date}T00:00:00Z` } : undefined;
}

export function expiryComplete(form: ExpiryForm): boolean {
  if (form.kind === null) return false;
  if (form.kind === 'in') return DURATION.test(form.duration ?? '');
  if (form.kind === 'typed') return (form.typed ?? '').trim() !== '';
  return form.kind !== 'at' || /^\d{4}-\d{2}-\d{2}$/.test(form.date);
}

export function ExpiryChoice({
  name,
  legend,
  value,
  onChange,
  offerBundle = false,
  original,
  offerDuration = false,
  offerPlan = false,
  offerTyped = false,
}: {
  name: string;
  legend: string;
  value: ExpiryForm;
  onChange: (form: ExpiryForm) => void;
  offerBundle?: boolean;
  /** The material's original expiry (epoch ms), offered as a choice; undefined: not offered. */
  original?: number;
  offerDuration?: boolean;
  /** Offer "as the ceremony plan says" (each key its own planned expiry) first. */
  offerPlan?: boolean;
  /** Offer an expiry typed as `online import --expires` takes it. */
  offerTyped?: boolean;
}) {
  const { t } = useT();
  const option = (kind: NonNullable<ExpiryForm['kind']>, label: string) => (
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
      {offerPlan && option('plan', t('expiry.plan'))}
      {original !== undefined && option('original', t('expiry.original', { at: original }))}
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
      {offerDuration && option('in', t('expiry.in'))}
      {value.kind === 'in' && (
        <TextField
          label={t('expiry.duration')}
          value={value.duration ?? ''}
          onChange={(duration) => onChange({ ...value, duration })}
        />
      )}
      {offerTyped && option('typed', t('expiry.typed'))}
      {value.kind === 'typed' && (
        <TextField
          label={t('expiry.typed-field')}
          value={value.typed ?? ''}
          onChange={(typed) => onChange({ ...value, typed })}
        />
      )}
    </fieldset>
  );
}
