/**
 * A journal event in the reader's words. The journal names events in its own language-neutral
 * notation (`warning.network-allowed`); where a receipt names one, it prints the event's label
 * from the catalogue (`journal.event.<name>`, in English and Chinese). An event this version has
 * no label for (a journal a later Keyferry wrote) is printed as "event <name>".
 */
import { isMessageKey } from './catalogue';
import type { Phrase } from './phrase';

/** The phrase that names `event`: its label, or the unnamed-event phrase holding the name. */
export function journalEventPhrase(event: string): Phrase {
  const key = `journal.event.${event}`;
  return isMessageKey(key) ? { key } : { key: 'journal.event.unnamed', values: { event } };
}
