/** Reading one bundle file: never more than its cap, and never a file other than the one scanned. */
import { randomBytes } from 'node:crypto';
import nodeFs, { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, it, vi } from 'vitest';
import { readBundleFileSteps } from '../../../src-main/core/bundle/bundle-file-reader';
import { stepsAtOnce } from '../../../src-main/core/yield';
import { tempDir } from './bundle-fixtures';

/** The reader's steps run at once (read-bundle.ts runs them in slices). */
const readBundleFile = (...args: Parameters<typeof readBundleFileSteps>) => stepsAtOnce(readBundleFileSteps(...args));

it('stops reading at the cap whatever lstat said', async () => {
  const dir = await tempDir();
  await fs.writeFile(path.join(dir, 'f'), Buffer.alloc(5000));
  const stat = await fs.stat(path.join(dir, 'f'));
  expect(() => readBundleFile(dir, 'f', { size: 10, dev: stat.dev, ino: stat.ino }, 4096)).toThrow(
    expect.objectContaining({ code: 'BUNDLE_FILE_TOO_LARGE' }),
  );
  expect(() => readBundleFile(dir, 'f', { size: 10, dev: stat.dev, ino: stat.ino + 1 }, 8192)).toThrow(
    expect.objectContaining({ code: 'BUNDLE_CHANGED_WHILE_READING' }),
  );
  expect(readBundleFile(dir, 'f', { size: 10, dev: stat.dev, ino: stat.ino }, 8192).length).toBe(5000);
});

it('returns exactly the bytes of the file, at every size (never a byte of a reused buffer)', async () => {
  const dir = await tempDir();
  for (const size of [0, 1, 4095, 4096, 4097, 70_000]) {
    const bytes = randomBytes(size);
    const file = path.join(dir, `f${size}`);
    await fs.writeFile(file, bytes);
    const stat = await fs.stat(file);
    const read = readBundleFile(dir, `f${size}`, { size, dev: stat.dev, ino: stat.ino }, 100_000);
    expect(read.equals(bytes), `size ${size}`).toBe(true);
  }
});

it('a read that stops short of the size fstat gave is followed by another: failing media are refused as unreadable, not as altered', async () => {
  const dir = await tempDir();
  const bytes = randomBytes(10_000);
  await fs.writeFile(path.join(dir, 'f'), bytes);
  const stat = await fs.stat(path.join(dir, 'f'));
  let calls = 0;
  const readSync = nodeFs.readSync;
  // The USB stick copies 4,000 bytes, then fails (EIO), as Linux reports a read that met an error part way.
  const spy = vi.spyOn(nodeFs, 'readSync').mockImplementation(((...args: unknown[]) => {
    calls += 1;
    if (calls > 1) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
    const [fd, buffer, offset] = args as [number, Buffer, number];
    return readSync(fd, buffer, offset, 4_000, 0);
  }) as unknown as typeof nodeFs.readSync);
  try {
    expect(() => readBundleFile(dir, 'f', { size: 10_000, dev: stat.dev, ino: stat.ino }, 100_000)).toThrow(
      expect.objectContaining({ code: 'BUNDLE_UNREADABLE', values: expect.objectContaining({ errno: 'EIO' }) }),
    );
  } finally {
    spy.mockRestore();
  }
  expect(calls).toBe(2);
});

it('reads a large file a 64 KiB chunk per step, so the event loop turns while a 1 MiB manifest comes off slow media', async () => {
  const dir = await tempDir();
  const bytes = randomBytes(1024 * 1024);
  await fs.writeFile(path.join(dir, 'manifest.json'), bytes);
  const stat = await fs.stat(path.join(dir, 'manifest.json'));
  const steps = readBundleFileSteps(
    dir,
    'manifest.json',
    { size: bytes.length, dev: stat.dev, ino: stat.ino },
    bytes.length,
  );
  let turns = 0;
  for (let next = steps.next(); ; next = steps.next()) {
    if (next.done) {
      expect(next.value.equals(bytes)).toBe(true);
      break;
    }
    turns += 1;
  }
  // Sixteen full chunks, the last one ending with the read that finds the end.
  expect(turns).toBe(16);
});
