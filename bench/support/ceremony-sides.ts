/**
 * The two sides of a batch ceremony as the benches run them: online day 1 (create, fetch, write
 * the import-parameters bundle) and the whole air-gapped side, each the one sequence the tests
 * use too (tests/helpers/ceremony-sides.ts: network check, read, witness confirmation, preflight,
 * generate, wrap, write the wrapped bundle, then the receipt, which writes the manifest and reads
 * the bundle back). Used by ceremony.bench.ts and support/airgap-side.ts (airgap-floor.bench.ts).
 */ import path from 'node:path';
import { AirGapCeremony } from '../../src-main/core/ceremony/airgap/workflow';
import { parseCeremonyPlan, type CeremonyPlan } from '../../src-main/core/ceremony/shared/ceremony-plan';
import { OnlineCeremony } from '../../src-main/core/ceremony/online/workflow';
import { openJournal, type Journal } from '../../src-main/core/journal';
import type { KmsClient } from '../../src-main/core/kms/client';
import { OFFLINE } from '../../tests/helpers/workstation';
import { airGapSteps, onlineDayOneSteps } from '../../tests/helpers/ceremony-sides';
import { onlineStartOf } from '../../src-main/core/ceremony/online/open-journal';

export const BENCH_APP = { version: 'bench', build: 'bench' };

/** A plan of `count` AES_256 keys, one operator and one witness. */
export function aesPlan(count: number): CeremonyPlan {
  return parseCeremonyPlan({
    title: 'Bench batch',
    operator: 'Ana',
    witnesses: ['Ben'],
    keys: Array.from({ length: count }, (_, i) => ({ alias: `bench/aes-${i}`, spec: 'AES_256' })),
  });
}

/** Online day 1 for `plan` into `dir`: returns the parameters bundle folder and the (open) journal. */
export async function onlineDayOne(
  dir: string,
  kms: KmsClient,
  region: string,
  plan: CeremonyPlan,
): Promise<{ params: string; journal: Journal }> {
  const journal = await openJournal(path.join(dir, 'online.jsonl'), { create: true });
  const online = await OnlineCeremony.open({ journal, kms, region, app: BENCH_APP, start: onlineStartOf(plan) });
  const params = path.join(dir, 'params');
  await onlineDayOneSteps(online, plan, params);
  return { params, journal };
}

/**
 * The air-gapped side from the bundle `params` into `work` (wrapped bundle `work/wrapped`,
 * receipt in `work/receipt`, journal `work/airgap.jsonl`). `step(label)` is awaited after each
 * step, for per-step timing. Returns the wrapped bundle and its manifest digest (from the receipt).
 */
export async function airGapSide(
  params: string,
  work: string,
  step: (label: string) => Promise<void> = async () => {},
): Promise<{ wrapped: string; digest: string }> {
  const journal = await openJournal(path.join(work, 'airgap.jsonl'), { create: true });
  try {
    const air = await AirGapCeremony.start({
      journal,
      title: 'Bench batch',
      operator: 'Ana',
      witnesses: ['Ben'],
      app: BENCH_APP,
      interfaces: OFFLINE,
    });
    const wrapped = path.join(work, 'wrapped');
    const { bundle } = await airGapSteps(air, {
      params,
      out: wrapped,
      receipts: path.join(work, 'receipt'),
      witnesses: ['Ben'],
      step,
    });
    return { wrapped, digest: bundle.manifestSha256 };
  } finally {
    await journal.close();
  }
}
