/** A fieldset of radio buttons: one of `choices`, with a legend and an optional hint above them. */
import type { ReactNode } from 'react';

export function RadioChoices<T extends string>({
  legend,
  hint,
  name,
  choices,
  value,
  disabled,
  onChange,
  label,
}: {
  readonly legend: string;
  readonly hint?: string;
  /** The radio group's name (unique on the screen). */
  readonly name: string;
  readonly choices: readonly T[];
  readonly value: T | undefined;
  readonly disabled?: boolean;
  readonly onChange: (choice: T) => void;
  /** What each choice reads as (the catalogue's text, or the value itself for a technical name). */
  readonly label: (choice: T) => ReactNode;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {hint !== undefined && <p className="hint">{hint}</p>}
      {choices.map((choice) => (
        <label key={choice} className="choice">
          <input
            type="radio"
            name={name}
            value={choice}
            checked={value === choice}
            disabled={disabled}
            onChange={() => onChange(choice)}
          />
          {/* Beside its button however long it is (a sentence naming keys wraps within its own column). */}
          <span className="choice-text">{label(choice)}</span>
        </label>
      ))}
    </fieldset>
  );
}
