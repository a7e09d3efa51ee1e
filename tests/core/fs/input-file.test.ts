import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyferryError } from '../../../src-main/core/errors';
import { readInputFile, SMALL_INPUT_FILE_BYTES } from '../../../src-main/core/fs/input-file';
import { translator } from '../../../src-main/i18n/translate';

async function refusal(read: Promise<unknown>): Promise<KeyferryError> {
  const error = await read.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KeyferryError);
  return error as KeyferryError;
}

describe('readInputFile: the one reader for files people hand to Keyferry', () => {
  it('reads a regular file up to the cap, and names the file and what it was for when it refuses', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-input-'));
    const exact = path.join(dir, 'token.b64');
    await writeFile(exact, Buffer.alloc(100, 0x41));
    expect((await readInputFile(exact, 'importToken', 100)).toString()).toBe('A'.repeat(100));

    const big = await refusal(readInputFile(exact, 'importToken', 99));
    expect(big.code).toBe('INPUT_FILE_UNREADABLE');
    expect(big.message).toBe(
      `Could not read the import token file ${exact}: it is 100 bytes, more than the 99 bytes such a file can be.`,
    );

    const missing = await refusal(readInputFile(path.join(dir, 'nope.bin'), 'wrappingKey', SMALL_INPUT_FILE_BYTES));
    expect(missing.message).toBe(`Could not read the wrapping key file ${path.join(dir, 'nope.bin')}: no such file.`);
    expect(missing.nextStep).toMatch(/media is still inserted/);

    await mkdir(path.join(dir, 'folder'));
    expect((await refusal(readInputFile(path.join(dir, 'folder'), 'material', 10))).message).toMatch(
      /key material file .*folder: it is not a regular file/,
    );

    await symlink(exact, path.join(dir, 'link.b64'));
    const link = await refusal(readInputFile(path.join(dir, 'link.b64'), 'importToken', 1000));
    expect(link.message).toMatch(/link\.b64: it is a link, not the file itself/);
    expect(link.nextStep).toBe('Give the path of the file itself.');
  });

  it('reads a file of several megabytes (a long journal) byte for byte, and refuses it a byte under its size', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-input-'));
    const file = path.join(dir, 'airgap.jsonl');
    const bytes = randomBytes(3 * 1024 * 1024 + 12_345);
    await writeFile(file, bytes);
    const read = await readInputFile(file, 'journal', 8 * 1024 * 1024);
    expect(read.length).toBe(bytes.length);
    expect(read.equals(bytes)).toBe(true);
    expect((await readInputFile(file, 'journal', bytes.length)).equals(bytes)).toBe(true);
    expect((await refusal(readInputFile(file, 'journal', bytes.length - 1))).values).toMatchObject({
      reason: 'tooLarge',
      size: bytes.length,
    });
    await writeFile(file, '');
    expect((await readInputFile(file, 'journal', 10)).length).toBe(0);
  });

  it('refuses a FIFO at once instead of waiting for a writer', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-input-'));
    const fifo = path.join(dir, 'share.json');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    expect((await refusal(readInputFile(fifo, 'share', 1000))).message).toMatch(
      /share\.json: it is not a regular file/,
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('says the same in Chinese, with the path and sizes as values', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-input-'));
    const plan = path.join(dir, 'plan.json');
    await writeFile(plan, '{}'.repeat(10));
    const error = await refusal(readInputFile(plan, 'plan', 8));
    const zh = translator('zh-CN').problem(error.toProblem());
    expect(zh.message).toBe(`无法读取仪式计划 ${plan}：它有 20 字节，超过此类文件最多的 8 字节。`);
  });
});
