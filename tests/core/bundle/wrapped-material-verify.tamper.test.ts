/** Tampering with what a wrapped-material bundle means: public keys, ciphertexts and fields fitting their spec. */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { WrappedMaterialManifest } from '../../../src-main/core/bundle/wrapped-material-manifest';
import { replaceFileConsistently, rewriteManifest } from './bundle-fixtures';
import { keyFile, refusal, usePristineBundles } from './tamper-setup';

const t = usePristineBundles();

describe('wrapped material', () => {
  it('refuses a public key of the wrong spec', async () => {
    const dir = await t.wrappedCopy();
    const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({
      format: 'der',
      type: 'spki',
    });
    await replaceFileConsistently(dir, keyFile(t.wrappedIds[1], 'public_key.der'), ec);
    const error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_PUBLIC_KEY_INVALID');
    expect(error.message).toBe(`The public key of key ${t.wrappedIds[1]} is not a RSA_2048 public key.`);
  });

  it('refuses a ciphertext of impossible length', async () => {
    const dir = await t.wrappedCopy();
    await replaceFileConsistently(dir, keyFile(t.wrappedIds[0], 'EncryptedKeyMaterial.bin'), randomBytes(255));
    const error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_CIPHERTEXT_INVALID');
    expect(error.message).toContain('255 bytes');
    const dir2 = await t.wrappedCopy();
    await replaceFileConsistently(dir2, keyFile(t.wrappedIds[2], 'out_ec_private_key.der'), randomBytes(151));
    expect((await refusal(dir2)).code).toBe('BUNDLE_CIPHERTEXT_INVALID');
  });

  it('refuses fields that do not fit the spec', async () => {
    const dir = await t.wrappedCopy();
    await rewriteManifest(dir, (m) => ((m as WrappedMaterialManifest).keys[1]!.keyCheckValue = 'ABCDEF'));
    let error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_MANIFEST_INVALID');
    expect(error.message).toContain('only symmetric keys have');
    const dir2 = await t.wrappedCopy();
    await rewriteManifest(
      dir2,
      (m) => ((m as WrappedMaterialManifest).keys[2]!.materialExpiresAt = '2031-01-01T00:00:00.000Z'),
    );
    error = await refusal(dir2);
    expect(error.message).toContain('never expires');
  });

  it('refuses a spec changed so the files no longer fit', async () => {
    const dir = await t.wrappedCopy();
    await rewriteManifest(dir, (m) => ((m as WrappedMaterialManifest).keys[0]!.keySpec = 'RSA_2048'));
    const error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_LAYOUT_MISMATCH');
    expect(error.message).toContain('out_rsa_private_key.der');
  });
});
