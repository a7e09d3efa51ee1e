/** A fieldset of radio buttons choosing where something comes from (bundle or files, file or typed slip). */
/** One radio button per option, all named `name`, inside a fieldset with `legend`. */
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
  options: ReadonlyArray<{ value: T; id: string; label: string }>;
  onChange: (value: T) => void;
}) {
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
          <label htmlFor={option.id}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
