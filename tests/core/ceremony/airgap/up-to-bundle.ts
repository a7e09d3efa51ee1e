/** Test helper: one air-gapped session on airgap.jsonl, up to its written (staged) bundle. */
import type { CeremonyPlan } from '../../../../src-main/core/ceremony/shared/ceremony-plan';
import { onlineDayOne, type Fixture } from '../ceremony-fixture';
import { confirmEveryWitness } from '../witness-helpers';

/** Online day one for `plan`, then one air-gapped session on airgap.jsonl that checked the network and read the parameters. */
export async function airGapReadDayOne(f: Fixture, plan: CeremonyPlan) {
  const { params } = await onlineDayOne(f, plan);
  const journal = await f.journal('airgap.jsonl');
  const air = await f.airgap(journal, plan);
  await air.checkNetwork();
  await air.readParametersBundle(params);
  return { params, journal, air };
}

/** Reads `params`, preflights `out` and `receipts`, every witness confirms, generates, wraps and writes the bundle. */
export async function airGapUpToBundle(
  f: Fixture,
  plan: CeremonyPlan,
  params: string,
  out: string,
  receipts: string,
  options: Parameters<Fixture['airgap']>[2] = {},
) {
  const journal = await f.journal('airgap.jsonl');
  const air = await f.airgap(journal, plan, options);
  await air.checkNetwork();
  await air.readParametersBundle(params);
  await air.preflight({ wrappedBundle: out, receiptFolder: receipts });
  await confirmEveryWitness(air, plan.witnesses, params);
  await air.generateMaterial();
  await air.wrap();
  const bundle = await air.writeWrappedBundle(out);
  return { air, journal, bundle };
}
