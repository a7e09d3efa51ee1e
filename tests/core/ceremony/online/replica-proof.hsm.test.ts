/**
 * A replica group whose material is made in an HSM (a real SoftHSM token) across three simulated
 * regions: the air-gapped side makes ONE token object per group (for its primary), wraps it inside
 * the token under every member's own wrapping key, and the online side imports each member in its
 * region and proves the group holds one material (the wrapped bundle's one KCV for AES, equal
 * public keys for RSA).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readBundle } from '../../../../src-main/core/bundle';
import { parseCeremonyPlan } from '../../../../src-main/core/ceremony/shared/ceremony-plan';
import { createSoftHsmToken, SOFTHSM_MODULE, type SoftToken } from '../../hsm/helpers/soft-tokens';
import { createFixture, onlineDayOne, receiptDigestOf, type Fixture } from '../ceremony-fixture';
import { airGapWithHsm, softHsmRequest } from '../hsm-ceremony';

let f: Fixture | undefined;
let token: SoftToken | undefined;
afterEach(async () => {
  await f?.close();
  await token?.cleanup();
  f = undefined;
  token = undefined;
});

/** The kinds of key object the token holds, as OpenSC's pkcs11-tool lists them after a login. */
function tokenKeyObjects(t: SoftToken): string[] {
  const listed = execFileSync(
    'pkcs11-tool',
    ['--module', SOFTHSM_MODULE, '--token-label', t.label, '--login', '--pin', t.pin, '--list-objects'],
    { env: process.env, stdio: ['ignore', 'pipe', 'pipe'] },
  ).toString();
  return [...listed.matchAll(/^(Secret Key|Private Key) Object/gm)].map((m) => m[1] as string).sort();
}

describe('a replica group with HSM material', () => {
  it('one token object per group, wrapped for each region, imported everywhere and proven', async () => {
    f = await createFixture({
      simulator: { region: 'cn-north-4', regions: [{ region: 'cn-east-3' }, { region: 'ap-southeast-1' }] },
    });
    token = await createSoftHsmToken('kf-replica-hsm', '246810');
    const others = f.sim.regions.slice(1).map((r) => ({ region: r.region, projectId: r.projectId }));
    const plan = {
      ...parseCeremonyPlan({
        title: 'Replica groups from an HSM',
        operator: 'Ana',
        witnesses: ['Ben'],
        keys: [
          { alias: 'dr/aes', spec: 'AES_256', replicas: others },
          { alias: 'dr/rsa', spec: 'RSA_2048', replicas: others },
        ],
      }),
      // SoftHSM 2.6 wraps with OAEP only over SHA-1.
      wrappingAlgorithm: 'RSAES_OAEP_SHA_1' as const,
    };
    const day1 = await onlineDayOne(f, plan);
    expect(day1.created).toHaveLength(6);
    const primaries = day1.created.filter((k) => !k.replicaOf).map((k) => k.keyId);

    const out = path.join(f.dir, 'wrapped');
    // SoftHSM's AES key wrap with padding zero-fills (not RFC 5649-exact): accepted for a rehearsal token.
    await airGapWithHsm(f, plan, day1.params, out, softHsmRequest(token, { acceptZeroFilledPad: true }));
    // One object per group in the token (an AES secret key, an RSA private key), none per replica.
    expect(tokenKeyObjects(token)).toEqual(['Private Key', 'Secret Key']);
    const air = await f.journal('airgap.jsonl');
    const generated = air.entries.filter((e) => e.event === 'material.generated');
    const wrappedEntries = air.entries.filter((e) => e.event === 'material.wrapped');
    await air.close();
    expect(generated.map((e) => e.data.keyId)).toEqual(primaries);
    expect(wrappedEntries).toHaveLength(6);
    const wrapped = await readBundle(out, { now: new Date() });
    if (wrapped.kind !== 'wrapped-material') throw new Error('not a wrapped bundle');
    expect(new Set(wrapped.manifest.keys.filter((k) => k.keySpec === 'AES_256').map((k) => k.keyCheckValue))).toEqual(
      new Set([generated[0]?.data.keyCheckValue]),
    );
    // Each member's ciphertext is its own: wrapped under its own region's wrapping key.
    expect(new Set(wrapped.keys.map((k) => k.encryptedKeyMaterial.toString('hex'))).size).toBe(6);

    const journal = await f.journal('online.jsonl');
    const online = await f.online(journal, plan);
    await online.connect();
    await online.checkWrappedBundle(out, await receiptDigestOf(out));
    expect(await online.importMaterial()).toHaveLength(6);
    const proofs = await online.verifyKeys();
    expect(proofs.map((p) => [p.ok, p.keyState])).toEqual(Array(6).fill([true, 'Enabled']));
    const proven = journal.entries.filter((e) => e.event === 'replica-group.proven');
    expect(proven.map((e) => [e.data.primaryKeyId, e.data.method])).toEqual([
      [primaries[0], 'kcv-of-wrapped-material'],
      [primaries[1], 'public-key-equal'],
    ]);
    expect(proven[1]?.data.publicKeyFingerprint).toBe(generated[1]?.data.publicKeyFingerprint);
    expect((proven[0]?.data.members as { region: string }[]).map((m) => m.region)).toEqual([
      'cn-north-4',
      'cn-east-3',
      'ap-southeast-1',
    ]);
    await journal.close();
  }, 180_000);
});
