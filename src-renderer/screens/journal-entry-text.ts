/**
 * What the journal viewer says about an entry, in the screen's language: why it happened (as the
 * receipt says it: a phrase, a problem from its code and values, or an older entry's recorded
 * text) and each field of its data, labelled from the catalogue, moments as receipts print them,
 * hex in groups of four, codes and ids as written. Plain TypeScript, so a test reads the same text
 * the screen shows.
 */
import type { JournalView } from '../../src-main/ipc/contract';
import { fieldsText } from '../../src-main/i18n/data-fields';
import { phraseText } from '../../src-main/i18n/phrase';
import type { Translator } from '../../src-main/i18n/translate';

/** How a field of an entry is said: the one copy, shared with the receipts' Deviations. */
export {
  fieldLabel,
  fieldsText,
  isPlainList,
  scalarText,
  shortenedText,
  valueText,
} from '../../src-main/i18n/data-fields';

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

/** Everything the data cell says, as one text (for the filter). */
export function entryText(tr: Translator, e: EntryView): string {
  return [e.reason ? reasonText(tr, e.reason) : '', fieldsText(tr, e.fields)].filter((part) => part !== '').join(' ');
}
