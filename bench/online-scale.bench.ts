/**
 * Online day 1 and day 2 for 100 AES_256 keys against a region 60 ms away (the simulator's
 * latency), one key at a time (--concurrency 1) and with the default bound. Day 1: create the
 * external keys, fetch every key's import parameters, write the parameters bundle. Day 2: check
 * the wrapped bundle, import every key (describe-key + import-key-material each), prove every key
 * (describe-key, encrypt-data, decrypt-data). The air-gapped side between them is not timed here
 * (bench/ceremony.bench.ts times it). The simulator's wrapping keys are generated before the clock
 * starts, so the figures are the client's and the round trips', not the simulator's RSA
 * generation. Also: the same with the API gateway limiting to 20 requests a second, absorbed with
 * backoff (throttled answers counted; every retry is journaled as kms.retried).
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { AirGapCeremony } from '../src-main/core/ceremony/airgap/workflow';
import { readBundleDigest } from '../src-main/core/bundle';
import { DEFAULT_KMS_CONCURRENCY } from '../src-main/core/ceremony/online/key-concurrency';
import { OnlineCeremony } from '../src-main/core/ceremony/online/workflow';
import { parseCeremonyPlan, type CeremonyPlan } from '../src-main/core/ceremony/shared/ceremony-plan';
import { openJournal } from '../src-main/core/journal';
import { KmsClient } from '../src-main/core/kms/client';
import { AkSkCredentials } from '../src-main/core/kms/credentials';
import { startKmsSimulator } from '../src-main/core/kms-simulator/index';
import { APP, OFFLINE } from '../tests/core/ceremony/ceremony-fixture';

export const name = 'Online day 1 and day 2 at scale (100 keys, 60 ms per KMS call)';

const KEYS = 100;
const LATENCY_MS = 60;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The air-gapped side (untimed): read, confirm, generate, wrap, write the bundle and its receipt. */
async function airGapped(dir: string, params: string, plan: CeremonyPlan): Promise<string> {
  const journal = await openJournal(path.join(dir, 'airgap.jsonl'), { create: true });
  try {
    const air = await AirGapCeremony.start({ journal, ...plan, app: APP, interfaces: OFFLINE });
    await air.checkNetwork();
    const overview = await air.readParametersBundle(params);
    for (const w of plan.witnesses) await air.confirmArtefact(w, overview.manifestSha256 as string);
    const wrapped = path.join(dir, 'wrapped');
    const receipts = path.join(dir, 'airgap-receipt');
    await mkdir(receipts);
    await air.preflight({ wrappedBundle: wrapped, receiptFolder: receipts });
    await air.generateMaterial();
    await air.wrap();
    await air.writeWrappedBundle(wrapped);
    await air.writeReceipt(receipts);
    return wrapped;
  } finally {
    await journal.close();
  }
}

/** Day 1, the air-gapped side, then day 2, each online day with `concurrency`; the online days' figures. */
async function bothDays(concurrency: number, ratePerSecond: number): Promise<{ dayOne: string; dayTwo: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-bench-scale-'));
  const sim = await startKmsSimulator({
    wrappingKeyPoolSize: KEYS + 5,
    refillWrappingKeys: false,
    traffic: { latencyMs: LATENCY_MS, ratePerSecond },
  });
  await sim.wrappingKeysReady();
  const kms = new KmsClient({
    endpoint: sim.endpoint,
    projectId: sim.projectId,
    credentials: new AkSkCredentials({ accessKeyId: sim.ak, secretKey: sim.sk }),
  });
  const journalFile = path.join(dir, 'online.jsonl');
  const traffic = (before: { throttled: number }) => {
    const { throttled, maxInFlight } = sim.trafficStats();
    return `peak ${maxInFlight} in flight, ${throttled - before.throttled} throttled answers`;
  };
  try {
    const plan = parseCeremonyPlan({
      title: 'Bench',
      operator: 'Ana',
      witnesses: ['Ben'],
      keys: Array.from({ length: KEYS }, (_, i) => ({ alias: `bench-${i}`, spec: 'AES_256' })),
    });
    const journal = await openJournal(journalFile, { create: true });
    const online = await OnlineCeremony.open({
      journal,
      kms,
      region: sim.region,
      app: APP,
      concurrency,
      start: { ...plan, rehearsal: true },
    });
    await online.connect();
    const start = performance.now();
    await online.createKeys(plan.keys);
    const created = performance.now();
    await online.fetchParameters();
    const fetched = performance.now();
    const params = path.join(dir, 'params');
    await online.writeParametersBundle(params);
    const end = performance.now();
    await journal.close();
    const dayOne = `${seconds(end - start)} (create ${seconds(created - start)}, fetch ${seconds(fetched - created)}, bundle ${seconds(end - fetched)}; ${traffic({ throttled: 0 })})`;

    const wrapped = await airGapped(dir, params, plan);
    const before = sim.trafficStats();
    const day2Journal = await openJournal(journalFile, { create: false });
    try {
      const day2 = await OnlineCeremony.open({ journal: day2Journal, kms, region: sim.region, app: APP, concurrency });
      await day2.connect();
      const dayOneEntries = day2Journal.entries.length;
      const started = performance.now();
      await day2.checkWrappedBundle(wrapped, {
        expectedDigest: await readBundleDigest(wrapped),
        source: 'air-gapped-receipt',
      });
      const checked = performance.now();
      await day2.importMaterial();
      const imported = performance.now();
      const proofs = await day2.verifyKeys();
      const verified = performance.now();
      const retries = day2Journal.entries.slice(dayOneEntries).filter((e) => e.event === 'kms.retried').length;
      const dayTwo = `${seconds(verified - started)} (check ${seconds(checked - started)}, import ${seconds(imported - checked)}, verify ${seconds(verified - imported)}; ${proofs.filter((p) => p.ok).length}/${KEYS} verified; ${traffic(before)}, ${retries} retries journaled)`;
      return { dayOne, dayTwo };
    } finally {
      await day2Journal.close();
    }
  } finally {
    kms.close();
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function run(print: (line: string) => void): Promise<void> {
  const runs = [
    { label: 'serial (--concurrency 1), no rate limit', concurrency: 1, rate: 0 },
    {
      label: `concurrent (--concurrency ${DEFAULT_KMS_CONCURRENCY}), no rate limit`,
      concurrency: DEFAULT_KMS_CONCURRENCY,
      rate: 0,
    },
    {
      label: `concurrent (--concurrency ${DEFAULT_KMS_CONCURRENCY}), gateway limit 20 requests/s`,
      concurrency: DEFAULT_KMS_CONCURRENCY,
      rate: 20,
    },
  ];
  for (const r of runs) {
    const { dayOne, dayTwo } = await bothDays(r.concurrency, r.rate);
    print(`day 1, ${r.label}: ${dayOne}`);
    print(`day 2, ${r.label}: ${dayTwo}`);
  }
}
