/**
 * A create step whose last attempt was refused for a reason that running it again as it was meets
 * again (an alias of the plan held by a key this ceremony did not create): `online status` says that
 * refusal and its way out instead of "the create step stopped part way, run it again" (a trial's
 * stray journal, whose create another ceremony's keys refused, was told to run the same create).
 */
import { z } from 'zod';
import type { JournalEntry } from '../../journal';
import { ONLINE_EVENTS, stepFailedData } from './events';

/** Refusals of a create that come back unchanged when the same create runs again. */
const RECURRING_CREATE_REFUSALS: ReadonlySet<string> = new Set(['KEY_ALIAS_TAKEN']);

const refusalData = stepFailedData.extend({ reason: z.string() });

/** The journaled refusal of the last create attempt, when no key was created since and it would recur. */
export function recurringCreateRefusal(entries: readonly JournalEntry[]):
  | {
      readonly seq: number;
      readonly code: string;
      readonly reason: string;
      readonly values: Readonly<Record<string, string | number>>;
    }
  | undefined {
  // The last create attempt's own outcome: a later plan (another alias), a create sent, or a key
  // created since means that refusal is no longer where the ceremony stands (a review's point).
  const last = entries.findLast(
    (e) =>
      e.event === ONLINE_EVENTS.keyCreated ||
      e.event === ONLINE_EVENTS.keysPlanned ||
      e.event === ONLINE_EVENTS.createSending ||
      (e.event === ONLINE_EVENTS.stepFailed && e.data.step === 'create-key'),
  );
  if (last?.event !== ONLINE_EVENTS.stepFailed) return undefined;
  const failed = refusalData.safeParse(last.data);
  if (!failed.success || !RECURRING_CREATE_REFUSALS.has(failed.data.code)) return undefined;
  const values = last.data.values;
  const plain =
    values !== null && typeof values === 'object' && !Array.isArray(values)
      ? Object.fromEntries(
          Object.entries(values).filter(
            (v): v is [string, string | number] => typeof v[1] === 'string' || typeof v[1] === 'number',
          ),
        )
      : {};
  return { seq: last.seq, code: failed.data.code, reason: failed.data.reason, values: plain };
}
