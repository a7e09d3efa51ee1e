/**
 * The material expiry an earlier `online import` was given (--expires) for keys it did not reach,
 * as its `import.expiry-chosen` entry records it: the next run of that import gives the same one,
 * exactly. Status names it only when the journal shows it was given (a trial's status said "if the
 * first run gave --expires" of a journal that shows none).
 */
import { z } from 'zod';
import type { JournalEntry } from '../../journal';
import { ONLINE_EVENTS, wrappedCheckedData } from './events';

const expiryChosenData = z.object({
  keys: z.array(z.object({ keyId: z.string(), effective: z.string(), source: z.string() }).loose()),
});

/**
 * The expiry (ISO UTC time, or "never") the last import of `keyIds` that chose one gave them by
 * --expires; null when none was given. Only imports of the bundle last checked for them count (its
 * runs before and after a stop): one of an earlier bundle (another round, before a lapse, say) is not
 * what the stopped import gave.
 */
export function givenExpiryOf(entries: readonly JournalEntry[], keyIds: readonly string[]): string | null {
  // The bundle last checked for these keys as of each entry, and --expires given after each check of it.
  let bundle: string | undefined;
  const given = new Map<string | undefined, string>();
  for (const entry of entries) {
    const checked =
      entry.event === ONLINE_EVENTS.wrappedChecked ? wrappedCheckedData.safeParse(entry.data).data : undefined;
    if (checked?.keys.some((k) => keyIds.includes(k.keyId))) bundle = checked.manifestSha256;
    if (entry.event !== ONLINE_EVENTS.expiryChosen) continue;
    const chosen = expiryChosenData.safeParse(entry.data);
    const override = chosen.data?.keys.find((k) => k.source === 'override' && keyIds.includes(k.keyId));
    if (override) given.set(bundle, override.effective);
  }
  return given.get(bundle) ?? null;
}
