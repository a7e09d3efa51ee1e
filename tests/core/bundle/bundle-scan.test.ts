/** Scanning a bundle folder: a path that is a file, or leads through one, is refused before any file is read. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { scanBundleFolder } from '../../../src-main/core/bundle/bundle-scan';
import { tempDir } from './bundle-fixtures';
import { refusal } from './tamper-setup';

it('refuses a path that is not a folder', async () => {
  const file = path.join(await tempDir(), 'file');
  await fs.writeFile(file, 'x');
  expect((await refusal(file)).code).toBe('BUNDLE_NOT_A_FOLDER');
  expect((await refusal(path.join(file, 'nope'))).code).toBe('BUNDLE_UNREADABLE');
});

it('lists every folder and every file with the size and identity lstat gives, folders known from their entries', async () => {
  const dir = await tempDir();
  const files = ['manifest.json', 'keys/a/PublicKey.bin', 'keys/a/token.txt', 'keys/b/deep.bin', 'keys/.DS_Store'];
  for (const [i, name] of files.entries()) {
    await fs.mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await fs.writeFile(path.join(dir, name), 'x'.repeat(i * 7));
  }
  await fs.mkdir(path.join(dir, 'keys', 'empty'));
  const scan = await scanBundleFolder(dir);
  expect([...scan.folders].sort()).toEqual(['keys', 'keys/a', 'keys/b', 'keys/empty']);
  expect(scan.ignored).toEqual(['keys/.DS_Store']);
  const listed = [...scan.files.keys()].sort();
  expect(listed).toEqual(files.filter((f) => !f.endsWith('.DS_Store')).sort());
  for (const name of listed) {
    const stat = await fs.lstat(path.join(dir, name));
    expect(scan.files.get(name)).toEqual({ size: stat.size, dev: stat.dev, ino: stat.ino });
  }
});
