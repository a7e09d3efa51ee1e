import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KeyferryError } from '../../../src-main/core/errors';
import { readBundle, writeImportParametersBundle, writeWrappedMaterialBundle } from '../../../src-main/core/bundle';
import { readBundleFile } from '../../../src-main/core/bundle/bundle-file-reader';
import type { ImportParametersManifest } from '../../../src-main/core/bundle/import-parameters-manifest';
import type { WrappedMaterialManifest } from '../../../src-main/core/bundle/wrapped-material-manifest';
import {
  NOW,
  listFiles,
  makeImportParameters,
  makeWrappedMaterial,
  readManifest,
  replaceFileConsistently,
  rewriteManifest,
  tempDir,
} from './bundle-fixtures';

async function refusal(dir: string, now = NOW, expectedDigest?: string): Promise<KeyferryError> {
  try {
    await readBundle(dir, { now, expectedDigest });
  } catch (error) {
    expect(error).toBeInstanceOf(KeyferryError);
    return error as KeyferryError;
  }
  throw new Error(`the bundle in ${dir} was accepted`);
}

let root: string;
let paramsPristine: string;
let paramsDigest: string;
let wrappedPristine: string;
let paramIds: string[];
let wrappedIds: string[];

beforeAll(async () => {
  root = await tempDir();
  paramsPristine = path.join(root, 'params');
  const params = makeImportParameters(2);
  paramIds = params.map((p) => p.keyId);
  paramsDigest = (await writeImportParametersBundle(paramsPristine, { ceremonyId: 'c1', keys: params }, { now: NOW })).digest;
  wrappedPristine = path.join(root, 'wrapped');
  const wrapped = makeWrappedMaterial(3);
  wrappedIds = wrapped.map((w) => w.keyId);
  await writeWrappedMaterialBundle(wrappedPristine, { ceremonyId: 'c1', keys: wrapped }, { now: NOW });
});

let copies = 0;
async function copyOf(pristine: string): Promise<string> {
  const dir = path.join(root, `copy-${++copies}`);
  await fs.cp(pristine, dir, { recursive: true });
  return dir;
}
const paramsCopy = () => copyOf(paramsPristine);
const wrappedCopy = () => copyOf(wrappedPristine);
const keyFile = (id: string | undefined, name: string) => `keys/${id}/${name}`;

describe('a flipped byte', () => {
  for (const kind of ['import-parameters', 'wrapped-material'] as const) {
    it(`in any file of a ${kind} bundle is refused, naming the file`, async () => {
      const pristine = kind === 'import-parameters' ? paramsPristine : wrappedPristine;
      const names = await listFiles(pristine);
      expect(names.length).toBeGreaterThan(kind === 'import-parameters' ? 7 : 8);
      for (const name of names) {
        const dir = await copyOf(pristine);
        const file = path.join(dir, name);
        const bytes = await fs.readFile(file);
        const at = Math.floor(bytes.length / 2);
        bytes[at] = (bytes[at] as number) ^ 0x01;
        await fs.writeFile(file, bytes);
        const error = await refusal(dir);
        if (name === 'manifest.json') {
          expect(error.code).toMatch(/^BUNDLE_MANIFEST_(INVALID|NOT_CANONICAL|CHECKSUM_MISMATCH)$/);
          expect(error.message).toContain('manifest.json');
        } else {
          expect(error.code).toBe('BUNDLE_HASH_MISMATCH');
          expect(error.message).toBe(`${name} does not match its SHA-256 in the manifest: it was changed or damaged.`);
        }
      }
    });
  }
});

