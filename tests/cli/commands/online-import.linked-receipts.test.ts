/**
 * `keyferry online import` writes its receipt only into the folder named (or the journal's), never
 * through a symbolic link: refused before the journal opens or anything is imported.
 */
import { mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-import-linked-'));
  await mkdir(path.join(dir, 'disk'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const importWith = (...extra: string[]) =>
  keyferry(
    [
      'online',
      'import',
      '--bundle',
      'wrapped',
      '--expect-digest',
      'ab'.repeat(32),
      '--endpoint',
      'http://127.0.0.1:9',
      ...extra,
    ],
    { cwd: dir },
  );

describe('keyferry online import: no receipt through a symbolic link', () => {
  it('refuses a --receipt-dir that is a link, and a journal in a linked folder (its receipt would go there)', async () => {
    await symlink(path.join(dir, 'disk'), path.join(dir, 'receipts'));
    const byOption = await importWith('--journal', 'online.jsonl', '--receipt-dir', 'receipts');
    expect(byOption.code).not.toBe(0);
    expect(byOption.stderr).toContain(
      `The receipt folder ${path.join(dir, 'receipts')} is a symbolic link to ${path.join(dir, 'disk')}: Keyferry writes only into the folder named, not through links`,
    );
    expect(byOption.stderr).toContain('Nothing was imported.');

    const byJournal = await importWith('--journal', path.join('receipts', 'online.jsonl'));
    expect(byJournal.code).not.toBe(0);
    expect(byJournal.stderr).toContain(`The receipt folder ${path.join(dir, 'receipts')} is a symbolic link`);
    expect(await readdir(path.join(dir, 'disk'))).toEqual([]);
    expect(await readdir(dir)).not.toContain('online.jsonl');
  });
});
