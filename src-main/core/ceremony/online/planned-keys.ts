/**
 * The plan's keys against the journal and the KMS. A create step can stop part way (Ctrl-C, a lost
 * connection, a KMS refusal): the journal then holds some of the plan's keys, and the KMS may hold
 * one more whose answer never reached the journal. Running the step again with the same plan
 * creates only what is missing, and takes such a key back (same alias, created since its create was
 * sent, external, Pending import, same spec, usage and description) instead of creating a second one
 * or stopping at "alias taken". The plan is journaled (keys.planned) so no later step runs with part
 * of it (state.ts keeps the ceremony at 'new' until every planned key exists). Each create is
 * journaled as sent (key.create-sending) before it goes out, and only a key whose create THIS journal
 * sent and did not record can be taken back: a new journal, or another team creating the same alias
 * while this ceremony was stopped, meets "alias taken", never another ceremony's key.
 */
import { KeyferryError } from '../../errors';
import { isAsymmetric } from '../../crypto/key-spec';
import { KeyState, type KmsKeyInfo } from '../../kms/types';
import type { PlannedKey, ReplicaTarget } from '../shared/ceremony-plan';
import { expiryText } from '../shared/planned-expiry';
import { peopleDifference } from '../shared/people-difference';
import { listValue } from '../../../i18n/list';
import type { OnlineCeremonyState, OnlineKeyState } from './state';

/** A planned key as journaled in keys.planned (no description: the KMS holds it, and key.created records it). */
type PlannedKeyRecord = {
  alias: string;
  spec: PlannedKey['spec'];
  usage: PlannedKey['usage'];
  replicas: { region: string; projectId: string }[];
};

export function plannedKeyRecords(planned: readonly PlannedKey[]): PlannedKeyRecord[] {
  return planned.map((k) => ({
    alias: k.alias,
    spec: k.spec,
    usage: k.usage,
    replicas: (k.replicas ?? []).map(({ region, projectId }) => ({ region, projectId })),
  }));
}

/** The material expiry planned for AES key `key`: its own, else the plan's (`planExpiry`: 'never' or ISO). */
export function plannedKeyExpiry(key: Pick<PlannedKey, 'materialExpiry'>, planExpiry: string): string {
  return key.materialExpiry ? expiryText(key.materialExpiry) : planExpiry;
}

/** Slack for an expiry resolved again on a later run (a plan's "90d" counts from each run's now). */
const RESOLVE_SLACK_MS = 60_000;

/** True when `given` is `journaled` ('never' or ISO): the same moment, or the same duration counted again up to `elapsedMs` later. */
function sameExpiry(journaled: string, given: string, elapsedMs: number): boolean {
  if (journaled === 'never' || given === 'never') return journaled === given;
  const later = Date.parse(given) - Date.parse(journaled);
  return later >= -RESOLVE_SLACK_MS && later <= elapsedMs + RESOLVE_SLACK_MS;
}

/** The operator or witnesses `start` names where they are not the journal's (witnesses in any order), else undefined. */
function peopleDifferFromJournal(
  state: OnlineCeremonyState,
  start: { readonly operator: string; readonly witnesses: readonly string[] },
): KeyferryError | undefined {
  const difference = peopleDifference(state, start);
  return difference
    ? new KeyferryError('PEOPLE_DIFFER_FROM_JOURNAL', {
        role: difference.role,
        journaledList: listValue(difference.recorded),
        givenList: listValue(difference.given),
      })
    : undefined;
}

/**
 * A create step run again (after a stop) with other ceremony facts than the journal's: the
 * operator or witnesses, the title, the wrapping algorithm, the plan's material expiry or a created
 * AES key's own. The journal's facts stay (a later step and the receipts read them), so the
 * difference is refused naming both values rather than ignored; undefined when the run agrees with
 * the journal. Other people are refused, not journaled as a hand-over: every entry of the journal
 * is made in its operator's name and its receipts ask its operator and witnesses to sign, so a run
 * by someone else would be recorded as theirs (DESIGN.md rule 7: nobody acts for another).
 */
