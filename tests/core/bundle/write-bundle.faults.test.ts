/**
 * A full disk and media that disappears mid-write: the writer fails with a KeyferryError, nothing
 * half-written is ever accepted, what the attempt created is removed again (what cannot be is named
 * to delete by hand), and the same command into the same folder then succeeds.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyferryError } from '../../../src-main/core/errors';
import type { FileLayer } from '../../../src-main/core/fs/durable-file';
import {
  readBundle,
  writeImportParametersBundle,
  writeWrappedMaterialBundle,
  type ImportParameters,
  type WrappedKeyMaterial,
} from '../../../src-main/core/bundle';
import { NOW, makeImportParameters, makeWrappedMaterial, tempDir } from './bundle-fixtures';
import { countingLayer, errnoError, failingNthWrite, vanishingAfter } from './fault-layer';
import { fillUp, MOUNTS_AVAILABLE, mountTmpfs } from '../../support/tmpfs-mount';

let root: string;
let params: ImportParameters[];
let wrapped: WrappedKeyMaterial[];
let folders = 0;
const fresh = () => path.join(root, `bundle-${++folders}`);

beforeAll(async () => {
  root = await tempDir('keyferry-faults-');
  params = makeImportParameters(2);
  wrapped = makeWrappedMaterial(2);
});

async function expectNeverAccepted(dir: string): Promise<void> {
  const outcome = await readBundle(dir, { now: NOW }).then(
    () => 'accepted',
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(KeyferryError);
}

async function expectFailedWrite(
  promise: Promise<unknown>,
  words: string | RegExp,
  again: RegExp = /run the same command again with the same folder/,
): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(KeyferryError);
  const problem = (error as KeyferryError).toProblem();
  expect(problem.code).toBe('BUNDLE_WRITE_FAILED');
  expect(problem.message).toContain('is not a bundle');
  expect(problem.message).toMatch(words);
  expect(problem.message).not.toContain('simulated');
  expect(problem.nextStep).toMatch(again);
}

/** A failed write took away what it had created: the folder is as it was before (here: not there). */
async function expectNothingLeft(dir: string): Promise<void> {
  expect(existsSync(dir)).toBe(false);
}

const writers = {
  'import-parameters': (dir: string, layer?: FileLayer) =>
    writeImportParametersBundle(dir, { ceremonyId: 'c1', keys: params }, { now: NOW, layer }),
  'wrapped-material': (dir: string, layer?: FileLayer) =>
    writeWrappedMaterialBundle(dir, { ceremonyId: 'c1', keys: wrapped }, { now: NOW, layer }),
};

