/**
 * Online day 1 and day 2 for 100 AES_256 keys against a region 60 ms away (the simulator's
 * latency), one key at a time (--concurrency 1) and with the default bound. Day 1: create the
 * external keys, fetch every key's import parameters, write the parameters bundle. Day 2: check
 * the wrapped bundle, import every key (describe-key + import-key-material each), prove every key
 * (describe-key, encrypt-data, decrypt-data). The air-gapped side between them is not timed here
 * (bench/ceremony.bench.ts times it). The simulator's wrapping keys are generated before the clock
 * starts, so the figures are the client's and the round trips', not the simulator's RSA
 * generation. Also: the same with the API gateway limiting to 20 requests a second, absorbed with
 * backoff (throttled answers counted; every retry is journaled as kms.retried). Each step's longest
 * event-loop stall is printed on a line of its own (support/stall-monitor.ts; the simulator answers
 * from the same process, as in a rehearsal).
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
import { startStallMonitor, stallText, type StallMonitor } from './support/stall-monitor';

export const name = 'Online day 1 and day 2 at scale (100 keys, 60 ms per KMS call)';

const KEYS = 100;
const LATENCY_MS = 60;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** `step label: stall` for each step, each step's stall read (and the monitor reset) once it ends. */
function stallsPerStep(monitor: StallMonitor) {
  const stalls: string[] = [];
  return {
    async ended(label: string): Promise<void> {
      stalls.push(`${label} ${stallText(await monitor.settle())}`);
      monitor.reset();
    },
    text: () => `longest event-loop stall: ${stalls.join(', ')}`,
  };
}

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
async function bothDays(
  concurrency: number,
  ratePerSecond: number,
): Promise<{ dayOne: string; dayTwo: string; dayOneStalls: string; dayTwoStalls: string }> {
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
    const monitor = startStallMonitor();
    const dayOneStalls = stallsPerStep(monitor);
    const start = performance.now();
    await online.createKeys(plan.keys);
    const created = performance.now();
    await dayOneStalls.ended('create');
    await online.fetchParameters();
    const fetched = performance.now();
    await dayOneStalls.ended('fetch');
    const params = path.join(dir, 'params');
    await online.writeParametersBundle(params);
    const end = performance.now();
    await dayOneStalls.ended('bundle');
    monitor.stop();
    await journal.close();
    const dayOne = `${seconds(end - start)} (create ${seconds(created - start)}, fetch ${seconds(fetched - created)}, bundle ${seconds(end - fetched)}; ${traffic({ throttled: 0 })})`;

    const wrapped = await airGapped(dir, params, plan);
    const before = sim.trafficStats();
    const day2Journal = await openJournal(journalFile, { create: false });
    try {
      const day2 = await OnlineCeremony.open({ journal: day2Journal, kms, region: sim.region, app: APP, concurrency });
      await day2.connect();
      const dayOneEntries = day2Journal.entries.length;
      const expectedDigest = await readBundleDigest(wrapped);
      const dayTwoMonitor = startStallMonitor();
      const dayTwoStalls = stallsPerStep(dayTwoMonitor);
      const started = performance.now();
      await day2.checkWrappedBundle(wrapped, { expectedDigest, source: 'air-gapped-receipt' });
      const checked = performance.now();
      await dayTwoStalls.ended('check');
      await day2.importMaterial();
      const imported = performance.now();
      await dayTwoStalls.ended('import');
      const proofs = await day2.verifyKeys();
      const verified = performance.now();
      await dayTwoStalls.ended('verify');
      dayTwoMonitor.stop();
      const retries = day2Journal.entries.slice(dayOneEntries).filter((e) => e.event === 'kms.retried').length;
      const dayTwo = `${seconds(verified - started)} (check ${seconds(checked - started)}, import ${seconds(imported - checked)}, verify ${seconds(verified - imported)}; ${proofs.filter((p) => p.ok).length}/${KEYS} verified; ${traffic(before)}, ${retries} retries journaled)`;
      return { dayOne, dayTwo, dayOneStalls: dayOneStalls.text(), dayTwoStalls: dayTwoStalls.text() };
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
    const { dayOne, dayTwo, dayOneStalls, dayTwoStalls } = await bothDays(r.concurrency, r.rate);
    print(`day 1, ${r.label}: ${dayOne}`);
    print(`  ${dayOneStalls}`);
    print(`day 2, ${r.label}: ${dayTwo}`);
    print(`  ${dayTwoStalls}`);
  }
}
