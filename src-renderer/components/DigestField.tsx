/**
 * A SHA-256 digest typed by a person, with each of its sixteen groups of four checked as it is
 * typed (complete, still short, or holding a character that is not a hex digit). The form is
 * checked here only to help; main decides, and says which group differs from the real digest.
 */
import type { Translator } from '../../src-main/i18n/translate';
import { useT } from '../i18n';
import { TextField } from './Fields';

export const DIGEST_GROUPS = 16;

export type GroupState = 'complete' | 'short' | 'bad' | 'missing';

/** The state of each of the sixteen groups of what was typed (spaces, colons, dashes and case ignored). */
export function typedGroups(typed: string): { value: string; state: GroupState }[] {
  const clean = typed.replace(/[\s:-]+/g, '').toUpperCase();
  return Array.from({ length: DIGEST_GROUPS }, (_, i) => {
    const value = clean.slice(i * 4, i * 4 + 4);
    if (value === '') return { value, state: 'missing' as const };
    if (/[^0-9A-F]/.test(value)) return { value, state: 'bad' as const };
    return { value, state: value.length === 4 ? ('complete' as const) : ('short' as const) };
  });
}

/** True when the typed text has the form of a digest: 64 hex digits and nothing else. */
export function digestComplete(typed: string): boolean {
  const clean = typed.replace(/[\s:-]+/g, '');
  return /^[0-9a-fA-F]{64}$/.test(clean);
}

function summary(t: Translator['t'], typed: string): string {
  const groups = typedGroups(typed);
  const bad = groups.findIndex((g) => g.state === 'bad');
  if (bad >= 0) return t('digest.field.bad', { group: bad + 1 });
  const extra = typed.replace(/[\s:-]+/g, '').length - DIGEST_GROUPS * 4;
  if (extra > 0) return t('digest.field.extra', { extra });
  const complete = groups.filter((g) => g.state === 'complete').length;
  return complete === DIGEST_GROUPS ? t('digest.field.complete') : t('digest.field.progress', { complete });
}

/** The labelled field and, under it, the sixteen groups as typed, each marked by its state. */
export function DigestField({
  label,
  value,
  onChange,
  hint,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint: string;
}) {
  const { t } = useT();
  return (
    <div className="digest-field">
      <TextField label={label} value={value} onChange={onChange} mono required hint={hint} />
      <ol className="digest-groups" aria-label={`${label}: groups typed`}>
        {typedGroups(value).map((g, i) => (
          <li key={i} className={`digest-group group-${g.state}`} title={`Group ${i + 1}: ${g.state}`}>
            {g.value || '····'}
          </li>
        ))}
      </ol>
      <p className="hint digest-progress" role="status">
        {summary(t, value)}
      </p>
    </div>
  );
}
