/**
 * HSM ceremonies end to end against the simulator, with the material in a real SoftHSM token:
 * generated and wrapped in the token, imported and proven; after the material expires, the
 * restore re-wraps the same token object for fresh parameters (same KCV) and it is proven again.
 * Refusals leave nothing written, and the PIN appears in no written file.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HsmSourceRequest } from '../../../../src-main/core/ceremony/airgap/hsm-material';
import type { CeremonyPlan } from '../../../../src-main/core/ceremony/shared/ceremony-plan';
import { OnlineCeremony } from '../../../../src-main/core/ceremony/online/workflow';
import { KmsClient } from '../../../../src-main/core/kms/client';
import { AkSkCredentials } from '../../../../src-main/core/kms/credentials';
import { createSoftHsmToken, SOFTHSM_MODULE, type SoftToken } from '../../hsm/helpers/soft-tokens';
import { APP, createFixture, onlineDayOne, type Fixture } from '../ceremony-fixture';
import { confirmEveryWitness } from '../witness-helpers';

const DAY_MS = 24 * 3600 * 1000;
let f: Fixture;
let token: SoftToken;
const clients: KmsClient[] = [];

beforeEach(async () => {
  f = await createFixture();
  token = await createSoftHsmToken('ceremony-hsm', '73915264');
});
afterEach(async () => {
  for (const c of clients) c.close();
  clients.length = 0;
  await f.close();
  await token.cleanup();
});

function hsmPlan(specs: Parameters<Fixture['plan']>[0], expiresInMs?: number): CeremonyPlan {
  const plan = f.plan(specs);
  return {
    ...plan,
    wrappingAlgorithm: 'RSAES_OAEP_SHA_1',
    ...(expiresInMs ? { materialExpiry: { kind: 'at' as const, at: new Date(Date.now() + expiresInMs) } } : {}),
  };
}

function hsmRequest(extra: Partial<HsmSourceRequest> = {}): HsmSourceRequest {
  return { modulePath: SOFTHSM_MODULE, token: 'ceremony-hsm', pin: token.pin, ...extra };
}

async function airGapWithHsm(plan: CeremonyPlan, params: string, out: string, request: HsmSourceRequest) {
  const journal = await f.journal('airgap.jsonl');
  const air = await f.airgap(journal, plan);
  try {
    await air.checkNetwork();
    await air.readParametersBundle(params);
    await air.preflight({ wrappedBundle: out, receiptFolder: f.dir });
    const hsm = await air.useHsm(request);
    await confirmEveryWitness(air, plan.witnesses, params);
    const material = await air.generateMaterial();
    await air.wrap();
    const bundle = await air.writeWrappedBundle(out, { expiry: plan.materialExpiry });
    const receipt = await air.writeReceipt(f.dir);
    return { hsm, material, bundle, receipt };
  } catch (error) {
    await air.abandon('test failure');
    throw error;
  } finally {
    await journal.close();
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('HSM material in a ceremony (SoftHSM token, simulator KMS)', () => {
  it('AES_256 and RSA_2048 generated and wrapped in the token import and prove; the journal records the token, never the PIN', async () => {
    const plan = hsmPlan(['AES_256', 'RSA_2048']);
    const { params } = await onlineDayOne(f, plan);
    const out = path.join(f.dir, 'wrapped');
    const first = await airGapWithHsm(plan, params, out, hsmRequest({ acceptZeroFilledPad: true }));
    expect(first.hsm.token).toMatchObject({ label: 'ceremony-hsm', serial: token.serial, model: 'SoftHSM v2' });
    expect(first.material.map((m) => m.source)).toEqual(['hsm', 'hsm']);

    const day2 = await f.online(await f.journal('online.jsonl'), plan);
    await day2.connect();
    await day2.checkWrappedBundle(out, { expectedDigest: first.bundle.manifestSha256, source: 'air-gapped-receipt' });
    await day2.importMaterial();
    const proofs = await day2.verifyKeys();
    expect(proofs.map((p) => [p.keyState, p.ok])).toEqual([
      ['Enabled', true],
      ['Enabled', true],
    ]);

    const journal = await readFile(path.join(f.dir, 'airgap.jsonl'), 'utf8');
    expect(journal).toContain('"event":"hsm.capability-checked"');
    expect(journal).toContain(`"hsmTokenSerial":"${token.serial}"`);
    expect(journal).toContain('"event":"hsm.zero-filled-pad-accepted"');
    expect(journal).toContain('CKM_AES_KEY_WRAP_PAD (0x210A)');
    for (const file of await filesUnder(f.dir)) {
      expect((await readFile(file)).includes(Buffer.from(token.pin)), `PIN found in ${file}`).toBe(false);
    }
  }, 120_000);

  it('after the AES material expires, the restore re-wraps the same token object for fresh parameters and it proves again', async () => {
    const plan = hsmPlan(['AES_256'], 2 * 3600 * 1000);
    const { params, created } = await onlineDayOne(f, plan);
    const first = await airGapWithHsm(plan, params, path.join(f.dir, 'wrapped-1'), hsmRequest());
    const day2Journal = await f.journal('online.jsonl');
    const day2 = await f.online(day2Journal, plan);
    await day2.connect();
    await day2.checkWrappedBundle(path.join(f.dir, 'wrapped-1'), {
      expectedDigest: first.bundle.manifestSha256,
      source: 'air-gapped-receipt',
    });
    await day2.importMaterial();
    expect((await day2.verifyKeys()).map((p) => p.ok)).toEqual([true]);
    await day2Journal.close();

    // Two days later the KMS has deleted the expired material: the key is back to Pending import.
    f.sim.clock.advance(2 * DAY_MS);
    const later = () => new Date(Date.now() + 2 * DAY_MS);
    const kms = new KmsClient({
      endpoint: f.sim.endpoint,
      projectId: f.sim.projectId,
      credentials: new AkSkCredentials({ accessKeyId: f.sim.ak, secretKey: f.sim.sk }),
      retry: { maxAttempts: 1 },
      now: later,
    });
    clients.push(kms);
    const day3 = await OnlineCeremony.open({
      journal: await f.journal('online.jsonl'),
      kms,
      region: f.sim.region,
      app: APP,
      clock: later,
      start: {
        title: plan.title,
        operator: plan.operator,
        witnesses: plan.witnesses,
        wrappingAlgorithm: plan.wrappingAlgorithm,
        materialExpiry: { kind: 'never' },
        rehearsal: true,
      },
    });
    await day3.connect();
    const status = await day3.status();
    expect(status.map((s) => s.keyState)).toEqual(['Pending import']);
    await day3.fetchParameters();
    const params2 = path.join(f.dir, 'params-2');
    await day3.writeParametersBundle(params2);

    const restorePlan = { ...plan, materialExpiry: { kind: 'never' as const } };
    const second = await airGapWithHsm(
      restorePlan,
      params2,
      path.join(f.dir, 'wrapped-2'),
      hsmRequest({ existingKeys: { byKeyId: true } }),
    );
    expect(second.material[0]?.keyCheckValue).toBe(first.material[0]?.keyCheckValue);
    expect(second.material[0]?.keyId).toBe(created[0]?.keyId);
    await day3.checkWrappedBundle(path.join(f.dir, 'wrapped-2'), {
      expectedDigest: second.bundle.manifestSha256,
      source: 'air-gapped-receipt',
    });
    await day3.importMaterial();
    expect((await day3.verifyKeys()).map((p) => [p.keyState, p.ok])).toEqual([['Enabled', true]]);
  }, 120_000);

  it('refusals before anything exists: wrong PIN, missing module, unknown token, OAEP-SHA-256 on SoftHSM; journaled, nothing written', async () => {
    const refusals: [string, CeremonyPlan, HsmSourceRequest][] = [
      ['HSM_PIN_INCORRECT', hsmPlan(['AES_256']), hsmRequest({ pin: '58203947' })],
      ['HSM_MODULE_MISSING', hsmPlan(['AES_256']), hsmRequest({ modulePath: '/opt/hsm/libmissing.so' })],
      ['HSM_TOKEN_NOT_FOUND', hsmPlan(['AES_256']), hsmRequest({ token: 'not-this-one' })],
      ['HSM_OAEP_HASH_UNSUPPORTED', f.plan(['AES_256']), hsmRequest()],
      ['HSM_WRAP_PAD_NOT_EXACT', hsmPlan(['RSA_2048']), hsmRequest()],
    ];
    for (const [i, [code, basePlan, request]] of refusals.entries()) {
      const plan = { ...basePlan, keys: basePlan.keys.map((k) => ({ ...k, alias: `${k.alias}-${i}` })) };
      const { params } = await onlineDayOne(f, plan, `online-${i}.jsonl`);
      const out = path.join(f.dir, `wrapped-${i}`);
      await expect(airGapWithHsm(plan, params, out, request)).rejects.toMatchObject({ code });
      await expect(stat(out)).rejects.toMatchObject({ code: 'ENOENT' });
      const journal = await readFile(path.join(f.dir, 'airgap.jsonl'), 'utf8');
      expect(
        journal.split('\n').filter((l) => l.includes('"event":"hsm.refused"') && l.includes(`"code":"${code}"`)),
      ).toHaveLength(1);
      expect(journal).not.toContain('"event":"material.generated"');
      await import('node:fs/promises').then((fs) => fs.rm(params, { recursive: true }));
    }
    for (const file of await filesUnder(f.dir)) {
      expect((await readFile(file)).includes(Buffer.from(token.pin)), `PIN found in ${file}`).toBe(false);
      expect((await readFile(file)).includes(Buffer.from('58203947')), `wrong PIN found in ${file}`).toBe(false);
    }
  }, 120_000);

  it('custody shares are refused for HSM material, with the reason', async () => {
    const plan = hsmPlan(['AES_256']);
    const { params } = await onlineDayOne(f, plan);
    const journal = await f.journal('airgap.jsonl');
    const air = await f.airgap(journal, plan);
    await air.checkNetwork();
    await air.readParametersBundle(params);
    await air.preflight({ wrappedBundle: path.join(f.dir, 'wrapped'), receiptFolder: f.dir });
    await air.useHsm(hsmRequest());
    await confirmEveryWitness(air, plan.witnesses, params);
    await air.generateMaterial();
    const error = await air
      .splitCustody({ m: 2, n: 3, folders: ['a', 'b', 'c'].map((n) => path.join(f.dir, n)), allowSameVolume: true })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'HSM_CUSTODY_IS_TOKEN' });
    expect((error as Error).message).toContain('it never leaves the HSM in plaintext, so it cannot be split');
    await air.abandon('test');
    await journal.close();
  }, 60_000);
});
