/**
 * A custodian's folder given where its share file belongs is refused naming the share files in it
 * (en and zh-CN); a folder without share files, and a file, keep the plain refusal.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAnyShareFile } from '../../../src-main/core/custody/share-file';
import { english, translator } from '../../../src-main/i18n/translate';
import { KeyferryError } from '../../../src-main/core/errors';

async function refusal(folder: string): Promise<KeyferryError> {
  const error = await readAnyShareFile(folder).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof KeyferryError)) throw new Error('expected a refusal');
  return error;
}

describe('a folder given as a share file', () => {
  it('names the share file a custodian’s folder holds (slips and backups beside it are not share files)', async () => {
    const stick = await mkdtemp(path.join(os.tmpdir(), 'kf-stick-'));
    for (const name of [
      'keyferry-share-KF-20261204-oiezbi-3D3ACB59-1of3.json',
      'keyferry-share-KF-20261204-oiezbi-3D3ACB59-1of3.slip.txt',
      'keyferry-backup-KF-20261204-oiezbi-3D3ACB59.txt',
    ])
      await writeFile(path.join(stick, name), '{}');
    const error = await refusal(stick);
    expect(error.code).toBe('CUSTODY_SHARE_PATH_IS_FOLDER');
    const en = english.problem(error.toProblem());
    expect(en.message).toBe(
      `${stick} is a folder, not a share file: it holds the share file keyferry-share-KF-20261204-oiezbi-3D3ACB59-1of3.json. Nothing was read from it.`,
    );
    expect(en.nextStep).toContain('Give the share file itself');
    expect(translator('zh-CN').problem(error.toProblem()).message).toBe(
      `${stick} 是文件夹，而不是份额文件：其中有 1 个份额文件：keyferry-share-KF-20261204-oiezbi-3D3ACB59-1of3.json。未从中读取任何内容。`,
    );
  });

  it('names every share file of a stick holding several ceremonies’ shares (up to four)', async () => {
    const stick = await mkdtemp(path.join(os.tmpdir(), 'kf-stick-'));
    for (const n of [1, 2, 3, 4, 5])
      await writeFile(path.join(stick, `keyferry-share-KF-${n}-AAAAAAAA-1of3.json`), '{}');
    const en = english.problem((await refusal(stick)).toProblem());
    expect(en.message).toContain(
      'it holds 5 share files: keyferry-share-KF-1-AAAAAAAA-1of3.json, keyferry-share-KF-2-AAAAAAAA-1of3.json, keyferry-share-KF-3-AAAAAAAA-1of3.json, keyferry-share-KF-4-AAAAAAAA-1of3.json, …',
    );
  });

  it('keeps the plain refusal for a folder without share files', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'kf-stick-'));
    await mkdir(path.join(empty, 'other'));
    const error = await refusal(empty);
    expect(error.code).toBe('INPUT_FILE_UNREADABLE');
    expect(english.problem(error.toProblem()).message).toContain('it is not a regular file');
  });
});
