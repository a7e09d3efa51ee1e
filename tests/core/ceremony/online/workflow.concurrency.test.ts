/**
 * Online day 1 with many keys against a distant, rate-limited region (the simulator with latency
 * and the API gateway's rate limit, over real HTTP on 127.0.0.1): keys are created and their
 * parameters fetched several at a time, throttled answers are waited out and sent again, and
 * the KMS ends up with exactly one key per planned key, each journaled once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCeremonyPlan } from '../../../../src-main/core/ceremony/shared/ceremony-plan';
import { OnlineCeremony } from '../../../../src-main/core/ceremony/online/workflow';
import { openJournal, type Journal } from '../../../../src-main/core/journal';
import { KmsClient } from '../../../../src-main/core/kms/client';
import { AkSkCredentials } from '../../../../src-main/core/kms/credentials';
import { startKmsSimulator, type KmsSimulator } from '../../../../src-main/core/kms-simulator/index';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setUp(traffic: { latencyMs?: number; ratePerSecond?: number }, wrappingKeyPoolSize = 0) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-concurrency-'));
  const sim: KmsSimulator = await startKmsSimulator({ traffic, wrappingKeyPoolSize });
  const kms = new KmsClient({
    endpoint: sim.endpoint,
    projectId: sim.projectId,
    credentials: new AkSkCredentials({ accessKeyId: sim.ak, secretKey: sim.sk }),
    retry: { maxAttempts: 1, baseDelayMs: 40, maxDelayMs: 400, throttledAttempts: 40 },
  });
  const journal: Journal = await openJournal(path.join(dir, 'online.jsonl'), { create: true });
  cleanups.push(async () => {
    await journal.close().catch(() => undefined);
    kms.close();
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  });
  return { dir, sim, kms, journal };
}

function plan(count: number) {
  return parseCeremonyPlan({
    title: 'Batch of keys',
    operator: 'Ana',
    witnesses: ['Ben'],
    keys: Array.from({ length: count }, (_, i) => ({ alias: `batch-${i}`, spec: 'AES_256' })),
  });
}

async function open(s: Awaited<ReturnType<typeof setUp>>, concurrency: number) {
  const p = plan(1);
  const online = await OnlineCeremony.open({
    journal: s.journal,
    kms: s.kms,
    region: s.sim.region,
    app: { version: '0.1.0-test', build: 'test' },
    concurrency,
    start: {
      title: p.title,
      operator: p.operator,
      witnesses: p.witnesses,
      wrappingAlgorithm: p.wrappingAlgorithm,
      materialExpiry: p.materialExpiry,
      rehearsal: true,
    },
  });
  await online.connect();
  return online;
}

describe('online day 1 with bounded concurrency', () => {
  it('keeps at most --concurrency calls in flight and still journals every key once, in plan order', async () => {
    const s = await setUp({ latencyMs: 30 }, 2);
    const online = await open(s, 3);
    const keys = plan(8).keys;
    const created = await online.createKeys(keys);
    expect(created.map((k) => k.alias)).toEqual(keys.map((k) => k.alias));
    const issued = await online.fetchParameters();
    expect(new Set(issued.map((i) => i.keyId))).toEqual(new Set(created.map((c) => c.keyId)));
    const { maxInFlight } = s.sim.trafficStats();
    expect(maxInFlight).toBeGreaterThan(1);
    expect(maxInFlight).toBeLessThanOrEqual(3);
    const events = s.journal.entries.map((e) => e.event);
    expect(events.filter((e) => e === 'key.created')).toHaveLength(8);
    expect(events.filter((e) => e === 'parameters.fetched')).toHaveLength(8);
  });

  it('absorbs the rate limit with backoff: no duplicate key, no lost key, every throttled call sent again', async () => {
    // 12 creates sent at once to a gateway that holds at most 4 requests' worth: throttled however
    // slowly a loaded machine sends them (to all pass, they would have to arrive spread over 2 s).
    const s = await setUp({ ratePerSecond: 4 });
    const online = await open(s, 12);
    const created = await online.createKeys(plan(12).keys);
    expect(s.sim.trafficStats().throttled).toBeGreaterThan(0);
    const listed = await s.kms.listKeys();
    const ids = listed.map((k) => k.keyId).sort();
    expect(ids).toEqual(created.map((c) => c.keyId).sort());
    expect(new Set(ids).size).toBe(12);
    expect(s.journal.entries.filter((e) => e.event === 'step.failed')).toHaveLength(0);
  });

  it('with the rate limit and no retries left, stops with the APIG.0308 explanation after journaling what was created', async () => {
    const s = await setUp({ ratePerSecond: 2 });
    const strict = new KmsClient({
      endpoint: s.sim.endpoint,
      projectId: s.sim.projectId,
      credentials: new AkSkCredentials({ accessKeyId: s.sim.ak, secretKey: s.sim.sk }),
      retry: { maxAttempts: 1, throttledAttempts: 1 },
    });
    cleanups.push(async () => strict.close());
    const p = plan(1);
    const online = await OnlineCeremony.open({
      journal: s.journal,
      kms: strict,
      region: s.sim.region,
      app: { version: '0.1.0-test', build: 'test' },
      concurrency: 8,
      start: { ...p, rehearsal: true },
    });
    await online.connect();
    await expect(online.createKeys(plan(10).keys)).rejects.toMatchObject({
      code: 'APIG.0308',
      message: expect.stringContaining('rate limit'),
      nextStep: expect.stringContaining('--concurrency'),
    });
    const listed = await s.kms.listKeys();
    const journaled = s.journal.entries.filter((e) => e.event === 'key.created').map((e) => e.data['keyId']);
    expect(journaled.sort()).toEqual(listed.map((k) => k.keyId).sort());
  });
});
