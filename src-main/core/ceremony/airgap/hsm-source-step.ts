/**
 * Step 3c of an HSM ceremony: the token that holds this session's material, opened and its
 * capability checked (hsm-material.ts, loaded only here: a ceremony without an HSM never loads the
 * PKCS#11 addon). A token opened earlier in the session (before a failed step) first destroys the
 * objects it generated, which the token opened now knows nothing of, and is closed. Custody shares
 * planned are refused (journaled): HSM material never leaves the token to be split.
 */
import type { ImportParameters } from '../../bundle';
import { KeyferryError } from '../../errors';
import type { Journal } from '../../journal';
import type { ProgressListener } from '../shared/progress';
import type { AirGapHsmMaterial, HsmSourceRequest } from './hsm-material';
import type { AirGapDestinations } from './preflight';
import { discardTokenObjectsJournaled } from './token-objects-cleanup';

export async function openHsmSource(
  earlier: AirGapHsmMaterial | null,
  request: HsmSourceRequest,
  parameters: readonly ImportParameters[],
  planned: AirGapDestinations,
  context: { readonly journal: Journal; readonly operator: string; readonly onProgress?: ProgressListener | undefined },
): Promise<AirGapHsmMaterial> {
  const { AirGapHsmMaterial } = await import('./hsm-material');
  if (earlier) {
    // Material it generated before a failed step is unknown to the token opened now: destroyed, not duplicated.
    await discardTokenObjectsJournaled(earlier, context.journal, context.operator);
    earlier.close();
  }
  const hsm = await AirGapHsmMaterial.open(request, parameters, context);
  if ((planned.custodianFolders?.length ?? 0) > 0) {
    // Custody shares were planned, but HSM material never leaves the token to be split.
    const { serial } = hsm.summary.token;
    hsm.close();
    await context.journal.append(context.operator, 'hsm.refused', {
      code: 'HSM_CUSTODY_IS_TOKEN',
      values: { serial },
      modulePath: request.modulePath,
      token: request.token,
    });
    throw new KeyferryError('HSM_CUSTODY_IS_TOKEN', { serial });
  }
  return hsm;
}
