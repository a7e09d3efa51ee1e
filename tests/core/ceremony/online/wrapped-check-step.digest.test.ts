/**
 * The online import needs proof that the wrapped-material bundle is the one the air-gapped
 * receipt names: the digest typed from that receipt. A swapped bundle (material someone else
 * wrapped under a copy of the same parameters) is refused before anything reaches the KMS, as is
 * an import without the digest; a typo is located by group without revealing the real digest.
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { groupHex } from '../../../../src-main/core/hex-groups';
import type { WrappedBundleProof } from '../../../../src-main/core/ceremony/online/workflow';
import { airGapSide, createFixture, onlineDayOne, receiptDigestOf, type Fixture } from '../ceremony-fixture';
import { confirmEveryWitness } from '../witness-helpers';
import { translator } from '../../../../src-main/i18n/translate';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

async function onlineEvents(): Promise<{ event: string; data: Record<string, unknown> }[]> {
  const lines = (await readFile(path.join(f.dir, 'online.jsonl'), 'utf8')).trim().split('\n');
  return lines.map((l) => JSON.parse(l) as { event: string; data: Record<string, unknown> });
}

/** Someone holding a copy of the parameters bundle wraps material they know, on another machine. */
async function attackerWraps(plan: ReturnType<Fixture['plan']>, params: string): Promise<string> {
  // The attacker's own desk and medium, with a copy of the parameters: beside the ceremony's journal
  // or its wrap, a journal of no ceremony yet is refused, and parameters naming none are held to the wrap's.
  const desk = await mkdtemp(path.join(f.dir, 'attacker-'));
  const air = await f.airgap(await f.journal(path.join(path.basename(desk), 'attacker.jsonl')), plan);
  await air.checkNetwork();
  const copy = path.join(desk, 'params');
  await cp(params, copy, { recursive: true });
  await air.readParametersBundle(copy);
  await confirmEveryWitness(air, plan.witnesses, copy);
  // Wrapped on the attacker's medium, then put on the ceremony's.
  const own = path.join(desk, 'swapped');
  const receipts = await mkdtemp(path.join(f.dir, 'attacker-receipt-'));
  await air.preflight({ wrappedBundle: own, receiptFolder: receipts });
  await air.generateMaterial();
  await air.wrap();
  await air.writeWrappedBundle(own);
  await air.writeReceipt(receipts);
  const out = path.join(f.dir, 'swapped');
  await cp(own, out, { recursive: true });
  return out;
}

/** Changes group `n` (1-based) of a 64-digit digest, as a typing slip would. */
function slip(digest: string, n: number): string {
  const at = (n - 1) * 4;
  const group = digest.slice(at, at + 4);
  const changed = `${group.slice(0, 3)}${group.endsWith('0') ? '1' : '0'}`;
  return groupHex(`${digest.slice(0, at)}${changed}${digest.slice(at + 4)}`);
}

describe('where the officer finds the digest to type', () => {
  it.each(['en', 'zh-CN'] as const)('names the air-gapped receipt row by its printed label (%s)', (locale) => {
    const { t } = translator(locale);
    const label = t('receipt.seals.wrapped');
    for (const hint of [
      t('problem.WRAPPED_DIGEST_REQUIRED.next'),
      t('problem.CLI_EXPECT_DIGEST_MISSING.next'),
      t('problem.WRAPPED_DIGEST_IS_PARAMETERS.next'),
      t('digest.field.required'),
    ])
      expect(hint).toContain(`${locale === 'en' ? '"' : '“'}${label}${locale === 'en' ? '"' : '”'}`);
  });
});

