/**
 * HSM ceremonies end to end against the simulator, with the material in a real SoftHSM token:
 * generated and wrapped in the token, imported and proven; after the material expires, the
 * restore re-wraps the same token object for fresh parameters (same KCV) and it is proven again.
 * Refusals leave nothing written, and the PIN appears in no written file.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HsmSourceRequest } from '../../../../src-main/core/ceremony/airgap/hsm-source-request';
import type { CeremonyPlan } from '../../../../src-main/core/ceremony/shared/ceremony-plan';
import { randomBytes } from 'node:crypto';
import { generateAesTokenKey, openSession, WRAPPABLE, writeAesTokenKey } from '../../hsm/helpers/hsm-fixtures';
import { onlineDayOne } from '../ceremony-fixture';
import {
  airGapWithHsm as airGapSide,
  expiredHsmKey,
  hsmPlan as planOf,
  softHsmCeremonies,
  softHsmRequest,
} from '../hsm-ceremony';
import { confirmEveryWitness } from '../witness-helpers';

const t = softHsmCeremonies('ceremony-hsm', '73915264');

const hsmPlan = (specs: Parameters<typeof planOf>[1], expiresInMs?: number) => planOf(t.f, specs, expiresInMs);
const hsmRequest = (extra: Partial<HsmSourceRequest> = {}) => softHsmRequest(t.token, extra);
const airGapWithHsm = (
  plan: CeremonyPlan,
  params: string,
  out: string,
  request: HsmSourceRequest,
  journalName = 'airgap.jsonl',
) => airGapSide(t.f, plan, params, out, request, undefined, journalName);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('HSM material in a ceremony (SoftHSM token, simulator KMS)', () => {
  it('AES_256 and RSA_2048 generated and wrapped in the token import and prove; the journal records the token, never the PIN', async () => {
    const { f, token } = t;
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

  it('after the AES material expires, a second air-gapped ceremony with existing keys (by key id) wraps the same token object for fresh parameters and it proves again', async () => {
    const { f } = t;
    const { plan, created, first, day3, params2 } = await expiredHsmKey(f, hsmRequest());
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
    const { f, token } = t;
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
      // Each refused attempt is a ceremony of its own, so each has its own air-gapped journal.
      await expect(airGapWithHsm(plan, params, out, request, `airgap-${i}.jsonl`)).rejects.toMatchObject({ code });
      await expect(stat(out)).rejects.toMatchObject({ code: 'ENOENT' });
      const journal = await readFile(path.join(f.dir, `airgap-${i}.jsonl`), 'utf8');
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

  it('a token key the HSM may not let out (CKA_EXTRACTABLE false), chosen by label, is refused with its message: nothing written, no PIN', async () => {
    const { f, token } = t;
    const hsm = openSession(token);
    try {
      generateAesTokenKey(hsm.session, 'locked-in', { sensitive: true, extractable: false });
    } finally {
      hsm.close();
    }
    const plan = hsmPlan(['AES_256']);
    const { params, created } = await onlineDayOne(f, plan);
    const out = path.join(f.dir, 'wrapped');
    const request = hsmRequest({ existingKeys: { labels: { [created[0]!.keyId]: 'locked-in' } } });
    const error = (await airGapWithHsm(plan, params, out, request).catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ code: 'HSM_KEY_NOT_EXTRACTABLE' });
    expect(error.message).toMatch(/label "locked-in" is not extractable \(CKA_EXTRACTABLE false\)/);
    await expect(stat(out)).rejects.toMatchObject({ code: 'ENOENT' });
    const journal = await readFile(path.join(f.dir, 'airgap.jsonl'), 'utf8');
    expect(journal).not.toContain('"event":"material.wrapped"');
    expect(journal).toContain('"event":"ceremony.abandoned"');
    for (const file of await filesUnder(f.dir)) {
      expect((await readFile(file)).includes(Buffer.from(token.pin)), `PIN found in ${file}`).toBe(false);
    }
  }, 120_000);

  it('one token key chosen for two keys of the ceremony is refused before any witness types: the KMS would hold one material twice', async () => {
    const { f } = t;
    const hsm = openSession(t.token);
    try {
      generateAesTokenKey(hsm.session, 'shared-g1', { ...WRAPPABLE, id: Buffer.from('0b01', 'hex') });
    } finally {
      hsm.close();
    }
    const plan = hsmPlan(['AES_256', 'AES_256']);
    const { params, created } = await onlineDayOne(f, plan);
    const [first, second] = created.map((k) => k.keyId) as [string, string];
    const out = path.join(f.dir, 'wrapped');
    const request = hsmRequest({ existingKeys: { labels: { [first]: 'shared-g1', [second]: 'shared-g1' } } });
    const error = (await airGapWithHsm(plan, params, out, request).catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ code: 'HSM_KEY_CHOSEN_TWICE' });
    expect(error.message).toContain(
      `The token key "shared-g1" (CKA_ID 0b01) in token "ceremony-hsm" was chosen for two keys of this ceremony: ${first} and ${second}.`,
    );
    await expect(stat(out)).rejects.toMatchObject({ code: 'ENOENT' });
    const journal = await readFile(path.join(f.dir, 'airgap.jsonl'), 'utf8');
    expect(journal).not.toContain('"event":"witness.confirmed"');
    expect(journal).not.toContain('"event":"material.hsm-selected"');
  }, 120_000);

  it('keys chosen in the token: the journal records each object’s own CKA_ID and origin; the receipt says which material was not in the token all its life', async () => {
    const { f } = t;
    const hsm = openSession(t.token);
    try {
      generateAesTokenKey(hsm.session, 'made-here', { ...WRAPPABLE, id: Buffer.from('0a01', 'hex') });
      writeAesTokenKey(hsm.session, 'from-a-file', Buffer.from('0d02', 'hex'), randomBytes(32));
    } finally {
      hsm.close();
    }
    const plan = hsmPlan(['AES_256', 'AES_256']);
    const { params, created } = await onlineDayOne(f, plan);
    const [kept, imported] = created.map((k) => k.keyId) as [string, string];
    const out = path.join(f.dir, 'wrapped');
    const request = hsmRequest({ existingKeys: { labels: { [kept]: 'made-here', [imported]: 'from-a-file' } } });
    const { receipt } = await airGapWithHsm(plan, params, out, request);
    const selected = (await readFile(path.join(f.dir, 'airgap.jsonl'), 'utf8'))
      .split('\n')
      .filter((l) => l.includes('"event":"material.hsm-selected"'))
      .map((l) => (JSON.parse(l) as { data: Record<string, unknown> }).data);
    expect(
      selected.map((d) => [d.keyId, d.objectId, d.objectLocal, d.objectAlwaysSensitive, d.objectSensitive]),
    ).toEqual([
      [kept, '0a01', true, true, true],
      [imported, '0d02', false, false, false],
    ]);
    const text = (await readFile(receipt.textFile, 'utf8')).replace(/\s+/g, ' ');
    expect(text).toContain('Not all of it was inside the token all its life');
    expect(text).not.toContain('stayed inside this HSM token');
    expect(text).toContain(
      'already in the token: generated there and never readable in plain form (CKA_LOCAL and CKA_ALWAYS_SENSITIVE true)',
    );
    // Written in unsensitive: readable in plain form now, said first (CKA_SENSITIVE false).
    expect(text).toContain(
      'already in the token, and readable in plain form NOW (CKA_SENSITIVE false): anyone with the token’s PIN can read its value out',
    );
  }, 120_000);

  it('custody shares are refused for HSM material, with the reason', async () => {
    const { f } = t;
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
