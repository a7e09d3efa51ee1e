/**
 * Material generated and wrapped inside real soft tokens, checked with the openssl CLI exactly as
 * the KMS would: OAEP-decrypt the wrapped AES key (and compare its KCV with the one the HSM
 * reported); OAEP-decrypt the temporary key and `openssl enc -d -id-aes256-wrap-pad` the private
 * key to a PKCS#8 whose public key equals the one read from the HSM.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeySpec } from '../../../src-main/core/crypto/key-spec';
import { ceremonyObjectLabel, checkHsmCapability, generateKeyPair, wrapHsmKey } from '../../../src-main/core/hsm';
import { makeTempDir, openssl, removeTempDir } from '../crypto/helpers/openssl';
import { kwpUnwrapArgs } from '../crypto/helpers/openssl-commands';
import { kmsWrappingPair, openSession } from './helpers/hsm-fixtures';
import { expectAesWrapDecrypts, opensslOaepDecrypt } from './helpers/openssl-checks';
import { createSoftHsmToken, type SoftToken } from './helpers/soft-tokens';

const CEREMONY = 'KF-20261130-abcdef';

describe('SoftHSM 2.6', () => {
  let token: SoftToken;
  beforeAll(async () => {
    token = await createSoftHsmToken();
  });
  afterAll(async () => {
    await token.cleanup();
  });

  it('AES_256 generated in SoftHSM and wrapped with OAEP-SHA-1 decrypts with openssl to the key whose KCV the HSM reported', async () => {
    await expectAesWrapDecrypts(token, 'RSAES_OAEP_SHA_1');
  });

  const asymmetric: { spec: KeySpec; exact: boolean }[] = [
    { spec: 'EC_P384', exact: true },
    { spec: 'EC_P256', exact: false },
    { spec: 'RSA_2048', exact: false },
  ];
  for (const { spec, exact } of asymmetric) {
    it(`${spec} generated in SoftHSM, private key wrapped with CKM_AES_KEY_WRAP_PAD: openssl unwraps it to a PKCS#8 whose public key is the HSM's${exact ? ' (exact length)' : ' (or shows the zero fill the capability check reports)'}`, async () => {
      const dir = await makeTempDir('hsm-asym');
      const hsm = openSession(token);
      try {
        const kms = kmsWrappingPair();
        const report = checkHsmCapability(hsm.session, {
          algorithm: 'RSAES_OAEP_SHA_1',
          specs: [spec],
          acceptZeroFilledPad: true,
        });
        expect(report.privateKeyWrap.framing).toBe('zero-filled');
        const material = generateKeyPair(hsm.session, spec, {
          token: true,
          label: ceremonyObjectLabel(CEREMONY, spec),
          id: Buffer.from(spec),
        });
        const wrapped = wrapHsmKey(hsm.session, material, {
          algorithm: 'RSAES_OAEP_SHA_1',
          wrappingKey: kms.wrappingKey,
          kcvMethod: 'ecb',
          privateKeyWrap: report.privateKeyWrap.mechanism,
        });
        const temporary = await opensslOaepDecrypt(dir, kms, wrapped.encryptedKeyMaterial, 'sha1');
        expect(temporary.length).toBe(32);
        const wrappedFile = path.join(dir, 'out_private_key.der');
        await writeFile(wrappedFile, wrapped.encryptedPrivateKey!);
        const unwrapped = await openssl(kwpUnwrapArgs(temporary, wrappedFile));
        temporary.fill(0);
        // The DER's own length: SEQUENCE header 0x30 0x81 L or 0x30 0x82 LL.
        const derLength =
          unwrapped[1]! < 0x80
            ? unwrapped[1]! + 2
            : unwrapped[1] === 0x81
              ? unwrapped[2]! + 3
              : unwrapped.readUInt16BE(2) + 4;
        const pkcs8 = path.join(dir, 'private.der');
        await writeFile(pkcs8, unwrapped.subarray(0, derLength));
        unwrapped.fill(0, 0, derLength);
        const publicDer = await openssl(['pkey', '-inform', 'DER', '-in', pkcs8, '-pubout', '-outform', 'DER']);
        await writeFile(pkcs8, Buffer.alloc(derLength));
        expect(publicDer.equals(wrapped.publicKeySpkiDer!)).toBe(true);
        if (exact || derLength % 8 === 0) {
          expect(unwrapped.length).toBe(derLength);
        } else {
          // SoftHSM 2.6.1 zero-fills the PKCS#8 to a multiple of 8 and records that length: not RFC 5649-exact.
          expect(unwrapped.length).toBe(Math.ceil(derLength / 8) * 8);
          expect(unwrapped.subarray(derLength).every((b) => b === 0)).toBe(true);
        }
      } finally {
        hsm.close();
        await removeTempDir(dir);
      }
    });
  }
});
