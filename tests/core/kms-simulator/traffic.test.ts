/**
 * The simulator as a distant, rate-limited region (traffic.ts), over real HTTP: every answer takes
 * the latency asked for; the API gateway admits a second's worth of requests at once and answers
 * the rest APIG.0308 (HTTP 429) until its bucket refills; the counts a bench reads (requests,
 * throttled, most in flight at once) are what happened.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { signedPost, startSimWithClient, type SimSetup } from '../kms/helpers/sim';

let setup: SimSetup | undefined;
afterEach(async () => {
  await setup?.close();
  setup = undefined;
});

const listKeys = async (sim: SimSetup['sim']) => (await signedPost(sim, 'list-keys', '{}')).status;

describe('a distant region', () => {
  it('answers no sooner than the latency asked for', async () => {
    setup = await startSimWithClient({ traffic: { latencyMs: 300 } });
    const started = performance.now();
    expect(await listKeys(setup.sim)).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('counts the requests that were in flight at once', async () => {
    setup = await startSimWithClient({ traffic: { latencyMs: 200 } });
    const sim = setup.sim;
    await Promise.all(Array.from({ length: 5 }, () => listKeys(sim)));
    expect(sim.trafficStats()).toMatchObject({ requests: 5, throttled: 0 });
    expect(sim.trafficStats().maxInFlight).toBeGreaterThanOrEqual(2);
  });
});

describe('the rate limit', () => {
  it("admits a second's worth at once, throttles the rest with APIG.0308, and admits again after a refill", async () => {
    setup = await startSimWithClient({ traffic: { ratePerSecond: 3 } });
    const sim = setup.sim;
    const burst = await Promise.all(Array.from({ length: 6 }, () => listKeys(sim)));
    expect(burst.filter((s) => s === 200).length).toBeGreaterThanOrEqual(3);
    expect(burst.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
    expect(burst.every((s) => s === 200 || s === 429)).toBe(true);
    expect(sim.trafficStats().throttled).toBe(burst.filter((s) => s === 429).length);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await listKeys(sim)).toBe(200);
  });

  it('has no limit unless one is asked for', async () => {
    setup = await startSimWithClient();
    const sim = setup.sim;
    const burst = await Promise.all(Array.from({ length: 20 }, () => listKeys(sim)));
    expect(burst.every((s) => s === 200)).toBe(true);
    expect(sim.trafficStats()).toMatchObject({ requests: 20, throttled: 0 });
  });
});
