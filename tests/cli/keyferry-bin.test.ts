/**
 * The `keyferry` command as an officer gets it: the package.json bin run from another folder with
 * relative paths, `npm run keyferry` from another folder, `--version`, a reader that goes away, and
 * a source edited after the bin bundled the CLI, and a checkout it may not write to.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, promises as fs, readdirSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json';
import { sourceDigest } from '../../src-main/core/software/code-identity';
import { writeSampleJournal } from '../core/journal/sample';
import { MOUNTS_AVAILABLE, mountTmpfs } from '../support/tmpfs-mount';

const REPO = path.resolve(__dirname, '../..');
const BIN = path.join(REPO, packageJson.bin.keyferry);

/** This checkout's sources and settings copied into `dir`, its node_modules entries linked to this one's. */
function copyCheckout(dir: string): void {
  for (const entry of [
    'bin',
    'src-main',
    'package.json',
    'package-lock.json',
    'tsconfig.base.json',
    'tsconfig.node.json',
  ]) {
    cpSync(path.join(REPO, entry), path.join(dir, entry), { recursive: true });
  }
  mkdirSync(path.join(dir, 'node_modules'));
  for (const name of readdirSync(path.join(REPO, 'node_modules'))) {
    if (name !== '.cache') symlinkSync(path.join(REPO, 'node_modules', name), path.join(dir, 'node_modules', name));
  }
}

async function officerFolder(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'kf-officer-'));
}

describe('the keyferry command', () => {
  it('is a package.json bin that resolves every relative path against the folder it runs in', async () => {
    const folder = await officerFolder();
    const run = spawnSync(BIN, ['rehearse', '--specs', 'AES_256', '--out', 'rehearsal'], {
      cwd: folder,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(existsSync(path.join(folder, 'rehearsal', 'online', 'journal.jsonl'))).toBe(true);
    expect(existsSync(path.join(REPO, 'rehearsal'))).toBe(false);
    const { file } = await writeSampleJournal(folder);
    const verify = spawnSync(BIN, ['journal', 'verify', path.basename(file)], { cwd: folder, encoding: 'utf8' });
    expect(verify.status).toBe(0);
    expect(verify.stdout).toMatch(/^OK 6 entries, head /);
  });

  it('runs through "npm run keyferry" from another folder against that folder', async () => {
    const folder = await officerFolder();
    const { file } = await writeSampleJournal(folder);
    const env = { ...process.env };
    delete env.npm_lifecycle_event;
    delete env.INIT_CWD;
    const run = spawnSync(
      'npm',
      ['--prefix', REPO, 'run', '-s', 'keyferry', '--', 'journal', 'verify', path.basename(file)],
      {
        cwd: folder,
        encoding: 'utf8',
        env,
      },
    );
    expect(run.stdout).toMatch(/^OK 6 entries, head /);
    expect(run.status).toBe(0);
  });

  it('prints the version and the digest of the code that runs with --version', () => {
    const run = spawnSync(BIN, ['--version'], { cwd: os.tmpdir(), encoding: 'utf8' });
    expect(run.status).toBe(0);
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    expect(run.stdout).toBe(
      `keyferry ${packageJson.version} (build dev)\ncode: commit ${commit.slice(0, 12)}, sources SHA-256 ${sourceDigest(REPO)}\n`,
    );
  });

  it('ends quietly, without a stack trace, when the reader closes the pipe', async () => {
    const folder = await officerFolder();
    const { file } = await writeSampleJournal(folder);
    // `true` exits at once without reading, so every line the command writes meets a closed pipe.
    const run = spawnSync(
      'bash',
      ['-o', 'pipefail', '-c', `"${BIN}" journal verify "${file}" | true; "${BIN}" --help | head -1`],
      {
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('Keyferry: BYOK key ceremonies across an air gap.\n');
    expect(run.status).toBe(0);
  });

  it('runs a changed source, not the bundle made before the change', async () => {
    // A checkout of its own, so editing a source there cannot disturb the tests running from this one.
    const checkout = await fs.mkdtemp(path.join(os.tmpdir(), 'kf-checkout-'));
    copyCheckout(checkout);
    const bin = path.join(checkout, packageJson.bin.keyferry);
    const help = () => spawnSync(process.execPath, [bin, '--help'], { cwd: os.tmpdir(), encoding: 'utf8' });
    try {
      expect(help().stdout.split('\n')[0]).toBe('Keyferry: BYOK key ceremonies across an air gap.');
      const bundles = await fs.readdir(path.join(checkout, 'node_modules', '.cache', 'keyferry-cli'));
      expect(bundles.filter((f) => f.endsWith('.cjs'))).toHaveLength(1);
      const catalogue = path.join(checkout, 'src-main', 'i18n', 'catalogues', 'en', 'cli.ts');
      const text = await fs.readFile(catalogue, 'utf8');
      await fs.writeFile(catalogue, text.replace('BYOK key ceremonies across an air gap.', 'edited after the bundle.'));
      expect(help().stdout.split('\n')[0]).toBe('Keyferry: edited after the bundle.');
      // The same sources again: the bundle made for them is run, none is made.
      const again = await fs.readdir(path.join(checkout, 'node_modules', '.cache', 'keyferry-cli'));
      expect(help().stdout.split('\n')[0]).toBe('Keyferry: edited after the bundle.');
      expect(await fs.readdir(path.join(checkout, 'node_modules', '.cache', 'keyferry-cli'))).toEqual(again);
    } finally {
      await fs.rm(checkout, { recursive: true, force: true });
    }
  });

  it.skipIf(!MOUNTS_AVAILABLE)(
    'starts from a checkout it may not write to, through tsx, keeping no bundle there',
    () => {
      const checkout = path.join(os.tmpdir(), `kf-read-only-checkout-${process.pid}`);
      const unmount = mountTmpfs(checkout, { sizeKiB: 16 * 1024, readOnly: true, prepare: copyCheckout });
      try {
        const run = spawnSync(process.execPath, [path.join(checkout, packageJson.bin.keyferry), '--help'], {
          cwd: os.tmpdir(),
          encoding: 'utf8',
        });
        expect(run.stderr).toBe('');
        expect(run.stdout.split('\n')[0]).toBe('Keyferry: BYOK key ceremonies across an air gap.');
        expect(run.status).toBe(0);
        expect(existsSync(path.join(checkout, 'node_modules', '.cache'))).toBe(false);
      } finally {
        unmount();
      }
    },
  );
});
