/**
 * Realistic inputs for bundle tests: real RSA-2048 wrapping keys, real RSA-OAEP-SHA-256 and
 * AES-KWP ciphertexts made with Node's crypto, random import tokens, real temp folders.
 */
import {
  createCipheriv,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  publicEncrypt,
  randomBytes,
  randomUUID,
  constants as cryptoConstants,
  type KeyObject,
} from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { KEY_SPEC_INFO, type KeySpec } from '../../../src-main/core/crypto/key-spec';
import { sha256Hex } from '../../../src-main/core/fs/durable-file';
import {
  importParametersFromKmsAnswer,
  importTokenSha256,
  type ImportParameters,
  type WrappedKeyMaterial,
} from '../../../src-main/core/bundle';
import {
  computeManifestChecksum,
  serializeManifest,
  type BundleManifest,
} from '../../../src-main/core/bundle/manifest-codec';
import { TEST_WRAPPING_KEYS_FILE } from '../../support/test-wrapping-keys-file';

export const NOW = new Date('2030-01-02T03:04:05.000Z');

export interface WrappingKeyPair {
  readonly publicDer: Buffer;
  readonly privateKey: KeyObject;
}

/**
 * The committed RSA-2048 test keys (tests/fixtures/test-wrapping-keys/), read once: generating an
 * RSA-2048 key costs up to a second on a loaded machine, and a bundle test needs four.
 */
let committedKeys: readonly string[] | undefined;
function committedRsaKey(index: number): KeyObject {
  committedKeys ??= (JSON.parse(readFileSync(TEST_WRAPPING_KEYS_FILE, 'utf8')) as { pkcs8: string[] }).pkcs8;
  const base64 = committedKeys[committedKeys.length - 1 - index];
  if (base64 === undefined) throw new Error(`no committed test key ${index}`);
  return createPrivateKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'pkcs8' });
}

const wrappingKeys: WrappingKeyPair[] = [];
/** RSA-2048 wrapping key pairs (three committed test keys), reused in turn. */
export function wrappingKeyPair(index: number): WrappingKeyPair {
  const slot = index % 3;
  if (!wrappingKeys[slot]) {
    const privateKey = committedRsaKey(slot);
    wrappingKeys[slot] = {
      publicDer: createPublicKey(privateKey).export({ format: 'der', type: 'spki' }),
      privateKey,
    };
  }
  return wrappingKeys[slot] as WrappingKeyPair;
}

const temps: string[] = [];
/** A fresh temp folder, removed after the test file. */
export async function tempDir(prefix = 'keyferry-bundle-'): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of temps.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

/** Parameters for `count` keys as get-parameters-for-import would answer, expiring 24 h after `now`. */
export function makeImportParameters(
  count: number,
  now = NOW,
  specs: KeySpec[] = ['AES_256', 'RSA_2048', 'EC_P256'],
): ImportParameters[] {
  return Array.from({ length: count }, (_, i) => {
    const spec = specs[i % specs.length] as KeySpec;
    return importParametersFromKmsAnswer({
      region: 'cn-north-4',
      projectId: '0123456789abcdef0123456789abcdef',
      keyAlias: `ceremony/key-${i}`,
      keySpec: spec,
      keyUsage: KEY_SPEC_INFO[spec].defaultUsage,
      wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
      answer: {
        key_id: randomUUID(),
        public_key: wrappingKeyPair(i).publicDer.toString('base64'),
        import_token: randomBytes(600).toString('base64'),
        expiration_time: Math.floor(now.getTime() / 1000) + 24 * 3600,
      },
    });
  });
}

