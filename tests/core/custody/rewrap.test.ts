/**
 * Restore-then-wrap: shares → restored material → wrapped-material bundle for a fresh
 * import-parameters bundle; the wrapping key's private half unwraps exactly the original material.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBundle } from '../../../src-main/core/bundle';
import type { KeyMaterial } from '../../../src-main/core/crypto/key-material';
import { unwrapKeyMaterial } from '../../../src-main/core/crypto/unwrap';
import { restoreMaterial } from '../../../src-main/core/custody/restore';
import { wrapRestoredMaterial } from '../../../src-main/core/custody/rewrap';
import { KEY_ID, bytesOf, materialFor, parametersBundle, refusal, split } from './helpers';

const NOW = new Date();

describe('wrapRestoredMaterial', () => {
  const wrapping = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'keyferry-rewrap-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it.each(['AES_256', 'EC_P256'] as const)('%s: the wrapped bundle unwraps to the original material', async (spec) => {
    const work = await mkdtemp(path.join(dir, `${spec}-`));
    const material: KeyMaterial = await materialFor(spec);
    const shares = await split(material, 2, 3);
    const restored = await restoreMaterial(shares.slice(1));
    const expiresAt = spec === 'AES_256' ? new Date(NOW.getTime() + 90 * 86400_000) : undefined;
    const result = await wrapRestoredMaterial({
      material: restored,
      keyId: KEY_ID,
      parametersDir: await parametersBundle(work, spec, wrapping.publicKey, NOW),
      wrappedOutDir: path.join(work, 'wrapped'),
      now: NOW,
      ...(expiresAt ? { materialExpiresAt: expiresAt } : {}),
    });
    restored.dispose();
    expect(result.ceremonyId).toBe('reimport-2025-02');
    const bundle = await readBundle(path.join(work, 'wrapped'), { now: NOW, expectedDigest: result.digest });
    if (bundle.kind !== 'wrapped-material') throw new Error('expected a wrapped-material bundle');
    const key = bundle.keys[0];
    expect(key?.keyId).toBe(KEY_ID);
    expect(key?.materialExpiresAt).toBe(expiresAt?.toISOString() ?? null);
    const unwrapped = unwrapKeyMaterial({
      spec,
      algorithm: 'RSAES_OAEP_SHA_256',
      wrappingPrivateKey: wrapping.privateKey,
      encryptedKeyMaterial: key?.encryptedKeyMaterial as Buffer,
      ...(key?.encryptedPrivateKey ? { encryptedPrivateKey: key.encryptedPrivateKey } : {}),
    });
    expect(bytesOf(unwrapped).equals(bytesOf(material))).toBe(true);
    unwrapped.dispose();
    material.dispose();
  });

  it('refuses a bundle for another key or spec, and a past expiry, writing nothing', async () => {
    const work = await mkdtemp(path.join(dir, 'refusals-'));
    const material = await materialFor('AES_256');
    const parametersDir = await parametersBundle(work, 'AES_256', wrapping.publicKey, NOW);
    const base = { material, keyId: KEY_ID, parametersDir, wrappedOutDir: path.join(work, 'wrapped'), now: NOW };
    expect((await refusal(() => wrapRestoredMaterial({ ...base, keyId: 'another-key' }))).code).toBe(
      'CUSTODY_REWRAP_KEY_ABSENT',
    );
    const ec = await materialFor('EC_P256');
    expect((await refusal(() => wrapRestoredMaterial({ ...base, material: ec }))).code).toBe(
      'CUSTODY_REWRAP_SPEC_MISMATCH',
    );
    expect(
      (await refusal(() => wrapRestoredMaterial({ ...base, materialExpiresAt: new Date(NOW.getTime() - 1000) }))).code,
    ).toBe('CUSTODY_REWRAP_EXPIRY_PAST');
    expect(await readdir(work)).toEqual(['parameters']);
    material.dispose();
    ec.dispose();
  });
});
