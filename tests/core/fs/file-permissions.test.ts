/**
 * permissionsOf on real files: owner-only files read as 0600; one file others can read makes the
 * whole set not owner-only, and its bits show in the mode printed. (A real exFAT volume, where
 * no mode is kept, is in tests/cli/commands/custody-restore.exfat.test.ts.)
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modeText, ownerOnly, permissionsOf } from '../../../src-main/core/fs/file-permissions';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-file-permissions-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('permissionsOf', () => {
  it('reads owner-only files as 0600, and one file readable by others as what it shows', async () => {
    const a = path.join(dir, 'a.key');
    const b = path.join(dir, 'b.key');
    await writeFile(a, 'a', { mode: 0o600 });
    await writeFile(b, 'b', { mode: 0o600 });
    const both = await permissionsOf([a, b]);
    expect(modeText(both)).toBe('0600');
    expect(ownerOnly(both)).toBe(true);
    await chmod(b, 0o644);
    const wider = await permissionsOf([a, b]);
    expect(modeText(wider)).toBe('0644');
    expect(ownerOnly(wider)).toBe(false);
    expect(ownerOnly(await permissionsOf([a]))).toBe(true);
  });
});
