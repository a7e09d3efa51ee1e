/**
 * Test helper: a real exFAT volume, as the USB sticks officers carry are formatted. An image file is
 * formatted with `mkfs.exfat` (its allocation unit given), attached to a loop device and mounted
 * through FUSE (`mount.exfat-fuse`) in a new temporary folder; `unmount` takes it all down again.
 * It needs root, /dev/fuse, a free loop device and Debian's exfatprogs and exfat-fuse, which
 * .ci/run installs: on CI a missing one fails the test file (`requireExfatOnCi`), elsewhere the
 * tests that need it are skipped with the reason.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const TOOLS = ['/usr/sbin/mkfs.exfat', '/usr/sbin/mount.exfat-fuse', '/usr/sbin/losetup'] as const;

/** Why no exFAT volume can be mounted here, or undefined when one can. */
export function exfatUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'mounting a volume needs root';
  if (!existsSync('/dev/fuse')) return 'no /dev/fuse';
  const missing = TOOLS.filter((tool) => !existsSync(tool));
  if (missing.length > 0) return `missing ${missing.join(', ')} (Debian packages exfatprogs, exfat-fuse)`;
  return undefined;
}

/** Throws, naming the reason, when no exFAT volume can be mounted on CI (where .ci/run provides one). */
export function requireExfatOnCi(): void {
  const reason = exfatUnavailable();
  if (reason && process.env.CI) throw new Error(`An exFAT volume cannot be mounted on this CI machine: ${reason}`);
}

export interface ExfatVolume {
  /** The mounted volume's root folder. */
  readonly dir: string;
  unmount(): Promise<void>;
}

/** Formats, attaches and mounts a new exFAT volume of `sizeMiB` with `clusterKiB` allocation units. */
export async function mountExfat(sizeMiB: number, clusterKiB: number): Promise<ExfatVolume> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'kf-exfat-'));
  const image = path.join(home, 'stick.img');
  const dir = path.join(home, 'stick');
  await mkdir(dir);
  await writeFile(image, '');
  await truncate(image, sizeMiB * 1024 * 1024);
  execFileSync(TOOLS[0], ['-c', `${clusterKiB}K`, '-L', 'KFSTICK', image], { stdio: 'ignore' });
  const device = execFileSync(TOOLS[2], ['--find', '--show', image], { encoding: 'utf8' }).trim();
  try {
    execFileSync(TOOLS[1], [device, dir], { stdio: 'ignore' });
  } catch (error) {
    execFileSync(TOOLS[2], ['--detach', device]);
    throw error;
  }
  return {
    dir,
    async unmount() {
      execFileSync('/usr/bin/umount', [dir]);
      execFileSync(TOOLS[2], ['--detach', device]);
      await rm(home, { recursive: true, force: true });
    },
  };
}
