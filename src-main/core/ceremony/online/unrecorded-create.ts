/**
 * A create run again after a send of it whose answer the journal never recorded (the process killed
 * or the power cut after key.create-sending, or a journal that could not record the answer): the
 * key found under its alias is journaled as that send's key, and a key not there is created again as
 * a retry of that send, each naming the send's entry and that of the `ceremony.session-unrecorded`
 * a later session journaled for it (unrecorded-session.ts), so the journal ties the two together.
 */
import type { z } from 'zod';
import type { JournalEntry, JsonObject } from '../../journal';
import { KeyferryError } from '../../errors';
import { KeyState, type KmsKeyInfo } from '../../kms/types';
import type { PlannedKey } from '../shared/ceremony-plan';
import {
  ONLINE_EVENTS,
  createPlaceData,
  createSendingData,
  leftAloneUnderDroppedAliasData,
  sessionUnrecordedData,
} from './events';
import { createTarget } from './planned-keys';
import { createAnswered } from './unrecorded-session';
import { refuseStep, type OnlineStepContext } from './step-context';

/** An unanswered send of a create: its entry, and the entry of the trace that named it (absent: none did yet). */
type UnrecordedCreate = { readonly seq: number; readonly unrecordedSeq?: number };

/**
 * The last send of a create to `target` (createTarget) with neither its key.created nor a failure of
 * it naming the alias after it: its entry, and the entry of the trace that named it (absent: none
 * did yet). Undefined when no such send is on record. Read before this attempt's own entries.
 */
export function unrecordedCreateOf(entries: readonly JournalEntry[], target: string): UnrecordedCreate | undefined {
  const sending = entries.findLast((e) => {
    if (e.event !== ONLINE_EVENTS.createSending) return false;
    const place = createPlaceData.safeParse(e.data);
    return place.success && createTarget(place.data.alias, place.data) === target;
  });
  if (!sending) return undefined;
  const after = entries.filter((e) => e.seq > sending.seq);
  if (after.some((e) => createAnswered(e) === target)) return undefined;
  const trace = after.find((e) =>
    sessionUnrecordedData.safeParse(e.data).data?.creates?.some((c) => c.seq === sending.seq),
  );
  return { seq: sending.seq, ...(trace ? { unrecordedSeq: trace.seq } : {}) };
}

/** What a create sent again after `unanswered` (none: a first send) journals with its key.create-sending. */
export function createRetryData(unanswered: UnrecordedCreate | undefined): JsonObject {
  if (!unanswered) return {};
  const { seq, unrecordedSeq } = unanswered;
  return { retryOfSeq: seq, ...(unrecordedSeq !== undefined ? { unrecordedSeq } : {}) };
}

type CreatePlace = z.infer<typeof createPlaceData>;
type LeftAlone = z.infer<typeof leftAloneUnderDroppedAliasData>;
/** A create's place, with the spec and usage its send asked for (absent: a journal that did not record them). */
type CreateSent = z.infer<typeof createSendingData>;

/** The creates sent and never answered that `planned` leaves out (its aliases and replicas by createTarget): each send's place and entry. */
function unansweredCreatesLeftOut(
  entries: readonly JournalEntry[],
  planned: readonly PlannedKey[],
): { readonly place: CreateSent; readonly seq: number }[] {
  const kept = new Set(
    planned.flatMap((k) => [createTarget(k.alias, {}), ...(k.replicas ?? []).map((t) => createTarget(k.alias, t))]),
  );
  const left = new Map<string, CreateSent>();
  for (const entry of entries) {
    const place =
      entry.event === ONLINE_EVENTS.createSending ? createSendingData.safeParse(entry.data).data : undefined;
    if (place && !kept.has(createTarget(place.alias, place))) left.set(createTarget(place.alias, place), place);
  }
  return [...left].flatMap(([target, place]) => {
    const unanswered = unrecordedCreateOf(entries, target);
    return unanswered ? [{ place, seq: unanswered.seq }] : [];
  });
}

/** The key the KMS holds under the alias of `place` (not scheduled for deletion); 'unknown': its region is not connected. */
async function keyUnderDroppedAlias(
  ctx: OnlineStepContext,
  place: CreatePlace,
): Promise<KmsKeyInfo | 'unknown' | undefined> {
  const target =
    place.region === undefined ? {} : { target: { region: place.region, projectId: place.projectId ?? '' } };
  let kms: ReturnType<OnlineStepContext['kmsFor']>;
  try {
    kms = ctx.kmsFor({ keyId: '', ...target });
  } catch (error) {
    if (error instanceof KeyferryError && error.code === 'REPLICA_NOT_CONNECTED') return 'unknown';
    throw error;
  }
  const listed = await ctx.kmsCall('list-keys', null, () => kms.listKeys());
  return listed.find((k) => k.alias === place.alias && k.state !== KeyState.PendingDeletion);
}

/** What key.left-alone-under-dropped-alias records: the send (its place, entry, spec and usage) and the key seen instead. */
function leftAloneData(sent: CreateSent, seq: number, found: KmsKeyInfo): LeftAlone {
  return {
    alias: sent.alias,
    ...(sent.region !== undefined ? { region: sent.region, projectId: sent.projectId ?? '' } : {}),
    sentSeq: seq,
    ...(sent.spec !== undefined ? { sentSpec: sent.spec } : {}),
    ...(sent.usage !== undefined ? { sentUsage: sent.usage } : {}),
    keyId: found.keyId,
    spec: found.spec ?? 'unknown',
    usage: found.usage ?? 'unknown',
  };
}

/**
 * Whether `found` can be the key the create `sent` made: the spec and usage the send recorded, where
 * it recorded them (older journals did not: any key under the alias may be it) and the KMS says them.
 */
function couldBeSentKey(found: KmsKeyInfo, sent: CreateSent): boolean {
  const differs = (asked: string | undefined, held: string | undefined) =>
    asked !== undefined && held !== undefined && asked !== held;
  return !differs(sent.spec, found.spec) && !differs(sent.usage, found.usage);
}

/**
 * Refuses (journaled) a plan that leaves out the alias (or replica) of a create this journal sent and
 * never recorded an answer to, when the KMS holds a key under that alias (that create took effect),
 * or cannot be asked: the key would stay in the KMS, part of no ceremony. The KMS holding none, or
 * only a key of another spec or usage than the send recorded (somebody else's), the create never
 * took effect and the plan may leave it out; such a key is journaled as seen and left alone
 * (key.left-alone-under-dropped-alias), a warning each surface says.
 */
export async function refusePlanDroppingUnansweredCreate(
  ctx: OnlineStepContext,
  planned: readonly PlannedKey[],
): Promise<void> {
  for (const { place, seq } of unansweredCreatesLeftOut(ctx.journalEntries(), planned)) {
    const found = await keyUnderDroppedAlias(ctx, place);
    if (found === undefined) continue;
    // A key of another spec or usage under the alias is not that create's: the create never took effect.
    if (found !== 'unknown' && !couldBeSentKey(found, place)) {
      await ctx.journal(ONLINE_EVENTS.leftAloneUnderDroppedAlias, leftAloneData(place, seq, found));
      continue;
    }
    const refusal = new KeyferryError('PLAN_DROPS_UNANSWERED_CREATE', {
      alias: place.alias,
      region: place.region ?? 'none',
      seq,
      found: found === 'unknown' ? 'unknown' : 'yes',
      keyId: found === 'unknown' ? '' : found.keyId,
    });
    await refuseStep(ctx, 'create-key', null, refusal);
  }
}
