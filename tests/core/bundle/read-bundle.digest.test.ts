/**
 * readBundleDigest: the digest a witness or officer compares before the bundle is used is the
 * SHA-256 of manifest.json exactly as `sha256sum` prints it, read as safely as the full reader
 * reads the manifest, without scanning or reading the rest of the bundle (readBundle does that).
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readBundleDigest } from '../../../src-main/core/bundle';
import { KeyferryError } from '../../../src-main/core/errors';
import { keyFile, usePristineBundles } from './tamper-setup';

const t = usePristineBundles();

async function digestRefusal(dir: string): Promise<KeyferryError> {
  const error = await readBundleDigest(dir).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KeyferryError);
  return error as KeyferryError;
}

describe('readBundleDigest', () => {
  it('is the SHA-256 sha256sum prints for manifest.json, and does not look past the manifest', async () => {
    const dir = await t.paramsCopy();
    const { stdout } = await promisify(execFile)('sha256sum', [path.join(dir, 'manifest.json')]);
    expect(await readBundleDigest(dir)).toBe(stdout.split(' ')[0]);
    // A damaged key file changes nothing here: the full read that follows refuses it.
    await fs.writeFile(path.join(dir, keyFile(t.paramIds[0], 'ImportToken.b64')), 'damaged');
    expect(await readBundleDigest(dir)).toBe(t.paramsDigest);
  });

  it('refuses a linked manifest, a linked bundle folder, a missing manifest, a manifest that is a fifo and an abandoned bundle', async () => {
    const linked = await t.paramsCopy();
    await fs.rename(path.join(linked, 'manifest.json'), path.join(linked, 'real.json'));
    await fs.symlink('real.json', path.join(linked, 'manifest.json'));
    expect((await digestRefusal(linked)).code).toBe('BUNDLE_SYMLINK');

    const folderLink = `${await t.paramsCopy()}-link`;
    await fs.symlink(t.paramsPristine, folderLink);
    expect((await digestRefusal(folderLink)).code).toBe('BUNDLE_SYMLINK');

    const missing = await t.paramsCopy();
    await fs.rm(path.join(missing, 'manifest.json'));
    expect((await digestRefusal(missing)).code).toBe('BUNDLE_MANIFEST_MISSING');

    const fifo = await t.paramsCopy();
    await fs.rm(path.join(fifo, 'manifest.json'));
    await promisify(execFile)('mkfifo', [path.join(fifo, 'manifest.json')]);
    expect((await digestRefusal(fifo)).code).toBe('BUNDLE_SPECIAL_FILE');

    const abandoned = await t.paramsCopy();
    await fs.writeFile(path.join(abandoned, 'ABANDONED.txt'), 'abandoned');
    expect((await digestRefusal(abandoned)).code).toBe('BUNDLE_ABANDONED');
  });
});
