import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pathExists } from '../../../src-main/core/fs/path-exists';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-exists-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('pathExists: is something at this path, links not followed', () => {
  it('answers true for a file, a folder and a link, even a link to nothing', async () => {
    await writeFile(path.join(dir, 'token.b64'), 'x');
    await mkdir(path.join(dir, 'bundle'));
    await symlink(path.join(dir, 'nowhere'), path.join(dir, 'dangling'));
    expect(await pathExists(path.join(dir, 'token.b64'))).toBe(true);
    expect(await pathExists(path.join(dir, 'bundle'))).toBe(true);
    expect(await pathExists(path.join(dir, 'dangling'))).toBe(true);
  });

  it('answers false when nothing is there, including below a file', async () => {
    await writeFile(path.join(dir, 'token.b64'), 'x');
    expect(await pathExists(path.join(dir, 'missing'))).toBe(false);
    expect(await pathExists(path.join(dir, 'token.b64', 'inside'))).toBe(false);
  });

  it('throws what it could not find out instead of answering "absent"', async () => {
    await symlink(path.join(dir, 'b'), path.join(dir, 'a'));
    await symlink(path.join(dir, 'a'), path.join(dir, 'b'));
    await expect(pathExists(path.join(dir, 'a', 'journal.jsonl'))).rejects.toMatchObject({ code: 'ELOOP' });
    await expect(pathExists(path.join(dir, 'n'.repeat(300)))).rejects.toMatchObject({ code: 'ENAMETOOLONG' });
  });
});
