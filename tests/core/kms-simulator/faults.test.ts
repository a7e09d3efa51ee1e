/**
 * The faults a rehearsal or a test injects into the simulator (faults.ts), seen over real HTTP:
 * each fires the number of times asked, after letting the asked number of requests through, for
 * its action only; 'before' means the action did not happen, 'after' that it did; a delayed answer
 * comes late with the action done; a rewritten answer is what the client gets; clear() disarms all.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signedPost, startSimWithClient, uniqueAlias, type SimSetup } from '../kms/helpers/sim';

let setup: SimSetup;
beforeAll(async () => {
  setup = await startSimWithClient();
});
afterAll(async () => {
  await setup.close();
});
beforeEach(() => {
  setup.sim.faults.clear();
  setup.requests.splice(0);
});

const statuses = (action: string) => setup.requests.filter((r) => r.action === action).map((r) => r.status);
const aliases = async () => (await setup.client.listKeys()).map((k) => k.alias);

describe('injected faults', () => {
  it('fire the number of times asked, after the requests let through, for their action only', async () => {
    setup.sim.faults.failWith('list-keys', 503, 'before', 2, 1);
    for (let i = 0; i < 4; i += 1) await signedPost(setup.sim, 'list-keys', '{}');
    await signedPost(setup.sim, 'describe-key', '{}');
    expect(statuses('list-keys')).toEqual([200, 503, 503, 200]);
    expect(statuses('describe-key')).toEqual([400]);
  });

  it("an error 'before' leaves the action undone; 'after' does it and still answers the error", async () => {
    const before = uniqueAlias('before');
    const after = uniqueAlias('after');
    setup.sim.faults.failWith('create-key', 500, 'before');
    expect((await signedPost(setup.sim, 'create-key', JSON.stringify({ key_alias: before }))).status).toBe(500);
    setup.sim.faults.failWith('create-key', 500, 'after');
    expect((await signedPost(setup.sim, 'create-key', JSON.stringify({ key_alias: after }))).status).toBe(500);
    const known = await aliases();
    expect(known).not.toContain(before);
    expect(known).toContain(after);
  });

  it('a delayed answer comes late, with the action already done', async () => {
    const alias = uniqueAlias('late');
    setup.sim.faults.delayAnswer('create-key', 400);
    const started = performance.now();
    const pending = signedPost(setup.sim, 'create-key', JSON.stringify({ key_alias: alias }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await aliases()).toContain(alias);
    expect((await pending).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
  });

  it('a rewritten answer is what the client receives; clear() disarms every fault', async () => {
    setup.sim.faults.rewriteAnswer('list-keys', (body) => ({ ...body, total: 12345 }));
    expect(((await signedPost(setup.sim, 'list-keys', '{}')).json as { total: number }).total).toBe(12345);
    setup.sim.faults.throttle('list-keys', 5);
    setup.sim.faults.dropConnection('list-keys', 'before', 5);
    setup.sim.faults.clear();
    expect((await signedPost(setup.sim, 'list-keys', '{}')).status).toBe(200);
  });
});
