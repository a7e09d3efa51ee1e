/**
 * The create form's plan file: the same JSON plan `keyferry online create-key --plan` reads, read
 * and checked HERE with the CLI's loader and schema (core/ceremony/shared/ceremony-plan.ts), never
 * in the renderer. Its keys (each AES key's own material expiry too) fill the form; nothing is created until the officer creates them
 * (online.create-keys checks them again). The title, people and wrapping algorithm stay the setup's:
 * where the plan says otherwise, the answer lists the difference for the officer to see.
 */
import path from 'node:path';
import { loadCeremonyPlan, type CeremonyPlan } from '../../core/ceremony/shared/ceremony-plan';
import { expiryText } from '../../core/ceremony/shared/planned-expiry';
import type { PlanFileView } from '../contract';
import type { ChannelHandler } from './channel-handler';
import { inputFilePath } from './paths';
import type { CeremonySession, CeremonySetupRecord } from './session';

/** The plan fields the setup decides too, and where the two disagree. */
function planDifferences(plan: CeremonyPlan, setup: CeremonySetupRecord): PlanFileView['differences'] {
  const names = (list: readonly string[]) => [...list].sort((a, b) => a.localeCompare(b));
  const planExpiry = plan.materialExpiry.kind === 'never' ? 'never' : plan.materialExpiry.at.toISOString();
  const pairs: PlanFileView['differences'] = [
    { field: 'title', plan: plan.title, setup: setup.title },
    { field: 'operator', plan: plan.operator, setup: setup.operator },
    { field: 'witnesses', plan: names(plan.witnesses), setup: names(setup.witnesses) },
    { field: 'wrappingAlgorithm', plan: plan.wrappingAlgorithm, setup: setup.wrappingAlgorithm },
    // The app's online side starts with material that never expires; the import step may override it.
    { field: 'materialExpiry', plan: planExpiry, setup: 'never' },
  ];
  return pairs.filter((pair) => JSON.stringify(pair.plan) !== JSON.stringify(pair.setup));
}

export function readPlanFileHandler(session: CeremonySession): ChannelHandler<'readPlanFile'> {
  return async ({ file }) => {
    session.requireMode('online', 'rehearsal');
    const setup = session.requireSetup();
    const plan = await loadCeremonyPlan(inputFilePath(file, 'planFile'), session.now());
    return {
      fileName: path.basename(file),
      keys: plan.keys.map(({ alias, spec, usage, description, replicas, materialExpiry }) => ({
        alias,
        spec,
        usage,
        description,
        replicas: (replicas ?? []).map(({ region, projectId }) => ({ region, projectId })),
        ...(materialExpiry ? { materialExpiry: expiryText(materialExpiry) } : {}),
      })),
      differences: planDifferences(plan, setup),
    };
  };
}