export function startDifference(
  state: OnlineCeremonyState,
  start: {
    readonly title: string;
    readonly operator: string;
    readonly witnesses: readonly string[];
    readonly wrappingAlgorithm: string;
    readonly materialExpiry: string;
  },
  planned: readonly PlannedKey[],
  now: Date,
): KeyferryError | undefined {
  // An expiry is also given as a moment (epoch ms; 0 for never or a title), so each language prints it as it writes dates.
  const moment = (value: string) => Date.parse(value) || 0;
  const differs = (field: string, journaled: string, given: string, alias = 'none') =>
    new KeyferryError('START_DIFFERS_FROM_JOURNAL', {
      field,
      alias,
      journaled,
      given,
      journaledAt: moment(journaled),
      givenAt: moment(given),
    });
  const people = peopleDifferFromJournal(state, start);
  if (people) return people;
  if (start.title !== state.title) return differs('title', state.title, start.title);
  if (start.wrappingAlgorithm !== state.wrappingAlgorithm)
    return differs('wrappingAlgorithm', state.wrappingAlgorithm, start.wrappingAlgorithm);
  const elapsed = now.getTime() - state.startedAt.getTime();
  if (!sameExpiry(state.expiry, start.materialExpiry, elapsed))
    return differs('materialExpiry', state.expiry, start.materialExpiry);
  for (const key of state.keys.values()) {
    const plan = planned.find((p) => p.alias === key.alias);
    if (!plan || key.replicaOf !== undefined || isAsymmetric(key.spec)) continue;
    const journaled = key.plannedExpiry ?? state.expiry;
    const given = plannedKeyExpiry(plan, start.materialExpiry);
    if (!sameExpiry(journaled, given, elapsed)) return differs('materialExpiry', journaled, given, key.alias);
  }
  return undefined;
}

/** The journaled primary of `alias` (a key alone or a group's primary). */
export function journaledPrimary(state: OnlineCeremonyState, alias: string): OnlineKeyState | undefined {
  return [...state.keys.values()].find((k) => k.alias === alias && k.replicaOf === undefined);
}

/** The journaled replica of `primaryKeyId` in `target`'s region and project. */
export function journaledReplica(
  state: OnlineCeremonyState,
  primaryKeyId: string,
  target: ReplicaTarget,
): OnlineKeyState | undefined {
  return [...state.keys.values()].find(
    (k) =>
      k.replicaOf === primaryKeyId && k.target?.region === target.region && k.target.projectId === target.projectId,
  );
}

/** A key of the journaled plan not created yet: its alias, and for a replica the region and project it goes to. */
export interface PlannedKeyNotCreated {
  readonly alias: string;
  readonly replicaIn: ReplicaTarget | null;
}

/** The keys of the journaled plan (primaries and replicas) the journal does not hold yet, in plan order (none without a journaled plan). */
export function plannedKeysNotCreated(state: OnlineCeremonyState): PlannedKeyNotCreated[] {
  const missing: PlannedKeyNotCreated[] = [];
  for (const key of state.plannedKeys ?? []) {
    const primary = journaledPrimary(state, key.alias);
    if (!primary) missing.push({ alias: key.alias, replicaIn: null });
    for (const target of key.replicas)
      if (!primary || !journaledReplica(state, primary.keyId, target))
        missing.push({ alias: key.alias, replicaIn: target });
  }
  return missing;
}

/** How many keys of the journaled plan (primaries and replicas) the journal does not hold yet (0 without a journaled plan). */
export function plannedKeysMissing(state: OnlineCeremonyState): number {
  return plannedKeysNotCreated(state).length;
}

/**
 * Refuses a plan that leaves out a key the ceremony already created, or gives it another spec or
 * usage: the ceremony's keys are the journal's, and a later step would carry a key the plan no longer names.
 */
export function refusePlanWithoutCreatedKeys(state: OnlineCeremonyState, planned: readonly PlannedKey[]): void {
  for (const key of state.keys.values()) {
    const inPlan = planned.find((p) => p.alias === key.alias);
    const placed =
      inPlan &&
      (key.target === undefined ||
        (inPlan.replicas ?? []).some((t) => t.region === key.target?.region && t.projectId === key.target.projectId));
    if (!inPlan || !placed || inPlan.spec !== key.spec || inPlan.usage !== key.usage) {
      throw new KeyferryError('PLAN_DROPS_CREATED_KEY', {
        alias: key.alias,
        keyId: key.keyId,
        spec: key.spec,
        usage: key.usage,
        region: key.target?.region ?? 'none',
      });
    }
  }
}

/**
 * The step guard's `require` for the create step. Once the ceremony is past its keys (its
 * parameters fetched, or later) the step is refused whatever the plan, but a plan that lists keys
 * the journal does not hold (one added, or an alias renamed) is first refused for that, or the
 * officer goes on believing those keys are part of the ceremony: PLAN_ADDS_KEYS_TOO_LATE naming
 * the keys it adds (a renamed alias too), else PLAN_DROPS_CREATED_KEY for a key it leaves out or changes.
 * Any other refusal of the guard (CEREMONY_STOPPED) is thrown as it is, whatever the plan.
 */
