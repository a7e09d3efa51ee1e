/** A fieldset of radio buttons choosing where something comes from (bundle or files, file or typed slip). */
import type { MessageKey } from '../../src-main/i18n/catalogue';
import { useT } from '../i18n';

/** One radio button per option, all named `name`, inside a fieldset with `legend`; each option's label a catalogue key. */
export function SourceChoice<T extends string>({
  legend,
  name,
  value,
  options,
  onChange,
}: {
  legend: string;
  name: string;
  value: T;
  options: ReadonlyArray<{ value: T; id: string; label: MessageKey }>;
  onChange: (value: T) => void;
}) {
  const { message } = useT();
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map((option) => (
        <div className="choice" key={option.value}>
          <input
            type="radio"
            id={option.id}
            name={name}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          <label htmlFor={option.id}>{message({ key: option.label })}</label>
        </div>
      ))}
    </fieldset>
  );
}
