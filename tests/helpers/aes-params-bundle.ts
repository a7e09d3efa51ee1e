/**
 * An import-parameters bundle of one AES key, written as the online side writes one, with the
 * committed RSA-2048 test key as its wrapping key (tests/core/crypto/helpers/test-rsa-keys.ts: no
 * test here is about making one, and generating it cost up to a second of CPU per bundle) and a
 * fresh token valid 20 hours: for air-gapped tests that need a bundle on the media and not a whole
 * online day. Returns the bundle digest, what every witness types.
 */
import { randomBytes } from 'node:crypto';
import {
  importParametersFromKmsAnswer,
  readBundleDigest,
  writeImportParametersBundle,
} from '../../src-main/core/bundle';
import type { CeremonyFacts } from '../../src-main/core/bundle/import-parameters-manifest';
import { testRsaKeyPair } from '../core/crypto/helpers/test-rsa-keys';

export async function oneAesParamsBundle(
  folder: string,
  options: { ceremonyId: string; keyId: string; ceremony?: CeremonyFacts },
): Promise<string> {
  const wrapping = testRsaKeyPair('rsa2048');
  const p = importParametersFromKmsAnswer({
    region: 'cn-north-4',
    projectId: 'a4a5d4098fb4474fa22cd05f897d6b99',
    keyAlias: 'test/aes',
    keySpec: 'AES_256',
    keyUsage: 'ENCRYPT_DECRYPT',
    wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
    answer: {
      key_id: options.keyId,
      public_key: wrapping.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      import_token: randomBytes(300).toString('base64'),
      expiration_time: Math.floor(Date.now() / 1000) + 3600 * 20,
    },
  });
  const { ceremony } = options;
  await writeImportParametersBundle(folder, {
    ceremonyId: options.ceremonyId,
    keys: [p],
    ...(ceremony ? { ceremony } : {}),
  });
  return readBundleDigest(folder);
}
