/**
 * Online day 1 for 100 AES_256 keys against a region 60 ms away (the simulator's latency), one
 * key at a time (--concurrency 1) and with the default bound: create the external keys, fetch
 * every key's import parameters, write the parameters bundle. The simulator's wrapping keys are
 * generated before the clock starts, so the figures are the client's and the round trips', not
 * the simulator's RSA generation. Also: the same with the API gateway limiting to 20 requests a
 * second, absorbed with backoff.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_KMS_CONCURRENCY } from '../src-main/core/ceremony/online/key-concurrency';
import { OnlineCeremony } from '../src-main/core/ceremony/online/workflow';
import { parseCeremonyPlan } from '../src-main/core/ceremony/shared/ceremony-plan';
import { openJournal } from '../src-main/core/journal';
import { KmsClient } from '../src-main/core/kms/client';
import { AkSkCredentials } from '../src-main/core/kms/credentials';
import { startKmsSimulator } from '../src-main/core/kms-simulator/index';

export const name = 'Online day 1 at scale (100 keys, 60 ms per KMS call)';

const KEYS = 100;
const LATENCY_MS = 60;

async function dayOne(concurrency: number, ratePerSecond: number): Promise<string> {
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
  const journal = await openJournal(path.join(dir, 'online.jsonl'), { create: true });
  try {
    const plan = parseCeremonyPlan({
      title: 'Bench',
      operator: 'Ana',
      witnesses: ['Ben'],
      keys: Array.from({ length: KEYS }, (_, i) => ({ alias: `bench-${i}`, spec: 'AES_256' })),
    });
    const online = await OnlineCeremony.open({
      journal,
      kms,
      region: sim.region,
      app: { version: 'bench', build: 'bench' },
      concurrency,
      start: { ...plan, rehearsal: true },
    });
    await online.connect();
    const start = performance.now();
    await online.createKeys(plan.keys);
    const created = performance.now();
    await online.fetchParameters();
    const fetched = performance.now();
    await online.writeParametersBundle(path.join(dir, 'params'));
    const end = performance.now();
    const { throttled, maxInFlight } = sim.trafficStats();
    return `${((end - start) / 1000).toFixed(2)} s (create ${((created - start) / 1000).toFixed(2)} s, fetch ${((fetched - created) / 1000).toFixed(2)} s, bundle ${((end - fetched) / 1000).toFixed(2)} s; peak ${maxInFlight} in flight, ${throttled} throttled answers)`;
  } finally {
    await journal.close();
    kms.close();
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function run(print: (line: string) => void): Promise<void> {
  print(`serial (--concurrency 1), no rate limit: ${await dayOne(1, 0)}`);
  print(
    `concurrent (--concurrency ${DEFAULT_KMS_CONCURRENCY}), no rate limit: ${await dayOne(DEFAULT_KMS_CONCURRENCY, 0)}`,
  );
  print(
    `concurrent (--concurrency ${DEFAULT_KMS_CONCURRENCY}), gateway limit 20 requests/s: ${await dayOne(DEFAULT_KMS_CONCURRENCY, 20)}`,
  );
}
