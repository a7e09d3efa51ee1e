/**
 * What the journal viewer says about an entry, in the screen's language: why it happened (as the
 * receipt says it: a phrase, a problem from its code and values, or an older entry's recorded
 * text) and each field of its data, labelled from the catalogue, moments as receipts print them,
 * hex in groups of four, codes and ids as written. Plain TypeScript, so a test reads the same text
 * the screen shows.
 */
import { groupHex, type DataField, type DataValue, type JournalView } from '../../src-main/ipc/contract';
import { momentText } from '../../src-main/i18n/moment';
import { phraseText } from '../../src-main/i18n/phrase';
import type { Translator } from '../../src-main/i18n/translate';

export type EntryView = JournalView['entries'][number];

/** Why an entry happened, in the screen's language, as the receipt says it. */
export function reasonText(tr: Translator, reason: NonNullable<EntryView['reason']>): string {
  if ('phrase' in reason) return phraseText(tr, reason.phrase);
  if ('problem' in reason) {
    const { code, values, recorded } = reason.problem;
    return tr.problem({ code, values, message: recorded, nextStep: '' }).message;
  }
  return tr.t('journal.recorded', { text: reason.recorded });
}

/** A shortened string's length, in the screen's language. */
export const shortenedText = (tr: Translator, characters: number) => tr.t('journal.shortened', { count: characters });

/** A field's label: the catalogue's, or its journal name (a code) when the catalogue has none. */
export function fieldLabel(tr: Translator, name: string): { text: string; known: boolean } {
  const text = tr.t('journal.field', { name });
  return { text, known: text !== name };
}

/** A value that is not fields or a list, in the screen's language. */
export function scalarText(tr: Translator, value: DataValue): string {
  if ('text' in value) return value.text;
  if ('code' in value) return value.code;
  if ('hex' in value) return groupHex(value.hex);
  if ('moment' in value) return momentText(tr.locale, value.moment);
  if ('number' in value) return tr.t('journal.value.number', { n: value.number });
  if ('yes' in value) return tr.t('journal.value.yes', { yes: String(value.yes) });
  if ('none' in value) return tr.t('journal.value.none');
  if ('shortened' in value) return `${value.shortened}… ${shortenedText(tr, value.characters)}`;
  if ('phrase' in value) return phraseText(tr, value.phrase);
  return '';
}

/** True for a list of plain values, said on one line joined as the language lists things. */
export const isPlainList = (items: readonly DataValue[]) => items.every((v) => !('fields' in v) && !('items' in v));

/** A value as one text (nested fields as "label: value", separated as a list). */
export function valueText(tr: Translator, value: DataValue): string {
  if ('fields' in value) return fieldsText(tr, value.fields);
  if ('items' in value) return value.items.map((v) => valueText(tr, v)).join(tr.t('list.separator'));
  return scalarText(tr, value);
}

/** Fields as one text: "label: value" each. */
export function fieldsText(tr: Translator, fields: readonly DataField[]): string {
  return fields
    .map((f) => tr.t('journal.field.pair', { label: fieldLabel(tr, f.name).text, value: valueText(tr, f.value) }))
    .join(tr.t('list.separator'));
}

/** Everything the data cell says, as one text (for the filter). */
export function entryText(tr: Translator, e: EntryView): string {
  return [e.reason ? reasonText(tr, e.reason) : '', fieldsText(tr, e.fields)].filter((part) => part !== '').join(' ');
}
