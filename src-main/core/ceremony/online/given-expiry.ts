/**
 * The material expiry an earlier `online import` was given (--expires) for keys it did not reach,
 * as its `import.expiry-chosen` entry records it: the next run of that import gives the same one,
 * exactly. Status names it only when the journal shows it was given (a trial's status said "if the
 * first run gave --expires" of a journal that shows none).
 */
import { z } from 'zod';
import type { JournalEntry } from '../../journal';
import { ONLINE_EVENTS } from './events';

const expiryChosenData = z.object({
  keys: z.array(z.object({ keyId: z.string(), effective: z.string(), source: z.string() }).loose()),
});

/**
 * The expiry (ISO UTC time, or "never") the last import that chose one gave `keyIds` by --expires;
 * null when no import was given --expires for them.
 */
export function givenExpiryOf(entries: readonly JournalEntry[], keyIds: readonly string[]): string | null {
  for (const entry of [...entries].reverse()) {
    if (entry.event !== ONLINE_EVENTS.expiryChosen) continue;
    const chosen = expiryChosenData.safeParse(entry.data);
    const given = chosen.data?.keys.find((k) => k.source === 'override' && keyIds.includes(k.keyId));
    if (given) return given.effective;
  }
  return null;
}
