/**
 * Which keys the next fetch of import parameters is for, when the keys waiting take their material
 * from different places (core material-sources.ts: two custody copies, or one and none): one group
 * at a time, as `online params --key-id` takes them on the command line.
 */
import { RadioChoices } from '../../components/RadioChoices';
import { useT } from '../../i18n';
import { phraseText } from '../../../src-main/i18n/phrase';
import type { OnlineSession } from '../../../src-main/ipc/schemas/ceremony';

type MaterialSource = OnlineSession['materialSources'][number];

/** The sources the officer chooses among: only when they are several and one takes material imported before. */
export function choosableSources(sources: readonly MaterialSource[]): readonly MaterialSource[] {
  return sources.length > 1 && sources.some((s) => s.importedBefore) ? sources : [];
}

export function MaterialSourceChoice({
  sources,
  chosen,
  disabled,
  onChange,
}: {
  readonly sources: readonly MaterialSource[];
  /** The index of the chosen source in `sources`. */
  readonly chosen: number;
  readonly disabled: boolean;
  readonly onChange: (index: number) => void;
}) {
  const tr = useT();
  return (
    <RadioChoices
      legend={tr.t('params.sources.legend')}
      hint={tr.t('params.sources.hint')}
      name="material-source"
      choices={sources.map((_, i) => String(i))}
      value={String(chosen)}
      disabled={disabled}
      onChange={(choice) => onChange(Number(choice))}
      // Said as the refusal says it: the keys, and where their material comes from.
      label={(choice) => phraseText(tr, (sources[Number(choice)] as MaterialSource).phrase)}
    />
  );
}
