/** Tampering with a bundle's files and manifest: each detected with its own clear message. */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBundle } from '../../../src-main/core/bundle';
import { readBundleFileSteps } from '../../../src-main/core/bundle/bundle-file-reader';
import { stepsAtOnce } from '../../../src-main/core/yield';
import type { ImportParametersManifest } from '../../../src-main/core/bundle/import-parameters-manifest';
import { NOW, listFiles, readManifest, replaceFileConsistently, rewriteManifest } from './bundle-fixtures';
import { keyFile, refusal, usePristineBundles } from './tamper-setup';

/** The reader's steps run at once (read-bundle.ts runs them in slices). */
const readBundleFile = (...args: Parameters<typeof readBundleFileSteps>) => stepsAtOnce(readBundleFileSteps(...args));

const t = usePristineBundles();

describe('a flipped byte', () => {
  for (const kind of ['import-parameters', 'wrapped-material'] as const) {
    it(`in any file of a ${kind} bundle is refused, naming the file`, async () => {
      const pristine = kind === 'import-parameters' ? t.paramsPristine : t.wrappedPristine;
      const names = await listFiles(pristine);
      expect(names.length).toBeGreaterThan(kind === 'import-parameters' ? 7 : 8);
      for (const name of names) {
        const dir = await t.copyOf(pristine);
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
    const dir = await t.paramsCopy();
    await rewriteManifest(dir, (m) => ((m as ImportParametersManifest).keys[0]!.keyAlias = 'someone-else'), true);
    const error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_MANIFEST_CHECKSUM_MISMATCH');
    expect(error.message).toContain('edited or damaged');
  });

  it('is refused against the receipt digest even when the checksum was recomputed', async () => {
    const dir = await t.paramsCopy();
    await rewriteManifest(dir, (m) => ((m as ImportParametersManifest).keys[0]!.keyAlias = 'someone-else'));
    expect((await readBundle(dir, { now: NOW })).digest).not.toBe(t.paramsDigest);
    const error = await refusal(dir, NOW, t.paramsDigest.replace(/(.{4})/g, '$1 ').toUpperCase());
    expect(error.code).toBe('BUNDLE_DIGEST_MISMATCH');
    expect(error.message).toMatch(
      /groups differ from the digest of the bundle .*This is not the bundle whose digest the online workstation showed/,
    );
    await expect(readBundle(t.paramsPristine, { now: NOW, expectedDigest: t.paramsDigest })).resolves.toMatchObject({
      digest: t.paramsDigest,
    });
  });

  it('is refused when re-formatted', async () => {
    const dir = await t.paramsCopy();
    const m = await readManifest(dir);
    await fs.writeFile(path.join(dir, 'manifest.json'), JSON.stringify(m));
    const error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_MANIFEST_NOT_CANONICAL');
    expect(error.message).toContain('edited or re-formatted');
  });

  it('is refused with an unknown field, naming it', async () => {
    const dir = await t.paramsCopy();
    await rewriteManifest(dir, (m) => Object.assign(m, { comment: 'hi' }));
    const error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_MANIFEST_INVALID');
    expect(error.message).toContain('comment');
  });

  it('is refused when cut short', async () => {
    const dir = await t.paramsCopy();
    const bytes = await fs.readFile(path.join(dir, 'manifest.json'));
    await fs.writeFile(path.join(dir, 'manifest.json'), bytes.subarray(0, bytes.length - 2));
    const error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_MANIFEST_INVALID');
    expect(error.message).toContain('cut short');
  });

  it('is refused as not JSON when a byte in it is not UTF-8, though the rest reads as JSON', async () => {
    const dir = await t.paramsCopy();
    const file = path.join(dir, 'manifest.json');
    const bytes = await fs.readFile(file);
    // A letter of the first key's alias made a byte UTF-8 never has: read loosely, it is still JSON.
    const at = bytes.indexOf('"keyAlias": "') + '"keyAlias": "'.length;
    bytes[at] = 0xff;
    await fs.writeFile(file, bytes);
    const error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_MANIFEST_INVALID');
    expect(error.message).toContain('manifest.json is not valid JSON');
  });

  it('is refused as re-formatted when a byte-order mark comes first', async () => {
    const dir = await t.paramsCopy();
    const file = path.join(dir, 'manifest.json');
    await fs.writeFile(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), await fs.readFile(file)]));
    const error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_MANIFEST_NOT_CANONICAL');
    expect(error.message).toContain('edited or re-formatted');
  });

  it('is refused when only its final newline is missing', async () => {
    const dir = await t.paramsCopy();
    const bytes = await fs.readFile(path.join(dir, 'manifest.json'));
    await fs.writeFile(path.join(dir, 'manifest.json'), bytes.subarray(0, bytes.length - 1));
    expect((await refusal(dir)).code).toBe('BUNDLE_MANIFEST_NOT_CANONICAL');
  });

  it('is refused with an unknown format version, naming the version found', async () => {
    const dir = await t.paramsCopy();
    await rewriteManifest(dir, (m) => Object.assign(m, { formatVersion: 7 }));
    const error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_UNSUPPORTED_VERSION');
    expect(error.message).toContain('format version 7');
  });

  it('is refused as damaged, not as another release, when its format version is no whole number', async () => {
    for (const version of ['1e999', '2.5', '-1', '"5"', 'null']) {
      const dir = await t.paramsCopy();
      const file = path.join(dir, 'manifest.json');
      const text = (await fs.readFile(file, 'utf8')).replace(/"formatVersion":\s*\d+/, `"formatVersion": ${version}`);
      await fs.writeFile(file, text);
      const error = await refusal(dir);
      expect(error.code, version).toBe('BUNDLE_MANIFEST_INVALID');
      expect(error.message).toBe(
        'manifest.json gives a format version that is not a whole number any Keyferry writes: it was damaged or changed.',
      );
    }
  });

  it('is refused with an unknown format id', async () => {
    const dir = await t.paramsCopy();
    await rewriteManifest(dir, (m) => Object.assign(m, { format: 'keyferry.something-else' }));
    const error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_UNKNOWN_FORMAT');
    expect(error.message).toContain('"keyferry.something-else"');
  });
});