describe.each(Object.entries(writers))('%s bundle', (_kind, write) => {
  it('a full disk (ENOSPC on each write in turn) never leaves a bundle, and a retry succeeds', async () => {
    const counter = countingLayer(() => undefined);
    await write(fresh(), counter);
    let writes = 0;
    const probe = countingLayer((_op, name) => {
      if (name === 'write') writes += 1;
    });
    await write(fresh(), probe);
    expect(writes).toBeGreaterThanOrEqual(6);
    for (let n = 1; n <= writes; n++) {
      const dir = fresh();
      await expectFailedWrite(write(dir, failingNthWrite(n)), 'the media is full');
      await expectNothingLeft(dir);
      // The same folder again: nothing of the failed attempt is in its way.
      const retry = await write(dir);
      await expect(readBundle(retry.dir, { now: NOW })).resolves.toMatchObject({ digest: retry.digest });
    }
  });

  it('media vanishing after any operation (EIO, ENOENT) never leaves a bundle', async () => {
    const counter = countingLayer(() => undefined);
    await write(fresh(), counter);
    const total = counter.ops;
    expect(total).toBeGreaterThan(20);
    for (let n = 1; n <= total; n++) {
      const dir = fresh();
      await expectFailedWrite(
        write(dir, vanishingAfter(n, n % 2 === 0 ? 'EIO' : 'ENOENT')),
        /was the media removed\?|was it removed\?/,
        // Not "make room": the media went away, it did not fill up.
        /Once the media is back and writable, run the same command again with the same folder/,
      );
      await expectNeverAccepted(dir);
      await expectNothingLeft(dir);
    }
    const retry = await write(fresh());
    await expect(readBundle(retry.dir, { now: NOW })).resolves.toMatchObject({ digest: retry.digest });
  });

  it('the folder removed mid-write (rm -rf) fails cleanly and a retry succeeds', async () => {
    for (const n of [2, 5, 9, 14, 20, 30]) {
      const dir = fresh();
      const layer = countingLayer(async (op) => {
        if (op === n) await fs.rm(dir, { recursive: true, force: true });
      });
      // Files written before the folder went are not where they were written: nothing says they are
      // gone rather than moved with it, so they are named to delete wherever that folder is now.
      await expectFailedWrite(
        write(dir, layer),
        'was the media removed?',
        /run the same command again with (the same folder|a folder on media nobody else touches)/,
      );
      await expectNeverAccepted(dir);
      await expectNothingLeft(dir);
    }
    await expect(write(fresh())).resolves.toMatchObject({ digest: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown });
  });

  it('the folder replaced mid-write by another, empty one, is said to be replaced, not gone', async () => {
    for (const n of [5, 14, 30]) {
      const dir = fresh();
      const layer = countingLayer(async (op) => {
        if (op !== n) return;
        await fs.rename(dir, `${dir}.taken`);
        await fs.mkdir(dir);
      });
      await expectFailedWrite(
        write(dir, layer),
        'is no longer the folder Keyferry was writing into: it was moved, renamed or replaced',
        /run the same command again with (the same folder|a folder on media nobody else touches)/,
      );
      // The folder standing there is left as it was found (empty): the same write then goes in.
      expect(await fs.readdir(dir)).toEqual([]);
      const retry = await write(dir);
      await expect(readBundle(retry.dir, { now: NOW })).resolves.toMatchObject({ digest: retry.digest });
    }
  });

  it('a failed write into an existing empty folder empties it again and leaves the folder itself', async () => {
    const dir = fresh();
    await fs.mkdir(dir);
    await expectFailedWrite(write(dir, failingNthWrite(3)), 'the media is full');
    expect(await fs.readdir(dir)).toEqual([]);
    const retry = await write(dir);
    await expect(readBundle(retry.dir, { now: NOW })).resolves.toMatchObject({ digest: retry.digest });
  });

  it('never removes what someone else put there: that folder is named to delete by hand', async () => {
    const dir = fresh();
    let writes = 0;
    const layer = countingLayer(async (_op, name) => {
      if (name !== 'write' || ++writes !== 3) return;
      await fs.writeFile(path.join(dir, 'notes.txt'), "not the attempt's");
      throw errnoError('ENOSPC');
    });
    const error = (await write(dir, layer).catch((caught: unknown) => caught)) as KeyferryError;
    const problem = error.toProblem();
    expect(problem.values).toMatchObject({ cleanup: 'partial', leftoversList: JSON.stringify([path.resolve(dir)]) });
    expect(problem.nextStep).toContain(`delete ${path.resolve(dir)} by hand, it is incomplete`);
    expect(await fs.readdir(dir)).toEqual(['notes.txt']);
  });
});

describe('a real medium that fills up or turns read-only while the bundle is written', () => {
  const unmounts: (() => void)[] = [];
  afterAll(() => {
    for (const unmount of unmounts.splice(0)) unmount();
  });
  /** A real 256 KiB medium and the bundle folder on it. */
  async function medium(prefix: string) {
    const media = path.join(await tempDir(prefix), 'usb');
    unmounts.push(mountTmpfs(media, { sizeKiB: 256 }));
    return { media, dir: path.join(media, 'wrapped-E') };
  }
  /** The problem of a wrapped bundle written into `dir` through `layer`, which fails. */
  async function failedWrite(dir: string, layer: FileLayer) {
    const error = (await writeWrappedMaterialBundle(
      dir,
      { ceremonyId: 'c1', keys: wrapped },
      { now: NOW, layer },
    ).catch((caught: unknown) => caught)) as KeyferryError;
    return error.toProblem();
  }

  it.skipIf(!MOUNTS_AVAILABLE)(
    'full: what the attempt wrote is removed, then the same folder takes the bundle',
    async () => {
      const { media, dir } = await medium('keyferry-full-');
      let writes = 0;
      // After the first key file is on the media, someone's copy takes the rest of the space.
      const problem = await failedWrite(
        dir,
        countingLayer((_op, name) => {
          if (name === 'write' && ++writes === 2) fillUp(path.join(media));
        }),
      );
      expect(problem.message).toContain('the media is full');
      expect(problem.nextStep).toMatch(/The \d+ files? this attempt had written there (was|were) removed again/);
      expect(problem.nextStep).toContain('Make room on the media and run the same command again with the same folder');
      expect(problem.values).toMatchObject({ cleanup: 'removed' });
      expect(Number(problem.values?.removedFiles)).toBeGreaterThan(0);
      expect(existsSync(dir)).toBe(false);
      for (const filler of await fs.readdir(media)) await fs.rm(path.join(media, filler));
      const retry = await writeWrappedMaterialBundle(dir, { ceremonyId: 'c1', keys: wrapped }, { now: NOW });
      await expect(readBundle(retry.dir, { now: NOW })).resolves.toMatchObject({ digest: retry.digest });
    },
  );

  it.skipIf(!MOUNTS_AVAILABLE)('read-only: what could not be removed is named to delete by hand', async () => {
    const { media, dir } = await medium('keyferry-ro-');
    // Once every file of the bundle was written and closed (a remount waits for no writer), the
    // media turns read-only: the manifest cannot be written, nor anything removed.
    let opened = 0;
    let closed = 0;
    let readOnly = false;
    const layer = countingLayer((_op, name) => {
      if (name === 'close') closed += 1;
      if (name !== 'open') return;
      if (!readOnly && closed > 0 && opened === closed) {
        try {
          execFileSync('mount', ['-o', 'remount,ro', media], { stdio: 'ignore' });
          readOnly = true;
        } catch {
          // A file still open for writing (EBUSY): at the next open.
        }
      }
      opened += 1;
    });
    const problem = await failedWrite(dir, layer);
    expect(problem.values).toMatchObject({ cleanup: 'partial' });
    const left = JSON.parse(String(problem.values?.leftoversList)) as string[];
    expect(left.length).toBeGreaterThan(0);
    for (const file of left) expect(existsSync(file)).toBe(true);
    expect(problem.nextStep).toContain('by hand, it is incomplete');
    expect(problem.nextStep).toContain('never use the failed folder');
  });
});

