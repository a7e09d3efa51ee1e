/**
 * Test helper: the two sides of a ceremony through the core workflows, each written once and used
 * by the ceremony fixture, the UI tests and the benches:
 * online day 1 (connect, create, fetch, write the import-parameters bundle) and the whole
 * air-gapped side in the order a real ceremony takes.
 */
import { mkdir } from 'node:fs/promises';
import type { AirGapCeremony } from '../../src-main/core/ceremony/airgap/workflow';
import type { CeremonyPlan } from '../../src-main/core/ceremony/shared/ceremony-plan';
import type { OnlineCeremony } from '../../src-main/core/ceremony/online/workflow';
import { confirmEveryWitness } from '../core/ceremony/witness-helpers';

/** Online day 1 on an opened ceremony: connect, create the plan's keys, fetch their parameters, write the bundle into `params`. */
export async function onlineDayOneSteps(online: OnlineCeremony, plan: CeremonyPlan, params: string) {
  await online.connect();
  const created = await online.createKeys(plan.keys);
  const issued = await online.fetchParameters();
  const written = await online.writeParametersBundle(params);
  return { created, issued, written };
}

/** Where the air-gapped side reads and writes, who witnesses it, and an optional hook awaited after each step. */
export interface AirGapRun {
  /** The import-parameters bundle folder. */
  readonly params: string;
  /** The new wrapped-material bundle folder. */
  readonly out: string;
  /** The receipt folder (created when missing). */
  readonly receipts: string;
  /** The witnesses who each type the bundle digest the online side showed. */
  readonly witnesses: readonly string[];
  /** The officer's reason to wrap again after a finished wrap whose bundle can still be imported. */
  readonly wrapAgain?: string;
  /** Awaited after each step with its name (the benches time the steps with it). */
  readonly step?: (label: string) => Promise<void>;
}

/**
 * The air-gapped side on a started ceremony: network check, read the parameters bundle, every
 * witness confirms its digest, preflight, generate, wrap, write the wrapped bundle, then the
 * receipt (which writes the bundle's manifest and reads the bundle back).
 */
export async function airGapSteps(air: AirGapCeremony, run: AirGapRun) {
  const step = run.step ?? (async () => {});
  await air.checkNetwork();
  await step('start, network check');
  await air.readParametersBundle(run.params);
  await step('read + verify the parameters bundle');
  await confirmEveryWitness(air, run.witnesses, run.params);
  await mkdir(run.receipts, { recursive: true });
  await air.preflight(
    { wrappedBundle: run.out, receiptFolder: run.receipts },
    run.wrapAgain === undefined ? {} : { wrapAgain: run.wrapAgain },
  );
  await step('witness confirmation, preflight');
  await air.generateMaterial();
  await step('generate material');
  await air.wrap();
  await step('wrap');
  const bundle = await air.writeWrappedBundle(run.out);
  await step('write the wrapped bundle');
  const receipt = await air.writeReceipt(run.receipts);
  await step('receipt, manifest, read back');
  return { bundle, receipt };
}