describe('an edited manifest', () => {
  it('is refused by its own checksum when edited by hand', async () => {
    const dir = await paramsCopy();
    await rewriteManifest(dir, (m) => ((m as ImportParametersManifest).keys[0]!.keyAlias = 'someone-else'), true);
    const error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_MANIFEST_CHECKSUM_MISMATCH');
    expect(error.message).toContain('edited or damaged');
  });

  it('is refused against the receipt digest even when the checksum was recomputed', async () => {
    const dir = await paramsCopy();
    await rewriteManifest(dir, (m) => ((m as ImportParametersManifest).keys[0]!.keyAlias = 'someone-else'));
    expect((await readBundle(dir, { now: NOW })).digest).not.toBe(paramsDigest);
    const error = await refusal(dir, NOW, paramsDigest.replace(/(.{4})/g, '$1 ').toUpperCase());
    expect(error.code).toBe('BUNDLE_DIGEST_MISMATCH');
    expect(error.message).toContain('not the bundle that was written');
    await expect(readBundle(paramsPristine, { now: NOW, expectedDigest: paramsDigest })).resolves.toMatchObject({ digest: paramsDigest });
  });

  it('is refused when re-formatted', async () => {
    const dir = await paramsCopy();
    const m = await readManifest(dir);
    await fs.writeFile(path.join(dir, 'manifest.json'), JSON.stringify(m));
    const error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_MANIFEST_NOT_CANONICAL');
    expect(error.message).toContain('edited or re-formatted');
  });

  it('is refused with an unknown field, naming it', async () => {
    const dir = await paramsCopy();
    await rewriteManifest(dir, (m) => Object.assign(m, { comment: 'hi' }));
    const error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_MANIFEST_INVALID');
    expect(error.message).toContain('comment');
  });

  it('is refused when cut short', async () => {
    const dir = await paramsCopy();
    const bytes = await fs.readFile(path.join(dir, 'manifest.json'));
    await fs.writeFile(path.join(dir, 'manifest.json'), bytes.subarray(0, bytes.length - 2));
    const error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_MANIFEST_INVALID');
    expect(error.message).toContain('cut short');
  });

  it('is refused when only its final newline is missing', async () => {
    const dir = await paramsCopy();
    const bytes = await fs.readFile(path.join(dir, 'manifest.json'));
    await fs.writeFile(path.join(dir, 'manifest.json'), bytes.subarray(0, bytes.length - 1));
    expect((await refusal(dir)).code).toBe('BUNDLE_MANIFEST_NOT_CANONICAL');
  });

  it('is refused with an unknown format version, naming the version found', async () => {
    const dir = await paramsCopy();
    await rewriteManifest(dir, (m) => Object.assign(m, { formatVersion: 2 }));
    const error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_UNSUPPORTED_VERSION');
    expect(error.message).toContain('format version 2');
  });

  it('is refused with an unknown format id', async () => {
    const dir = await paramsCopy();
    await rewriteManifest(dir, (m) => Object.assign(m, { format: 'keyferry.something-else' }));
    const error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_UNKNOWN_FORMAT');
    expect(error.message).toContain('"keyferry.something-else"');
  });
});

