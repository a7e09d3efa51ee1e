import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyferryError } from '../../../src-main/core/errors';
import {
  createFreshFolder,
  nodeFileLayer,
  sha256Hex,
  writeFileExclusive,
  type FileLayer,
} from '../../../src-main/core/fs/durable-file';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kf-durable-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('writeFileExclusive', () => {
  it('writes the bytes and reports size and SHA-256 as read back', async () => {
    const file = path.join(dir, 'a.bin');
    const written = await writeFileExclusive(file, Buffer.from('ceremony'));
    expect(written).toEqual({ path: file, size: 8, sha256: sha256Hex('ceremony') });
    expect(await fs.readFile(file, 'utf8')).toBe('ceremony');
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
  });

  it('never overwrites an existing file, and leaves it untouched', async () => {
    const file = path.join(dir, 'keep.txt');
    await fs.writeFile(file, 'original');
    const error = await writeFileExclusive(file, 'replacement').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeyferryError);
    expect((error as KeyferryError).code).toBe('WRITE_FAILED');
    expect((error as KeyferryError).message).toContain('already exists');
    expect(await fs.readFile(file, 'utf8')).toBe('original');
  });

  it('removes its partial file when the media fills up mid-write', async () => {
    const file = path.join(dir, 'full.bin');
    const fullDisk: FileLayer = {
      ...nodeFileLayer,
      open: async (f, flags, mode) => {
        const handle = await nodeFileLayer.open(f, flags, mode);
        return new Proxy(handle, {
          get(target, prop, receiver) {
            if (prop === 'write') {
              return async () => {
                throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
              };
            }
            const value: unknown = Reflect.get(target, prop, receiver);
            return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
          },
        });
      },
    };
    const error = await writeFileExclusive(file, Buffer.alloc(1024, 7), { layer: fullDisk }).catch((e: unknown) => e);
    expect((error as KeyferryError).message).toContain('the media is full');
    expect((error as KeyferryError).nextStep).toContain('fresh folder');
    await expect(fs.stat(file)).rejects.toThrow();
  });

  it('refuses a file that reads back differently (failing media)', async () => {
    const file = path.join(dir, 'flaky.bin');
    const flaky: FileLayer = {
      ...nodeFileLayer,
      readFile: async (f) => {
        const bytes = await nodeFileLayer.readFile(f);
        bytes[0] = (bytes[0] ?? 0) ^ 1;
        return bytes;
      },
    };
    const error = await writeFileExclusive(file, 'abc', { layer: flaky }).catch((e: unknown) => e);
    expect((error as KeyferryError).code).toBe('WRITE_VERIFY_FAILED');
    await expect(fs.stat(file)).rejects.toThrow();
  });
});

describe('createFreshFolder', () => {
  it('creates a new folder and refuses one that exists', async () => {
    const target = path.join(dir, 'bundle');
    await createFreshFolder(target);
    expect((await fs.stat(target)).isDirectory()).toBe(true);
    const error = await createFreshFolder(target).catch((e: unknown) => e);
    expect((error as KeyferryError).code).toBe('FOLDER_NOT_FRESH');
  });
});
