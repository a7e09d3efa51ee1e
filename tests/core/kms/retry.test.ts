/**
 * Retries, on real HTTP against the simulator on 127.0.0.1: a safe read retries a 5xx with backoff
 * and gives up after the last attempt; a state-changing call is sent again only when the API
 * gateway throttled it (APIG.0308, HTTP 429: the KMS never saw it), up to the throttled bound;
 * whoever runs the call is told of every retry, and a failing observer never fails the call.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { observeKmsRetries } from '../../../src-main/core/kms/retry';
import { startSimWithClient, uniqueAlias, type SimSetup } from './helpers/sim';

let setup: SimSetup;
beforeEach(async () => {
  setup = await startSimWithClient();
});
afterEach(async () => {
  await setup.close();
});

const statuses = (action: string) => setup.requests.filter((r) => r.action === action).map((r) => r.status);

describe('retries', () => {
  it('a safe read retries 5xx with backoff and succeeds', async () => {
    const { keyId } = await setup.client.createKey({ alias: `retry-${Date.now()}`, spec: 'AES_256' });
    setup.sim.faults.failWith('describe-key', 503, 'before', 2);
    const delays: number[] = [];
    const client = setup.clientWith({
      sleep: async (ms) => {
        delays.push(ms);
      },
      retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000 },
    });
    expect((await client.describeKey(keyId)).keyId).toBe(keyId);
    expect(setup.requests.filter((r) => r.action === 'describe-key').map((r) => r.status)).toEqual([503, 503, 200]);
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeGreaterThanOrEqual(50);
    expect(delays[0]).toBeLessThanOrEqual(100);
    expect(delays[1]).toBeGreaterThanOrEqual(100);
    expect(delays[1]).toBeLessThanOrEqual(200);
  });

  it('gives up after the last attempt with the service error', async () => {
    setup.sim.faults.failWith('list-keys', 500, 'before', 5);
    await expect(setup.clientWith({ retry: { maxAttempts: 2, baseDelayMs: 1 } }).listKeys()).rejects.toMatchObject({
      code: 'KMS.0101',
      httpStatus: 500,
      ambiguous: true,
    });
    expect(setup.requests.filter((r) => r.action === 'list-keys')).toHaveLength(2);
  });

  it('a state-changing call is never retried', async () => {
    setup.sim.faults.failWith('create-key', 503, 'before');
    await expect(setup.client.createKey({ alias: `once-${Date.now()}`, spec: 'AES_256' })).rejects.toMatchObject({
      code: 'KMS.0101',
      httpStatus: 503,
    });
    expect(setup.requests.filter((r) => r.action === 'create-key')).toHaveLength(1);
  });
});

describe('throttling (APIG.0308, HTTP 429)', () => {
  it('a state-changing call the gateway throttled is sent again, and the key is created once', async () => {
    setup.sim.faults.throttle('create-key', 2);
    const alias = uniqueAlias('throttled');
    const { keyId } = await setup.client.createKey({ alias, spec: 'AES_256' });
    expect(statuses('create-key')).toEqual([429, 429, 200]);
    const keys = await setup.client.listKeys();
    expect(keys.filter((k) => k.alias === alias).map((k) => k.keyId)).toEqual([keyId]);
  });

  it('stops after throttledAttempts and says the gateway throttled it', async () => {
    setup.sim.faults.throttle('create-key', 10);
    const client = setup.clientWith({ retry: { throttledAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 } });
    await expect(client.createKey({ alias: uniqueAlias('limit'), spec: 'AES_256' })).rejects.toMatchObject({
      code: 'APIG.0308',
      httpStatus: 429,
    });
    expect(statuses('create-key')).toEqual([429, 429, 429]);
  });

  it('a safe read gets at least throttledAttempts when throttled, more than its maxAttempts for 5xx', async () => {
    setup.sim.faults.throttle('list-keys', 4);
    const client = setup.clientWith({ retry: { maxAttempts: 2, throttledAttempts: 5, baseDelayMs: 1, maxDelayMs: 2 } });
    await client.listKeys();
    expect(statuses('list-keys')).toEqual([429, 429, 429, 429, 200]);
  });

  it("the simulator's own rate limit throttles a burst, and the client's retries carry every call through", async () => {
    await setup.close();
    setup = await startSimWithClient({ traffic: { ratePerSecond: 5 } });
    const client = setup.clientWith({ retry: { baseDelayMs: 250, maxDelayMs: 1000, throttledAttempts: 20 } });
    const reads = await Promise.all(Array.from({ length: 15 }, () => client.listKeys()));
    expect(reads).toHaveLength(15);
    expect(setup.sim.trafficStats().throttled).toBeGreaterThan(0);
    expect(statuses('list-keys').filter((s) => s === 200)).toHaveLength(15);
    expect(statuses('list-keys').filter((s) => s !== 200 && s !== 429)).toEqual([]);
  });
});

describe('watching retries', () => {
  it('tells the observer of each retry of the calls it runs, with the code, status and wait', async () => {
    setup.sim.faults.throttle('create-key', 1);
    setup.sim.faults.failWith('list-keys', 502, 'before', 1);
    const seen: unknown[] = [];
    await observeKmsRetries(
      (retry) => {
        seen.push(retry);
      },
      async () => {
        await setup.client.createKey({ alias: uniqueAlias('watched'), spec: 'AES_256' });
        await setup.client.listKeys();
      },
    );
    expect(seen).toEqual([
      {
        action: 'create-key',
        attempt: 1,
        code: 'APIG.0308',
        httpStatus: 429,
        throttled: true,
        delayMs: expect.any(Number),
      },
      {
        action: 'list-keys',
        attempt: 1,
        code: 'KMS.0101',
        httpStatus: 502,
        throttled: false,
        delayMs: expect.any(Number),
      },
    ]);
  });

  it('keeps calls for other keys to their own observers, and an observer that throws does not fail the call', async () => {
    setup.sim.faults.throttle('create-key', 1);
    const quiet: unknown[] = [];
    const [created] = await Promise.all([
      observeKmsRetries(
        () => {
          throw new Error('journal full');
        },
        () => setup.client.createKey({ alias: uniqueAlias('loud'), spec: 'AES_256' }),
      ),
      observeKmsRetries(
        (retry) => {
          quiet.push(retry);
        },
        () => setup.client.listKeys(),
      ),
    ]);
    expect(created.keyId).toMatch(/./);
    expect(statuses('create-key')).toEqual([429, 200]);
    expect(quiet).toEqual([]);
  });
});
