/** Transfer bundles: write + verify of a 100-key wrapped-material bundle, and read-verify alone. */
import {
  constants as cryptoConstants,
  createCipheriv,
  generateKeyPairSync,
  publicEncrypt,
  randomBytes,
  randomUUID,
} from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readBundle, writeWrappedMaterialBundle, type WrappedKeyMaterial } from '../src-main/core/bundle';
import type { KeySpec } from '../src-main/core/crypto/key-spec';
import { sha256Hex } from '../src-main/core/fs/durable-file';

export const name = 'bundle';

/** 100 keys as a batch ceremony would wrap them: 70 AES_256, 20 RSA_2048, 10 EC_P256. */
function wrappedKeys(count: number): WrappedKeyMaterial[] {
  const wrapping = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const wrappingDer = wrapping.publicKey.export({ format: 'der', type: 'spki' });
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return Array.from({ length: count }, (_, i) => {
    const spec: KeySpec = i % 10 < 7 ? 'AES_256' : i % 10 < 9 ? 'RSA_2048' : 'EC_P256';
    const secret = randomBytes(32);
    const encryptedKeyMaterial = publicEncrypt(
      { key: wrapping.publicKey, padding: cryptoConstants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      secret,
    );
    const base = {
      keyId: randomUUID(),
      keySpec: spec,
      wrappingAlgorithm: 'RSAES_OAEP_SHA_256' as const,
      wrappingKeyFingerprint: sha256Hex(wrappingDer),
      importTokenSha256: sha256Hex(randomBytes(600).toString('base64')),
      encryptedKeyMaterial,
      materialExpiresAt: null,
    };
    if (spec === 'AES_256') {
      const kcv = createCipheriv('aes-256-ecb', secret, null)
        .setAutoPadding(false)
        .update(Buffer.alloc(16))
        .subarray(0, 3)
        .toString('hex')
        .toUpperCase();
      return { ...base, encryptedPrivateKey: null, publicKeyDer: null, keyCheckValue: kcv };
    }
    const pair = spec === 'RSA_2048' ? rsa : ec;
    const kwp = createCipheriv('id-aes256-wrap-pad', secret, Buffer.from('A65959A6', 'hex'));
    const encryptedPrivateKey = Buffer.concat([
      kwp.update(pair.privateKey.export({ format: 'der', type: 'pkcs8' })),
      kwp.final(),
    ]);
    return {
      ...base,
      encryptedPrivateKey,
      publicKeyDer: pair.publicKey.export({ format: 'der', type: 'spki' }),
      keyCheckValue: null,
    };
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function run(print: (line: string) => void): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-bench-bundle-'));
  try {
    const keys = wrappedKeys(100);
    const now = new Date();
    const writes: number[] = [];
    let last = '';
    for (let i = 0; i < 5; i += 1) {
      last = path.join(dir, `bundle-${i}`);
      const target = last;
      writes.push(await timed(() => writeWrappedMaterialBundle(target, { ceremonyId: 'bench', keys }, { now })));
    }
    const bundle = await readBundle(last, { now });
    const files = bundle.manifest.files.length + 1;
    const bytes = bundle.manifest.files.reduce((sum, f) => sum + f.size, 0);
    print(
      `write + verify, 100 keys (70 AES_256, 20 RSA_2048, 10 EC_P256), ${files} files, ${(bytes / 1024).toFixed(0)} KiB, every file fsynced, in ${os.tmpdir()}: median ${median(writes).toFixed(0)} ms of 5 (min ${Math.min(...writes).toFixed(0)}, max ${Math.max(...writes).toFixed(0)})`,
    );
    const reads: number[] = [];
    for (let i = 0; i < 20; i += 1) reads.push(await timed(() => readBundle(last, { now })));
    print(
      `read + verify alone, same bundle: median ${median(reads).toFixed(1)} ms of 20 (min ${Math.min(...reads).toFixed(1)}, max ${Math.max(...reads).toFixed(1)})`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
