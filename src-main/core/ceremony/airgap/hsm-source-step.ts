/**
 * Step 3c of an HSM ceremony: the token that holds this session's material, opened and its
 * capability checked (hsm-material.ts, loaded only here: a ceremony without an HSM never loads the
 * PKCS#11 addon). A token opened earlier in the session (before a failed step) first destroys the
 * objects it generated, which the token opened now knows nothing of, and is closed. Custody shares
 * planned are refused (journaled): HSM material never leaves the token to be split. Once logged in,
 * the objects a crashed session left are destroyed where proven (crashed-objects-destroy.ts) and
 * the keys chosen in the token are looked up, or, when generating, the labels the material would
 * get are checked free (HSM_LABEL_TAKEN names the objects that carry one), before any witness
 * types; a refusal is journaled. A refusal after crashed-session objects were destroyed carries what
 * was destroyed (destroyed-before-refusal.ts), journaled with it, so both surfaces say it first.
 */
import type { ImportParameters } from '../../bundle';
import { tokenNamed } from '../../hsm/hsm-token';
import { KeyferryError, toProblem, type KeyferryErrorArgs } from '../../errors';
import { isProblemCode, type ProblemCode } from '../../../i18n/catalogue';
import { problemData, type Journal } from '../../journal';
import type { ProgressListener } from '../shared/progress';
import type { AirGapHsmMaterial } from './hsm-material';
import type { HsmSourceRequest } from './hsm-source-request';
import type { AirGapDestinations } from './preflight';
import { discardTokenObjectsJournaled } from './token-objects-cleanup';
import { finishedWraps } from './earlier-wraps';
import { destroyCrashedLeftObjects, type CrashedObjectsCleanup } from './crashed-objects-destroy';
import { DESTROYED_BEFORE_REFUSAL, destroyedBeforeRefusalValue } from './destroyed-before-refusal';

export async function openHsmSource(
  earlier: AirGapHsmMaterial | null,
  request: HsmSourceRequest,
  parameters: readonly ImportParameters[],
  planned: AirGapDestinations,
  ceremonyId: string,
  context: { readonly journal: Journal; readonly operator: string; readonly onProgress?: ProgressListener | undefined },
): Promise<{ hsm: AirGapHsmMaterial; crashedObjects: CrashedObjectsCleanup | null }> {
  const { AirGapHsmMaterial } = await import('./hsm-material');
  if (earlier) {
    // Material it generated before a failed step is unknown to the token opened now: destroyed, not duplicated.
    await discardTokenObjectsJournaled(earlier, context.journal, context.operator);
    earlier.close();
  }
  const hsm = await AirGapHsmMaterial.open(request, parameters, context);
  let crashedObjects: CrashedObjectsCleanup | null = null;
  try {
    // Custody shares were planned, but HSM material never leaves the token to be split.
    if ((planned.custodianFolders?.length ?? 0) > 0)
      throw new KeyferryError('HSM_CUSTODY_IS_TOKEN', { token: tokenNamed(hsm.summary.token) });
    // Logged in now: what a crashed session left in this token goes first (it could clash with a chosen key).
    crashedObjects = await destroyCrashedLeftObjects(hsm, context.journal, context.operator);
    // Keys chosen in the token are looked up now, before any witness types anything; labels to generate under must be free.
    hsm.checkExistingKeys(parameters);
    hsm.checkLabelsFree(parameters, ceremonyId, finishedWraps(context.journal.entries));
    return { hsm, crashedObjects };
  } catch (error) {
    hsm.close();
    const refusal = withDestroyed(error, crashedObjects);
    await context.journal.append(context.operator, 'hsm.refused', {
      ...problemData(toProblem(refusal)),
      modulePath: request.modulePath,
      token: request.token,
    });
    throw refusal;
  }
}

/**
 * `error` carrying what this check did with a crashed session's objects before it (those destroyed by
 * label, class and CKA_ID, and the entries that journaled it; those left, with why and the command
 * that deletes each), when there were any and `error` is a coded refusal.
 */
function withDestroyed(error: unknown, cleanup: CrashedObjectsCleanup | null): unknown {
  if (!cleanup || cleanup.destroyed.length + cleanup.unproven.length === 0) return error;
  if (!(error instanceof KeyferryError) || !isProblemCode(error.code)) return error;
  const value = destroyedBeforeRefusalValue({
    tokenLabel: cleanup.tokenLabel,
    tokenSerial: cleanup.tokenSerial,
    entries: [...cleanup.destroyedIn],
    count: cleanup.destroyed.length,
    objects: cleanup.destroyed.map(({ label, objectClass, objectId }) => ({ label, objectClass, objectId })),
    // Why each object left was not destroyed: said before the refusal its label may bring (HSM_LABEL_TAKEN).
    unproven: cleanup.unproven.map(({ label, objectClass, objectId, command, problem }) => ({
      ...{ label, objectClass, objectId, command },
      problem: { code: problem.code, values: { ...problem.values } },
    })),
  });
  // The same code and values (any refusal of this step), one more value beside them.
  const args = [{ ...error.values, [DESTROYED_BEFORE_REFUSAL]: value }, { cause: error }];
  return new KeyferryError(error.code, ...(args as unknown as KeyferryErrorArgs<ProblemCode>));
}