const materialKeys = new Map<KeySpec, { publicDer: Buffer; pkcs8: Buffer }>();
function materialKeyPair(spec: KeySpec) {
  let pair = materialKeys.get(spec);
  if (!pair) {
    const info = KEY_SPEC_INFO[spec];
    const privateKey =
      spec === 'RSA_2048'
        ? committedRsaKey(3)
        : info.kind === 'rsa'
          ? generateKeyPairSync('rsa', { modulusLength: info.bits ?? 2048 }).privateKey
          : generateKeyPairSync('ec', { namedCurve: info.namedCurve ?? 'prime256v1' }).privateKey;
    pair = {
      publicDer: createPublicKey(privateKey).export({ format: 'der', type: 'spki' }),
      pkcs8: privateKey.export({ format: 'der', type: 'pkcs8' }),
    };
    materialKeys.set(spec, pair);
  }
  return pair;
}

/** Wrapped material answering the given parameters, wrapped for real with Node's crypto. */
export function wrapFor(p: ImportParameters, materialExpiresAt: string | null = null): WrappedKeyMaterial {
  const oaep = (data: Buffer) =>
    publicEncrypt(
      {
        key: createPublicKey({ key: p.wrappingKey.spkiDer, format: 'der', type: 'spki' }),
        padding: cryptoConstants.RSA_PKCS1_OAEP_PADDING,
        oaepHash: 'sha256',
      },
      data,
    );
  const secret = randomBytes(32);
  const base = {
    keyId: p.keyId,
    keySpec: p.keySpec,
    wrappingAlgorithm: p.wrappingAlgorithm,
    wrappingKeyFingerprint: p.wrappingKey.fingerprint,
    importTokenSha256: p.importToken ? importTokenSha256(p.importToken.value) : null,
    encryptedKeyMaterial: oaep(secret),
  };
  if (KEY_SPEC_INFO[p.keySpec].kind === 'symmetric') {
    const cipher = createCipheriv('aes-256-ecb', secret, null).setAutoPadding(false);
    const kcv = cipher.update(Buffer.alloc(16)).subarray(0, 3).toString('hex').toUpperCase();
    return { ...base, encryptedPrivateKey: null, publicKeyDer: null, keyCheckValue: kcv, materialExpiresAt };
  }
  const pair = materialKeyPair(p.keySpec);
  const kwp = createCipheriv('id-aes256-wrap-pad', secret, Buffer.from('A65959A6', 'hex'));
  const encryptedPrivateKey = Buffer.concat([kwp.update(pair.pkcs8), kwp.final()]);
  return { ...base, encryptedPrivateKey, publicKeyDer: pair.publicDer, keyCheckValue: null, materialExpiresAt: null };
}

export function makeWrappedMaterial(count: number, now = NOW): WrappedKeyMaterial[] {
  return makeImportParameters(count, now).map((p) => wrapFor(p));
}

/** Every file of a bundle folder, relative, sorted. */
export async function listFiles(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(path.join(dir, rel), { withFileTypes: true })) {
    const name = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, name)));
    else out.push(name);
  }
  return out.sort();
}

export async function readManifest(dir: string): Promise<BundleManifest> {
  return JSON.parse(await fs.readFile(path.join(dir, 'manifest.json'), 'utf8')) as BundleManifest;
}

/**
 * Rewrites manifest.json the way a deliberate tamperer would: canonical JSON, checksum
 * recomputed (unless `keepChecksum`), so only the deeper check under test can catch it.
 */
export async function rewriteManifest(
  dir: string,
  edit: (m: BundleManifest) => void,
  keepChecksum = false,
): Promise<void> {
  const manifest = await readManifest(dir);
  edit(manifest);
  if (!keepChecksum) manifest.manifestChecksum = computeManifestChecksum(manifest);
  const file = path.join(dir, 'manifest.json');
  await fs.rm(file);
  await fs.writeFile(file, serializeManifest(manifest));
}

/** Replaces a bundle file and updates its size and hash in the manifest (a consistent tamper). */
export async function replaceFileConsistently(dir: string, name: string, data: Buffer): Promise<void> {
  await fs.writeFile(path.join(dir, name), data);
  await rewriteManifest(dir, (m) => {
    const entry = m.files.find((f) => f.name === name);
    if (!entry) throw new Error(`no entry ${name}`);
    entry.size = data.length;
    entry.sha256 = sha256Hex(data);
  });
}
