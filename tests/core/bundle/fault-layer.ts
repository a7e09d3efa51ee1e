/** FileLayer wrappers that simulate a full disk or media pulled out mid-write, for fault tests. */
import type { promises as fs } from 'node:fs';
import { nodeFileLayer, type FileLayer } from '../../../src-main/core/fs/durable-file';

export function errnoError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** Counts every operation (open, mkdir, readFile, write, sync, close) and lets `before` fail or act on it. */
export function countingLayer(
  before: (op: number, name: string) => Promise<void> | void,
): FileLayer & { readonly ops: number } {
  let ops = 0;
  const step = async (name: string) => {
    ops += 1;
    await before(ops, name);
  };
  const wrap = (handle: fs.FileHandle): fs.FileHandle =>
    ({
      write: async (buffer: Uint8Array, offset: number, length: number) => {
        await step('write');
        return handle.write(buffer, offset, length);
      },
      sync: async () => {
        await step('sync');
        return handle.sync();
      },
      close: async () => {
        try {
          await step('close');
        } finally {
          await handle.close();
        }
      },
    }) as unknown as fs.FileHandle;
  return {
    get ops() {
      return ops;
    },
    open: async (file, flags, mode) => {
      await step('open');
      return wrap(await nodeFileLayer.open(file, flags, mode));
    },
    mkdir: async (dir) => {
      await step('mkdir');
      return nodeFileLayer.mkdir(dir);
    },
    readFile: async (file) => {
      await step('readFile');
      return nodeFileLayer.readFile(file);
    },
  };
}

/** Throws `code` on the Nth write() call (a full disk: ENOSPC). */
export function failingNthWrite(n: number, code = 'ENOSPC'): FileLayer {
  let writes = 0;
  return countingLayer((_op, name) => {
    if (name === 'write' && ++writes === n) throw errnoError(code);
  });
}

/** Every operation from the Nth on throws `code` (the media vanished: EIO or ENOENT). */
export function vanishingAfter(n: number, code = 'EIO'): FileLayer {
  return countingLayer((op) => {
    if (op >= n) throw errnoError(code);
  });
}
