/**
 * A second import-parameters bundle of the same keys while the first one's import tokens may still
 * be accepted: bundles any of which the air-gapped side could wrap (the trial's officer could not
 * tell which stick was "the" bundle). Writing another says the bundle plan (bundle-plan.ts): each
 * key with the one bundle it takes, every bundle to destroy by folder and digest and until when its
 * tokens may be accepted, the keys to fetch anew; once the tokens have expired (the usual reason to
 * fetch again) nothing is said. The rounds of `online params --key-id` the one warning got wrong:
 * every sentence of the plan is true in each. Real simulator over HTTP, real files.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listValue } from '../../../../src-main/i18n/list';
import { english, translator } from '../../../../src-main/i18n/translate';
import type { OnlineCeremony } from '../../../../src-main/core/ceremony/online/workflow';
import type { Warning } from '../../../../src-main/i18n/warning';
import {
  airGapSide,
  createFixture,
  onlineDayOne,
  receiptDigestOf,
  onlineWithFirstBundle,
  type Fixture,
} from '../ceremony-fixture';

const DAY_AND_AN_HOUR = 25 * 60 * 60 * 1000;

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

/** Parameters for `keyIds` (all: every key waiting) written to `name`. */
async function params(online: OnlineCeremony, name: string, keyIds?: (string | undefined)[]) {
  await online.fetchParameters(keyIds ? { keyIds: keyIds as string[] } : {});
  return online.writeParametersBundle(path.join(f.dir, name));
}

/** The plan warning among `warnings`, in English and in Chinese (undefined: none). */
function said(warnings: readonly Warning[]) {
  const plan = warnings.find((w) => w.code === 'PARAMETERS_BUNDLES_ONE_PER_KEY');
  if (!plan) return undefined;
  const message = { key: 'warning.PARAMETERS_BUNDLES_ONE_PER_KEY', values: plan.values } as const;
  return { values: plan.values, en: english.message(message), zh: translator('zh-CN').message(message) };
}

/** A bundle as the plan names it: folder and grouped digest. */
const named = (b: { dir: string; manifestSha256Grouped: string }) => `${b.dir} (${b.manifestSha256Grouped})`;
/** A key as the plan names it. */
const keyNamed = (k: { alias: string; keyId: string } | undefined) => `${k?.alias} (${k?.keyId})`;

