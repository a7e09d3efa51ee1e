/**
 * Wrapping on the air-gapped side (src-main/core/ceremony/airgap/wrap.ts), with real material in a
 * real vault, real import parameters whose private wrapping keys the test holds, a real journal
 * and real folders: each key's ciphertext opens, under its own wrapping key, to the material the
 * vault held (a replica to its primary's), which is wiped after its last wrap; every wrapped key is
 * journaled with its digests and never the bytes; a wrapping key that no longer has the fingerprint
 * the witnesses confirmed, or material other than the bound one, stops the wrap with the keys
 * before it journaled; the bundle is staged without its manifest until the receipt is written,
 * each key requesting its own expiry (asymmetric: never), and completed once.
 */
import { constants as cryptoConstants, privateDecrypt, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportParameters } from '../../../../src-main/core/bundle';
import { MaterialVault } from '../../../../src-main/core/ceremony/airgap/material-vault';
import { journalAndVaultEachTest } from './journal-and-vault';
import { wrapAll, writeWrapped } from '../../../../src-main/core/ceremony/airgap/wrap';
import { generateKeyMaterial } from '../../../../src-main/core/crypto/generate-key-material';
import { createKeyMaterial } from '../../../../src-main/core/crypto/key-material';
import { SecretBytes } from '../../../../src-main/core/crypto/secret-bytes';
import type { Journal } from '../../../../src-main/core/journal';
import { NOW, makeImportParameters, wrappingKeyPair } from '../../bundle/bundle-fixtures';

const scratch = journalAndVaultEachTest('kf-airgap-wrap-');
let dir: string;
let journal: Journal;
let vault: MaterialVault;
beforeEach(() => {
  ({ dir, journal, vault } = scratch());
});

/** Key 0 AES, key 1 EC, key 2 an AES replica of key 0; key i is wrapped under wrappingKeyPair(i). */
function ceremonyKeys(): ImportParameters[] {
  const [aes, ec, other] = makeImportParameters(3, NOW, ['AES_256', 'EC_P256', 'AES_256']) as ImportParameters[];
  return [aes, ec, { ...(other as ImportParameters), replicaOf: aes?.keyId }] as ImportParameters[];
}

