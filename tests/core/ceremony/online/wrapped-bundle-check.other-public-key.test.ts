/**
 * An RSA/EC key that holds the material of one wrap, offered the bundle of a wrap again of the same
 * parameters (same import token, new material) while another key of the ceremony still waits: the
 * token check lets it through, and only AES keys were compared (by KCV), so the check passed and the
 * waiting key would have taken the second wrap's material beside the first's (found by review). The
 * public key checked before the first import is the evidence now: refused, nothing sent, and the
 * first wrap's bundle then finishes the ceremony. Real simulator, real files.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupHex } from '../../../../src-main/core/hex-groups';
import { toProblem } from '../../../../src-main/core/errors';
import { translator } from '../../../../src-main/i18n/translate';
import { airGapSide, createFixture, onlineDayOne, receiptDigestOf, type Fixture } from '../ceremony-fixture';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture({ concurrency: 1 });
});
afterEach(async () => {
  await f.close();
});

describe('a wrap again of an EC key that holds the first wrap’s material', () => {
  it('is refused by its public key before anything is sent; the first wrap finishes the ceremony', async () => {
    const plan = f.plan(['EC_P256', 'EC_P256']);
    const { params } = await onlineDayOne(f, plan);
    const first = await airGapSide(f, plan, params, path.join(f.dir, 'wrapped-1'));
    const again = await airGapSide(f, plan, params, path.join(f.dir, 'wrapped-2'), 'airgap.jsonl', 'first stick lost');
    const online = await f.online(await f.journal('online.jsonl'), plan);
    await online.connect();
    await online.checkWrappedBundle(first.out, await receiptDigestOf(first.out));
    // The first key goes in; the KMS refuses the second's import.
    f.sim.faults.failWith('import-key-material', 400, 'before', 1, 1);
    await expect(online.importMaterial()).rejects.toMatchObject({ code: 'KMS.0101' });
    const imported = online.keys().filter((k) => k.imported);
    expect(imported).toHaveLength(1);

    const requests = () => online.keys().map((k) => f.sim.importRequestCount(k.keyId));
    const before = requests();
    const refused: unknown = await online
      .checkWrappedBundle(again.out, await receiptDigestOf(again.out))
      .catch((error: unknown) => error);
    // It took the first wrap of these same parameters: that bundle is the one to import, named by its digest.
    expect(refused).toMatchObject({
      code: 'WRAPPED_MATERIAL_NOT_THE_IMPORTED',
      values: {
        keyId: imported[0]?.keyId,
        kind: 'publicKey',
        sameParameters: 'yes',
        boundDigest: groupHex(first.bundle.manifestSha256),
      },
    });
    const said = translator('en').problem(toProblem(refused));
    // The key by its alias too, as the officer knows it.
    expect(said.message).toContain(`Key ${imported[0]?.alias} (${imported[0]?.keyId}) holds other material`);
    expect(said.message).toContain('It took that material from another wrap of these same import parameters');
    expect(said.message).not.toContain('the import token is still unused');
    expect(said.nextStep).toMatch(/^Import the wrap the KMS took \(the wrapped-material bundle with digest /);
    expect(requests()).toEqual(before);

    await online.checkWrappedBundle(first.out, await receiptDigestOf(first.out));
    await online.importMaterial();
    expect((await online.verifyKeys()).every((p) => p.ok)).toBe(true);
  });
});