describe('files that do not match the manifest', () => {
  it('refuses an extra file and an extra folder', async () => {
    const dir = await paramsCopy();
    await fs.writeFile(path.join(dir, keyFile(paramIds[0], 'extra.bin')), 'x');
    let error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_UNEXPECTED_FILE');
    expect(error.message).toBe(`${keyFile(paramIds[0], 'extra.bin')} is in the bundle folder but not in its manifest.`);
    const dir2 = await paramsCopy();
    await fs.mkdir(path.join(dir2, 'keys', 'stray'));
    error = await refusal(dir2);
    expect(error.code).toBe('BUNDLE_UNEXPECTED_FILE');
    expect(error.message).toContain('keys/stray');
  });

  it('ignores file-manager metadata with a warning, never reading it', async () => {
    const dir = await paramsCopy();
    await fs.writeFile(path.join(dir, '.DS_Store'), randomBytes(100));
    await fs.writeFile(path.join(dir, keyFile(paramIds[0], '._PublicKey.bin')), randomBytes(4096 * 32));
    const read = await readBundle(dir, { now: NOW });
    expect(read.warnings).toEqual([
      { code: 'OS_METADATA_IGNORED', message: expect.stringContaining('.DS_Store') as unknown },
    ]);
  });

  it('refuses a missing file, a missing manifest and a manifest entry left out', async () => {
    const dir = await paramsCopy();
    await fs.rm(path.join(dir, keyFile(paramIds[1], 'ImportToken.b64')));
    let error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_FILE_MISSING');
    expect(error.message).toBe(`${keyFile(paramIds[1], 'ImportToken.b64')} is listed in the manifest but missing from the bundle folder.`);

    const dir2 = await paramsCopy();
    await fs.rm(path.join(dir2, 'manifest.json'));
    error = await refusal(dir2);
    expect(error.code).toBe('BUNDLE_MANIFEST_MISSING');
    expect(error.message).toContain('writing it never finished');

    const dir3 = await paramsCopy();
    await rewriteManifest(dir3, (m) => (m.files = m.files.filter((f) => !f.name.endsWith('PublicKey.b64'))));
    error = await refusal(dir3);
    expect(error.code).toBe('BUNDLE_LAYOUT_MISMATCH');
    expect(error.message).toContain('PublicKey.b64');
  });

  it('refuses a symbolic link to a file, to a folder, and as the bundle folder', async () => {
    const dir = await paramsCopy();
    const target = path.join(dir, keyFile(paramIds[0], 'PublicKey.bin'));
    const outside = path.join(root, `outside-${copies}.bin`);
    await fs.rename(target, outside);
    await fs.symlink(outside, target);
    let error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_SYMLINK');
    expect(error.message).toContain(`symbolic link, ${keyFile(paramIds[0], 'PublicKey.bin')}`);

    const dir2 = await paramsCopy();
    const keyDir = path.join(dir2, 'keys', paramIds[1] as string);
    const outsideDir = path.join(root, `outside-dir-${copies}`);
    await fs.rename(keyDir, outsideDir);
    await fs.symlink(outsideDir, keyDir);
    error = await refusal(dir2);
    expect(error.code).toBe('BUNDLE_SYMLINK');
    expect(error.message).toContain(`keys/${paramIds[1]}`);

    const link = path.join(root, `link-${copies}`);
    await fs.symlink(paramsPristine, link);
    error = await refusal(link);
    expect(error.code).toBe('BUNDLE_SYMLINK');
  });

  it('refuses a FIFO or other special file without blocking on it', async () => {
    const dir = await paramsCopy();
    const target = path.join(dir, keyFile(paramIds[0], 'PublicKey.bin'));
    await fs.rm(target);
    execFileSync('mkfifo', [target]);
    const error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_SPECIAL_FILE');
    expect(error.message).toContain('named pipe');

    // Even if a FIFO slips in after scanning, opening it neither blocks nor reads it.
    const stat = await fs.stat(target);
    await expect(readBundleFile(dir, keyFile(paramIds[0], 'PublicKey.bin'), { size: 0, dev: stat.dev, ino: stat.ino }, 1024)).rejects.toMatchObject({
      code: 'BUNDLE_SPECIAL_FILE',
    });
  });

  it('refuses names that leave the folder', async () => {
    for (const bad of ['../outside.bin', '/etc/passwd', 'keys\\x\\PublicKey.bin', 'keys/a\0/b', 'keys/./x', 'C:/x', 'keys//x']) {
      const dir = await paramsCopy();
      await rewriteManifest(dir, (m) => (m.files[1]!.name = bad));
      const error = await refusal(dir);
      expect(error.code, bad).toBe('BUNDLE_UNSAFE_PATH');
      expect(error.message).toContain('could point outside the bundle folder');
    }
  });

  it('refuses an oversized file even when the manifest agrees with it, and a huge manifest', async () => {
    const dir = await paramsCopy();
    await replaceFileConsistently(dir, keyFile(paramIds[0], 'PublicKey.bin'), randomBytes(70 * 1024));
    const error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_FILE_TOO_LARGE');
    expect(error.message).toBe(`${keyFile(paramIds[0], 'PublicKey.bin')} is larger than the 65536-byte limit for bundle files.`);

    const dir2 = await paramsCopy();
    await fs.appendFile(path.join(dir2, 'manifest.json'), Buffer.alloc(1024 * 1024, 0x20));
    const error2 = await refusal(dir2);
    expect(error2.code).toBe('BUNDLE_FILE_TOO_LARGE');
    expect(error2.message).toContain('manifest.json is larger than the 1048576-byte limit');
  });

  it('stops reading at the cap whatever lstat said', async () => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, 'f'), Buffer.alloc(5000));
    const stat = await fs.stat(path.join(dir, 'f'));
    await expect(readBundleFile(dir, 'f', { size: 10, dev: stat.dev, ino: stat.ino }, 4096)).rejects.toMatchObject({ code: 'BUNDLE_FILE_TOO_LARGE' });
    await expect(readBundleFile(dir, 'f', { size: 10, dev: stat.dev, ino: stat.ino + 1 }, 8192)).rejects.toMatchObject({ code: 'BUNDLE_CHANGED_WHILE_READING' });
    expect((await readBundleFile(dir, 'f', { size: 10, dev: stat.dev, ino: stat.ino }, 8192)).length).toBe(5000);
  });

  it('refuses a truncated file whose size the manifest no longer matches', async () => {
    const dir = await paramsCopy();
    const name = keyFile(paramIds[0], 'ImportToken.b64');
    await fs.truncate(path.join(dir, name), 10);
    const error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_SIZE_MISMATCH');
    expect(error.message).toContain('cut short');
  });
});

