/**
 * A journal entry's data as named, typed values, the one form in which the journal screen and the
 * receipts say an entry's fields in the reader's language (data-fields.ts reads them; the IPC
 * contract checks them with zod, ipc/schemas/records.ts). Types only: the renderer compiles it.
 *
 * A value is a moment (an ISO time or the epoch ms of an `…At` field, said as receipts say times),
 * hex (a digest, fingerprint, hash or KCV; shown grouped), a code (a string without spaces: ids,
 * codes, aliases, paths; shown as is), other text as written, a long string shortened with its
 * length, a catalogue phrase, nested fields or a list. Names are the journal's field names, labelled
 * from the catalogue (`journal.field`).
 */
export type DataValue =
  | { readonly text: string }
  | { readonly code: string }
  | { readonly hex: string }
  | { readonly moment: number }
  | { readonly number: number }
  | { readonly yes: boolean }
  | { readonly none: true }
  | { readonly shortened: string; readonly characters: number }
  | { readonly phrase: { readonly key: string; readonly values?: Readonly<Record<string, string | number>> } }
  | { readonly fields: readonly DataField[] }
  | { readonly items: readonly DataValue[] };
export interface DataField {
  readonly name: string;
  readonly value: DataValue;
}

/** Values of one entry at most (a hundred keys' plan is about 600); a longer list or object ends in "…". */
export const MAX_DATA_VALUES = 5000;
