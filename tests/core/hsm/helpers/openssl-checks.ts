/** openssl-side checks of HSM wraps, shared by the SoftHSM and openCryptoki tests. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { ceremonyObjectLabel, checkHsmCapability, generateAesKey, wrapHsmKey } from '../../../../src-main/core/hsm';
import { makeTempDir, openssl, removeTempDir } from '../../crypto/helpers/openssl';
import { oaepDecryptArgs } from '../../crypto/helpers/openssl-commands';
import { kmsWrappingPair, openSession, type KmsWrappingPair } from './hsm-fixtures';
import type { SoftToken } from './soft-tokens';

const CEREMONY = 'KF-20261130-abcdef';

/** `openssl pkeyutl -decrypt` with OAEP and `md`, as the KMS unwraps encrypted_key_material. */
export async function opensslOaepDecrypt(
  dir: string,
  kms: KmsWrappingPair,
  wrapped: Buffer,
  md: 'sha1' | 'sha256',
): Promise<Buffer> {
  const file = path.join(dir, `EncryptedKeyMaterial-${md}-${Date.now()}.bin`);
  await writeFile(file, wrapped);
  return openssl(oaepDecryptArgs(kms.privateKeyFile, file, md));
}

/** The KCV of `key` by the openssl CLI: AES-256-ECB of one zero block, first 3 bytes. */
export async function opensslKcv(key: Buffer): Promise<string> {
  const block = await openssl(['enc', '-aes-256-ecb', '-nopad', '-K', key.toString('hex')], {
    input: Buffer.alloc(16),
  });
  return block.subarray(0, 3).toString('hex').toUpperCase();
}

export async function expectAesWrapDecrypts(
  token: SoftToken,
  algorithm: 'RSAES_OAEP_SHA_256' | 'RSAES_OAEP_SHA_1',
): Promise<void> {
  const dir = await makeTempDir('hsm-aes');
  const hsm = openSession(token);
  try {
    const kms = kmsWrappingPair();
    const report = checkHsmCapability(hsm.session, { algorithm, specs: ['AES_256'] });
    expect(report.specs[0]?.problem).toBeNull();
    const handle = generateAesKey(
      hsm.session,
      { token: true, label: ceremonyObjectLabel(CEREMONY, 'key-1'), id: Buffer.from('key-1') },
      { encrypt: report.kcvMethod === 'ecb' },
    );
    const wrapped = wrapHsmKey(
      hsm.session,
      { spec: 'AES_256', label: 'x', handle, publicKeySpkiDer: null },
      { algorithm, wrappingKey: kms.wrappingKey, kcvMethod: report.kcvMethod!, privateKeyWrap: null },
    );
    const plain = await opensslOaepDecrypt(
      dir,
      kms,
      wrapped.encryptedKeyMaterial,
      algorithm === 'RSAES_OAEP_SHA_256' ? 'sha256' : 'sha1',
    );
    expect(plain.length).toBe(32);
    expect(await opensslKcv(plain)).toBe(wrapped.evidence.keyCheckValue);
    plain.fill(0);
  } finally {
    hsm.close();
    await removeTempDir(dir);
  }
}
