/**
 * A sentence kept as a catalogue key and its values (in a journal, over IPC, in a receipt) and
 * rendered in the reader's language only when shown, so one journal prints in either language.
 * Journals written before a sentence became a phrase hold its English text: `phraseText` shows
 * such a string as it was written.
 */
import { z } from 'zod';
import { isMessageKey, type MessageKey, type PlainValues, type ValuesArg } from './catalogue';
import type { Translator } from './translate';
import { phraseShape } from './phrase-shape';

// A type, not an interface, so a phrase is a JSON object to the journal.
export type Phrase<K extends MessageKey = MessageKey> = {
  readonly key: K;
  readonly values?: PlainValues;
};

/** A phrase as it crosses a trust boundary (journal entry, IPC): a known key, plain values. */
export const phraseSchema = phraseShape(
  z.custom<MessageKey>((v) => typeof v === 'string' && isMessageKey(v), 'not a catalogue key'),
);

/** A phrase, or the English sentence an older format recorded in its place. */
export const phraseOrSentenceSchema = z.union([z.string(), phraseSchema]);
export type PhraseOrSentence = string | Phrase;

/** A phrase as IPC carries it: its shape checked, its key not (the contract is zod-only). */
type LoosePhrase = { readonly key: string; readonly values?: PlainValues | undefined };

/** `p` in the translator's language (an older format's sentence, or a key the catalogue lacks, as it is). */
export function phraseText(t: Pick<Translator, 'message'>, p: string | LoosePhrase): string {
  if (typeof p === 'string') return p;
  return isMessageKey(p.key) ? t.message({ key: p.key, values: p.values }) : p.key;
}

/** A phrase of `key` with exactly the values its English text names (type-checked). */
export function phraseOf<K extends MessageKey>(key: K, ...values: ValuesArg<K>): Phrase<K> {
  const given = values[0] as PlainValues | undefined;
  return given === undefined ? { key } : { key, values: given };
}

/** A phrase as a problem value (a value named `…Phrase`; the translator renders it in place). */
export function phraseValue(p: LoosePhrase): string {
  return JSON.stringify(p.values === undefined ? { key: p.key } : { key: p.key, values: p.values });
}

/** Phrases as one problem value (a value named `…Phrases`; rendered in place, joined as the language lists clauses). */
export function phrasesValue(phrases: readonly LoosePhrase[]): string {
  return JSON.stringify(
    phrases.map((p) => (p.values === undefined ? { key: p.key } : { key: p.key, values: p.values })),
  );
}