describe('files that do not match the manifest', () => {
  it('refuses an extra file and an extra folder', async () => {
    const dir = await t.paramsCopy();
    await fs.writeFile(path.join(dir, keyFile(t.paramIds[0], 'extra.bin')), 'x');
    let error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_UNEXPECTED_FILE');
    expect(error.message).toBe(
      `${keyFile(t.paramIds[0], 'extra.bin')} is in the bundle folder but not in its manifest.`,
    );
    // A file copied in beside a whole bundle: a clean copy is the way on, not a new bundle (a trial).
    expect(error.nextStep).toMatch(
      /^Do not use this folder as it is: something was copied into it .* Copy the bundle again, whole, into a new empty folder/,
    );
    const dir2 = await t.paramsCopy();
    await fs.mkdir(path.join(dir2, 'keys', 'stray'));
    error = await refusal(dir2);
    expect(error.code).toBe('BUNDLE_UNEXPECTED_FILE');
    expect(error.message).toContain('keys/stray');
  });

  it('ignores file-manager metadata with a warning, never reading it', async () => {
    const dir = await t.paramsCopy();
    await fs.writeFile(path.join(dir, '.DS_Store'), randomBytes(100));
    await fs.writeFile(path.join(dir, keyFile(t.paramIds[0], '._PublicKey.bin')), randomBytes(4096 * 32));
    const read = await readBundle(dir, { now: NOW });
    expect(read.warnings).toEqual([
      { code: 'OS_METADATA_IGNORED', values: { filesList: expect.stringContaining('.DS_Store') as unknown } },
    ]);
  });

  it('refuses a missing file, a missing manifest and a manifest entry left out', async () => {
    const dir = await t.paramsCopy();
    await fs.rm(path.join(dir, keyFile(t.paramIds[1], 'ImportToken.b64')));
    let error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_FILE_MISSING');
    expect(error.message).toBe(
      `${keyFile(t.paramIds[1], 'ImportToken.b64')} is listed in the manifest but missing from the bundle folder.`,
    );

    const dir2 = await t.paramsCopy();
    await fs.rm(path.join(dir2, 'manifest.json'));
    error = await refusal(dir2);
    expect(error.code).toBe('BUNDLE_MANIFEST_MISSING');
    expect(error.message).toContain('writing it never finished');

    const dir3 = await t.paramsCopy();
    await rewriteManifest(dir3, (m) => (m.files = m.files.filter((f) => !f.name.endsWith('PublicKey.b64'))));
    error = await refusal(dir3);
    expect(error.code).toBe('BUNDLE_LAYOUT_MISMATCH');
    expect(error.message).toContain('PublicKey.b64');
  });

  it('refuses a symbolic link to a file, to a folder, and as the bundle folder', async () => {
    const dir = await t.paramsCopy();
    const target = path.join(dir, keyFile(t.paramIds[0], 'PublicKey.bin'));
    const outside = path.join(t.root, 'outside.bin');
    await fs.rename(target, outside);
    await fs.symlink(outside, target);
    let error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_SYMLINK');
    expect(error.message).toContain(`symbolic link, ${keyFile(t.paramIds[0], 'PublicKey.bin')}`);

    const dir2 = await t.paramsCopy();
    const keyDir = path.join(dir2, 'keys', t.paramIds[1] as string);
    const outsideDir = path.join(t.root, 'outside-dir');
    await fs.rename(keyDir, outsideDir);
    await fs.symlink(outsideDir, keyDir);
    error = await refusal(dir2);
    expect(error.code).toBe('BUNDLE_SYMLINK');
    expect(error.message).toContain(`keys/${t.paramIds[1]}`);

    const link = path.join(t.root, 'link');
    await fs.symlink(t.paramsPristine, link);
    error = await refusal(link);
    expect(error.code).toBe('BUNDLE_SYMLINK');
  });

  it('refuses a FIFO or other special file without blocking on it', async () => {
    const dir = await t.paramsCopy();
    const target = path.join(dir, keyFile(t.paramIds[0], 'PublicKey.bin'));
    await fs.rm(target);
    execFileSync('mkfifo', [target]);
    const error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_SPECIAL_FILE');
    expect(error.message).toContain('named pipe');

    // Even if a FIFO slips in after scanning, opening it neither blocks nor reads it.
    const stat = await fs.stat(target);
    expect(() =>
      readBundleFile(dir, keyFile(t.paramIds[0], 'PublicKey.bin'), { size: 0, dev: stat.dev, ino: stat.ino }, 1024),
    ).toThrow(expect.objectContaining({ code: 'BUNDLE_SPECIAL_FILE' }));
  });

  it('refuses names that leave the folder', async () => {
    for (const bad of [
      '../outside.bin',
      '/etc/passwd',
      'keys\\x\\PublicKey.bin',
      'keys/a\0/b',
      'keys/./x',
      'C:/x',
      'keys//x',
    ]) {
      const dir = await t.paramsCopy();
      await rewriteManifest(dir, (m) => (m.files[1]!.name = bad));
      const error = await refusal(dir);
      expect(error.code, bad).toBe('BUNDLE_UNSAFE_PATH');
      expect(error.message).toContain('could point outside the bundle folder');
    }
  });

  it('refuses an oversized file even when the manifest agrees with it, and a huge manifest', async () => {
    const dir = await t.paramsCopy();
    await replaceFileConsistently(dir, keyFile(t.paramIds[0], 'PublicKey.bin'), randomBytes(70 * 1024));
    const error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_FILE_TOO_LARGE');
    expect(error.message).toBe(
      `${keyFile(t.paramIds[0], 'PublicKey.bin')} is larger than the 65536-byte limit for bundle files.`,
    );

    const dir2 = await t.paramsCopy();
    await fs.appendFile(path.join(dir2, 'manifest.json'), Buffer.alloc(1024 * 1024, 0x20));
    const error2 = await refusal(dir2);
    expect(error2.code).toBe('BUNDLE_FILE_TOO_LARGE');
    expect(error2.message).toContain('manifest.json is larger than the 1048576-byte limit');
  });

  it('refuses a truncated file whose size the manifest no longer matches', async () => {
    const dir = await t.paramsCopy();
    const name = keyFile(t.paramIds[0], 'ImportToken.b64');
    await fs.truncate(path.join(dir, name), 10);
    const error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_SIZE_MISMATCH');
    expect(error.message).toContain('cut short');
  });
});
