/**
 * `keyferry custody restore` with the custody set a ceremony wrote (one share per custodian for
 * every key, and the backup file beside each share): every key (or the chosen ones) from any M
 * shares, a share typed from its slip, --out DIR with each key as OpenSSL reads it; M-1 shares,
 * a swapped backup file and a truncated one refused with nothing written.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { otherCeremonySet } from '../../helpers/custody-sets';
import { keyferry } from '../../integration/cli-in-process';
import { runRehearsal } from '../../../src-main/core/ceremony/rehearsal/rehearsal';
import { encodeBackupText } from '../../../src-main/core/custody/backup-text';
import { backupFileIn, shareFileIn } from '../../helpers/custody-files';
import { OFFLINE } from '../../helpers/workstation';

const APP = { version: '0.1.0-test', build: 'test' };
let dir: string;
let ceremonyId: string;
let keyIds: string[];
/** Each key's ID by spec: keys are created several at a time, so their order is not the plan's. */
let keyIdOf: (spec: string) => string;
/** Each key's material as generated, by key ID (generated several at a time, in no fixed order). */
const materials = new Map<string, Buffer>();

/** `keyferry argv` in this file's folder, in this process. */
const run = (argv: string[]) => keyferry(argv, { cwd: dir });

const share = (i: number) => shareFileIn(`ceremony/custodian-${i}`, i, dir);
const backup = (i: number) => backupFileIn(`ceremony/custodian-${i}`, dir);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-custody-set-cli-'));
  const rehearsal = await runRehearsal({
    outDir: path.join(dir, 'ceremony'),
    specs: ['AES_256', 'EC_P256', 'RSA_2048'],
    app: APP,
    custody: { m: 2, n: 3, custodians: ['Alice', 'Bob', 'Carol'] },
    onMaterialForAudit: (copy, label) => materials.set(label.replace(/^material /, ''), copy),
  });
  expect(rehearsal.ok).toBe(true);
  ceremonyId = rehearsal.ceremonyId;
  keyIds = rehearsal.rows.map((r) => r.keyId);
  keyIdOf = (spec) => rehearsal.rows.find((r) => r.spec === spec)?.keyId as string;
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
// The air-gapped workstation a restore runs on (it checks the network before reading any share).
beforeEach(() => {
  vi.spyOn(os, 'networkInterfaces').mockReturnValue(OFFLINE);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('custody restore of a ceremony custody set', () => {
  it('each custodian folder holds one share, its slip and the backup with its printout; no per-key files', async () => {
    const tag = path.basename(backup(1)).slice(-12, -4);
    for (let i = 1; i <= 3; i++)
      expect((await readdir(path.join(dir, `ceremony/custodian-${i}`))).sort()).toEqual(
        [
          `keyferry-backup-${ceremonyId}-${tag}.html`,
          `keyferry-backup-${ceremonyId}-${tag}.txt`,
          `keyferry-share-${ceremonyId}-${tag}-${i}of3.json`,
          `keyferry-share-${ceremonyId}-${tag}-${i}of3.slip.html`,
          `keyferry-share-${ceremonyId}-${tag}-${i}of3.slip.txt`,
        ].sort(),
      );
  });

  it('restores every key from shares 3 (typed from its slip) and 1 (file, backup beside it) into a new folder', async () => {
    const restored = await run([
      'custody',
      'restore',
      '--typed',
      share(3).replace(/\.json$/, '.slip.txt'),
      '--share',
      share(1),
      '--out',
      'keys',
    ]);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain(`Rebuilt 3 keys of ceremony ${ceremonyId} from shares 1, 3 of 3 (2 needed)`);
    const files = (await readdir(path.join(dir, 'keys'))).sort();
    expect(files).toEqual(keyIds.map((k) => `${k}.key`).sort());
    expect([...materials.keys()].sort()).toEqual([...keyIds].sort());
    for (const keyId of keyIds) {
      const file = path.join(dir, 'keys', `${keyId}.key`);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect((await readFile(file)).equals(materials.get(keyId) as Buffer)).toBe(true);
    }
    // The RSA and EC keys are PKCS#8 DER private keys as OpenSSL reads them.
    for (const keyId of [keyIdOf('EC_P256'), keyIdOf('RSA_2048')]) {
      const text = execFileSync(
        'openssl',
        ['pkey', '-inform', 'DER', '-in', path.join(dir, 'keys', `${keyId}.key`), '-noout', '-text'],
        {
          encoding: 'utf8',
        },
      );
      expect(text).toMatch(/Private-Key/);
    }
  });

  it('restores only the chosen key', async () => {
    const chosen = await run([
      'custody',
      'restore',
      '--share',
      share(2),
      '--share',
      share(3),
      '--key-id',
      keyIdOf('EC_P256'),
    ]);
    expect(chosen.code).toBe(0);
    expect(chosen.stdout).toContain('Rebuilt 1 key of ceremony');
    expect(chosen.stdout).toContain(`${keyIdOf('EC_P256')}  EC_P256  public-key SHA-256`);
    expect(chosen.stdout).toContain('No plaintext file was written');
    // Without --bundle nothing is compared with the KMS: the line says so, and how to.
    expect(chosen.stdout).toContain(
      'Proven against the check values recorded in the custody copy itself (its shares and backup), not against the material the KMS holds',
    );
    expect(chosen.stdout).toContain('give --bundle with fresh import parameters');
  });

  it('restores shares and a backup under the names custody sets had before they carried the set', async () => {
    // A custodian's stick written by an older Keyferry: keyferry-share-<ceremony>-<i>of<N>.json beside keyferry-backup-<ceremony>.txt.
    const legacy = await Promise.all(
      [1, 2].map(async (i) => {
        const folder = path.join(dir, `legacy-${i}`);
        await mkdir(folder);
        await copyFile(path.join(dir, share(i)), path.join(folder, `keyferry-share-${ceremonyId}-${i}of3.json`));
        await copyFile(path.join(dir, backup(i)), path.join(folder, `keyferry-backup-${ceremonyId}.txt`));
        return path.join(`legacy-${i}`, `keyferry-share-${ceremonyId}-${i}of3.json`);
      }),
    );
    const restored = await run(['custody', 'restore', '--share', legacy[0] as string, '--share', legacy[1] as string]);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain(`Custody backup keyferry-backup-${ceremonyId}.txt: 3 keys`);
    expect(restored.stdout).toContain(`Rebuilt 3 keys of ceremony ${ceremonyId} from shares 1, 2 of 3`);
  });

  it('refuses --out under a symbolic link, before any plaintext is written there', async () => {
    await mkdir(path.join(dir, 'elsewhere'));
    await symlink(path.join(dir, 'elsewhere'), path.join(dir, 'stick-link'));
    const twoShares = [1, 2].flatMap((i) => ['--share', share(i)]);
    const linked = await run(['custody', 'restore', ...twoShares, '--out', 'stick-link/keys']);
    expect(linked.code).toBe(1);
    expect(linked.stderr).toContain(
      `The folder for the restored key material ${path.join(dir, 'stick-link', 'keys')} goes through the symbolic link ${path.join(dir, 'stick-link')}, which points to ${path.join(dir, 'elsewhere')}`,
    );
    expect(linked.stderr).toContain('Nothing was written.');
    expect(await readdir(path.join(dir, 'elsewhere'))).toEqual([]);
  });

  it('refuses M-1 shares, a swapped backup file and a truncated one, writing nothing', async () => {
    const few = await run(['custody', 'restore', '--share', share(1), '--out', 'few']);
    expect(few.code).toBe(1);
    expect(few.stderr).toContain('1 of the 2 shares needed was given');

    const other = await otherCeremonySet('KF-20250101-zzzzzz', keyIdOf('AES_256'), {
      m: 2,
      n: 3,
      custodians: ['Alice', 'Bob', 'Carol'],
    });
    for (const s of other.shares) s.share.dispose();
    await writeFile(path.join(dir, 'other-backup.txt'), encodeBackupText(other.backup, { m: 2, n: 3 }));
    const swapped = await run([
      'custody',
      'restore',
      '--share',
      share(1),
      '--share',
      share(2),
      '--backup',
      'other-backup.txt',
      '--out',
      'swapped',
    ]);
    expect(swapped.code).toBe(1);
    expect(swapped.stderr).toContain('other-backup.txt is not the one these shares were made with');
    expect(swapped.stderr).toContain('KF-20250101-zzzzzz');

    const text = await readFile(path.join(dir, backup(2)), 'utf8');
    await writeFile(path.join(dir, 'truncated.txt'), text.slice(0, Math.floor(text.length * 0.7)));
    const truncated = await run([
      'custody',
      'restore',
      '--share',
      share(1),
      '--share',
      share(2),
      '--backup',
      'truncated.txt',
      '--out',
      'truncated',
    ]);
    expect(truncated.code).toBe(1);
    // Cut by bytes, most likely in the middle of a line: said as cut there, never as a typing slip.
    expect(truncated.stderr).toMatch(/truncated\.txt ends (after \d+|in the middle of line \d+) of its \d+ lines/);

    expect((await readdir(dir)).filter((n) => ['few', 'swapped', 'truncated'].includes(n))).toEqual([]);
  });
});
