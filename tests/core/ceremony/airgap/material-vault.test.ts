/**
 * Where the air-gapped side keeps plaintext material between producing and wrapping it
 * (src-main/core/ceremony/airgap/material-vault.ts), with real material: one per key, the one it
 * replaces wiped; a key not held is refused by name; everything is wiped when the ceremony stops,
 * and material still being produced then is wiped as it arrives; the test-only audit sees a copy.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MaterialVault } from '../../../../src-main/core/ceremony/airgap/material-vault';
import { createKeyMaterial, type KeyMaterial } from '../../../../src-main/core/crypto/key-material';
import { SecretBytes } from '../../../../src-main/core/crypto/secret-bytes';

const KEY_A = '4e1b0c2a-2f4d-4c6e-9a8b-0c1d2e3f4a54';
const KEY_B = '9f1b0c2a-2f4d-4c6e-9a8b-0c1d2e3f4a55';
const aes = (bytes: Buffer = randomBytes(32)): KeyMaterial =>
  createKeyMaterial('AES_256', SecretBytes.from(Buffer.from(bytes)));

describe('MaterialVault', () => {
  it('holds one material per key and wipes the one a second put replaces', () => {
    const vault = new MaterialVault();
    const first = aes();
    const second = aes();
    vault.put(KEY_A, first);
    vault.put(KEY_A, second);
    expect(first.secret.disposed).toBe(true);
    expect(vault.get(KEY_A)).toBe(second);
    expect(vault.size).toBe(1);
    vault.disposeAll();
  });

  it('refuses a key it does not hold, or whose material was wiped, naming the key', () => {
    const vault = new MaterialVault();
    expect(() => vault.get(KEY_A)).toThrow(
      expect.objectContaining({ code: 'MATERIAL_NOT_HELD', values: { keyId: KEY_A } }),
    );
    const material = aes();
    vault.put(KEY_B, material);
    material.dispose();
    expect(vault.has(KEY_B)).toBe(true);
    expect(() => vault.get(KEY_B)).toThrow(
      expect.objectContaining({ code: 'MATERIAL_NOT_HELD', values: { keyId: KEY_B } }),
    );
  });

  it('wipes and forgets one key, and every key at once', () => {
    const vault = new MaterialVault();
    const [a, b] = [aes(), aes()];
    vault.put(KEY_A, a as KeyMaterial);
    vault.put(KEY_B, b as KeyMaterial);
    vault.dispose(KEY_A);
    expect(a?.secret.disposed).toBe(true);
    expect(vault.has(KEY_A)).toBe(false);
    expect(b?.secret.disposed).toBe(false);
    vault.disposeAll();
    vault.disposeAll();
    expect(b?.secret.disposed).toBe(true);
    expect(vault.size).toBe(0);
  });

  it('once closed (the ceremony stopped), wipes material that arrives later and refuses it', () => {
    const vault = new MaterialVault();
    const held = aes();
    vault.put(KEY_A, held);
    vault.close();
    expect(held.secret.disposed).toBe(true);
    const late = aes();
    expect(() => vault.put(KEY_B, late)).toThrow(expect.objectContaining({ code: 'CEREMONY_STOPPED' }));
    expect(late.secret.disposed).toBe(true);
    expect(vault.size).toBe(0);
  });

  it('hands the test-only audit a copy of each material, labelled with its key', () => {
    const secret = randomBytes(32);
    const seen: [string, string][] = [];
    const vault = new MaterialVault((copy, label) => seen.push([copy.toString('hex'), label]));
    vault.put(KEY_A, aes(secret));
    expect(seen).toEqual([[secret.toString('hex'), `material ${KEY_A}`]]);
    vault.disposeAll();
  });
});
