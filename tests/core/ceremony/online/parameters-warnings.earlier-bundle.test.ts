/**
 * A second import-parameters bundle of the same keys while the first one's import tokens may still
 * be accepted: bundles any of which the air-gapped side could wrap (the trial's officer could not
 * tell which stick was "the" bundle). Writing another warns, naming every earlier one by folder and
 * digest and saying until when their tokens may be accepted; once they have expired (the usual reason
 * to fetch again) nothing is said. Real simulator over HTTP, real files.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listValue } from '../../../../src-main/i18n/list';
import { english, translator } from '../../../../src-main/i18n/translate';
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

describe('a second import-parameters bundle of the same keys', () => {
  it('warns while earlier bundles’ tokens may still be accepted, naming every one by folder and digest, and until when', async () => {
    const plan = f.plan(['AES_256', 'EC_P256']);
    const { online, first } = await onlineWithFirstBundle(f, plan);
    expect(first.warnings.map((w) => w.code)).not.toContain('EARLIER_PARAMETERS_BUNDLE_LIVE');

    const reissued = await online.fetchParameters();
    const second = await online.writeParametersBundle(path.join(f.dir, 'params-2'));
    const warning = second.warnings.find((w) => w.code === 'EARLIER_PARAMETERS_BUNDLE_LIVE');
    expect(warning?.values).toEqual({
      count: 1,
      bundlesList: listValue([`${first.dir} (${first.manifestSha256Grouped})`]),
      at: expect.any(Number),
    });
    expect(english.message({ key: 'warning.EARLIER_PARAMETERS_BUNDLE_LIVE', values: warning?.values })).toContain(
      `This ceremony wrote an import-parameters bundle before whose import tokens may still be accepted, until`,
    );
    // In Chinese too it is the parameters bundle (参数包) to take over and the earlier ones to destroy,
    // never the wrapped-material bundle (材料包), which is what the online side must keep.
    const zh = translator('zh-CN').message({ key: 'warning.EARLIER_PARAMETERS_BUNDLE_LIVE', values: warning?.values });
    expect(zh).toContain('请只把新的参数包带到离线工作站，并销毁之前的参数包');
    expect(zh).not.toContain('材料包');

    // A third: both earlier bundles are named (the trial's third run named only the second).
    await online.fetchParameters();
    const third = await online.writeParametersBundle(path.join(f.dir, 'params-3'));
    const both = third.warnings.find((w) => w.code === 'EARLIER_PARAMETERS_BUNDLE_LIVE');
    expect(both?.values).toEqual({
      count: 2,
      bundlesList: listValue([
        `${first.dir} (${first.manifestSha256Grouped})`,
        `${second.dir} (${second.manifestSha256Grouped})`,
      ]),
      at: Math.max(...reissued.map((i) => Date.parse(i.tokenExpiresAt))),
    });
    expect(english.message({ key: 'warning.EARLIER_PARAMETERS_BUNDLE_LIVE', values: both?.values })).toContain(
      `This ceremony wrote 2 import-parameters bundles before whose import tokens may still be accepted`,
    );
  });

  it('fetched for some keys only, does not say to destroy an earlier bundle that is the only one of the others', async () => {
    const plan = f.plan(['AES_256', 'AES_256']);
    const { online, first } = await onlineWithFirstBundle(f, plan);
    const [one, two] = online.keys();
    await online.fetchParameters({ keyIds: [one?.keyId as string] });
    const second = await online.writeParametersBundle(path.join(f.dir, 'params-2'));
    expect(second.warnings.map((w) => w.code)).not.toContain('EARLIER_PARAMETERS_BUNDLE_LIVE');
    const warning = second.warnings.find((w) => w.code === 'EARLIER_PARAMETERS_BUNDLE_LIVE_FOR_OTHERS');
    expect(warning?.values).toMatchObject({
      count: 1,
      bundlesList: listValue([`${first.dir} (${first.manifestSha256Grouped})`]),
      beyondKeysList: listValue([`${two?.alias} (${two?.keyId})`]),
    });
    const said = english.message({ key: 'warning.EARLIER_PARAMETERS_BUNDLE_LIVE_FOR_OTHERS', values: warning?.values });
    expect(said).toContain(
      `It also holds the import parameters of ${two?.alias} (${two?.keyId}), which the new bundle does not`,
    );
    expect(said).not.toContain('Take only the new bundle');
  });

  it('fetched for the other keys next, does not call the first bundle the only one of keys given their own since', async () => {
    const plan = f.plan(['AES_256', 'AES_256']);
    const { online, first } = await onlineWithFirstBundle(f, plan);
    const [one, two] = online.keys();
    await online.fetchParameters({ keyIds: [one?.keyId as string] });
    const second = await online.writeParametersBundle(path.join(f.dir, 'params-2'));
    // The second key's turn: the first key has params-2 now, so params-1 is no longer its only bundle.
    await online.fetchParameters({ keyIds: [two?.keyId as string] });
    const third = await online.writeParametersBundle(path.join(f.dir, 'params-3'));
    expect(third.warnings.map((w) => w.code)).not.toContain('EARLIER_PARAMETERS_BUNDLE_LIVE_FOR_OTHERS');
    const warning = third.warnings.find((w) => w.code === 'EARLIER_PARAMETERS_BUNDLE_LIVE_FOR_THESE');
    expect(warning?.values).toMatchObject({
      count: 1,
      bundlesList: listValue([`${first.dir} (${first.manifestSha256Grouped})`]),
    });
    // "Take only the new bundle" is said for the second key only: params-2, the first key's, is to be kept.
    const said = english.message({ key: 'warning.EARLIER_PARAMETERS_BUNDLE_LIVE_FOR_THESE', values: warning?.values });
    expect(said).toContain(`For ${two?.alias} (${two?.keyId}), the key of the new bundle, take only the new bundle`);
    expect(said).toContain('unless the air-gapped side already wrapped it for that key: then import that wrap');
    expect(said).toContain(
      `The new bundle does not hold ${one?.alias} (${one?.keyId}): keep the bundle that key waits on, ${second.dir} (${second.manifestSha256Grouped}) (folder and digest), for it.`,
    );
    const zh = translator('zh-CN').message({
      key: 'warning.EARLIER_PARAMETERS_BUNDLE_LIVE_FOR_THESE',
      values: warning?.values,
    });
    expect(zh).toContain(`新的参数包不含 ${one?.alias} (${one?.keyId})：请为该密钥保留其所用的参数包 ${second.dir}`);
    expect(zh).toContain('但如果离线端已经为该密钥包装过其中一个');
  });

  it('fetched for a third key last, says the bundles each of the other keys waits on, one per key', async () => {
    const plan = f.plan(['AES_256', 'AES_256', 'AES_256']);
    const { online, first } = await onlineWithFirstBundle(f, plan);
    const [one, two, three] = online.keys();
    await online.fetchParameters({ keyIds: [one?.keyId as string] });
    const second = await online.writeParametersBundle(path.join(f.dir, 'params-2'));
    await online.fetchParameters({ keyIds: [two?.keyId as string] });
    const third = await online.writeParametersBundle(path.join(f.dir, 'params-3'));
    await online.fetchParameters({ keyIds: [three?.keyId as string] });
    const fourth = await online.writeParametersBundle(path.join(f.dir, 'params-4'));
    const warning = fourth.warnings.find((w) => w.code === 'EARLIER_PARAMETERS_BUNDLE_LIVE_FOR_THESE');
    expect(warning?.values).toMatchObject({
      bundlesList: listValue([`${first.dir} (${first.manifestSha256Grouped})`]),
    });
    const said = english.message({ key: 'warning.EARLIER_PARAMETERS_BUNDLE_LIVE_FOR_THESE', values: warning?.values });
    expect(said).toContain(
      `The new bundle does not hold ${one?.alias} (${one?.keyId}), ${two?.alias} (${two?.keyId}): keep the bundles those keys wait on, ${second.dir} (${second.manifestSha256Grouped}), ${third.dir} (${third.manifestSha256Grouped}) (folder and digest), for them.`,
    );
    const zh = translator('zh-CN').message({
      key: 'warning.EARLIER_PARAMETERS_BUNDLE_LIVE_FOR_THESE',
      values: warning?.values,
    });
    expect(zh).toContain(`请为这些密钥保留它们所用的 2 个参数包 ${second.dir}`);
  });

  it('names no bundle for parameters fetched and never written', async () => {
    const plan = f.plan(['AES_256']);
    const online = await f.online(await f.journal('online.jsonl'), plan);
    await online.connect();
    await online.createKeys(plan.keys);
    await online.fetchParameters();
    await online.fetchParameters();
    const only = await online.writeParametersBundle(path.join(f.dir, 'params-1'));
    expect(only.warnings.map((w) => w.code)).not.toContain('EARLIER_PARAMETERS_BUNDLE_LIVE');
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
    expect(second.warnings.map((w) => w.code)).not.toContain('EARLIER_PARAMETERS_BUNDLE_LIVE');
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
    expect(again.warnings.map((w) => w.code)).not.toContain('EARLIER_PARAMETERS_BUNDLE_LIVE');
  });
  it('goes by the KMS’s time as the new tokens prove it, not by a clock that lags it', async () => {
    const plan = f.plan(['AES_256']);
    const { online } = await onlineWithFirstBundle(f, plan);
    // A day and an hour later for the KMS; this computer's clock has not moved.
    f.sim.clock.advance(DAY_AND_AN_HOUR);
    await online.fetchParameters();
    const second = await online.writeParametersBundle(path.join(f.dir, 'params-2'));
    expect(second.warnings.map((w) => w.code)).not.toContain('EARLIER_PARAMETERS_BUNDLE_LIVE');
  });
});
