/**
 * One form row named by one catalogue key: the label is the key's text and the hint its `.hint`
 * text, as most screens' rows are written. With `purpose` (and the screen's `section`) it is a path
 * field (Browse, removable media); without, a text field.
 */
import type { PathPurpose } from '../../src-main/ipc/contract';
import { PathField, TextField } from './Fields';
import { useT, type PlainKey } from '../i18n';
/** A plain key that has a plain `.hint` beside it. */
type HintedKey = { [K in PlainKey]: `${K}.hint` extends PlainKey ? K : never }[PlainKey];

/** The row's words: a key with its `.hint`, or a key and a hint the screen chooses. */
type RowText = { text: HintedKey; hint?: undefined } | { text: PlainKey; hint: string };
/** A path row (purpose and the screen's section for its busy line) or a text row. */
type RowKind =
  | { purpose: PathPurpose; section: string; type?: undefined }
  | { purpose?: undefined; section?: undefined; type?: 'text' | 'password'; mono?: boolean };

export type FieldRowProps = RowText & RowKind & { value: string; onChange: (value: string) => void };

export function FieldRow(props: FieldRowProps) {
  const { message } = useT();
  const label = message({ key: props.text });
  const hint = props.hint ?? message({ key: `${props.text}.hint` as `${HintedKey}.hint` });
  const field = { label, hint, value: props.value, onChange: props.onChange };
  if (props.purpose !== undefined) return <PathField {...field} purpose={props.purpose} section={props.section} />;
  return <TextField {...field} type={props.type} mono={props.mono} />;
}
