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
import { translator } from '../../../src-main/i18n/translate';

/** The file layer, but `call` fails with `code`, as a folder of another owner makes it fail. */
function refusing(call: 'open' | 'mkdir', code: string): FileLayer {
  return {
    ...nodeFileLayer,
    [call]: async () => {
      throw Object.assign(new Error(`${code}: refused`), { code });
    },
  };
}

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

  it('a folder this account may not write to is said as such, with the folder to fix, in English and Chinese', async () => {
    const file = path.join(dir, 'airgap.journal.lock');
    const error = await writeFileExclusive(file, 'x', { layer: refusing('open', 'EACCES') }).catch((e: unknown) => e);
    const en = translator('en').problem(error as KeyferryError);
    expect(en.message).toBe('Could not write airgap.journal.lock: permission was denied.');
    expect(en.nextStep).toBe(
      `Nothing written there counts as done. Give this account write access to the folder ${dir} (or choose a folder it may write to), then try again.`,
    );
    expect(translator('zh-CN').problem(error as KeyferryError).nextStep).toContain(`对文件夹 ${dir} 的写入权限`);
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
    expect((error as KeyferryError).nextStep).toBe('Choose a new folder name that does not exist yet.');
  });

  it('a folder it may not create (EPERM) names the folder to give access to, not "choose a new name"', async () => {
    const target = path.join(dir, 'bundle');
    const error = await createFreshFolder(target, refusing('mkdir', 'EPERM')).catch((e: unknown) => e);
    expect((error as KeyferryError).message).toBe(`Could not create the folder ${target}: permission was denied.`);
    expect((error as KeyferryError).nextStep).toBe(
      `Give this account write access to the folder ${dir} (or choose a folder it may write to), then try again.`,
    );
  });
});