const unwrap = (index: number, ciphertext: Buffer) =>
  privateDecrypt(
    { key: wrappingKeyPair(index).privateKey, padding: cryptoConstants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
    ciphertext,
  );

const wrappedEvents = () => journal.entries.filter((e) => e.event === 'material.wrapped');

describe('wrapAll', () => {
  it("wraps each key under its own wrapping key (a replica its primary's material), journals each, and wipes the material", async () => {
    const keys = ceremonyKeys();
    const secret = randomBytes(32);
    const aesMaterial = createKeyMaterial('AES_256', SecretBytes.from(Buffer.from(secret)));
    const ecMaterial = await generateKeyMaterial('EC_P256');
    vault.put(keys[0]?.keyId as string, aesMaterial);
    vault.put(keys[1]?.keyId as string, ecMaterial);
    const wrapped = await wrapAll(keys, vault, { journal, operator: 'Ana' });
    expect(unwrap(0, wrapped[0]?.wrapped.encryptedKeyMaterial as Buffer)).toEqual(secret);
    expect(unwrap(2, wrapped[2]?.wrapped.encryptedKeyMaterial as Buffer)).toEqual(secret);
    expect(wrapped[2]?.summary).toMatchObject({
      replicaOf: keys[0]?.keyId,
      keyCheckValue: wrapped[0]?.summary.keyCheckValue,
    });
    expect(wrapped[1]?.summary.publicKeyFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(aesMaterial.secret.disposed).toBe(true);
    expect(ecMaterial.secret.disposed).toBe(true);
    expect(vault.size).toBe(0);
    expect(wrappedEvents().map((e) => e.data.keyId)).toEqual(keys.map((k) => k.keyId));
    expect(wrappedEvents()[0]?.data).toMatchObject({
      wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
      importTokenSha256: keys[0]?.importToken?.sha256,
    });
    expect(JSON.stringify(journal.entries)).not.toContain(secret.toString('hex'));
    expect(JSON.stringify(journal.entries)).not.toContain(secret.toString('base64'));
  });

  it.each<[string, (keys: ImportParameters[]) => ImportParameters[], string]>([
    [
      'a wrapping key whose fingerprint is not the one the witnesses confirmed',
      ([a, b]) => [
        a as ImportParameters,
        {
          ...(b as ImportParameters),
          wrappingKey: { ...(b as ImportParameters).wrappingKey, fingerprint: 'ab'.repeat(32) },
        },
      ],
      'WRAPPING_KEY_CHANGED',
    ],
    [
      'material other than the one the KMS bound the key to',
      ([a, b]) => [
        a as ImportParameters,
        {
          ...(b as ImportParameters),
          boundMaterial: {
            kind: 'key-check-value',
            method: 'aes-ecb-zero-block',
            keyCheckValue: '000000',
            importedSeq: 3,
          },
        },
      ],
      'MATERIAL_NOT_THE_BOUND',
    ],
  ])('stops at %s, journaling the keys wrapped before it', async (_case, change, code) => {
    const keys = change(makeImportParameters(2, NOW, ['AES_256']) as ImportParameters[]);
    for (const k of keys) vault.put(k.keyId, createKeyMaterial('AES_256', SecretBytes.from(randomBytes(32))));
    await expect(wrapAll(keys, vault, { journal, operator: 'Ana' })).rejects.toMatchObject({
      code,
      values: expect.objectContaining({ keyId: keys[1]?.keyId }),
    });
    expect(wrappedEvents().map((e) => e.data.keyId)).toEqual([keys[0]?.keyId]);
  });
});

describe('writeWrapped', () => {
  it('stages the bundle without its manifest, each key requesting its own expiry, then completes it once', async () => {
    const keys = ceremonyKeys();
    vault.put(keys[0]?.keyId as string, createKeyMaterial('AES_256', SecretBytes.from(randomBytes(32))));
    vault.put(keys[1]?.keyId as string, await generateKeyMaterial('EC_P256'));
    const wrapped = await wrapAll(keys, vault, { journal, operator: 'Ana' });
    const out = path.join(dir, 'wrapped');
    const at = { kind: 'at', at: new Date('2031-01-01T00:00:00.000Z') } as const;
    const expiryFor = (keyId: string) => (keyId === keys[2]?.keyId ? ({ kind: 'never' } as const) : at);
    const staged = await writeWrapped(
      out,
      'KF-20300102-abcdef',
      wrapped,
      expiryFor,
      { kind: 'none', acknowledged: true },
      {
        purpose: 'wrap',
        operator: 'Ana',
        witnesses: ['Ben'],
        journalFile: 'airgap.jsonl',
        journalFirstEntrySha256: 'a'.repeat(64),
      },
      { journal, operator: 'Ana' },
      NOW,
    );
    expect(existsSync(path.join(out, 'manifest.json'))).toBe(false);
    expect(staged.bundle.expiries).toEqual({
      [keys[0]?.keyId as string]: '2031-01-01T00:00:00.000Z',
      [keys[1]?.keyId as string]: 'never',
      [keys[2]?.keyId as string]: 'never',
    });
    expect(journal.entries.at(-1)).toMatchObject({
      event: 'wrapped-bundle.written',
      data: { manifestSha256: staged.bundle.manifestSha256, expiry: 'per-key', manifest: 'after-receipt' },
    });
    const [first, second] = await Promise.all([staged.complete(), staged.complete()]);
    expect(first).toEqual(second);
    expect(existsSync(path.join(out, 'manifest.json'))).toBe(true);
    expect(journal.entries.filter((e) => e.event === 'wrapped-bundle.completed')).toHaveLength(1);
  });
});
