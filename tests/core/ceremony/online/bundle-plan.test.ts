/**
 * The one plan for the import-parameters bundles after rounds of `online params` for some keys
 * only: which bundle each waiting key takes, which bundles are destroyed, which keys need fresh
 * parameters. The case table: real journals written by the real online (and air-gapped) ceremony
 * against the simulator over HTTP, real files.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OnlineCeremony } from '../../../../src-main/core/ceremony/online/workflow';
import { parseCeremonyPlan } from '../../../../src-main/core/ceremony/shared/ceremony-plan';
import { airGapSide, createFixture, onlineWithFirstBundle, receiptDigestOf, type Fixture } from '../ceremony-fixture';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

/** Parameters for `keyIds` (all: every key waiting) written to `name`; returns its folder. */
async function params(online: OnlineCeremony, name: string, keyIds?: string[]): Promise<string> {
  await online.fetchParameters(keyIds ? { keyIds } : {});
  return (await online.writeParametersBundle(path.join(f.dir, name))).dir;
}

/** The plan by folder names: each bundle taken with its keys (and its wrap), destroyed, and the keys fetched anew. */
function planOf(online: OnlineCeremony, names: Record<string, string>) {
  const plan = online.bundlePlan();
  const name = (id: string) => names[id] ?? id;
  return {
    takes: plan.takes.map((t) => [path.basename(t.folder), t.keyIds.map(name), t.wrap ? 'wrapped' : 'not wrapped']),
    destroy: plan.destroy.map((d) => path.basename(d.folder)),
    fresh: plan.fresh.map(name),
  };
}

describe('the bundle plan of the keys waiting for material', () => {
  it('one key fetched twice: it takes the new bundle, the earlier one is destroyed', async () => {
    const { online } = await onlineWithFirstBundle(f, f.plan(['AES_256']));
    const [a] = online.keys();
    await params(online, 'params-2');
    expect(planOf(online, { [a?.keyId as string]: 'A' })).toEqual({
      takes: [['params-2', ['A'], 'not wrapped']],
      destroy: ['params-1'],
      fresh: [],
    });
  });

  it('both, A, B, then both again: both take the last bundle, every earlier one is destroyed', async () => {
    const { online } = await onlineWithFirstBundle(f, f.plan(['AES_256', 'AES_256']));
    const [a, b] = online.keys().map((k) => k.keyId);
    const names = { [a as string]: 'A', [b as string]: 'B' };
    await params(online, 'params-2', [a as string]);
    await params(online, 'params-3', [b as string]);
    expect(planOf(online, names)).toEqual({
      takes: [
        ['params-2', ['A'], 'not wrapped'],
        ['params-3', ['B'], 'not wrapped'],
      ],
      destroy: ['params-1'],
      fresh: [],
    });
    await params(online, 'params-4');
    expect(planOf(online, names)).toEqual({
      takes: [['params-4', ['A', 'B'], 'not wrapped']],
      destroy: ['params-1', 'params-2', 'params-3'],
      fresh: [],
    });
  });

  it('both, then A twice: A takes its last bundle; B, whose only bundle also holds A, is fetched anew', async () => {
    const { online } = await onlineWithFirstBundle(f, f.plan(['AES_256', 'AES_256']));
    const [a, b] = online.keys().map((k) => k.keyId);
    const names = { [a as string]: 'A', [b as string]: 'B' };
    await params(online, 'params-2', [a as string]);
    await params(online, 'params-3', [a as string]);
    expect(planOf(online, names)).toEqual({
      takes: [['params-3', ['A'], 'not wrapped']],
      destroy: ['params-1', 'params-2'],
      fresh: ['B'],
    });
  });

  it('both wrapped and checked here, then A, then B: both import that wrap, the later bundles are destroyed', async () => {
    const plan = f.plan(['AES_256', 'AES_256']);
    const { online, first } = await onlineWithFirstBundle(f, plan);
    const [a, b] = online.keys().map((k) => k.keyId);
    const { out } = await airGapSide(f, plan, first.dir);
    await online.checkWrappedBundle(out, await receiptDigestOf(out));
    await params(online, 'params-2', [a as string]);
    await params(online, 'params-3', [b as string]);
    expect(planOf(online, { [a as string]: 'A', [b as string]: 'B' })).toEqual({
      takes: [['params-1', ['A', 'B'], 'wrapped']],
      destroy: ['params-2', 'params-3'],
      fresh: [],
    });
  });

  it('a, b, c, then a alone wrapped and imported: b and c are fetched anew, never wrapped with a again', async () => {
    const plan = f.plan(['AES_256', 'AES_256', 'AES_256']);
    const { online } = await onlineWithFirstBundle(f, plan);
    const [a, b, c] = online.keys().map((k) => k.keyId);
    const second = await params(online, 'params-2', [a as string]);
    const { out } = await airGapSide(f, plan, second);
    await online.checkWrappedBundle(out, await receiptDigestOf(out));
    await online.importMaterial();
    expect(planOf(online, { [a as string]: 'a', [b as string]: 'b', [c as string]: 'c' })).toEqual({
      takes: [],
      destroy: ['params-1'],
      fresh: ['b', 'c'],
    });
  });

  it('says no bundle once the tokens have expired: every waiting key is fetched anew, nothing is left to destroy', async () => {
    const { online } = await onlineWithFirstBundle(f, f.plan(['AES_256', 'AES_256']));
    const [a, b] = online.keys().map((k) => k.keyId);
    await params(online, 'params-2', [a as string]);
    f.sim.clock.advance(25 * 60 * 60 * 1000);
    await online.fetchParameters({ keyIds: [b as string] });
    expect(planOf(online, { [a as string]: 'A', [b as string]: 'B' })).toEqual({
      takes: [],
      destroy: [],
      fresh: ['A', 'B'],
    });
  });

  it('a replica group asked again for its primary alone: refused before any fetch, the group keeps its one bundle', async () => {
    await f.close();
    f = await createFixture({ simulator: { region: 'cn-north-4', regions: [{ region: 'cn-east-3' }] } });
    const [other] = f.sim.regions.slice(1);
    const plan = parseCeremonyPlan({
      title: 'Replica group',
      operator: 'Ana',
      witnesses: ['Ben'],
      keys: [{ alias: 'dr/aes', spec: 'AES_256', replicas: [{ region: other?.region, projectId: other?.projectId }] }],
    });
    const { online } = await onlineWithFirstBundle(f, plan);
    const [primary, replica] = online.keys();
    const names = { [primary?.keyId as string]: 'primary', [replica?.keyId as string]: 'replica' };
    expect(planOf(online, names)).toEqual({
      takes: [['params-1', ['primary', 'replica'], 'not wrapped']],
      destroy: [],
      fresh: [],
    });
    // Parameters for the primary alone are refused before any fetch (parameters-choice.ts): the group
    // keeps one bundle for both members, never a second bundle that would make a second material.
    await expect(params(online, 'params-2', [primary?.keyId as string])).rejects.toMatchObject({
      code: 'PARAMETERS_CHOICE_SPLITS_GROUP',
    });
    expect(planOf(online, names)).toEqual({
      takes: [['params-1', ['primary', 'replica'], 'not wrapped']],
      destroy: [],
      fresh: [],
    });
  });
});