describe('tokens and keys', () => {
  it('refuses a token filed under another key', async () => {
    const dir = await paramsCopy();
    const manifest = (await readManifest(dir)) as ImportParametersManifest;
    const other = manifest.keys[1]!.importToken;
    await fs.writeFile(path.join(dir, keyFile(paramIds[0], 'ImportToken.b64')), other.value);
    await rewriteManifest(dir, (m) => {
      const pm = m as ImportParametersManifest;
      pm.keys[0]!.importToken = { ...other };
      const entry = pm.files.find((f) => f.name === keyFile(paramIds[0], 'ImportToken.b64'))!;
      entry.sha256 = other.sha256;
      entry.size = other.value.length;
    });
    const error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_TOKEN_KEY_MISMATCH');
    expect(error.message).toBe(`The import token filed under key ${paramIds[0]} was issued for key ${paramIds[1]}; the KMS would refuse it.`);
  });

  it('refuses the same token for two keys', async () => {
    const dir = await paramsCopy();
    const manifest = (await readManifest(dir)) as ImportParametersManifest;
    const other = manifest.keys[1]!.importToken;
    await replaceFileConsistently(dir, keyFile(paramIds[0], 'ImportToken.b64'), Buffer.from(other.value));
    await rewriteManifest(dir, (m) => ((m as ImportParametersManifest).keys[0]!.importToken = { ...other, keyId: paramIds[0] as string }));
    expect((await refusal(dir)).code).toBe('BUNDLE_DUPLICATE_TOKEN');
  });

  it('refuses console files that differ from the manifest', async () => {
    const cases: [string, string][] = [
      ['ImportToken.b64', 'BUNDLE_TOKEN_FILE_MISMATCH'],
      ['PublicKey.b64', 'BUNDLE_PUBLIC_KEY_MISMATCH'],
      ['PublicKey.bin', 'BUNDLE_PUBLIC_KEY_MISMATCH'],
    ];
    for (const [file, code] of cases) {
      const dir = await paramsCopy();
      const name = keyFile(paramIds[0], file);
      const bytes = await fs.readFile(path.join(dir, name));
      await replaceFileConsistently(dir, name, Buffer.concat([bytes.subarray(0, bytes.length - 4), Buffer.from('AAA=')]));
      const error = await refusal(dir);
      expect(error.code, file).toBe(code);
      expect(error.message).toContain(file);
    }
  });

  it('refuses a wrong fingerprint and a weak wrapping key', async () => {
    const dir = await paramsCopy();
    await rewriteManifest(dir, (m) => ((m as ImportParametersManifest).keys[0]!.wrappingKeyFingerprint = 'ab'.repeat(32)));
    expect((await refusal(dir)).code).toBe('BUNDLE_FINGERPRINT_MISMATCH');

    const dir2 = await paramsCopy();
    const weak = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'der', type: 'spki' });
    await replaceFileConsistently(dir2, keyFile(paramIds[0], 'PublicKey.bin'), weak);
    await replaceFileConsistently(dir2, keyFile(paramIds[0], 'PublicKey.b64'), Buffer.from(weak.toString('base64')));
    await rewriteManifest(dir2, (m) => ((m as ImportParametersManifest).keys[0]!.wrappingPublicKey = weak.toString('base64')));
    const error = await refusal(dir2);
    expect(error.code).toBe('BUNDLE_WRAPPING_KEY_INVALID');
    expect(error.message).toContain('RSA-1024');
  });

  it('refuses an expired token, telling to fetch new parameters', async () => {
    const expiry = new Date(NOW.getTime() + 24 * 3600 * 1000);
    for (const now of [expiry, new Date(expiry.getTime() + 1000), new Date(expiry.getTime() + 3 * 3600 * 1000)]) {
      const error = await refusal(paramsPristine, now);
      expect(error.code).toBe('BUNDLE_TOKEN_EXPIRED');
      expect(error.message).toContain('fetch new parameters');
      expect(error.message).toContain(expiry.toISOString());
    }
  });

  it('warns when under one hour is left, and when the clock looks wrong', async () => {
    const expiry = NOW.getTime() + 24 * 3600 * 1000;
    const soon = await readBundle(paramsPristine, { now: new Date(expiry - 30 * 60 * 1000) });
    expect(soon.warnings.map((w) => w.code)).toEqual(['TOKEN_EXPIRES_SOON', 'TOKEN_EXPIRES_SOON']);
    expect(soon.warnings[0]?.message).toContain('in 30 minutes');
    expect((await readBundle(paramsPristine, { now: new Date(expiry - 61 * 60 * 1000) })).warnings).toEqual([]);
    const early = await readBundle(paramsPristine, { now: new Date(expiry - 48 * 3600 * 1000) });
    expect(early.warnings.map((w) => w.code)).toEqual(['CLOCK_SUSPECT', 'CLOCK_SUSPECT']);
  });

  it('refuses duplicate key ids, also when they differ only in case', async () => {
    const dir = await paramsCopy();
    await rewriteManifest(dir, (m) => ((m as ImportParametersManifest).keys[1]!.keyId = paramIds[0] as string));
    let error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_DUPLICATE_KEY');
    expect(error.message).toBe(`The manifest lists key ${paramIds[0]} more than once.`);
    const dir2 = await paramsCopy();
    await rewriteManifest(dir2, (m) => ((m as ImportParametersManifest).keys[1]!.keyId = (paramIds[0] as string).toUpperCase()));
    error = await refusal(dir2);
    expect(error.code).toBe('BUNDLE_DUPLICATE_KEY');
  });
});

