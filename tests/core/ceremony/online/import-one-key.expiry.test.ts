/**
 * The material expiry of an online import: per key, the expiry the wrapped-material bundle
 * requests (signed on the air-gapped side) wins over the plan's; an explicit override is
 * journaled; an effective expiry in the past is refused before anything reaches the KMS.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CeremonyPlan, MaterialExpiry } from '../../../../src-main/core/ceremony/shared/ceremony-plan';
import { createFixture, onlineDayOne, receiptDigestOf, type Fixture } from '../ceremony-fixture';
import { confirmEveryWitness } from '../witness-helpers';
import { momentText } from '../../../../src-main/i18n/moment';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

const HOUR = 3600_000;
const wholeSecondsFromNow = (ms: number) => new Date(Math.floor(Date.now() / 1000) * 1000 + ms);

/** The air-gapped side on `params`, asking for `expiry` in the wrapped-material bundle. */
async function wrapRequesting(plan: CeremonyPlan, params: string, expiry: MaterialExpiry): Promise<string> {
  const journal = await f.journal('airgap.jsonl');
  const air = await f.airgap(journal, plan);
  await air.checkNetwork();
  await air.readParametersBundle(params);
  await confirmEveryWitness(air, ['Ben', 'Chloé'], params);
  const out = path.join(f.dir, 'wrapped');
  await air.preflight({ wrappedBundle: out, receiptFolder: f.dir });
  await air.generateMaterial();
  await air.wrap();
  await air.writeWrappedBundle(out, { expiry });
  await air.writeReceipt(f.dir);
  await journal.close();
  return out;
}

async function onlineEvents(event: string): Promise<Record<string, unknown>[]> {
  const lines = (await readFile(path.join(f.dir, 'online.jsonl'), 'utf8')).trim().split('\n');
  return lines
    .map((l) => JSON.parse(l) as { event: string; data: Record<string, unknown> })
    .filter((e) => e.event === event)
    .map((e) => e.data);
}

