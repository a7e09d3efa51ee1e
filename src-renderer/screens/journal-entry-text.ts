/**
 * What the journal viewer says about an entry, in the screen's language: why it happened (as the
 * receipt says it: a phrase, a problem from its code and values, or an older entry's recorded
 * text) and the length of a string shortened for the screen. Plain TypeScript, so a test reads
 * the same text the screen shows.
 */
import type { JournalView } from '../../src-main/ipc/contract';
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

/** Everything the data cell says, as one text (for the filter). */
export function entryText(tr: Translator, e: EntryView): string {
  return [
    e.reason ? reasonText(tr, e.reason) : '',
    ...e.phrases.map((p) => `${p.field} ${phraseText(tr, p.phrase)}`),
    ...e.summary.map((part) => (typeof part === 'string' ? part : ` ${shortenedText(tr, part.characters)}`)),
  ].join(' ');
}
