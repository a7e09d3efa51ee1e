/**
 * What the online steps need from the ceremony that runs them: its journal-replayed state, the
 * KMS client, and a way to journal an event (applied to the state as it is appended).
 */
import path from 'node:path';
import { KeyferryError, toProblem } from '../../errors';
import { problemData, type Journal, type JournalEntry, type JsonObject } from '../../journal';
import { observeKmsRetries } from '../../kms/retry';
import type { KmsAction } from '../../kms/api-schemas';
import { ONLINE_EVENTS } from './events';
import type { OnlineKms } from './kms-calls';
import { applyOnlineEntry, type OnlineCeremonyState, type OnlineKeyState } from './state';
import type { ProgressListener } from '../shared/progress';
import { DEFAULT_KMS_CONCURRENCY } from './key-concurrency';
import type { OnlineCeremonyOptions } from './open-journal';

/**
 * The step a journaled KMS failure or retry names: the KMS action that failed (list-keys,
 * create-key, …), 'connect' for the list-keys that tests a connection, or
 * 'write-parameters-bundle' for the import-parameters bundle's folder (its check, its writing).
 */
type OnlineKmsStep = KmsAction | 'connect' | 'write-parameters-bundle';

export interface OnlineStepContext {
  readonly state: OnlineCeremonyState;
  /** The ceremony's own connection (primary keys). */
  readonly kms: OnlineKms;
  /** The connection a key's KMS calls go through: its replica region/project's, else the ceremony's own. */
  kmsFor(key: Pick<OnlineKeyState, 'keyId' | 'target'>): OnlineKms;
  /** The KMS region recorded in bundles, e.g. cn-north-4. */
  readonly region: string;
  /** The journal's file name, carried in the parameters bundle for the air-gapped side's hint. */
  readonly journalName: string;
  /** The journal's entries as they stand (read before a step's own entries are appended). */
  journalEntries(): readonly JournalEntry[];
  readonly now: () => Date;
  readonly onProgress: ProgressListener | undefined;
  /** How many keys' KMS calls may be in flight at once. */
  readonly concurrency: number;
  /** Appends `event` to the journal and applies it to `state`. */
  journal(event: string, data: JsonObject): Promise<void>;
  /**
   * Runs a KMS call; a failure is journaled (its problem: code, reason, values, and `named`: what the
   * call was about when it has no key id yet, e.g. a create's alias) and rethrown.
   */
  kmsCall<T>(step: OnlineKmsStep, keyId: string | null, run: () => Promise<T>, named?: JsonObject): Promise<T>;
}

/**
 * Runs `run`, journaling every retry of its KMS calls (kms.retried: the action, the attempt that
 * failed, its code, whether the API gateway throttled it, the wait) before the wait starts; on
 * failure appends a step-failed entry (the problem's code, reason and values, and `named`; best effort) and rethrows.
 * `appended` gets each entry written here, so the session's state follows its own journal (a failed
 * import's outcome unknown marks the key for the next attempt in the same session, online/state.ts).
 */
export async function journaledKmsCall<T>(
  journal: Journal,
  operator: string,
  step: OnlineKmsStep,
  keyId: string | null,
  run: () => Promise<T>,
  appended: (entry: JournalEntry) => void = () => undefined,
  named: JsonObject = {},
): Promise<T> {
  try {
    return await observeKmsRetries(async (retry) => {
      appended(await journal.append(operator, ONLINE_EVENTS.kmsRetried, { step, keyId, ...retry }));
    }, run);
  } catch (error) {
    const problem = toProblem(error);
    await journal
      // Code, English `reason` and values, like every other refusal (older journals named the text `message`).
      .append(operator, ONLINE_EVENTS.stepFailed, { step, keyId, ...named, ...problemData(problem) })
      .then(appended)
      .catch(() => undefined);
    throw error;
  }
}

/**
 * The context the steps of a ceremony with `options` run in, its `state` following the journal:
 * each entry a step journals is applied to it, then `settle` runs. `journaled` false: a look while
 * the journal cannot be written (workflow.ts lookWithoutJournal): nothing is appended, and the
 * state stays what the journal holds.
 */
export function onlineStepContext(
  options: OnlineCeremonyOptions,
  state: OnlineCeremonyState,
  session: {
    readonly kmsFor: OnlineStepContext['kmsFor'];
    readonly now: () => Date;
    readonly journaled: boolean;
    readonly settle: () => void;
  },
): OnlineStepContext {
  return {
    state,
    kms: options.kms,
    kmsFor: session.kmsFor,
    region: options.region,
    journalName: path.basename(options.journal.path),
    journalEntries: () => options.journal.entries,
    now: session.now,
    onProgress: options.onProgress,
    concurrency: options.concurrency ?? DEFAULT_KMS_CONCURRENCY,
    journal: session.journaled
      ? async (event, data) => {
          applyOnlineEntry(state, await options.journal.append(state.operator, event, data));
          session.settle();
        }
      : async () => undefined,
    kmsCall: session.journaled ? journalingKmsCall(options.journal, state) : (_step, _keyId, run) => run(),
  };
}

/** The `kmsCall` of a ceremony whose `state` follows `journal`: each entry it writes is applied to that state. */
function journalingKmsCall(journal: Journal, state: OnlineCeremonyState): OnlineStepContext['kmsCall'] {
  return (step, keyId, run, named) =>
    journaledKmsCall(journal, state.operator, step, keyId, run, (entry) => applyOnlineEntry(state, entry), named);
}

/**
 * Refuses a step after the journal is open, before its KMS call (a key id, an expiry or an
 * acknowledgement the person gave that does not hold): journaled like a failed KMS call
 * (step.failed: the step, the key, the problem's code and values), then thrown.
 */
export async function refuseStep(
  ctx: Pick<OnlineStepContext, 'kmsCall'>,
  step: OnlineKmsStep,
  keyId: string | null,
  refusal: KeyferryError,
): Promise<never> {
  return ctx.kmsCall(step, keyId, () => Promise.reject(refusal));
}

/**
 * Runs the checks made before a step's KMS call: a refusal they throw (a KeyferryError: the
 * person's choice does not hold) is journaled as the step's failure (refuseStep), then thrown.
 */
export async function refusingStep<T>(
  ctx: Pick<OnlineStepContext, 'kmsCall'>,
  step: OnlineKmsStep,
  checks: () => Promise<T>,
): Promise<T> {
  try {
    return await checks();
  } catch (error) {
    if (error instanceof KeyferryError) await refuseStep(ctx, step, null, error);
    throw error;
  }
}