describe('wrapped material', () => {
  it('refuses a public key of the wrong spec', async () => {
    const dir = await wrappedCopy();
    const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ format: 'der', type: 'spki' });
    await replaceFileConsistently(dir, keyFile(wrappedIds[1], 'public_key.der'), ec);
    const error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_PUBLIC_KEY_INVALID');
    expect(error.message).toBe(`The public key of key ${wrappedIds[1]} is not a RSA_2048 public key.`);
  });

  it('refuses a ciphertext of impossible length', async () => {
    const dir = await wrappedCopy();
    await replaceFileConsistently(dir, keyFile(wrappedIds[0], 'EncryptedKeyMaterial.bin'), randomBytes(255));
    const error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_CIPHERTEXT_INVALID');
    expect(error.message).toContain('255 bytes');
    const dir2 = await wrappedCopy();
    await replaceFileConsistently(dir2, keyFile(wrappedIds[2], 'out_ec_private_key.der'), randomBytes(151));
    expect((await refusal(dir2)).code).toBe('BUNDLE_CIPHERTEXT_INVALID');
  });

  it('refuses fields that do not fit the spec', async () => {
    const dir = await wrappedCopy();
    await rewriteManifest(dir, (m) => ((m as WrappedMaterialManifest).keys[1]!.keyCheckValue = 'ABCDEF'));
    let error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_MANIFEST_INVALID');
    expect(error.message).toContain('only symmetric keys have');
    const dir2 = await wrappedCopy();
    await rewriteManifest(dir2, (m) => ((m as WrappedMaterialManifest).keys[2]!.materialExpiresAt = '2031-01-01T00:00:00.000Z'));
    error = await refusal(dir2);
    expect(error.message).toContain('never expires');
  });

  it('refuses a spec changed so the files no longer fit', async () => {
    const dir = await wrappedCopy();
    await rewriteManifest(dir, (m) => ((m as WrappedMaterialManifest).keys[0]!.keySpec = 'RSA_2048'));
    const error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_LAYOUT_MISMATCH');
    expect(error.message).toContain('out_rsa_private_key.der');
  });
});

it('refuses a path that is not a folder', async () => {
  const file = path.join(await tempDir(), 'file');
  await fs.writeFile(file, 'x');
  expect((await refusal(file)).code).toBe('BUNDLE_NOT_A_FOLDER');
  expect((await refusal(path.join(file, 'nope'))).code).toBe('BUNDLE_UNREADABLE');
});
