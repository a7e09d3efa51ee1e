/** Labelled form fields: every input has a visible label, and hints are tied with aria-describedby. */
import { useId, type ChangeEvent, type ReactNode } from 'react';
import type { PathPurpose } from '../../src-main/ipc/contract';
import { api } from '../api';
import { useAppStore } from '../store/store';
import { RemovableMedia } from './RemovableMedia';
import { uiAction } from '../store/ui-action';
import { useT } from '../i18n';

/** A labelled control: the visible label, the hint (if any) and the control tied to both. */
function LabelledField({
  label,
  hint,
  control,
}: {
  label: string;
  hint?: ReactNode;
  control: (id: string, describedBy: string | undefined) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {control(id, hint ? `${id}-hint` : undefined)}
    </div>
  );
}

/** What a typed-text control (a line or a box) takes: no autocomplete or spell check, its hint, its value. */
function typedTextProps(
  id: string,
  describedBy: string | undefined,
  value: string,
  onChange: (value: string) => void,
  mono: boolean | undefined,
) {
  return {
    id,
    value,
    autoComplete: 'off',
    spellCheck: false,
    className: mono ? 'mono' : undefined,
    'aria-describedby': describedBy,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(event.target.value),
  };
}

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  type?: 'text' | 'password' | 'date' | 'number';
  required?: boolean;
  mono?: boolean;
  name?: string;
  min?: number;
  max?: number;
  disabled?: boolean;
}

export function TextField({
  label,
  value,
  onChange,
  hint,
  type = 'text',
  required,
  mono,
  name,
  min,
  max,
  disabled,
}: TextFieldProps) {
  return (
    <LabelledField
      label={label}
      hint={hint}
      control={(id, describedBy) => (
        <input
          {...typedTextProps(id, describedBy, value, onChange, mono)}
          name={name}
          type={type}
          required={required}
          min={min}
          max={max}
          disabled={disabled}
        />
      )}
    />
  );
}

/** An absolute path (POSIX, drive letter or UNC), as the main process accepts for `startIn`. */
const isAbsolutePath = (value: string) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(value.trim());

const MEDIA_PURPOSES: readonly PathPurpose[] = ['read-bundle', 'write-bundle', 'custody-folder'];

/** A path typed in full, picked with the desktop's dialog (Browse), or (for media) a listed volume. */
export function PathField({ purpose, section, ...props }: TextFieldProps & { purpose: PathPurpose; section: string }) {
  const run = useAppStore((s) => s.run);
  const busy = useAppStore((s) => s.busy !== null);
  const { t } = useT();
  const browse = async () => {
    const chosen = await run(section, uiAction('action.opening-dialog', { field: props.label.toLowerCase() }), () =>
      api().choosePath({ purpose, ...(isAbsolutePath(props.value) ? { startIn: props.value.trim() } : {}) }),
    );
    if (chosen?.path) props.onChange(chosen.path);
  };
  return (
    <div className="path-field">
      <TextField {...props} mono />
      <button type="button" className="secondary" onClick={() => void browse()} disabled={busy}>
        {t('field.browse')}
      </button>
      {MEDIA_PURPOSES.includes(purpose) && (
        <RemovableMedia section={section} label={props.label} onChoose={props.onChange} />
      )}
    </div>
  );
}

/** A multi-line text box with its label (e.g. the lines typed from a printed slip). */
export function TextAreaField({
  label,
  value,
  onChange,
  hint,
  rows = 8,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  rows?: number;
}) {
  return (
    <LabelledField
      label={label}
      hint={hint}
      control={(id, describedBy) => (
        <textarea {...typedTextProps(id, describedBy, value, onChange, true)} rows={rows} />
      )}
    />
  );
}

/** A select with its label. */
export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  hint,
}: {
  label: string;
  value: T;
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange: (value: T) => void;
  hint?: ReactNode;
}) {
  return (
    <LabelledField
      label={label}
      hint={hint}
      control={(id, describedBy) => (
        <select
          id={id}
          value={value}
          onChange={(event) => onChange(event.target.value as T)}
          aria-describedby={describedBy}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** A checkbox with its label beside it (a choice the officer ticks, e.g. an acknowledgement). */
export function CheckboxField({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="choice">
      <input type="checkbox" id={id} checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id} className="choice-text">
        {label}
      </label>
    </div>
  );
}
