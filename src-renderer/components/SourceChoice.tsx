/** A fieldset of radio buttons choosing where something comes from (bundle or files, file or typed slip). */
import type { MessageKey } from '../../src-main/i18n/catalogue';
import { useT } from '../i18n';
import { RadioChoices } from './RadioChoices';

/** A named set of sources: the radio group's name, its legend and each source's label (catalogue keys), in order. */
export interface SourceChoices<T extends string> {
  readonly name: string;
  readonly legend: MessageKey;
  readonly labels: Readonly<Record<T, MessageKey>>;
}

/** The sources `labels` names (value → label, in the order shown), as radio group `name` under `legend`. */
export function sourceChoices<T extends string>(
  name: string,
  legend: MessageKey,
  labels: Readonly<Record<T, MessageKey>>,
): SourceChoices<T> {
  return { name, legend, labels };
}

/** The value one of `choices` stands for. */
export type SourceOf<C> = C extends SourceChoices<infer T> ? T : never;

/** One radio button per option of `choices`, inside a fieldset with its legend. */
export function SourceChoice<T extends string>({
  choices,
  value,
  onChange,
}: {
  choices: SourceChoices<T>;
  value: T;
  onChange: (value: T) => void;
}) {
  const { message } = useT();
  return (
    <RadioChoices
      legend={message({ key: choices.legend })}
      name={choices.name}
      choices={Object.keys(choices.labels) as T[]}
      value={value}
      onChange={onChange}
      label={(choice) => message({ key: choices.labels[choice] })}
    />
  );
}
