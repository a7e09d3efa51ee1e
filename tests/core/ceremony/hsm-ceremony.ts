/** Test helpers for ceremonies whose material is in a real SoftHSM token: the plan, the request, the air-gapped side. */
import path from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import type { HsmSourceRequest } from '../../../src-main/core/ceremony/airgap/hsm-source-request';
import type { CeremonyPlan } from '../../../src-main/core/ceremony/shared/ceremony-plan';
import type { ReceiptLanguage } from '../../../src-main/core/receipt/language';
import { createSoftHsmToken, SOFTHSM_MODULE, type SoftToken } from '../hsm/helpers/soft-tokens';
import { RestoreCeremony } from '../../../src-main/core/ceremony/restore/workflow';
import { APP, OFFLINE, createFixture, onlineDayOne, type Fixture } from './ceremony-fixture';
import { confirmEveryWitness } from './witness-helpers';

/** A fixture and a fresh SoftHSM token labelled `label` for every test of the file (read them in the test). */
export function softHsmCeremonies(label: string, pin: string): { readonly f: Fixture; readonly token: SoftToken } {
  const current = {} as { f: Fixture; token: SoftToken };
  beforeEach(async () => {
    current.f = await createFixture();
    current.token = await createSoftHsmToken(label, pin);
  });
  afterEach(async () => {
    await current.f.close();
    await current.token.cleanup();
  });
  return current;
}

/** `f.plan(specs)` wrapped with OAEP-SHA-1 (SoftHSM 2.6 does OAEP only with SHA-1), optionally with an AES expiry. */
export function hsmPlan(f: Fixture, specs: Parameters<Fixture['plan']>[0], expiresInMs?: number): CeremonyPlan {
  return {
    ...f.plan(specs),
    wrappingAlgorithm: 'RSAES_OAEP_SHA_1',
    ...(expiresInMs ? { materialExpiry: { kind: 'at' as const, at: new Date(Date.now() + expiresInMs) } } : {}),
  };
}

/** The request for `token` on SoftHSM, with `extra` changes. */
export function softHsmRequest(token: SoftToken, extra: Partial<HsmSourceRequest> = {}): HsmSourceRequest {
  return { modulePath: SOFTHSM_MODULE, token: token.label, pin: token.pin, ...extra };
}

/** The air-gapped side (journal `journalName`, one per ceremony) with the material generated and wrapped in the HSM; receipt in f.dir. */
export async function airGapWithHsm(
  f: Fixture,
  plan: CeremonyPlan,
  params: string,
  out: string,
  request: HsmSourceRequest,
  receiptLanguage?: ReceiptLanguage,
  journalName = 'airgap.jsonl',
) {
  const journal = await f.journal(journalName);
  // The workstation's clock is the KMS's (the simulator's, moved on where a test lets time pass).
  const air = await f.airgap(journal, plan, { clock: () => new Date(f.sim.clock.now()) });
  try {
    await air.checkNetwork();
    await air.readParametersBundle(params);
    await air.preflight({ wrappedBundle: out, receiptFolder: f.dir });
    const hsm = await air.useHsm(request);
    await confirmEveryWitness(air, plan.witnesses, params);
    const material = await air.generateMaterial();
    await air.wrap();
    const bundle = await air.writeWrappedBundle(out, { expiry: plan.materialExpiry });
    const receipt = await air.writeReceipt(f.dir, receiptLanguage ? { language: receiptLanguage } : {});
    return { hsm, material, bundle, receipt };
  } catch (error) {
    await air.abandon('test failure');
    throw error;
  } finally {
    await journal.close();
  }
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * AES_256 generated in the token with a 2-hour material expiry, imported and proven; two days later
 * (the simulator's clock) the KMS deleted the material, the key is Pending import, and fresh
 * parameters are written to params-2 by `day3`, an online side whose clock runs as far ahead.
 */
export async function expiredHsmKey(f: Fixture, request: HsmSourceRequest) {
  const plan = hsmPlan(f, ['AES_256'], 2 * 3600 * 1000);
  const { params, created } = await onlineDayOne(f, plan);
  const first = await airGapWithHsm(f, plan, params, path.join(f.dir, 'wrapped-1'), request);
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

  f.sim.clock.advance(2 * DAY_MS);
  const day3 = await f.onlineAhead(
    await f.journal('online.jsonl'),
    { ...plan, materialExpiry: { kind: 'never' } },
    2 * DAY_MS,
  );
  await day3.connect();
  expect((await day3.status()).map((s) => s.keyState)).toEqual(['Pending import']);
  await day3.fetchParameters();
  const params2 = path.join(f.dir, 'params-2');
  await day3.writeParametersBundle(params2);
  return { plan, created, first, day3, params2 };
}

/**
 * A restore ceremony (people of `plan`) on journal `journalName`, up to the preflight of `out` and a
 * receipt in f.dir and every witness's confirmation of the bundle (before the HSM is opened).
 */
export async function startRestore(f: Fixture, plan: CeremonyPlan, params: string, out: string, journalName: string) {
  const restore = await RestoreCeremony.start({
    journal: await f.journal(journalName),
    title: 'Test ceremony', // the bundle's: a restore carries its title
    operator: plan.operator,
    witnesses: plan.witnesses,
    app: APP,
    interfaces: OFFLINE,
  });
  await restore.checkNetwork();
  await restore.readParametersBundle(params);
  await restore.preflight({ wrappedBundle: out, receiptFolder: f.dir });
  await confirmEveryWitness(restore, plan.witnesses, params);
  return restore;
}
