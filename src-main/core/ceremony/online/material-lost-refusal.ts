/**
 * `online import` while keys of the ceremony lost their imported material (deleted on request, or
 * lapsed in the KMS) and no import-parameters bundle was written for them since: the step guard
 * sees a ceremony whose keys were all imported and verified, but those keys are Pending import, and
 * the way back starts with fresh parameters. The refusal names them and that way
 * (IMPORT_NEEDS_NEW_PARAMETERS) instead of calling the ceremony finished.
 */
import { namedKeysValue } from '../shared/named-keys';
import { KeyferryError } from '../../errors';
import { holdsImportedMaterial, type OnlineCeremonyState } from './state';

/** The keys that lost their material after the last import-parameters bundle was written, named; undefined: none. */
export function newParametersRefusal(state: OnlineCeremonyState): KeyferryError | undefined {
  const written = state.parametersWrittenSeq ?? 0;
  const lost = [...state.keys.values()].filter(
    (k) => !holdsImportedMaterial(k) && !!k.materialDeleted && (k.materialLostSeq ?? 0) > written,
  );
  if (lost.length === 0) return undefined;
  const lapsed = lost.filter((k) => k.materialLapsed).length;
  return new KeyferryError('IMPORT_NEEDS_NEW_PARAMETERS', {
    count: lost.length,
    keysList: namedKeysValue(lost),
    why: lapsed === 0 ? 'deleted' : lapsed === lost.length ? 'lapsed' : 'mixed',
  });
}

/** Runs the guard's `require` for a bundle check; where it refuses and keys wait for new parameters, that refusal instead. */
export function requireBundleCheck(require: () => void, state: OnlineCeremonyState): void {
  try {
    require();
  } catch (error) {
    const outOfOrder = error instanceof KeyferryError && error.code === 'CEREMONY_STEP_OUT_OF_ORDER';
    throw (outOfOrder && newParametersRefusal(state)) || error;
  }
}
