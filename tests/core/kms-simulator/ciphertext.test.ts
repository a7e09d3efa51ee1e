/** The simulator's AES-GCM ciphertext envelope (ciphertext.ts). */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sealCiphertext, ciphertextKeyId, openCiphertext } from '../../../src-main/core/kms-simulator/ciphertext';

describe('ciphertext envelope', () => {
  it('names its key, opens with it, and refuses another key or any change', () => {
    const key = randomBytes(32);
    const keyId = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';
    const blob = Buffer.from(sealCiphertext(keyId, key, Buffer.from('data')), 'base64');
    expect(ciphertextKeyId(blob)).toBe(keyId);
    expect(openCiphertext(key, blob)?.toString()).toBe('data');
    expect(openCiphertext(randomBytes(32), blob)).toBeUndefined();
    for (let i = 0; i < blob.length; i += 1) {
      const changed = Buffer.from(blob);
      changed[i] = (changed[i] ?? 0) ^ 0x01;
      expect(openCiphertext(key, changed)).toBeUndefined();
    }
  });
});
