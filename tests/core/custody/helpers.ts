/** Shared helpers for the custody tests: key material per spec and subset enumeration. */
import { randomBytes, type KeyObject } from 'node:crypto';
import path from 'node:path';
import { importParametersFromKmsAnswer, writeImportParametersBundle } from '../../../src-main/core/bundle';
import type { CeremonyFacts } from '../../../src-main/core/bundle/import-parameters-manifest';
import type { KeyMaterial } from '../../../src-main/core/crypto/key-material';
import type { KeySpec } from '../../../src-main/core/crypto/key-spec';
import type { CustodyShare } from '../../../src-main/core/custody/custody-share';
import { splitMaterial } from '../../../src-main/core/custody/split';
import { KeyferryError } from '../../../src-main/core/errors';
import { testKeyMaterial } from '../crypto/helpers/test-rsa-keys';

export const CUSTODIANS = [
  'Alice',
  'Bob',
  'Carol',
  'Dave',
  'Erin',
  'Frank',
  'Grace',
  'Heidi',
  'Ivan',
  'Judy',
  'Mallory',
  'Niaj',
  'Olivia',
  'Peggy',
  'Rupert',
  'Sybil',
];

/** Material to split (testKeyMaterial: an RSA spec gives the same committed key on every call). */
export async function materialFor(spec: KeySpec): Promise<KeyMaterial> {
  return testKeyMaterial(spec);
}

export function split(
  material: KeyMaterial,
  m: number,
  n: number,
  overrides: { ceremonyId?: string; keyId?: string } = {},
): Promise<CustodyShare[]> {
  return splitMaterial({
    material,
    m,
    n,
    ceremonyId: overrides.ceremonyId ?? 'ceremony-2024-01',
    keyId: overrides.keyId ?? '0d0466b0-e727-4d9c-b35d-f84bb474a37f',
    spec: material.spec,
    custodians: CUSTODIANS.slice(0, n),
  });
}

/** Every k-subset of items, in lexicographic order. */
export function subsetsOf<T>(items: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  const out: T[][] = [];
  items.forEach((item, i) => {
    for (const rest of subsetsOf(items.slice(i + 1), k - 1)) out.push([item, ...rest]);
  });
  return out;
}

/** A random k-subset (Fisher-Yates on a copy, Math.random is fine for choosing test cases). */
export function randomSubset<T>(items: readonly T[], k: number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, k);
}

/** Runs `fn` and returns the KeyferryError it throws; fails the test if it throws nothing or something else. */
export async function refusal(fn: () => unknown): Promise<KeyferryError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof KeyferryError) return error;
    throw new Error(`expected a KeyferryError, got: ${String(error)}`);
  }
  throw new Error('expected a refusal, but it succeeded');
}

export function bytesOf(material: KeyMaterial): Buffer {
  return material.secret.use((b) => Buffer.from(b));
}

export const KEY_ID = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';

/** Writes an import-parameters bundle for KEY_ID as the online side would, with a fresh wrapping key. */
export async function parametersBundle(
  dir: string,
  spec: KeySpec,
  wrappingPublicKey: KeyObject,
  now: Date,
  keyId = KEY_ID,
  ceremony?: CeremonyFacts,
  ceremonyId = 'reimport-2025-02',
): Promise<string> {
  const parameters = importParametersFromKmsAnswer({
    region: 'ap-southeast-1',
    projectId: '0123456789abcdef0123456789abcdef',
    keyAlias: 'custody-restore',
    keySpec: spec,
    keyUsage: spec === 'AES_256' ? 'ENCRYPT_DECRYPT' : 'SIGN_VERIFY',
    wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
    answer: {
      key_id: keyId,
      public_key: wrappingPublicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      import_token: randomBytes(300).toString('base64'),
      expiration_time: Math.floor(now.getTime() / 1000) + 23 * 3600,
    },
  });
  const bundleDir = path.join(dir, 'parameters');
  await writeImportParametersBundle(
    bundleDir,
    { ceremonyId, keys: [parameters], ...(ceremony ? { ceremony } : {}) },
    { now },
  );
  return bundleDir;
}