describe("online import: proof that the wrapped bundle is the receipt's", () => {
  it('refuses a swapped bundle with the digest from the receipt, before any KMS call, and journals the refusal', async () => {
    const plan = f.plan(['AES_256']);
    const { created, params } = await onlineDayOne(f, plan);
    const { bundle: real } = await airGapSide(f, plan, params);
    const swapped = await attackerWraps(plan, params);
    const day2 = await f.online(await f.journal('online.jsonl'), plan);
    await day2.connect();
    const imports = vi.spyOn(f.kms, 'importKeyMaterial');
    const receipt: WrappedBundleProof = { expectedDigest: groupHex(real.manifestSha256), source: 'air-gapped-receipt' };
    const refusal = day2.checkWrappedBundle(swapped, receipt);
    await expect(refusal).rejects.toMatchObject({ code: 'WRAPPED_DIGEST_MISMATCH' });
    await expect(refusal).rejects.toThrow(/groups differ .*This is not the bundle the air-gapped receipt names/);
    await expect(day2.importMaterial()).rejects.toMatchObject({ code: 'CEREMONY_STEP_OUT_OF_ORDER' });
    // The import-parameters bundle, on the same media, brought back by mistake: named as what it is.
    const parametersBack = day2.checkWrappedBundle(params, receipt);
    await expect(parametersBack).rejects.toMatchObject({ code: 'BUNDLE_WRONG_KIND', values: { found: 'parameters' } });
    await expect(parametersBack).rejects.toThrow(/is an import-parameters bundle, not a wrapped-material bundle/);
    expect(imports).not.toHaveBeenCalled();
    expect((await f.kms.describeKey(created[0]?.keyId as string)).stateName).toBe('Pending import');
    const refused = (await onlineEvents()).filter((e) => e.event === 'wrapped-bundle.refused');
    expect(refused).toHaveLength(2);
    expect(refused[1]?.data).toMatchObject({ folder: params, code: 'BUNDLE_WRONG_KIND' });
    expect(refused[0]?.data).toMatchObject({
      folder: swapped,
      code: 'WRAPPED_DIGEST_MISMATCH',
      digestSource: 'air-gapped-receipt',
    });
    expect((refused[0]?.data.differingGroups as number[]).length).toBeGreaterThan(2);
    // The real bundle with the same typed digest goes through.
    await day2.checkWrappedBundle(path.join(f.dir, 'wrapped'), receipt);
    await day2.importMaterial();
    const checked = (await onlineEvents()).find((e) => e.event === 'wrapped-bundle.checked');
    expect(checked?.data).toMatchObject({ manifestSha256: real.manifestSha256, digestSource: 'air-gapped-receipt' });
  });

  it('refuses to import without the digest from the receipt (nothing read, nothing sent)', async () => {
    const plan = f.plan(['AES_256']);
    const { params } = await onlineDayOne(f, plan);
    await airGapSide(f, plan, params);
    const day2 = await f.online(await f.journal('online.jsonl'), plan);
    await day2.connect();
    const imports = vi.spyOn(f.kms, 'importKeyMaterial');
    const wrapped = path.join(f.dir, 'wrapped');
    for (const missing of [undefined, { expectedDigest: '   ', source: 'air-gapped-receipt' }]) {
      const refusal = day2.checkWrappedBundle(wrapped, missing as unknown as WrappedBundleProof);
      await expect(refusal).rejects.toMatchObject({ code: 'WRAPPED_DIGEST_REQUIRED' });
      await expect(refusal).rejects.toHaveProperty(
        'nextStep',
        expect.stringContaining('"Wrapped-material bundle digest" under "Seals"'),
      );
    }
    await expect(day2.importMaterial()).rejects.toMatchObject({ code: 'CEREMONY_STEP_OUT_OF_ORDER' });
    expect(imports).not.toHaveBeenCalled();
    expect((await onlineEvents()).filter((e) => e.event === 'wrapped-bundle.refused')).toHaveLength(2);
  });

  it("names the receipt's other seal when the import-parameters bundle digest is typed (nothing read, nothing sent)", async () => {
    const plan = f.plan(['AES_256']);
    const { params, written } = await onlineDayOne(f, plan);
    await airGapSide(f, plan, params);
    const day2 = await f.online(await f.journal('online.jsonl'), plan);
    await day2.connect();
    const imports = vi.spyOn(f.kms, 'importKeyMaterial');
    const wrapped = path.join(f.dir, 'wrapped');
    const refusal = day2.checkWrappedBundle(wrapped, {
      expectedDigest: groupHex(written.manifestSha256),
      source: 'air-gapped-receipt',
    });
    await expect(refusal).rejects.toMatchObject({
      code: 'WRAPPED_DIGEST_IS_PARAMETERS',
      message: expect.stringContaining('is the import-parameters bundle digest this workstation wrote'),
      // Before any wrap there is no receipt to read it from: the way on says so (a trial).
      nextStep: expect.stringContaining('No air-gapped receipt yet? Then the material is not wrapped'),
    });
    expect(imports).not.toHaveBeenCalled();
    const refused = (await onlineEvents()).filter((e) => e.event === 'wrapped-bundle.refused');
    expect(refused.map((e) => e.data.code)).toEqual(['WRAPPED_DIGEST_IS_PARAMETERS']);
  });

  it('locates a typing slip by group without revealing the real digest, and accepts the corrected digest', async () => {
    const plan = f.plan(['EC_P256']);
    const { params } = await onlineDayOne(f, plan);
    const { bundle, out } = await airGapSide(f, plan, params);
    const day2 = await f.online(await f.journal('online.jsonl'), plan);
    await day2.connect();
    const typo = slip(bundle.manifestSha256, 7);
    const refusal = day2.checkWrappedBundle(out, { expectedDigest: typo, source: 'air-gapped-receipt' });
    const typedGroup = typo.split(' ')[6] as string;
    const realGroup = groupHex(bundle.manifestSha256).split(' ')[6] as string;
    await expect(refusal).rejects.toThrow(
      `Group 7 of 16 differs from the digest of the bundle in ${out}: you typed ${typedGroup} there.`,
    );
    await expect(refusal).rejects.toHaveProperty(
      'nextStep',
      expect.stringMatching(/^Read that group on the air-gapped receipt again/),
    );
    await expect(refusal).rejects.not.toThrow(realGroup);
    const refused = (await onlineEvents()).find((e) => e.event === 'wrapped-bundle.refused');
    expect(refused?.data.differingGroups).toEqual([7]);
    const bad = day2.checkWrappedBundle(out, { expectedDigest: `${typo.slice(0, -1)}`, source: 'air-gapped-receipt' });
    await expect(bad).rejects.toMatchObject({ code: 'DIGEST_TYPED_GROUP_LENGTH' });
    await expect(bad).rejects.toThrow(/Group 16 .* has 3 digits/);
    // Three groups mistyped (a trial's): still a slip, to be typed again, not "another bundle".
    const threeSlips = [2, 7, 12].reduce((d, n) => slip(d, n).replace(/ /g, '').toLowerCase(), bundle.manifestSha256);
    const retype = day2.checkWrappedBundle(out, { expectedDigest: threeSlips, source: 'air-gapped-receipt' });
    await expect(retype).rejects.toMatchObject({
      code: 'WRAPPED_DIGEST_SLIP',
      nextStep: expect.stringMatching(/^Read those groups on the air-gapped receipt again/),
    });
    await expect(retype).rejects.toThrow(/^Groups 2, 7, 12 of 16 differ from the digest of the bundle in /);
    await day2.checkWrappedBundle(out, {
      expectedDigest: groupHex(bundle.manifestSha256),
      source: 'air-gapped-receipt',
    });
    expect(day2.step).toBe('material-checked');
  });

  it('names the folder inside the one given that holds the bundle of the digest typed (the stick’s root given)', async () => {
    const plan = f.plan(['AES_256']);
    const { params } = await onlineDayOne(f, plan);
    const { out } = await airGapSide(f, plan, params);
    const day2 = await f.online(await f.journal('online.jsonl'), plan);
    await day2.connect();
    const root = day2.checkWrappedBundle(f.dir, await receiptDigestOf(out), { shownAs: 'usb' });
    await expect(root).rejects.toMatchObject({
      code: 'WRAPPED_BUNDLE_ONE_FOLDER_DOWN',
      values: { dir: 'usb', folder: path.join('usb', 'wrapped') },
      nextStep: 'Give that folder: run the command again with --bundle usb/wrapped (in the app, choose that folder).',
    });
    // A stick holding another ceremony's bundle, whose digest was typed (its receipt taken by mistake):
    // said to be that ceremony's, and not offered as the folder to give (a trial ran two in a day).
    const stick = path.join(f.dir, 'stick');
    await cp(out, path.join(stick, 'wrapped-prod'), { recursive: true });
    const manifestFile = path.join(stick, 'wrapped-prod', 'manifest.json');
    const manifest = (await readFile(manifestFile, 'utf8')).replace(
      /"ceremonyId": "[^"]+"/,
      '"ceremonyId": "KF-20261206-pr0d00"',
    );
    await writeFile(manifestFile, manifest);
    const otherDigest = groupHex(createHash('sha256').update(manifest).digest('hex'));
    const other = day2.checkWrappedBundle(stick, { expectedDigest: otherDigest, source: 'air-gapped-receipt' });
    await expect(other).rejects.toMatchObject({
      code: 'WRAPPED_BUNDLE_ONE_FOLDER_DOWN',
      values: { other: 'yes', named: 'KF-20261206-pr0d00' },
      nextStep: expect.stringMatching(
        /^Do not import it here: the digest typed is from that ceremony’s air-gapped receipt\./,
      ),
    });
    // A digest of no bundle there: the folder's own problem, as before.
    const none = day2.checkWrappedBundle(f.dir, {
      expectedDigest: groupHex('ab'.repeat(32)),
      source: 'air-gapped-receipt',
    });
    await expect(none).rejects.toMatchObject({ code: 'BUNDLE_MANIFEST_MISSING' });
  });

  it("takes the digest from the rehearsal's own air-gapped side only in a rehearsal", async () => {
    const plan = f.plan(['AES_256']);
    const journal = await f.journal('real.jsonl');
    const { OnlineCeremony } = await import('../../../../src-main/core/ceremony/online/workflow');
    const real = await OnlineCeremony.open({
      journal,
      kms: f.kms,
      region: f.sim.region,
      app: { version: 't', build: 't' },
      start: { ...plan, materialExpiry: plan.materialExpiry, rehearsal: false },
    });
    await real.connect();
    await real.createKeys(plan.keys);
    await real.fetchParameters();
    const params = path.join(f.dir, 'params');
    await real.writeParametersBundle(params);
    const { bundle, out } = await airGapSide(f, plan, params);
    const refusal = real.checkWrappedBundle(out, {
      expectedDigest: bundle.manifestSha256,
      source: 'rehearsal-air-gapped-side',
    });
    await expect(refusal).rejects.toMatchObject({ code: 'WRAPPED_DIGEST_SOURCE_REFUSED' });
  });
});
