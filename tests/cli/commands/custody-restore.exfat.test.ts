/**
 * `keyferry custody restore --out` onto a real exFAT volume (an image mounted through FUSE, as an
 * officer's USB stick): the volume keeps no file permissions, so the plaintext files are not the
 * owner-only 0600 they were created with. The written line says the mode the files really show and
 * the WARNING says who can read them; on a volume that keeps permissions the line still says 0600
 * and the WARNING has no such line. The custody shares and backup come from a rehearsal whose
 * custodian folders are on exFAT volumes too (written and read back there).
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { runRehearsal } from '../../../src-main/core/ceremony/rehearsal/rehearsal';
import { shareFileIn } from '../../helpers/custody-files';
import { OFFLINE } from '../../helpers/workstation';
import { exfatUnavailable, mountExfat, requireExfatOnCi, type ExfatVolume } from '../../helpers/exfat-volume';

const APP = { version: '0.1.0-test', build: 'test' };
requireExfatOnCi();
const unavailable = exfatUnavailable();
if (unavailable) console.info(`custody-restore.exfat: skipped here: ${unavailable}`);

let stick: ExfatVolume;
let local: string;
beforeAll(async () => {
  if (unavailable) return;
  stick = await mountExfat(32, 32);
  local = await mkdtemp(path.join(os.tmpdir(), 'kf-exfat-restore-'));
  const rehearsal = await runRehearsal({
    outDir: path.join(stick.dir, 'ceremony'),
    specs: ['AES_256', 'EC_P256'],
    app: APP,
    custody: { m: 2, n: 3, custodians: ['Alice', 'Bob', 'Carol'] },
  });
  expect(rehearsal.ok).toBe(true);
}, 120_000);
afterAll(async () => {
  if (unavailable) return;
  await stick.unmount();
  await rm(local, { recursive: true, force: true });
});
beforeEach(() => {
  vi.spyOn(os, 'networkInterfaces').mockReturnValue(OFFLINE);
});
afterEach(() => {
  vi.restoreAllMocks();
});

const shares = () => [1, 3].flatMap((i) => ['--share', shareFileIn(`ceremony/custodian-${i}`, i, stick.dir)]);

describe.skipIf(unavailable)('custody restore --out on an exFAT stick', () => {
  it('says the mode the plaintext files really show, and that every account can read them', async () => {
    const out = path.join(stick.dir, 'restored');
    const result = await keyferry(['custody', 'restore', ...shares(), '--out', out], { cwd: stick.dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [first] = await readdir(out);
    const shown = ((await stat(path.join(out, first as string))).mode & 0o777).toString(8).padStart(4, '0');
    expect(shown).not.toBe('0600');
    expect(result.stdout).toContain(
      `Wrote 2 keys into ${out}, one <key id>.key file each, mode ${shown} (the volume keeps no file permissions): plaintext key material`,
    );
    expect(result.stdout).toContain(
      `The volume holding these files keeps no file permissions (as FAT32 and exFAT media do): they are readable by every account of this computer (mode ${shown}), not only by yours, and by any computer the medium is plugged into. Keep the medium in your hands until the HSM holds the material.`,
    );
    const zh = await keyferry(['custody', 'restore', ...shares(), '--out', `${out}-zh`, '--lang', 'zh-CN'], {
      cwd: stick.dir,
    });
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain(`权限 ${shown}（该卷不保存文件权限）`);
    expect(zh.stdout).toContain(
      `存放这些文件的卷不保存文件权限（FAT32 和 exFAT 介质即是如此）：本计算机的每个账户都能读取它们（权限 ${shown}）`,
    );
  });

  it('on a volume that keeps permissions: mode 0600, and no permissions line', async () => {
    const out = path.join(local, 'restored');
    const result = await keyferry(['custody', 'restore', ...shares(), '--out', out], { cwd: stick.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Wrote 2 keys into ${out}, one <key id>.key file each, mode 0600: plaintext`);
    expect(result.stdout).not.toContain('keeps no file permissions');
  });
});
