/**
 * Which keys a fetch of import parameters is for, before anything is fetched: every key waiting for
 * material, or those the officer chose (`online params --key-id`, the app's choice). A choice is
 * journaled (parameters.keys-chosen), as is the return to every key waiting after one, so the
 * round a later session writes, checks and imports is the one fetched (parameters-round.ts). A
 * round whose keys take their material from different places is refused here, with nothing
 * fetched (material-sources.ts), as is a choice leaving out a key that never had parameters or
 * part of a replica group whose other members wait too.
 */
import { namedKeysValue } from '../shared/named-keys';
import { KeyferryError } from '../../errors';
import type { WrappingAlgorithm } from '../../crypto/key-spec';
import { ONLINE_EVENTS } from './events';
import { listValue } from '../../../i18n/list';
import { phrasesValue, phraseValue } from '../../../i18n/phrase';
import { namedKeyPhrase } from './named-key-phrase';
import { refuseMixedMaterialSources, type ParametersSurface } from './material-sources';
import { keysWaiting, holdsImportedMaterial, type OnlineCeremonyState, type OnlineKeyState } from './state';
import type { OnlineStepContext } from './step-context';

export interface FetchParametersOptions {
  /** Ask for this wrapping algorithm from now on instead of the plan's (journaled). */
  readonly wrappingAlgorithm?: WrappingAlgorithm;
  /** Fetch for these keys only (each waiting for material); absent: every key waiting. */
  readonly keyIds?: readonly string[];
  readonly surface?: ParametersSurface;
}

/** Each chosen key id, refused unless it names a key of the ceremony waiting for material. */
function chosenKeys(keyIds: readonly string[], keys: ReadonlyMap<string, OnlineKeyState>): OnlineKeyState[] {
  const waiting = keysWaiting(keys);
  return [...new Set(keyIds)].map((keyId) => {
    const key = keys.get(keyId);
    if (key && !holdsImportedMaterial(key)) return key;
    // An alias typed for a key id (a replica group's members share theirs): named with its keys.
    const aliased = key ? [] : [...keys.values()].filter((k) => k.alias === keyId);
    throw new KeyferryError('PARAMETERS_KEY_NOT_WAITING', {
      keyId,
      reason: key ? 'holdsMaterial' : aliased.length > 0 ? 'alias' : 'unknown',
      aliasKeysList: namedKeysValue(aliased),
      count: waiting.length,
      keysList: namedKeysValue(waiting),
    });
  });
}

/**
 * Refuses a round holding part of a replica group, none of whose members was ever imported, whose
 * other members wait for material too, before anything is fetched: a replica's bundle without its primary cannot be written, and a primary's
 * without its waiting replicas would be one no key takes (a wrap of it would split the group, the
 * bundle plan says to destroy it). Names the members left out and every key to choose instead.
 */
function refuseGroupPart(
  round: readonly OnlineKeyState[],
  waiting: readonly OnlineKeyState[],
  keys: ReadonlyMap<string, OnlineKeyState>,
): void {
  const chosen = new Set(round.map((k) => k.keyId));
  for (const key of round) {
    const primary = key.replicaOf ?? key.keyId;
    const inGroup = (k: OnlineKeyState) => k.keyId === primary || k.replicaOf === primary;
    // A group imported before is bound to its material: a round of some of its members takes that
    // material (group-material.ts, the bundle binds them), so it splits nothing.
    if ([...keys.values()].some((k) => inGroup(k) && k.firstImport)) continue;
    const left = waiting.filter((k) => inGroup(k) && !chosen.has(k.keyId));
    if (left.length === 0) continue;
    throw new KeyferryError('PARAMETERS_CHOICE_SPLITS_GROUP', {
      keyPhrase: phraseValue(namedKeyPhrase(key)),
      count: left.length,
      membersListPhrases: phrasesValue(left.map(namedKeyPhrase)),
      keyIdsList: listValue([...chosen, ...left.map((k) => k.keyId)]),
    });
  }
}

/**
 * Settles the round of the next fetch (see above): refuses a chosen key that does not wait for
 * material and a round of mixed sources (`surface` words what to do), then journals the choice, or
 * the return to every key waiting when the last fetch was for chosen keys.
 */
export async function chooseParametersRound(
  ctx: {
    readonly state: Pick<OnlineCeremonyState, 'keys' | 'chosenKeyIds'>;
    readonly journal: OnlineStepContext['journal'];
  },
  keyIds: readonly string[] | undefined,
  surface: ParametersSurface,
): Promise<void> {
  const { keys } = ctx.state;
  const waiting = keysWaiting(keys);
  const round = keyIds === undefined || keyIds.length === 0 ? waiting : chosenKeys(keyIds, keys);
  // A key never given parameters goes in every round until it has them: the first parameters of the
  // plan's keys are fetched together, so no key is left with none while the others go on.
  const unfetched = waiting.filter((k) => k.issued.length === 0 && !round.includes(k));
  if (unfetched.length > 0) {
    throw new KeyferryError('PARAMETERS_CHOICE_LEAVES_UNFETCHED', {
      count: unfetched.length,
      keysList: namedKeysValue(unfetched),
    });
  }
  refuseMixedMaterialSources(round, keys, surface);
  refuseGroupPart(round, waiting, keys);
  const chosenAll = round.length === waiting.length;
  if (chosenAll && ctx.state.chosenKeyIds === undefined) return;
  await ctx.journal(ONLINE_EVENTS.parametersKeysChosen, { keyIds: round.map((k) => k.keyId) });
}
