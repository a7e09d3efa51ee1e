/** Scanning a bundle folder: a path that is a file, or leads through one, is refused before any file is read. */
import nodeFs, { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, it, vi } from 'vitest';
import { scanBundleFolder } from '../../../src-main/core/bundle/bundle-scan';
import type { KeyferryError } from '../../../src-main/core/errors';
import { tempDir } from './bundle-fixtures';
import { refusal } from './tamper-setup';

it('refuses a path that is not a folder', async () => {
  const file = path.join(await tempDir(), 'file');
  await fs.writeFile(file, 'x');
  expect((await refusal(file)).code).toBe('BUNDLE_NOT_A_FOLDER');
  expect((await refusal(path.join(file, 'nope'))).code).toBe('BUNDLE_UNREADABLE');
});

it('names a folder that is not there as a path to check, a mistyped name apart from missing media', async () => {
  const dir = await tempDir();
  const typo = await refusal(path.join(dir, 'wraped'));
  expect(typo.code).toBe('BUNDLE_FOLDER_MISSING');
  expect(typo.message).toContain('the folder it would be in exists, so the name is probably mistyped');
  expect(typo.message).not.toContain('the media may have been removed');
  const unmounted = await refusal(path.join(dir, 'usb', 'wrapped'));
  expect(unmounted.message).toContain('neither it nor the folder it would be in exists');
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

it('lists the folders and files in name order, each folder followed by what it holds', async () => {
  const dir = await tempDir();
  const files = ['a/b/deep.bin', 'a/c.bin', 'keys/x/1.bin', 'keys/x/2.bin', 'keys/y/1.bin', 'manifest.json'];
  for (const name of files) {
    await fs.mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await fs.writeFile(path.join(dir, name), name);
  }
  const scan = await scanBundleFolder(dir);
  expect([...scan.files.keys()]).toEqual(files);
  expect([...scan.folders]).toEqual(['a', 'a/b', 'keys', 'keys/x', 'keys/y']);
});

it('refuses for the first problem in name order: one deep in an earlier folder before one found sooner after it', async () => {
  const dir = await tempDir();
  await fs.mkdir(path.join(dir, 'a', 'b'), { recursive: true });
  await fs.writeFile(path.join(dir, 'manifest.json'), '{}');
  await fs.symlink(path.join(dir, 'manifest.json'), path.join(dir, 'a', 'b', 'link'));
  // Found in the top folder's own listing, while a/ and a/b/ are still being listed.
  await fs.symlink(path.join(dir, 'manifest.json'), path.join(dir, 'z-link'));
  const error = await scanBundleFolder(dir).then(
    () => undefined,
    (e: unknown) => e as KeyferryError,
  );
  expect(error?.code).toBe('BUNDLE_SYMLINK');
  expect(error?.values).toEqual({ where: 'inside', name: 'a/b/link' });
});

it('refuses a folder past the entry limit, and reads no listing once the entries seen are past it', async () => {
  const dir = await tempDir();
  // 30 key folders of 100 files each: 3,030 entries against the limit of 2,016.
  await fs.mkdir(path.join(dir, 'keys'));
  for (let k = 0; k < 30; k++) {
    const folder = path.join(dir, 'keys', `k${String(k).padStart(2, '0')}`);
    await fs.mkdir(folder);
    await Promise.all(Array.from({ length: 100 }, (_, i) => fs.writeFile(path.join(folder, `f${i}`), '')));
  }
  const listed: string[] = [];
  const readdirSync = nodeFs.readdirSync;
  const spy = vi.spyOn(nodeFs, 'readdirSync').mockImplementation(((...args: Parameters<typeof nodeFs.readdirSync>) => {
    listed.push(String(args[0]));
    return (readdirSync as (...a: unknown[]) => unknown)(...args);
  }) as typeof nodeFs.readdirSync);
  try {
    await expect(scanBundleFolder(dir)).rejects.toMatchObject({
      code: 'BUNDLE_TOO_MANY_FILES',
      values: { dir, limit: 2016 },
    });
  } finally {
    spy.mockRestore();
  }
  // The top (1 entry), keys/ (30), then key folders of 100 each in name order: the limit is passed
  // with the 20th (2,031 entries), and no listing is read after it (32 folders in all).
  expect(listed).toHaveLength(22);
  expect(path.basename(listed.at(-1) ?? '')).toBe('k19');
});

it('refuses an entry whose name is not UTF-8 as what it is, not as media removed', async () => {
  const dir = await tempDir();
  await fs.writeFile(path.join(dir, 'manifest.json'), '{}');
  // The bytes 0xFF 0xFE are no UTF-8 text: Node lists the name with U+FFFD in their place.
  nodeFs.writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0xff, 0xfe]), Buffer.from('-bad')]), 'x');
  const refused = await refusal(dir);
  expect(refused.code).toBe('BUNDLE_UNEXPECTED_FILE');
  expect(refused.message).toBe(
    'The bundle holds an entry whose name is not valid text (UTF-8), shown here as \uFFFD\uFFFD-bad: no manifest names it, and Keyferry never writes such a name.',
  );
  expect(refused.message).not.toContain('removed');
});
