/**
 * The online side's wrapping algorithm as radio buttons, in the one form both places offer it: the
 * setup (the ceremony's) and the parameters step (the next import parameters'). Technical names
 * stay as the KMS spells them.
 */
import { WRAPPING_ALGORITHMS, type CeremonySetup } from '../../src-main/ipc/contract';
import { useT } from '../i18n';
import { RadioChoices } from './RadioChoices';

export type WrappingAlgorithm = CeremonySetup['wrappingAlgorithm'];

const PLACES = {
  setup: { name: 'wrapping-algorithm', legend: 'setup.wrappingAlgorithm.label', hint: 'setup.wrappingAlgorithm.hint' },
  parameters: { name: 'params-wrapping-algorithm', legend: 'params.algorithm.label', hint: 'params.algorithm.hint' },
} as const;

export function WrappingAlgorithmChoice({
  at,
  value,
  disabled,
  onChange,
}: {
  readonly at: keyof typeof PLACES;
  readonly value: WrappingAlgorithm | undefined;
  readonly disabled: boolean;
  readonly onChange: (algorithm: WrappingAlgorithm) => void;
}) {
  const { t } = useT();
  const place = PLACES[at];
  return (
    <RadioChoices
      legend={t(place.legend)}
      hint={t(place.hint)}
      name={place.name}
      choices={WRAPPING_ALGORITHMS}
      value={value}
      disabled={disabled}
      onChange={onChange}
      label={(algorithm) => <span className="mono">{algorithm}</span>}
    />
  );
}
