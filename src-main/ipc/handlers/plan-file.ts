/**
 * The create form's plan file: the same JSON plan `keyferry online create-key --plan` reads, read
 * and checked HERE with the CLI's loader and schema (core/ceremony/shared/ceremony-plan.ts), never
 * in the renderer. Its keys (each AES key's own material expiry too) fill the form; nothing is created until the officer creates them
 * (online.create-keys checks them again). The title, people and wrapping algorithm stay the setup's:
 * where the plan says otherwise, the answer lists the difference for the officer to see. The plan's
 * material expiry is listed too where it differs from the setup's, and becomes the own expiry of
 * each of its AES keys that has none, so the keys request what the plan says; a plan that does not
 * say one leaves the setup's.
 */
import path from 'node:path';
import { loadCeremonyPlan, parseMaterialExpiry, type CeremonyPlan } from '../../core/ceremony/shared/ceremony-plan';
import { isAsymmetric } from '../../core/crypto/key-spec';
import { KeyferryError } from '../../core/errors';
import { expiryText } from '../../core/ceremony/shared/planned-expiry';
import type { PlanFileView } from '../contract';
import type { ChannelHandler } from './channel-handler';
import { inputFilePath } from './paths';
import type { CeremonySession, CeremonySetupRecord } from './session';

/**
 * The plan fields the setup decides too, and where the two disagree. The expiries are compared as
 * resolved at the same moment ('never' or ISO), so "90d" in both agrees; a plan that does not say
 * its expiry has the setup's (`planExpiry`), so nothing differs.
 */
function planDifferences(
  plan: CeremonyPlan,
  setup: CeremonySetupRecord,
  { setupExpiry, planExpiry }: { setupExpiry: string; planExpiry: string },
): PlanFileView['differences'] {
  const names = (list: readonly string[]) => [...list].sort((a, b) => a.localeCompare(b));
  const pairs: PlanFileView['differences'] = [
    { field: 'title', plan: plan.title, setup: setup.title },
    { field: 'operator', plan: plan.operator, setup: setup.operator },
    { field: 'witnesses', plan: names(plan.witnesses), setup: names(setup.witnesses) },
    { field: 'wrappingAlgorithm', plan: plan.wrappingAlgorithm, setup: setup.wrappingAlgorithm },
    { field: 'materialExpiry', plan: planExpiry, setup: setupExpiry },
  ];
  return pairs.filter((pair) => JSON.stringify(pair.plan) !== JSON.stringify(pair.setup));
}

/**
 * The setup's material expiry as text, resolved at `now`. It was checked when the setup was made: a
 * date-time that has passed since is compared as it is, not refused again while reading a plan
 * (creating the keys refuses a past expiry).
 */
function setupExpiryText(value: string, now: Date): string {
  try {
    return expiryText(parseMaterialExpiry(value, now, 'materialExpiry'));
  } catch (error) {
    if (!(error instanceof KeyferryError) || error.code !== 'EXPIRY_IN_PAST') throw error;
    return expiryText(parseMaterialExpiry(value, new Date(0), 'materialExpiry'));
  }
}

export function readPlanFileHandler(session: CeremonySession): ChannelHandler<'readPlanFile'> {
  return async ({ file }) => {
    session.requireMode('online', 'rehearsal');
    const setup = session.requireSetup();
    const now = session.now();
    const plan = await loadCeremonyPlan(inputFilePath(file, 'planFile'), now);
    const setupExpiry = setupExpiryText(setup.materialExpiry, now);
    // The plan's own expiry for its AES keys without one, where the setup's says otherwise (a plan
    // that does not say one fills in nothing: the setup's applies, not the plan's default).
    const planExpiry = plan.materialExpiryDefaulted ? setupExpiry : expiryText(plan.materialExpiry);
    const filled = planExpiry !== setupExpiry ? planExpiry : undefined;
    return {
      fileName: path.basename(file),
      keys: plan.keys.map(({ alias, spec, usage, description, replicas, materialExpiry }) => {
        const own = materialExpiry ? expiryText(materialExpiry) : isAsymmetric(spec) ? undefined : filled;
        return {
          alias,
          spec,
          usage,
          description,
          replicas: (replicas ?? []).map(({ region, projectId }) => ({ region, projectId })),
          ...(own !== undefined ? { materialExpiry: own } : {}),
        };
      }),
      differences: planDifferences(plan, setup, { setupExpiry, planExpiry }),
    };
  };
}
