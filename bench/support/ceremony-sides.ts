/**
 * The two sides of a batch ceremony as the benches run them, written once: online day 1 (create,
 * fetch, write the import-parameters bundle) and the whole air-gapped side in the order a real
 * ceremony takes (network check, read, witness confirmation, preflight, generate, wrap, write the
 * wrapped bundle, then the receipt, which writes the manifest and reads the bundle back). Used by
 * ceremony.bench.ts and support/airgap-side.ts (airgap-floor.bench.ts).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { AirGapCeremony } from '../../src-main/core/ceremony/airgap/workflow';
import { parseCeremonyPlan, type CeremonyPlan } from '../../src-main/core/ceremony/shared/ceremony-plan';
import { OnlineCeremony } from '../../src-main/core/ceremony/online/workflow';
import { openJournal, type Journal } from '../../src-main/core/journal';
import type { KmsClient } from '../../src-main/core/kms/client';

export const BENCH_APP = { version: 'bench', build: 'bench' };

/** A workstation whose only interface is the loopback: the network check passes. */
export const OFFLINE = {
  lo: [
    {
      address: '127.0.0.1',
      netmask: '255.0.0.0',
      family: 'IPv4' as const,
      mac: '00:00:00:00:00:00',
      internal: true,
      cidr: '127.0.0.1/8',
    },
  ],
};

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
  const online = await OnlineCeremony.open({
    journal,
    kms,
    region,
    app: BENCH_APP,
    start: {
      title: plan.title,
      operator: plan.operator,
      witnesses: plan.witnesses,
      wrappingAlgorithm: plan.wrappingAlgorithm,
      materialExpiry: plan.materialExpiry,
    },
  });
  await online.connect();
  await online.createKeys(plan.keys);
  await online.fetchParameters();
  const params = path.join(dir, 'params');
  await online.writeParametersBundle(params);
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
    await air.checkNetwork();
    await step('start, network check');
    const overview = await air.readParametersBundle(params);
    await step('read + verify the parameters bundle');
    // Each witness types the bundle digest once, whatever the number of keys.
    await air.confirmArtefact('Ben', overview.manifestSha256 as string);
    const wrapped = path.join(work, 'wrapped');
    const receipt = path.join(work, 'receipt');
    await mkdir(receipt, { recursive: true });
    await air.preflight({ wrappedBundle: wrapped, receiptFolder: receipt });
    await step('witness confirmation, preflight');
    await air.generateMaterial();
    await step('generate material');
    await air.wrap();
    await step('wrap');
    const { manifestSha256: digest } = await air.writeWrappedBundle(wrapped);
    await step('write the wrapped bundle');
    await air.writeReceipt(receipt);
    await step('receipt, manifest, read back');
    return { wrapped, digest };
  } finally {
    await journal.close();
  }
}
