/**
 * Where an online ceremony stands, from its journal-replayed state (state.ts): the one rule for a
 * ceremony replayed from its journal and for a session after each of its steps.
 */
import type { OnlineStep } from '../shared/ceremony-states';
import { plannedKeysMissing } from './planned-keys';
import { awaitsNewParameters, holdsImportedMaterial, type OnlineCeremonyState } from './state';
import { parametersRoundKeys } from './parameters-round';

/**
 * A wrapped-material bundle checked in this session: the keys it holds material for and the
 * journal entry of the check. Only a session knows it (a new session checks the bundle again).
 */
export interface CheckedInSession {
  readonly keyIds: readonly string[];
  readonly seq: number;
}

/**
 * Where the ceremony stands: the one rule for both a ceremony replayed from its journal and a
 * session after each of its steps (the session's guard follows every journal entry through it), so
 * a ceremony continued on another day stands exactly where the last session left it. `checked`:
 * the bundle this session checked, if any; while it holds material for a key still waiting for it
 * (a key that lost its material after the check waits for another), the import may run.
 */
export function onlineStepFromState(state: OnlineCeremonyState, checked?: CheckedInSession): OnlineStep {
  const keys = [...state.keys.values()];
  // A create step stopped part way: the ceremony creates the rest of its plan before anything else.
  if (keys.length === 0 || plannedKeysMissing(state) > 0) return 'new';
  const waitingInChecked = checked?.keyIds.some((keyId) => {
    const key = state.keys.get(keyId);
    return !!key && !holdsImportedMaterial(key) && (key.materialLostSeq ?? 0) < checked.seq;
  });
  if (waitingInChecked) return 'material-checked';
  const holding = keys.filter((k) => holdsImportedMaterial(k));
  // The keys waiting for material, or those of them the officer chose for this round (parameters-round.ts).
  const round = parametersRoundKeys(state);
  if (holding.length > 0 && !holding.every((k) => k.verified)) return 'imported';
  // A key that lost its material waits for fresh parameters: the ceremony is not finished, nor its old bundle current.
  if (round.some((k) => awaitsNewParameters(k))) return 'keys-created';
  // Parameters for every key of the round; when other keys hold material (some lapsed or were deleted
  // after an import), fetched since the last import, else the ones fetched before it would count. A
  // round of keys that never held material (an import stopped part way: the rest were imported after
  // the fetch) waits for its bundle to be checked again, never stands verified (a trial's app did so
  // after a restart, offering the receipt with a key still Pending import).
  const fetched =
    round.length > 0 &&
    round.every((k) => k.issued.length > 0) &&
    (holding.length === 0 ||
      (state.lastFetchSeq ?? 0) > (state.lastImportSeq ?? 0) ||
      round.every((k) => !k.imported && !k.materialDeleted && k.materialLostSeq === undefined));
  if (fetched) {
    // A bundle written after the last parameters fetched carries them; fetched again since (the
    // tokens lapsed), the next bundle must be written first.
    return (state.parametersWrittenSeq ?? 0) > (state.lastFetchSeq ?? 0) ? 'parameters-written' : 'parameters-fetched';
  }
  if (holding.length > 0) return state.receiptWritten ? 'finished' : 'verified';
  return 'keys-created';
}