it('any prefix of a manifest (a write cut short) is refused', async () => {
  const written = await writeWrappedMaterialBundle(
    fresh(),
    { ceremonyId: 'c1', keys: wrapped.slice(0, 1) },
    { now: NOW },
  );
  const file = path.join(written.dir, 'manifest.json');
  const full = await fs.readFile(file);
  const lengths = new Set([0, 1, full.length - 3, full.length - 2, full.length - 1]);
  for (let n = 0; n < full.length; n += 37) lengths.add(n);
  for (const n of lengths) {
    await fs.writeFile(file, full.subarray(0, n));
    await expectNeverAccepted(written.dir);
  }
});

describe('a real full disk (tmpfs of 64 KiB)', () => {
  let mountPoint: string | undefined;
  let mountProblem = '';
  beforeAll(async () => {
    const dir = await tempDir('keyferry-tmpfs-');
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'pipe' });
      mountPoint = dir;
    } catch (error) {
      mountProblem = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    }
  });
  afterAll(() => {
    if (mountPoint) execFileSync('umount', [mountPoint]);
  });

  it('fails with "the media is full", leaves no bundle, and a fresh folder works once space is freed', async (ctx) => {
    if (!mountPoint) {
      console.warn(
        `tmpfs full-disk test skipped: mount is not permitted here (${mountProblem}); the injected ENOSPC tests ran instead.`,
      );
      ctx.skip();
      return;
    }
    const many = makeImportParameters(12);
    const failed = path.join(mountPoint, 'too-big');
    await expectFailedWrite(
      writeImportParametersBundle(failed, { ceremonyId: 'c1', keys: many }, { now: NOW }),
      'the media is full',
    );
    await expectNeverAccepted(failed);
    expect(existsSync(failed)).toBe(false);
    const retry = await writeImportParametersBundle(failed, { ceremonyId: 'c1', keys: many.slice(0, 2) }, { now: NOW });
    await expect(readBundle(retry.dir, { now: NOW })).resolves.toMatchObject({ digest: retry.digest });
  });
});

describe('a stop (Ctrl-C) while a bundle is written', () => {
  it('starts no further file, removes what the write created, and the same folder then takes the bundle', async () => {
    const dir = fresh();
    const stop = new AbortController();
    let opens = 0;
    // The stop comes once the second file is open: the key files before it are on the media.
    const layer = countingLayer((_op, name) => {
      if (name === 'open' && ++opens === 2) stop.abort();
    });
    const error = (await writeImportParametersBundle(
      dir,
      { ceremonyId: 'c1', keys: params },
      { now: NOW, layer, signal: stop.signal },
    ).catch((caught: unknown) => caught)) as KeyferryError;
    expect(error).toBeInstanceOf(KeyferryError);
    expect(error.code).toBe('BUNDLE_WRITE_FAILED');
    const problem = error.toProblem();
    expect(problem.values).toMatchObject({ cleanup: 'removed' });
    expect(Number(problem.values?.removedFiles)).toBeGreaterThan(0);
    // No file was started after the stop: only the two opened before it were ever created.
    expect(opens).toBe(2);
    expect(existsSync(dir)).toBe(false);
    const retry = await writeImportParametersBundle(dir, { ceremonyId: 'c1', keys: params }, { now: NOW });
    await expect(readBundle(retry.dir, { now: NOW })).resolves.toMatchObject({ digest: retry.digest });
  });
});