describe('online import: material expiry', () => {
  it('uses the expiry the bundle requests when the plan says never, and warns and journals the difference', async () => {
    const plan = f.plan(['AES_256']);
    const { created, params } = await onlineDayOne(f, plan);
    const keyId = created[0]?.keyId as string;
    const at = wholeSecondsFromNow(72 * HOUR);
    const wrapped = await wrapRequesting(plan, params, { kind: 'at', at });

    const day2 = await f.online(await f.journal('online.jsonl'), plan);
    await day2.connect();
    const checked = await day2.checkWrappedBundle(wrapped, await receiptDigestOf(wrapped));
    expect(checked.keys.map((k) => k.requestedExpiresAt)).toEqual([at.toISOString()]);
    expect(checked.warnings).toEqual([
      {
        code: 'EXPIRY_DIFFERS_FROM_PLAN',
        values: { count: 1, keyId, requested: 'at', requestedAt: at.getTime(), plan: 'never', planAt: 0 },
      },
    ]);
    const imported = await day2.importMaterial();
    expect(imported.map((k) => [k.expiresAt, k.expirySource])).toEqual([[at.toISOString(), 'bundle']]);
    expect((await f.kms.describeKey(keyId)).materialExpiresAt?.toISOString()).toBe(at.toISOString());
    expect(await onlineEvents('import.expiry-chosen')).toEqual([
      { keys: [{ keyId, requested: at.toISOString(), plan: 'never', effective: at.toISOString(), source: 'bundle' }] },
    ]);
    expect((await onlineEvents('key.imported'))[0]).toMatchObject({ keyId, expiresAt: at.toISOString() });

    // The material lapses. The fresh bundle records the expiry it was imported with (not the plan's
    // "never"), so a custody restore from it has to choose an expiry instead of requesting never silently.
    await day2.verifyKeys();
    await f.journals.at(-1)?.close();
    f.sim.clock.advance(73 * HOUR);
    const day3 = await f.onlineAhead(await f.journal('online.jsonl'), plan, 73 * HOUR);
    await day3.connect();
    await day3.fetchParameters();
    const fresh = path.join(f.dir, 'params-after-lapse');
    await day3.writeParametersBundle(fresh);
    const manifest = JSON.parse(await readFile(path.join(fresh, 'manifest.json'), 'utf8')) as {
      formatVersion: number;
      ceremony: { materialExpiry: string };
      keys: { keyId: string; materialExpiry: string }[];
    };
    expect(manifest.ceremony.materialExpiry).toBe(at.toISOString());
    // Format 4 and later (5: the ceremony's people too; 6: the air-gapped journal of the wrap checked): the key says it too, its own (another key of the bundle may have another).
    expect(manifest.formatVersion).toBe(6);
    expect(manifest.keys.map((k) => [k.keyId, k.materialExpiry])).toEqual([[keyId, at.toISOString()]]);
  }, 60_000);

  it("takes a restore's new expiry for a plan the KMS's clock has passed as replacing it: no warning, no override journaled", async () => {
    // The plan's expiry is an hour ahead when the key is created; the KMS's clock then runs two hours
    // ahead (as after `kms-sim advance`), so for the KMS that moment has passed when parameters are
    // fetched and the air-gapped side requests a new one. This machine's clock has not passed it.
    const planned = wholeSecondsFromNow(HOUR);
    const plan: CeremonyPlan = { ...f.plan(['AES_256']), materialExpiry: { kind: 'at', at: planned } };
    f.sim.clock.advance(2 * HOUR);
    const { created, params } = await onlineDayOne(f, plan);
    const keyId = created[0]?.keyId as string;
    const renewed = wholeSecondsFromNow(30 * 24 * HOUR);
    const wrapped = await wrapRequesting(plan, params, { kind: 'at', at: renewed });

    const day2 = await f.online(await f.journal('online.jsonl'), plan);
    await day2.connect();
    const checked = await day2.checkWrappedBundle(wrapped, await receiptDigestOf(wrapped));
    expect(checked.warnings.map((w) => w.code)).not.toContain('EXPIRY_DIFFERS_FROM_PLAN');
    const imported = await day2.importMaterial();
    expect(imported.map((k) => [k.expiresAt, k.expirySource])).toEqual([[renewed.toISOString(), 'bundle']]);
    expect(await onlineEvents('import.expiry-chosen')).toEqual([]);
    expect((await f.kms.describeKey(keyId)).materialExpiresAt?.toISOString()).toBe(renewed.toISOString());
  }, 60_000);

  it('refuses a requested expiry that has passed without calling the KMS; an explicit override is journaled and used', async () => {
    const plan = f.plan(['AES_256']);
    const { created, params } = await onlineDayOne(f, plan);
    const keyId = created[0]?.keyId as string;
    const at = wholeSecondsFromNow(HOUR);
    const wrapped = await wrapRequesting(plan, params, { kind: 'at', at });

    // Two hours later (the token is valid 24 hours): the requested expiry has passed.
    const day2 = await f.online(await f.journal('online.jsonl'), plan, () => new Date(Date.now() + 2 * HOUR));
    await day2.connect();
    const checked = await day2.checkWrappedBundle(wrapped, await receiptDigestOf(wrapped));
    expect(checked.warnings.map((w) => w.code)).toContain('MATERIAL_EXPIRY_PAST');
    await expect(day2.importMaterial()).rejects.toMatchObject({
      code: 'EXPIRY_IN_PAST',
      message: expect.stringContaining(
        `requests material expiry ${momentText('en', at)} for key ${keyId}, which has passed`,
      ),
      nextStep: expect.stringContaining('--expires'),
    });
    const failed = await onlineEvents('step.failed');
    expect(failed).toEqual([
      expect.objectContaining({
        step: 'import-key-material',
        keyId,
        code: 'EXPIRY_IN_PAST',
        reason: expect.stringContaining(`for key ${keyId}, which has passed`),
        values: expect.objectContaining({ keyId }),
      }),
    ]);
    expect(failed[0]).not.toHaveProperty('message');
    expect((await f.kms.describeKey(keyId)).stateName).toBe('Pending import');
    expect(day2.step).toBe('material-checked');

    const imported = await day2.importMaterial({ expiry: { kind: 'never' } });
    expect(imported.map((k) => [k.expiresAt, k.requestedExpiresAt, k.expirySource])).toEqual([
      ['never', at.toISOString(), 'override'],
    ]);
    const described = await f.kms.describeKey(keyId);
    expect([described.stateName, described.materialExpiresAt]).toEqual(['Enabled', undefined]);
    // Only the expiry sent is journaled as chosen: the refused one (passed) never was.
    expect(
      (await onlineEvents('import.expiry-chosen')).map((d) =>
        (d.keys as { source: string; effective: string }[]).map((k) => [k.source, k.effective]),
      ),
    ).toEqual([[['override', 'never']]]);
  }, 60_000);
});
