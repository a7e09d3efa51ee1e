/**
 * Day 2 at scale against a rate-limited region, over real HTTP on 127.0.0.1: imports and proofs
 * run several keys at once; the API gateway's throttling answers (APIG.0308, HTTP 429) are waited
 * out with backoff and journaled as kms.retried; an import whose answer was lost after it took
 * effect is recognised by describe-key, never sent twice: the simulator received and applied
 * exactly one import per key.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CeremonyProgress } from '../../../../src-main/core/ceremony/shared/progress';
import { OnlineCeremony } from '../../../../src-main/core/ceremony/online/workflow';
import { APP, airGapSide, createFixture, onlineDayOne, receiptDigestOf, type Fixture } from '../ceremony-fixture';

let f: Fixture | undefined;
afterEach(async () => {
  await f?.close();
  f = undefined;
});

const KEYS = 10;

describe('online import and verify with bounded concurrency and throttling', () => {
  it('absorbs throttling with backoff, journals each retry, and imports every key exactly once', async () => {
    f = await createFixture({
      simulator: { traffic: { ratePerSecond: 25 } },
      retry: { maxAttempts: 3, baseDelayMs: 30, maxDelayMs: 300, throttledAttempts: 12 },
      concurrency: 5,
    });
    const plan = f.plan(Array.from({ length: KEYS }, () => 'AES_256' as const));
    const { created, params } = await onlineDayOne(f, plan);
    const { out } = await airGapSide(f, plan, params);

    // The gateway turns away the first three imports it sees; the answers of two imports that took effect are lost.
    f.sim.faults.throttle('import-key-material', 3);
    f.sim.faults.dropConnection('import-key-material', 'after', 2);
    const journal = await f.journal('online.jsonl');
    const online = await f.online(journal, plan);
    await online.connect();
    await online.checkWrappedBundle(out, await receiptDigestOf(out));
    const progress: CeremonyProgress[] = [];
    const imported = await online.importMaterial();
    expect(imported.map((k) => k.keyId)).toEqual(created.map((c) => c.keyId));
    expect(imported.filter((k) => k.confirmation === 'reconciled')).toHaveLength(2);

    for (const key of created) {
      expect(f.sim.importRequestCount(key.keyId), key.keyId).toBe(1);
      expect(f.sim.importCount(key.keyId), key.keyId).toBe(1);
    }
    const retried = journal.entries.filter((e) => e.event === 'kms.retried');
    const importRetries = retried.filter((e) => e.data['action'] === 'import-key-material');
    expect(importRetries.length).toBeGreaterThanOrEqual(3);
    for (const e of importRetries) {
      expect(e.data).toMatchObject({
        step: 'import-key-material',
        throttled: true,
        code: 'APIG.0308',
        httpStatus: 429,
      });
      expect(created.map((c) => c.keyId)).toContain(e.data['keyId']);
      expect(e.data['delayMs']).toBeGreaterThanOrEqual(0);
    }
    expect(journal.entries.filter((e) => e.event === 'key.imported')).toHaveLength(KEYS);
    expect(journal.entries.filter((e) => e.event === 'step.failed')).toHaveLength(0);
    await journal.close();

    // Verify (day 2, later) with per-key progress, under the same rate limit.
    const again = await f.journal('online.jsonl');
    const later = await OnlineCeremony.open({
      journal: again,
      kms: f.kms,
      region: f.sim.region,
      app: APP,
      concurrency: 4,
      onProgress: (p) => progress.push(p),
    });
    await later.connect();
    f.sim.faults.throttle('encrypt-data', 2);
    const proofs = await later.verifyKeys();
    expect(proofs.every((p) => p.ok)).toBe(true);
    const verifyEvents = progress.filter((p) => p.step === 'verify');
    const started = verifyEvents.filter((p) => p.keyPhase === 'started').map((p) => p.keyId);
    const done = verifyEvents.filter((p) => p.keyPhase === 'done');
    expect(new Set(started)).toEqual(new Set(created.map((c) => c.keyId)));
    expect(done.map((p) => p.done).sort((a, b) => a - b)).toEqual(Array.from({ length: KEYS }, (_, i) => i + 1));
    expect(done.every((p) => p.total === KEYS)).toBe(true);
    expect(
      again.entries.filter((e) => e.event === 'kms.retried' && e.data['action'] === 'encrypt-data').length,
    ).toBeGreaterThanOrEqual(2);
  });
});