export function requireCreateStep(
  require: () => void,
  state: OnlineCeremonyState,
  planned: readonly PlannedKey[],
  planTitle?: string,
): void {
  try {
    require();
  } catch (error) {
    // Only a step out of order is the moment to say the plan differs; any other refusal (a stopped session) stands.
    if (error instanceof KeyferryError && error.code === 'CEREMONY_STEP_OUT_OF_ORDER')
      refusePlanChangedTooLate(state, planned, planTitle);
    throw error;
  }
}

function refusePlanChangedTooLate(
  state: OnlineCeremonyState,
  planned: readonly PlannedKey[],
  planTitle?: string,
): void {
  // Another title and none of its keys here: the plan of another ceremony (two run the same day), not keys added late.
  const ownAliases = new Set([...state.keys.values()].map((k) => k.alias));
  if (planTitle !== undefined && planTitle !== state.title && !planned.some((k) => ownAliases.has(k.alias)))
    throw new KeyferryError('PLAN_OF_ANOTHER_CEREMONY', {
      planTitle,
      title: state.title,
      ceremonyId: state.ceremonyId,
      aliasList: listValue(planned.map((k) => k.alias)),
    });
  const added: string[] = [];
  for (const key of planned) {
    const primary = journaledPrimary(state, key.alias);
    if (!primary) added.push(key.alias);
    else
      for (const target of key.replicas ?? [])
        if (!journaledReplica(state, primary.keyId, target)) added.push(`${key.alias} (${target.region})`);
  }
  if (added.length > 0)
    throw new KeyferryError('PLAN_ADDS_KEYS_TOO_LATE', {
      count: added.length,
      aliasList: listValue(added),
      created: state.keys.size,
      // Only created so far, or parameters fetched since (a re-trial read "later steps begun" of neither).
      later: [...state.keys.values()].some((k) => k.issued.length > 0) ? 'yes' : 'no',
    });
  refusePlanWithoutCreatedKeys(state, planned);
}

/** The create step's refusals of the plan given (journaled as the step's failure by the workflow). */
export const PLAN_REFUSALS: ReadonlySet<string> = new Set([
  'PLAN_OF_ANOTHER_CEREMONY',
  'PLAN_ADDS_KEYS_TOO_LATE',
  'PLAN_DROPS_CREATED_KEY',
]);

/** Clock difference allowed between this computer and the KMS when telling keys created since a create was sent. */
const CLOCK_SKEW_MS = 15 * 60_000;

/** Where a create goes, as key.create-sending records it: the alias, and a replica's region and project. */
export function createTarget(
  alias: string,
  target: { region?: string | undefined; projectId?: string | undefined },
): string {
  return target.region === undefined ? alias : `${alias}@${target.region}/${target.projectId ?? ''}`;
}

/** What the KMS holds under a planned alias: nothing, the key a stopped attempt created (`found`), or another's (`taken`). */
type UnderAlias = { readonly found?: KmsKeyInfo; readonly taken?: KmsKeyInfo };

/**
 * The KMS's key under `alias` (from `listed`, one list-keys of the connection the key belongs to):
 * none; the key itself when the stopped attempt created it (`found`, taken back); `taken` when the
 * alias belongs to a key this ceremony cannot have created: no create of it is journaled as sent and
 * unrecorded (`sentAt` undefined), or created before it was sent, or not as this ceremony creates keys.
 */
export function keyUnderAlias(
  listed: readonly KmsKeyInfo[],
  key: Pick<PlannedKey, 'alias' | 'spec' | 'usage' | 'description'>,
  sentAt: Date | undefined,
): UnderAlias {
  const found = listed.find((k) => k.alias === key.alias);
  if (!found) return {};
  const ours =
    sentAt !== undefined &&
    found.origin === 'external' &&
    (found.description === undefined || found.description === key.description) &&
    found.state === KeyState.PendingImport &&
    found.spec === key.spec &&
    (found.usage === undefined || found.usage === key.usage) &&
    found.createdAt !== undefined &&
    found.createdAt.getTime() >= sentAt.getTime() - CLOCK_SKEW_MS;
  return ours ? { found } : { taken: found };
}

/** KEY_ALIAS_TAKEN for the plan's aliases other keys hold (at least one): the first in full, and how many more, by alias. */
export function aliasesTaken(taken: readonly [KmsKeyInfo, ...KmsKeyInfo[]]): KeyferryError {
  const [first, ...others] = taken;
  return new KeyferryError('KEY_ALIAS_TAKEN', {
    alias: first.alias ?? '',
    keyId: first.keyId,
    state: String(first.state),
    origin: first.origin ?? '-',
    created: first.createdAt?.getTime() ?? 0,
    more: others.length,
    moreList: listValue(others.map((k) => k.alias ?? '')),
  });
}