describe('a second import-parameters bundle of the same keys', () => {
  it('one key fetched again: take the new bundle, destroy the earlier one, named by folder and digest, and until when', async () => {
    const { online, first } = await onlineWithFirstBundle(f, f.plan(['AES_256']));
    expect(first.warnings.map((w) => w.code)).not.toContain('PARAMETERS_BUNDLES_ONE_PER_KEY');
    const [a] = online.keys();
    const second = await params(online, 'params-2');
    const plan = said(second.warnings);
    expect(plan?.values).toMatchObject({
      takes: 1,
      destroy: 1,
      destroyList: listValue([named(first)]),
      fresh: 0,
      wrapped: 0,
    });
    expect(plan?.en).toContain(`${keyNamed(a)} → ${named(second)}`);
    expect(plan?.en).toContain(
      `each bundle once (key → import-parameters bundle, folder and digest): ${keyNamed(a)} → ${named(second)}.`,
    );
    expect(plan?.en).toContain(`Destroy this bundle and every copy, and never wrap it (import tokens accepted until`);
    expect(plan?.en).not.toContain('import that wrap and do not wrap again');
    // In Chinese too it is the parameters bundle (参数包) to destroy, never the wrapped-material bundle.
    expect(plan?.zh).toContain(`请销毁以下 1 个参数包及其所有副本，切勿包装`);
    expect(plan?.zh).not.toContain('材料包');
  });

  it('both, A, B, then both again: both take the last bundle, the three earlier ones are each named to destroy', async () => {
    const { online, first } = await onlineWithFirstBundle(f, f.plan(['AES_256', 'AES_256']));
    const [a, b] = online.keys();
    const second = await params(online, 'params-2', [a?.keyId]);
    const third = await params(online, 'params-3', [b?.keyId]);
    // B's turn: A keeps params-2, B takes params-3, params-1 (both) is taken by neither.
    expect(said(third.warnings)?.values).toMatchObject({
      destroyList: listValue([named(first)]),
      fresh: 0,
    });
    expect(said(third.warnings)?.en).toContain(
      [`${keyNamed(a)} → ${named(second)}`, `${keyNamed(b)} → ${named(third)}`].join('; '),
    );
    const fourth = await params(online, 'params-4');
    const plan = said(fourth.warnings);
    expect(plan?.values).toMatchObject({
      destroy: 3,
      destroyList: listValue([named(first), named(second), named(third)]),
    });
    expect(plan?.en).toContain([`${keyNamed(a)} → ${named(fourth)}`, `${keyNamed(b)} → ${named(fourth)}`].join('; '));
    // Not "import that wrap and do not wrap again", false if a wrap seen nowhere was A's alone.
    expect(plan?.en).not.toContain('do not wrap again');
    // A wrap already made of a bundle named here is imported first: said before the bundles to destroy.
    expect(plan?.en).toContain(
      'If the air-gapped side already wrapped any bundle named here and no import here has checked that wrap, import that wrap first, before destroying or wrapping anything, then run keyferry online status: it says again which bundle each key takes. Destroy these 3 bundles',
    );
    expect(plan?.zh).toContain(
      '请先导入那次包装（在销毁或包装任何参数包之前），然后运行 keyferry online status：它会再次说明每个密钥使用哪个参数包。请销毁以下 3 个参数包',
    );
  });

  it('both, then A twice: names which bundle A takes, and says B is fetched anew, its only bundle also holding A', async () => {
    const { online, first } = await onlineWithFirstBundle(f, f.plan(['AES_256', 'AES_256']));
    const [a, b] = online.keys();
    const second = await params(online, 'params-2', [a?.keyId]);
    const third = await params(online, 'params-3', [a?.keyId]);
    const plan = said(third.warnings);
    expect(plan?.values).toMatchObject({
      destroyList: listValue([named(first), named(second)]),
      fresh: 1,
    });
    expect(plan?.en).toContain(`${keyNamed(a)} → ${named(third)}`);
    expect(plan?.en).toContain(keyNamed(b));
    expect(plan?.en).toContain(
      `No bundle above is to be wrapped for ${keyNamed(b)} (a wrap of it would also wrap a key that takes another bundle or holds its material already, or split a replica group): fetch new import parameters for that key only, in one bundle`,
    );
    expect(plan?.zh).toContain(`上面没有任何参数包应为 ${b?.alias}（${b?.keyId}） 包装`);
  });

  it('both wrapped and checked here, then A, then B: import that wrap for both, destroy the later bundles', async () => {
    const plan = f.plan(['AES_256', 'AES_256']);
    const { online, first } = await onlineWithFirstBundle(f, plan);
    const [a, b] = online.keys();
    const { out } = await airGapSide(f, plan, first.dir);
    await online.checkWrappedBundle(out, await receiptDigestOf(out));
    const second = await params(online, 'params-2', [a?.keyId]);
    const third = await params(online, 'params-3', [b?.keyId]);
    const warning = said(third.warnings);
    // Never "import that wrap" beside "keep params-2 for A": the wrap holds A, params-2 is destroyed.
    expect(warning?.values).toMatchObject({
      takes: 0,
      destroyList: listValue([named(second), named(third)]),
      fresh: 0,
    });
    expect(warning?.en).toContain([`${keyNamed(a)} → ${out}`, `${keyNamed(b)} → ${out}`].join('; '));
    expect(warning?.en).toContain(
      `(key → wrapped-material bundle): ${keyNamed(a)} → ${out}; ${keyNamed(b)} → ${out}. Import that wrap; do not wrap those keys again.`,
    );
    expect(warning?.en).not.toContain('To wrap on the air-gapped workstation');
    expect(warning?.zh).toContain('请导入那次包装，不要再次包装这些密钥');
  });

  it('two wraps checked here, both keys then A: the newest wrap is named first, and imported first each key takes its own', async () => {
    const plan = f.plan(['AES_256', 'AES_256']);
    const { online, first } = await onlineWithFirstBundle(f, plan);
    const [a, b] = online.keys();
    const both = await airGapSide(f, plan, first.dir, path.join(f.dir, 'wrapped-1'));
    await online.checkWrappedBundle(both.out, await receiptDigestOf(both.out));
    const second = await params(online, 'params-2', [a?.keyId]);
    const onlyA = await airGapSide(f, plan, second.dir, path.join(f.dir, 'wrapped-2'), 'airgap.jsonl', 'A again');
    await online.checkWrappedBundle(onlyA.out, await receiptDigestOf(onlyA.out));
    const warning = said(await params(online, 'params-3', [b?.keyId]).then((w) => w.warnings));
    // Listed oldest first, wrapped-1 was imported first: it gave A its material too, and wrapped-2 brought nothing.
    expect(warning?.en).toContain([`${keyNamed(a)} → ${onlyA.out}`, `${keyNamed(b)} → ${both.out}`].join('; '));
    expect(warning?.en).toContain('Import those wraps one at a time in this order, the newest first');
    expect(warning?.zh).toContain('请按此顺序逐一导入这些包装，最新的先导入');

    // Done as said: A takes wrapped-2's material, B wrapped-1's.
    await online.checkWrappedBundle(onlyA.out, await receiptDigestOf(onlyA.out));
    expect((await online.importMaterial()).map((k) => k.keyId)).toEqual([a?.keyId]);
    await online.checkWrappedBundle(both.out, await receiptDigestOf(both.out));
    expect((await online.importMaterial()).map((k) => k.keyId)).toEqual([b?.keyId]);
  });

  it('names no bundle for parameters fetched and never written', async () => {
    const plan = f.plan(['AES_256']);
    const online = await f.online(await f.journal('online.jsonl'), plan);
    await online.connect();
    await online.createKeys(plan.keys);
    await online.fetchParameters();
    await online.fetchParameters();
    const only = await online.writeParametersBundle(path.join(f.dir, 'params-1'));
    expect(only.warnings.map((w) => w.code)).not.toContain('PARAMETERS_BUNDLES_ONE_PER_KEY');
  });

  it('says nothing once the first bundle’s tokens have expired', async () => {
    const plan = f.plan(['AES_256']);
    const { journal } = await onlineWithFirstBundle(f, plan);
    await journal.close();
    f.sim.clock.advance(DAY_AND_AN_HOUR);
    const later = await f.onlineAhead(await f.journal('online.jsonl'), plan, DAY_AND_AN_HOUR);
    await later.connect();
    await later.fetchParameters();
    const second = await later.writeParametersBundle(path.join(f.dir, 'params-2'));
    expect(second.warnings.map((w) => w.code)).not.toContain('PARAMETERS_BUNDLES_ONE_PER_KEY');
  });
  it('says nothing for a re-import within the day: a key bound to its material takes no other version', async () => {
    const plan = f.plan(['AES_256', 'AES_256']);
    const { params } = await onlineDayOne(f, plan);
    const { out } = await airGapSide(f, plan, params);
    const online = await f.online(await f.journal('online.jsonl'), plan);
    await online.connect();
    await online.checkWrappedBundle(out, await receiptDigestOf(out));
    const [first] = await online.importMaterial();
    await online.verifyKeys();
    const keyId = first?.keyId as string;
    await online.deleteMaterial(keyId, { lossAcknowledged: true, confirmedKeyId: keyId });
    await online.fetchParameters();
    const again = await online.writeParametersBundle(path.join(f.dir, 'params-2'));
    expect(again.keyIds).toEqual([keyId]);
    expect(again.warnings.map((w) => w.code)).not.toContain('PARAMETERS_BUNDLES_ONE_PER_KEY');
  });
  it('goes by the KMS’s time as the new tokens prove it, not by a clock that lags it', async () => {
    const plan = f.plan(['AES_256']);
    const { online } = await onlineWithFirstBundle(f, plan);
    // A day and an hour later for the KMS; this computer's clock has not moved.
    f.sim.clock.advance(DAY_AND_AN_HOUR);
    await online.fetchParameters();
    const second = await online.writeParametersBundle(path.join(f.dir, 'params-2'));
    expect(second.warnings.map((w) => w.code)).not.toContain('PARAMETERS_BUNDLES_ONE_PER_KEY');
  });
});
