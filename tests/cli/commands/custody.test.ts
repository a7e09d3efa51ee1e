/**
 * `keyferry custody split` / `custody restore` with real files: split, restore from share files
 * and typed slips, write the material only on --out, and refuse what must be refused. OpenSSL
 * checks the key check value and the restored private key independently.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { CliIo } from '../../../src-main/cli/command';
import { createCustodyCommands } from '../../../src-main/cli/commands/custody';
import { restoredExpiry } from '../../../src-main/core/ceremony/restore/restored-expiry';
import { commands as registered } from '../../../src-main/cli/commands/index';
import { runCli } from '../../../src-main/cli/run-cli';
import { readBundle } from '../../../src-main/core/bundle';
import { openJournal } from '../../../src-main/core/journal';
import { unwrapKeyMaterial } from '../../../src-main/core/crypto/unwrap';
import { testRsaKeyPair } from '../../core/crypto/helpers/test-rsa-keys';
import type { VolumeIdOf } from '../../../src-main/core/custody/write-shares';
import { parametersBundle } from '../../core/custody/helpers';
import { englishSentences } from '../english-words';
import { KEYFERRY_BIN } from '../../integration/cli-process';
import { backupFileIn, shareFileIn } from '../../helpers/custody-files';
import { OFFLINE } from '../../helpers/workstation';
import { MOUNTS_AVAILABLE, mountTmpfs } from '../../support/tmpfs-mount';

const REPO = path.resolve(__dirname, '../../..');
const eachOwnVolume: VolumeIdOf = (folder) => `volume:${folder}`;
const commands = createCustodyCommands({ volumeIdOf: eachOwnVolume });
const temps: string[] = [];

async function workspace(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'keyferry-cli-custody-'));
  temps.push(dir);
  return dir;
}
/**
 * A custodian's stick: a real tmpfs of its own, unmounted after the test. Never /dev/shm: a folder
 * in the workstation's memory is refused as one of its places.
 */
async function stickWorkspace(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'keyferry-cli-stick-'));
  onTestFinished(mountTmpfs(dir, { sizeKiB: 1024 }));
  return dir;
}
// The air-gapped workstation these commands run on (split and restore check the network first).
beforeEach(() => {
  vi.spyOn(os, 'networkInterfaces').mockReturnValue(OFFLINE);
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const dir of temps.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function run(
  argv: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
  cmds: Parameters<typeof runCli>[0] = commands,
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env, cwd };
  const code = await runCli(cmds, argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function folders(root: string, count: number): Promise<string[]> {
  const list: string[] = [];
  for (let i = 1; i <= count; i++) {
    const dir = path.join(root, `usb${i}`);
    await mkdir(dir);
    list.push(dir);
  }
  return list;
}

/** The KCV as OpenSSL computes it: AES-256-ECB of one zero block, first 3 bytes. */
function opensslKcv(key: Buffer): string {
  const block = execFileSync('openssl', ['enc', '-aes-256-ecb', '-K', key.toString('hex'), '-nopad', '-nosalt'], {
    input: Buffer.alloc(16),
  });
  return block.subarray(0, 3).toString('hex').toUpperCase();
}

const CEREMONY = 'byok-2024-06';
const KEY_ID = '0042abcd-0000-4000-8000-000000000042';
const V1_FIXTURE = path.join(REPO, 'tests/fixtures/custody-v1-single-key');

const splitArgs = (material: string, spec: string, m: number, outs: string[], custodians: string[]): string[] => [
  'custody',
  'split',
  '--material',
  material,
  '--key-spec',
  spec,
  '--ceremony-id',
  CEREMONY,
  '--key-id',
  KEY_ID,
  '--m',
  String(m),
  '--n',
  String(outs.length),
  ...custodians.flatMap((c) => ['--custodian', c]),
  ...outs.flatMap((o) => ['--out', o]),
];

describe('keyferry custody', () => {
  it('is registered in the keyferry command list', () => {
    expect(registered.map((c) => c.name)).toEqual(expect.arrayContaining(['custody split', 'custody restore']));
  });

  it('AES_256 3-of-5: split writes a custody set (share, slip, backup per custodian), then restore from share files and from a typed slip; --out only when asked', async () => {
    const dir = await workspace();
    const key = randomBytes(32);
    await writeFile(path.join(dir, 'key.hex'), `${key.toString('hex')}\n`);
    const outs = await folders(dir, 5);
    const split = await run(splitArgs('key.hex', 'AES_256', 3, outs, ['Alice', 'Bob', 'Carol', 'Dave', 'Erin']), dir);
    expect(split.err).toBe('');
    expect(split.code).toBe(0);
    expect(split.out).toContain(`Key check value (KCV):  ${opensslKcv(key)}`);
    expect(split.out).toContain('into a custody set of 5 shares; any 3 of them with the backup');
    for (const [i, out] of outs.entries()) {
      const tag = path.basename(backupFileIn(out)).slice(-12, -4);
      const base = `keyferry-share-${CEREMONY}-${tag}-${i + 1}of5`;
      expect((await readdir(out)).sort()).toEqual([
        `keyferry-backup-${CEREMONY}-${tag}.html`,
        `keyferry-backup-${CEREMONY}-${tag}.txt`,
        `${base}.json`,
        `${base}.slip.html`,
        `${base}.slip.txt`,
      ]);
      expect(split.out).toContain(path.join(out, `${base}.json`));
      const shareJson = JSON.parse(await readFile(path.join(out, `${base}.json`), 'utf8')) as Record<string, unknown>;
      expect(shareJson).toMatchObject({
        formatVersion: 2,
        kind: 'set',
        custodian: ['Alice', 'Bob', 'Carol', 'Dave', 'Erin'][i],
      });
      for (const file of await readdir(out)) {
        const text = await readFile(path.join(out, file));
        expect(text.includes(key)).toBe(false);
        expect(text.includes(Buffer.from(key.toString('hex')))).toBe(false);
        expect(text.includes(Buffer.from(key.toString('base64').slice(0, 40)))).toBe(false);
      }
    }
    const shareFile = (i: number): string => shareFileIn(outs[i - 1] as string, i);
    const slipFile = (i: number): string => shareFile(i).replace(/\.json$/, '.slip.txt');

    const verify = await run(
      ['custody', 'restore', '--share', shareFile(5), '--share', shareFile(2), '--share', shareFile(4)],
      dir,
    );
    expect(verify.err).toBe('');
    expect(verify.code).toBe(0);
    expect(verify.out).toContain(`Rebuilt 1 key of ceremony ${CEREMONY} from shares 2, 4, 5 of 5 (3 needed)`);
    expect(verify.out).toContain(`${KEY_ID}  AES_256  KCV ${opensslKcv(key)}`);
    expect(verify.out).toContain('No plaintext file was written');
    expect(await readdir(dir)).toEqual(['key.hex', 'usb1', 'usb2', 'usb3', 'usb4', 'usb5']);

    const restored = await run(
      [
        'custody',
        'restore',
        '--share',
        shareFile(1),
        '--share',
        shareFile(3),
        '--typed',
        slipFile(2),
        '--out',
        'restored',
        '--key-id',
        KEY_ID,
      ],
      dir,
    );
    expect(restored.err).toBe('');
    expect(restored.out).toContain('from shares 1, 2, 3 of 5');
    expect((await readFile(path.join(dir, 'restored', `${KEY_ID}.key`))).equals(key)).toBe(true);
    expect((await stat(path.join(dir, 'restored', `${KEY_ID}.key`))).mode & 0o777).toBe(0o600);

    const restoreTo = (out: string) =>
      run(
        ['custody', 'restore', '--share', shareFile(1), '--share', shareFile(3), '--share', shareFile(4), '--out', out],
        dir,
      );
    const again = await restoreTo('restored');
    expect(again.code).toBe(1);
    expect(again.err).toContain('already exists; Keyferry never overwrites');

    // Inside a bundle folder (a trial's went into a wrapped bundle on the transfer stick): refused, nothing written.
    const bundle = path.join(dir, 'stick', 'wrapped-material-x');
    await mkdir(path.join(bundle, 'keys'), { recursive: true });
    await writeFile(path.join(bundle, 'manifest.json'), '{"format":"keyferry.wrapped-material"}\n');
    const inBundle = await restoreTo(path.join(bundle, 'keys', 'plain'));
    expect(inBundle.code).toBe(1);
    expect(inBundle.err).toContain(`${path.join(bundle, 'keys', 'plain')} lies inside the bundle folder ${bundle}`);
    expect(inBundle.err).toContain('Nothing was restored.');
    expect(await readdir(path.join(bundle, 'keys'))).toEqual([]);
  });

  it('per-key shares (format 1) written by the earlier custody split keep restoring, from files and a typed slip', async () => {
    const dir = await workspace();
    const key = Buffer.from((await readFile(path.join(V1_FIXTURE, 'key.hex'), 'utf8')).trim(), 'hex');
    const v1 = (name: string) => path.join(V1_FIXTURE, `keyferry-share-7d1c4a2e-5b3f-4e6a-9c8d-0f1e2d3c4b5a-${name}`);
    const proven = await run(['custody', 'restore', '--share', v1('1of3.json'), '--share', v1('2of3.json')], dir);
    expect(proven.err).toBe('');
    expect(proven.out).toContain(`key check value ${opensslKcv(key)} matches the value recorded in every share`);
    const restored = await run(
      ['custody', 'restore', '--share', v1('2of3.json'), '--typed', v1('3of3.slip.txt'), '--out', 'v1.bin'],
      dir,
    );
    expect(restored.err).toBe('');
    expect((await readFile(path.join(dir, 'v1.bin'))).equals(key)).toBe(true);
    // The plaintext file inside a bundle folder: refused (PLAINTEXT_OUT_IN_BUNDLE), nothing written.
    await mkdir(path.join(dir, 'stick', 'params'), { recursive: true });
    await writeFile(path.join(dir, 'stick', 'params', 'manifest.json'), '{"format":"keyferry.import-parameters"}\n');
    const inBundle = await run(
      ['custody', 'restore', '--share', v1('1of3.json'), '--share', v1('2of3.json'), '--out', 'stick/params/v1.bin'],
      dir,
    );
    expect(inBundle.err).toContain('lies inside the bundle folder');
    expect(await readdir(path.join(dir, 'stick', 'params'))).toEqual(['manifest.json']);
    expect(restored.out).toContain('the raw 32-byte AES key');

    // Under a Chinese locale every line is Chinese; the check value and the file stay as they are.
    const zh = await run(
      ['custody', 'restore', '--share', v1('1of3.json'), '--share', v1('2of3.json'), '--out', 'v1-zh.bin'],
      dir,
      { LANG: 'zh_CN.UTF-8' },
    );
    expect(zh.err).toBe('');
    expect(englishSentences(zh.out)).toEqual([]);
    expect(zh.out).toContain(`证明：重建材料的密钥校验值 ${opensslKcv(key)} 与每份份额中记录的值一致。`);
    expect(zh.out).toContain('原始 32 字节 AES 密钥');
    expect((await readFile(path.join(dir, 'v1-zh.bin'))).equals(key)).toBe(true);
  });

  it('a refusal that names a share by number also names the file it was read from', async () => {
    const dir = await workspace();
    await writeFile(path.join(dir, 'key.bin'), randomBytes(32));
    const outs = await folders(dir, 3);
    expect((await run(splitArgs('key.bin', 'AES_256', 2, outs, ['Alice', 'Bob', 'Carol']), dir)).code).toBe(0);
    const share = (i: number): string => shareFileIn(outs[i - 1] as string, i);
    // Bob's file altered on his media: still a share file, its checksum no longer matches.
    const bob = JSON.parse(await readFile(share(2), 'utf8')) as { custodian: string };
    await writeFile(share(2), JSON.stringify({ ...bob, custodian: 'Mallory' }));
    const refused = await run(['custody', 'restore', '--share', share(1), '--share', share(2), '--out', 'x.bin'], dir);
    expect(refused.code).toBe(1);
    const bobFile = path.relative(dir, share(2));
    expect(refused.err).toMatch(
      new RegExp(`^Share 2 was read from the file ${bobFile.replace(/[.\\]/g, '\\$&')}\\.\n`),
    );
    expect(refused.err).toContain('Share 2 is corrupted');
    expect(await readdir(dir)).not.toContain('x.bin');
    const zh = await run(['custody', 'restore', '--share', share(1), '--share', share(2), '--out', 'x.bin'], dir, {
      LANG: 'zh_CN.UTF-8',
    });
    expect(zh.err.split('\n')[0]).toBe(`第 2 份读自文件 ${bobFile}。`);
  });

  it('refuses too few shares, a typo, and a foreign key, writing nothing', async () => {
    const dir = await workspace();
    await writeFile(path.join(dir, 'key.bin'), randomBytes(32));
    const outs = await folders(dir, 3);
    expect((await run(splitArgs('key.bin', 'AES_256', 3, outs, ['Alice', 'Bob', 'Carol']), dir)).code).toBe(0);
    const share = (i: number): string => shareFileIn(outs[i - 1] as string, i);
    const slip = (i: number): string => share(i).replace(/\.json$/, '.slip.txt');

    const few = await run(['custody', 'restore', '--share', share(1), '--share', share(2), '--out', 'x.bin'], dir);
    expect(few.code).toBe(1);
    expect(few.err).toContain('2 of the 3 shares needed were given. Nothing was restored.');

    const lines = (await readFile(slip(3), 'utf8')).split('\n');
    const at = lines.findIndex((l) => l.startsWith('0002 '));
    const line = lines[at] as string;
    const wrong = line[6] === 'Z' ? 'Y' : 'Z';
    lines[at] = `${line.slice(0, 6)}${wrong}${line.slice(7)}`;
    await writeFile(path.join(dir, 'typed.txt'), lines.join('\n'));
    const typo = await run(
      ['custody', 'restore', '--share', share(1), '--share', share(2), '--typed', 'typed.txt', '--out', 'x.bin'],
      dir,
    );
    expect(typo.code).toBe(1);
    expect(typo.err).toMatch(/typed\.txt: (Line 2 does not match its check|Share 3 is corrupted|The typed)/);

    const foreign = await run(
      [
        'custody',
        'restore',
        '--share',
        share(1),
        '--share',
        share(2),
        '--share',
        share(3),
        '--key-id',
        '0d0466b0-e727-4d9c-b35d-f84bb474a37f',
        '--out',
        'x.bin',
      ],
      dir,
    );
    expect(foreign.err).toContain(
      `Key 0d0466b0-e727-4d9c-b35d-f84bb474a37f is not in the custody backup of ceremony ${CEREMONY}`,
    );
    expect(await readdir(dir)).not.toContain('x.bin');
  });

  it('RSA_2048 from an encrypted OpenSSL key: the restored PKCS#8 has the same public key (checked by OpenSSL)', async () => {
    const dir = await workspace();
    execFileSync('openssl', [
      'genpkey',
      '-algorithm',
      'RSA',
      '-pkeyopt',
      'rsa_keygen_bits:2048',
      '-aes-256-cbc',
      '-pass',
      'pass:correct horse',
      '-out',
      path.join(dir, 'key.pem'),
    ]);
    const outs = await folders(dir, 3);
    const split = await run(
      [...splitArgs('key.pem', 'RSA_2048', 2, outs, ['Alice', 'Bob', 'Carol']), '--passphrase-env', 'KEY_PASS'],
      dir,
      { KEY_PASS: 'correct horse' },
    );
    expect(split.err).toBe('');
    const spki = execFileSync('openssl', [
      'pkey',
      '-in',
      path.join(dir, 'key.pem'),
      '-passin',
      'pass:correct horse',
      '-pubout',
      '-outform',
      'DER',
    ]);
    const fingerprint = execFileSync('openssl', ['dgst', '-sha256', '-r'], { input: spki }).toString().slice(0, 64);
    expect(split.out.replace(/ /g, '')).toContain(`PublickeySHA-256fingerprint:${fingerprint.toUpperCase()}`);

    const share = (i: number): string => shareFileIn(outs[i - 1] as string, i);
    const restored = await run(
      ['custody', 'restore', '--share', share(3), '--share', share(1), '--out', 'restored'],
      dir,
    );
    expect(restored.err).toBe('');
    expect(restored.out.replace(/ /g, '')).toContain(`RSA_2048public-keySHA-256${fingerprint.toUpperCase()}`);
    const derFile = path.join(dir, 'restored', `${KEY_ID}.key`);
    const restoredSpki = execFileSync('openssl', [
      'pkey',
      '-inform',
      'DER',
      '-in',
      derFile,
      '-pubout',
      '-outform',
      'DER',
    ]);
    expect(restoredSpki.equals(spki)).toBe(true);
    const pkcs8 = execFileSync('openssl', [
      'pkcs8',
      '-topk8',
      '-nocrypt',
      '-in',
      path.join(dir, 'key.pem'),
      '-passin',
      'pass:correct horse',
      '-outform',
      'DER',
    ]);
    expect((await readFile(derFile)).equals(pkcs8)).toBe(true);
  });

  it('restore then wrap for a fresh import-parameters bundle: a journaled ceremony, no plaintext on disk, the bundle unwraps to the key', async () => {
    const dir = await workspace();
    const key = randomBytes(32);
    await writeFile(path.join(dir, 'key.bin'), key);
    const outs = await folders(dir, 3);
    expect((await run(splitArgs('key.bin', 'AES_256', 2, outs, ['Alice', 'Bob', 'Carol']), dir)).code).toBe(0);
    const wrapping = testRsaKeyPair('rsa2048');
    const now = new Date();
    // The fresh bundle carries the online side's title: the restore receipt prints it, a different --title is refused.
    await parametersBundle(dir, 'AES_256', wrapping.publicKey, now, KEY_ID, {
      title: 'Payments key re-import',
      materialExpiry: 'never',
      onlineJournal: 'online.jsonl',
    });
    const params = await readBundle(path.join(dir, 'parameters'), { now });
    // What the witness types: the fresh bundle's digest, read aloud from the online side.
    const digest = params.digest;
    const share = (i: number): string => shareFileIn(outs[i - 1] as string, i);
    const base = ['custody', 'restore', '--share', share(2), '--share', share(3)];
    const ceremony = ['--journal', 'restore.jsonl', '--operator', 'Olga', '--witness', 'Wes', '--allow-network'];

    const legacy = await run([...base, '--wrap-bundle', 'parameters'], dir);
    expect(legacy.err).toContain('The option --wrap-bundle is now --bundle.');
    const halfArgs = await run([...base, '--bundle', 'parameters', ...ceremony], dir);
    expect(halfArgs.err).toContain('The option --wrapped-out is required with --bundle');
    const withOut = await run(
      [...base, '--bundle', 'parameters', '--wrapped-out', 'wrapped', '--out', 'key.raw', ...ceremony],
      dir,
    );
    expect(withOut.err).toContain('--out does not go with --bundle');
    const badExpiry = await run(
      [...base, '--bundle', 'parameters', '--wrapped-out', 'wrapped', '--expires', 'tomorrow', ...ceremony],
      dir,
    );
    // What a restore's --expires takes, original included.
    expect(badExpiry.err).toContain(
      '--expires "tomorrow" is not "original", "never", a duration or a date-time with its zone. Give "original" (each key keeps the expiry it had, if still in the future), "never", a duration from now',
    );
    // A mistyped receipt folder, with a journal not yet there: refused before the journal opens, so
    // no witness types the digest for nothing and no journal is created (a trial's ../reciepts).
    const typo = await run(
      [...base, '--bundle', 'parameters', '--wrapped-out', 'wrapped', '--receipt-dir', 'reciepts', ...ceremony],
      dir,
    );
    expect(typo.code).toBe(1);
    expect(typo.err).toContain(
      `The receipt folder ${path.join(dir, 'reciepts')} does not exist. Nothing was generated.`,
    );
    expect(existsSync(path.join(dir, 'restore.jsonl'))).toBe(false);
    // Every share typed from its slip and no --backup: refused before the journal opens too (a trial's
    // witnesses typed the digest first), as is a --backup that is not there.
    const slip = (i: number): string => share(i).replace(/\.json$/, '.slip.txt');
    const typedOnly = ['custody', 'restore', '--typed', slip(2), '--typed', slip(3)];
    const noBackup = await run([...typedOnly, '--bundle', 'parameters', '--wrapped-out', 'wrapped', ...ceremony], dir);
    expect(noBackup.code).toBe(1);
    expect(noBackup.err).toContain(
      'Shares of a ceremony custody set restore with the ceremony backup file, and none was given.',
    );
    const gone = path.join(dir, 'no-such-backup.txt');
    const missing = await run(
      [...typedOnly, '--backup', gone, '--bundle', 'parameters', '--wrapped-out', 'wrapped', ...ceremony],
      dir,
    );
    expect(missing.err).toContain(`The custody backup file ${gone} does not exist or is not a regular file.`);
    expect(existsSync(path.join(dir, 'restore.jsonl'))).toBe(false);
    const unconfirmed = await run([...base, '--bundle', 'parameters', '--wrapped-out', 'wrapped', ...ceremony], dir);
    expect(unconfirmed.err).toContain('Witness Wes has not confirmed the import-parameters bundle digest');
    expect((await readdir(dir)).sort()).toEqual(['key.bin', 'parameters', 'restore.jsonl', 'usb1', 'usb2', 'usb3']);
    const journaled = await readFile(path.join(dir, 'restore.jsonl'), 'utf8');
    const otherTitle = await run(
      [...base, '--bundle', 'parameters', '--wrapped-out', 'wrapped', '--title', 'Another title', ...ceremony],
      dir,
    );
    expect(otherTitle.code).toBe(1);
    expect(otherTitle.err).toContain(
      'The import-parameters bundle names this ceremony "Payments key re-import", but --title gives "Another title"',
    );
    // Refused before the ceremony starts, but this ceremony's journal exists: a witness reading it later
    // sees the attempt (who, and why it was refused), as for any refusal after the start.
    expect(otherTitle.err).toContain(
      `The refused attempt is recorded in the journal ${path.join(dir, 'restore.jsonl')} (ceremony.abandoned)`,
    );
    const journaledNow = await readFile(path.join(dir, 'restore.jsonl'), 'utf8');
    expect(journaledNow.startsWith(journaled)).toBe(true);
    const attempt = journaledNow
      .slice(journaled.length)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string; actor: string; data: Record<string, unknown> });
    expect(attempt.map((e) => e.event)).toEqual(['ceremony.session-started', 'ceremony.abandoned']);
    expect(attempt[0]?.data).toMatchObject({
      side: 'air-gapped',
      purpose: 'custody-restore',
      title: 'Payments key re-import',
      operator: 'Olga',
      witnesses: ['Wes'],
    });
    expect(attempt[1]).toMatchObject({
      actor: 'Olga',
      data: {
        code: 'TITLE_DIFFERS_FROM_BUNDLE',
        values: { given: 'Another title', bundle: 'Payments key re-import' },
        state: 'new',
        wipedKeys: 0,
      },
    });
    // A bundle of another ceremony with this journal: the refusal is not written into that ceremony's record.
    const elsewhere = path.join(dir, 'elsewhere');
    await mkdir(elsewhere);
    await parametersBundle(elsewhere, 'AES_256', wrapping.publicKey, now, KEY_ID, undefined, 'other-2025-03');
    const before = await readFile(path.join(dir, 'restore.jsonl'), 'utf8');
    const otherCeremony = await run(
      [...base, '--bundle', 'elsewhere/parameters', '--wrapped-out', 'parameters', ...ceremony],
      dir,
    );
    expect(otherCeremony.code).toBe(1);
    expect(otherCeremony.err.replace(/\s+/g, ' ')).toContain(
      `The refusal could not be recorded in the journal ${path.join(dir, 'restore.jsonl')}: The journal ${path.join(dir, 'restore.jsonl')} records ceremony reimport-2025-02, but this import-parameters bundle belongs to ceremony other-2025-03.`,
    );
    expect(await readFile(path.join(dir, 'restore.jsonl'), 'utf8')).toBe(before);
    // The same with a journal of this ceremony whose last session a crash ended after it wrote a share:
    // refused before that journal opens, so its closing does not withdraw the share for a bundle of
    // another ceremony (a trial's older copy lost, this way, the set a KMS key's material needed).
    const crashed = path.join(dir, 'crashed.jsonl');
    const custodianFolder = path.join(dir, 'custodian-x');
    const journal = await openJournal(crashed, { create: true });
    await journal.append('Olga', 'ceremony.session-started', { side: 'air-gapped', operator: 'Olga' });
    await journal.append('Olga', 'parameters.read', { ceremonyId: 'reimport-2025-02' });
    await journal.append('Olga', 'preflight.passed', {
      destinations: [{ role: 'custodian', folder: custodianFolder, willCreate: true }],
    });
    await journal.close();
    await mkdir(custodianFolder);
    await writeFile(path.join(custodianFolder, 'keyferry-share-reimport-2025-02-1of2.json'), '{}');
    const crashedBefore = await readFile(crashed, 'utf8');
    const notOpened = await run(
      [
        ...base,
        '--bundle',
        'elsewhere/parameters',
        '--wrapped-out',
        'fresh',
        '--journal',
        'crashed.jsonl',
        ...ceremony.slice(2),
      ],
      dir,
    );
    expect(notOpened.code).toBe(1);
    expect(notOpened.err.replace(/\s+/g, ' ')).toContain(
      `The journal ${crashed} records ceremony reimport-2025-02, but this import-parameters bundle belongs to ceremony other-2025-03.`,
    );
    expect(notOpened.out).not.toContain('ended without stopping');
    expect(await readdir(custodianFolder)).toEqual(['keyferry-share-reimport-2025-02-1of2.json']);
    expect(await readFile(crashed, 'utf8')).toBe(crashedBefore);
    await rm(crashed);
    await rm(custodianFolder, { recursive: true });
    await rm(elsewhere, { recursive: true, force: true });

    const expiresAt = new Date(now.getTime() + 30 * 86400_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const result = await run(
      [
        ...base,
        '--bundle',
        'parameters',
        '--wrapped-out',
        'wrapped',
        '--expires',
        expiresAt,
        '--witness-confirms',
        `Wes=${digest}`,
        '--presented-by',
        '3=Dana',
        ...ceremony,
      ],
      dir,
    );
    expect(result.err).toBe('');
    expect(result.out).toContain('share 3 of 3 (custodian Carol) presented by Dana');
    expect(result.out).toContain('Wrapped-material bundle written, all but its manifest');
    expect(result.out).toContain('the wrapped-material bundle is complete and verified');
    // The custody copy is every holder's share; who presented is said apart.
    expect(result.out).toMatch(
      /Custody copy: 2 of 3 shares, held by Alice, Bob, Carol, custody set [0-9A-F]{8} \(the tag in its share files’ names\)\. Presented for the restore: share 2 of Bob, handed over by Bob, share 3 of Carol, handed over by Dana\./,
    );
    expect(result.out).toContain('No plaintext was written');
    const written = (await readdir(dir)).sort();
    expect(written.filter((f) => !f.startsWith('receipt-'))).toEqual([
      'key.bin',
      'parameters',
      'restore.jsonl',
      'usb1',
      'usb2',
      'usb3',
      'wrapped',
    ]);
    // Named as a wrap's receipt is: the journal's third air-gapped session (two refused attempts before it).
    const receipts = written.filter((f) => f.startsWith('receipt-air-gapped-reimport-2025-02-'));
    expect(receipts).toEqual([
      'receipt-air-gapped-reimport-2025-02-session-3.html',
      'receipt-air-gapped-reimport-2025-02-session-3.txt',
    ]);
    const receiptText = await readFile(path.join(dir, receipts.find((f) => f.endsWith('.txt')) ?? ''), 'utf8');
    expect(receiptText).toContain('Payments key re-import');
    expect(receiptText).not.toContain('Custody restore ceremony');
    const bundle = await readBundle(path.join(dir, 'wrapped'), { now });
    if (bundle.kind !== 'wrapped-material') throw new Error('expected a wrapped-material bundle');
    expect(bundle.keys[0]?.materialExpiresAt).toBe(new Date(expiresAt).toISOString());
    expect(result.out.replace(/ /g, '')).toContain(bundle.digest.toUpperCase());
    const unwrapped = unwrapKeyMaterial({
      spec: 'AES_256',
      algorithm: 'RSAES_OAEP_SHA_256',
      wrappingPrivateKey: wrapping.privateKey,
      encryptedKeyMaterial: bundle.keys[0]?.encryptedKeyMaterial as Buffer,
    });
    expect(unwrapped.secret.use((b) => Buffer.from(b)).equals(key)).toBe(true);
    unwrapped.dispose();

    // The same ceremony under a Chinese locale: every line it prints is Chinese (ids, paths, hex aside).
    await mkdir(path.join(dir, 'receipts-zh'));
    const zh = await run(
      [
        ...base,
        ...['--bundle', 'parameters', '--wrapped-out', 'wrapped-zh', '--expires', 'never'],
        ...['--witness-confirms', `Wes=${digest}`, '--receipt-dir', 'receipts-zh'],
        ...['--journal', 'restore-zh.jsonl', '--operator', 'Olga', '--witness', 'Wes', '--allow-network'],
      ],
      dir,
      { LANG: 'zh_CN.UTF-8' },
    );
    expect(zh.err).toBe('');
    expect(zh.code).toBe(0);
    // Custodian names are values, printed as given.
    expect(englishSentences(zh.out.replace(/\b(?:Alice|Bob|Carol|Dana)\b/g, '张伟'))).toEqual([]);
    expect(zh.out).toContain('由 Bob 出示，来自文件 keyferry-share-');
    expect(zh.out).toContain('请求的密钥材料到期时间：永不过期（联网导入时使用）。');
    expect(zh.out).toContain('未写入任何明文。');
  });

  it('material that had an expiry: restore requires an explicit --expires (original, a date or never), never a silent "never"', async () => {
    const dir = await workspace();
    await writeFile(path.join(dir, 'key.bin'), randomBytes(32));
    const outs = await folders(dir, 3);
    expect((await run(splitArgs('key.bin', 'AES_256', 2, outs, ['Alice', 'Bob', 'Carol']), dir)).code).toBe(0);
    const wrapping = testRsaKeyPair('rsa2048');
    const now = new Date();
    const original = new Date(now.getTime() + 40 * 86400_000);
    original.setUTCMilliseconds(0);
    await parametersBundle(dir, 'AES_256', wrapping.publicKey, now, KEY_ID, {
      title: 'Payments key re-import',
      materialExpiry: original.toISOString(),
      onlineJournal: 'online.jsonl',
    });
    const share = (i: number): string => shareFileIn(outs[i - 1] as string, i);
    const args = [
      ...['custody', 'restore', '--share', share(1), '--share', share(2), '--bundle', 'parameters'],
      ...['--wrapped-out', 'wrapped', '--journal', 'restore.jsonl', '--operator', 'Olga', '--witness', 'Wes'],
      '--allow-network',
    ];
    const silent = await run(args, dir);
    expect(silent.code).toBe(1);
    expect(silent.err).toContain('This material was imported with an expiry');
    expect(silent.err).toContain('--expires original');
    expect((await readdir(dir)).sort()).toEqual(['key.bin', 'parameters', 'usb1', 'usb2', 'usb3']);

    const digest = (await readBundle(path.join(dir, 'parameters'), { now })).digest;
    const chosen = await run([...args, '--expires', 'original', '--witness-confirms', `Wes=${digest}`], dir);
    expect(chosen.err).toBe('');
    const bundle = await readBundle(path.join(dir, 'wrapped'), { now });
    if (bundle.kind !== 'wrapped-material') throw new Error('expected a wrapped-material bundle');
    expect(bundle.keys[0]?.materialExpiresAt).toBe(original.toISOString());

    expect(restoredExpiry(undefined, 'never', now, 'cli')).toEqual({ kind: 'never' });
    expect(restoredExpiry('never', original.toISOString(), now, 'cli')).toEqual({ kind: 'never' });
    const later = new Date(original.getTime() + 86400_000);
    expect(() => restoredExpiry('original', original.toISOString(), later, 'cli')).toThrow(
      expect.objectContaining({ code: 'CUSTODY_RESTORE_EXPIRY_PASSED' }),
    );
    expect(() => restoredExpiry(undefined, original.toISOString(), later, 'cli')).toThrow(
      expect.objectContaining({
        code: 'CUSTODY_RESTORE_EXPIRY_REQUIRED',
        values: { at: original.getTime(), past: 'yes', where: 'cli' },
      }),
    );
    expect(() => restoredExpiry('original', undefined, now, 'cli')).toThrow(
      expect.objectContaining({ code: 'CUSTODY_RESTORE_EXPIRY_UNKNOWN' }),
    );
  });

  it.skipIf(!MOUNTS_AVAILABLE)(
    'the registered command refuses share folders on one real volume, before writing anything',
    async () => {
      const dir = await workspace();
      await writeFile(path.join(dir, 'key.bin'), randomBytes(32));
      // Three folders on one stick, none on the workstation's volumes.
      const outs = await folders(await stickWorkspace(), 3);
      const result = await run(
        splitArgs('key.bin', 'AES_256', 2, outs, ['Alice', 'Bob', 'Carol']),
        dir,
        {},
        registered,
      );
      expect(result.code).toBe(1);
      expect(result.err).toContain(
        `The folders of custodian 1 (Alice), ${outs[0]}, and custodian 2 (Bob), ${outs[1]},`,
      );
      expect(result.err).toContain('are on the same volume');
      expect(result.err).toContain('two shares. Nothing was read or written.');
      expect(result.err).toContain('for a rehearsal with test material only: custody split --shares-on-one-volume');
      for (const out of outs) expect(await readdir(out)).toEqual([]);
    },
  );

  /** Runs the registered split of a file that is not key material (never read) into `outs`, from `cwd`; expects the refusal `text`. */
  async function refusedOnTheWorkstation(material: string, outs: readonly string[], cwd: string, text: string) {
    await writeFile(material, 'not read');
    const result = await run(splitArgs(material, 'AES_256', 2, [...outs], ['Alice', 'Bob']), cwd, {}, registered);
    expect(result.code).toBe(1);
    expect(result.err).toContain(text);
    expect(result.err).toContain('that share and the whole backup would');
    expect(result.err).toContain('for a rehearsal with test material only: custody split --shares-on-one-volume');
    for (const out of outs) expect(await readdir(out)).toEqual([]);
  }

  it.skipIf(!MOUNTS_AVAILABLE)(
    'the registered command refuses a share folder on the material file’s stick, on the system disk beside it, or in memory, before reading it',
    async () => {
      const dir = await workspace();
      // The material on a stick that custodian 2 was also given; custodian 1 on a stick of their own.
      const materialStick = await stickWorkspace();
      const outs = [await stickWorkspace(), path.join(materialStick, 'usb2')];
      await mkdir(outs[1] as string);
      await refusedOnTheWorkstation(
        path.join(materialStick, 'key.bin'),
        outs,
        dir,
        `The folder of custodian 2 (Bob), ${outs[1]}, is on the same volume as the material file (${path.join(materialStick, 'key.bin')})`,
      );
      // The material and custodian 2's folder (a stick not mounted) both on the system's disk: the system is named.
      if (statSync('/').dev === statSync(dir).dev) {
        const unmounted = path.join(dir, 'usb2');
        await mkdir(unmounted);
        await refusedOnTheWorkstation(
          path.join(dir, 'key.bin'),
          [outs[0] as string, unmounted],
          dir,
          `The folder of custodian 2 (Bob), ${unmounted}, is on the same volume as this workstation’s system folder /: that share and the whole backup would stay on this workstation.`,
        );
      }
      // /dev/shm is the workstation's memory, not a stick.
      const shm = await mkdtemp('/dev/shm/keyferry-cli-custody-');
      temps.push(shm);
      await refusedOnTheWorkstation(
        path.join(dir, 'key.bin'),
        [outs[0] as string, shm],
        dir,
        `The folder of custodian 2 (Bob), ${shm}, is on the same volume as a folder in this workstation’s memory (/dev/shm), not a stick`,
      );
    },
  );

  it.skipIf(!MOUNTS_AVAILABLE || statSync('/').dev !== statSync(tmpdir()).dev)(
    'the registered command refuses a share folder on the system volume, or the working folder’s, with the material on a stick',
    async () => {
      // The material on a stick of its own; custodian 1 on a stick too.
      const stick = await mkdtemp(path.join(tmpdir(), 'keyferry-material-stick-'));
      onTestFinished(mountTmpfs(stick, { sizeKiB: 64 }));
      const stick2 = await stickWorkspace();
      // Custodian 2's stick not mounted: its path is a folder on the system volume.
      const unmounted = path.join(await workspace(), 'usb2');
      await mkdir(unmounted);
      await refusedOnTheWorkstation(
        path.join(stick, 'key.bin'),
        [stick2, unmounted],
        await workspace(),
        `The folder of custodian 2 (Bob), ${unmounted}, is on the same volume as this workstation’s system folder /: that share and the whole backup would stay on this workstation`,
      );
      // Run from a working folder on another volume: a share folder beside it is refused for it.
      const work = await mkdtemp(path.join(tmpdir(), 'keyferry-work-'));
      onTestFinished(mountTmpfs(work, { sizeKiB: 64 }));
      const beside = path.join(work, 'usb2');
      await mkdir(beside);
      await refusedOnTheWorkstation(
        path.join(stick, 'key.bin'),
        [stick2, beside],
        work,
        `The folder of custodian 2 (Bob), ${beside}, is on the same volume as the folder this command runs in (${work})`,
      );
    },
  );

  it.skipIf(!MOUNTS_AVAILABLE)(
    'in a real process: a stick not mounted whose path is on a home volume of its own is refused; mounted, a folder deep on it takes the share',
    async () => {
      const dir = await workspace();
      await writeFile(path.join(dir, 'key.bin'), randomBytes(32));
      // The officer's home is a volume of its own; custodian 2's stick belongs at ~/sticks/STICK.
      const home = await mkdtemp(path.join(tmpdir(), 'keyferry-home-'));
      onTestFinished(mountTmpfs(home, { sizeKiB: 1024 }));
      const stick1 = await mkdtemp(path.join(tmpdir(), 'keyferry-custodian-stick-'));
      onTestFinished(mountTmpfs(stick1, { sizeKiB: 1024 }));
      const mountPoint = path.join(home, 'sticks', 'STICK');
      const unmounted = path.join(mountPoint, 'custody', 'c2');
      await mkdir(unmounted, { recursive: true });
      const split = () =>
        spawnSync(
          process.execPath,
          [
            KEYFERRY_BIN,
            ...splitArgs('key.bin', 'AES_256', 2, [stick1, unmounted], ['Alice', 'Bob']),
            '--allow-network',
          ],
          { cwd: dir, encoding: 'utf8', env: { ...process.env, HOME: home } },
        );
      const refused = split();
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(
        `The folder of custodian 2 (Bob), ${unmounted}, is on the same volume as the home folder (${home}): that share and the whole backup would stay on this workstation.`,
      );
      expect(await readdir(stick1)).toEqual([]);
      expect(await readdir(unmounted)).toEqual([]);
      // The stick mounted at its place: a folder deep inside it is on its own volume.
      await rm(path.join(mountPoint, 'custody'), { recursive: true });
      onTestFinished(mountTmpfs(mountPoint, { sizeKiB: 1024 }));
      await mkdir(unmounted, { recursive: true });
      const written = split();
      expect(written.stderr).toBe('');
      expect(written.status).toBe(0);
      expect(existsSync(shareFileIn(unmounted, 2))).toBe(true);
    },
  );

  it.skipIf(!MOUNTS_AVAILABLE)(
    'the registered command refuses a share folder not made yet on a mounted stick, saying to create it, and under a mount point with no stick, as on the workstation',
    async () => {
      const dir = await workspace();
      const material = path.join(dir, 'key.bin');
      await writeFile(material, 'not read');
      const stick = await stickWorkspace();
      const missing = path.join(await stickWorkspace(), 'not-made');
      const result = await run(
        splitArgs(material, 'AES_256', 2, [stick, missing], ['Alice', 'Bob']),
        dir,
        {},
        registered,
      );
      expect(result.code).toBe(1);
      // The stick is mounted, only the folder is not made yet: it is to be created, not the media inserted.
      expect(result.err).toContain(
        `The destination for share 2 (${missing}) does not exist: the folder it would be in (${path.dirname(missing)}) is there, but Keyferry does not create a custodian’s folder. Nothing was written.`,
      );
      expect(result.err).toContain('Create that folder on the custodian’s media');
      expect(result.err).not.toContain('Insert the custodian');
      expect(await readdir(stick)).toEqual([]);
      // The mount point there (an empty folder of the workstation's disk), no stick mounted on it: not
      // "create that folder on the custodian’s media", which would make it on the workstation's disk.
      const mountPoint = path.join(dir, 'STICK');
      await mkdir(mountPoint);
      const under = path.join(mountPoint, 'c2');
      const unmounted = await run(
        splitArgs(material, 'AES_256', 2, [stick, under], ['Alice', 'Bob']),
        dir,
        {},
        registered,
      );
      expect(unmounted.code).toBe(1);
      expect(unmounted.err).toContain(`The folder of custodian 2 (Bob), ${under}, is on the same volume as`);
      expect(unmounted.err).toContain('A custodian’s stick that is not mounted leaves its folder’s path');
      expect(unmounted.err).not.toContain('Create that folder');
      expect(await readdir(mountPoint)).toEqual([]);
    },
  );

  it.skipIf(!MOUNTS_AVAILABLE)(
    'refuses a custodian’s stick too small for the share, slip and backup before reading the material, naming the custodian, folder and figures',
    async () => {
      const dir = await workspace();
      // Never read: refused before it (a small stick was found full part way through the writes).
      await writeFile(path.join(dir, 'key.bin'), 'not read');
      const small = await mkdtemp(path.join(tmpdir(), 'keyferry-small-stick-'));
      onTestFinished(mountTmpfs(small, { sizeKiB: 64 }));
      const outs = [await stickWorkspace(), small];
      const args = splitArgs('key.bin', 'AES_256', 2, outs, ['Alice', 'Bob']);
      const result = await run(args, dir, {}, registered);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(
        new RegExp(
          `The folder of custodian 2 \\(Bob\\), ${small}, is on a volume with 64 KiB free, but about \\d+ KiB will be written there: the share, its slip and the backup file with its printout\\. Nothing was read or written\\.`,
        ),
      );
      expect(result.err).toContain('give a folder on larger media (--out), then run custody split again');
      const zh = await run(args, dir, { LANG: 'zh-CN' }, registered);
      expect(zh.err).toContain(`保管人 2（Bob）的文件夹 ${small} 所在卷仅剩 64 KiB`);
      for (const out of outs) expect(await readdir(out)).toEqual([]);
    },
  );

  it('checks the custodian names before the folders and the material: one person twice is said first', async () => {
    const dir = await workspace();
    await writeFile(path.join(dir, 'key.bin'), 'not read');
    // Folders on the workstation's own volume, and a file that is no key: each refused only after the names.
    const outs = await folders(dir, 2);
    const result = await run(splitArgs('key.bin', 'AES_256', 2, outs, ['Carol', 'carol ']), dir, {}, registered);
    expect(result.code).toBe(1);
    expect(result.err).toContain('The custodians of shares 1 and 2, typed as "Carol" and "carol ", are one person');
    for (const out of outs) expect(await readdir(out)).toEqual([]);
  });

  it('refuses a share folder inside another custodian’s, given directly or through a symbolic link, naming both', async () => {
    const dir = await workspace();
    await writeFile(path.join(dir, 'key.bin'), randomBytes(32));
    const c1 = path.join(dir, 'c1');
    await mkdir(path.join(c1, 'sub'), { recursive: true });
    await symlink(c1, path.join(dir, 'link'));
    for (const inner of ['c1/sub', 'link/sub']) {
      const result = await run(splitArgs('key.bin', 'AES_256', 2, ['c1', inner], ['Alice', 'Bob']), dir);
      expect(result.code).toBe(1);
      expect(result.err).toContain(
        `The folder of custodian 2 (Bob), ${path.join(dir, inner)}, lies inside the folder of custodian 1 (Alice), ${c1}: the media of custodian 1 (Alice) would carry both shares. Nothing was read or written.`,
      );
      const zh = await run(splitArgs('key.bin', 'AES_256', 2, ['c1', inner], ['Alice', 'Bob']), dir, {
        LANG: 'zh-CN',
      });
      expect(zh.err).toContain(
        `保管人 2（Bob）的文件夹 ${path.join(dir, inner)} 位于保管人 1（Alice）的文件夹 ${c1} 之内：保管人 1（Alice）的介质将同时携带两份份额。`,
      );
      expect(await readdir(c1)).toEqual(['sub']);
      expect(await readdir(path.join(c1, 'sub'))).toEqual([]);
    }
  });

  it('refuses bad arguments with the usage hint', async () => {
    const dir = await workspace();
    await writeFile(path.join(dir, 'key.bin'), randomBytes(32));
    const outs = await folders(dir, 3);
    const cases: [string[], string][] = [
      [
        splitArgs('key.bin', 'AES_256', 2, outs, ['Alice', 'Bob', 'Carol']).filter(
          (a, i, all) => a !== '--m' && all[i - 1] !== '--m',
        ),
        'The option --m is required',
      ],
      [
        [...splitArgs('key.bin', 'AES_256', 2, outs, ['Alice', 'Bob', 'Carol']), '--out', 'extra'],
        '4 --out folders were given for 3 shares',
      ],
      [
        splitArgs('key.bin', 'AES_256', 2, outs, ['Alice', 'Bob']),
        'The 3 shares need 3 custodians, one each; custodians named: 2.',
      ],
      // One custodian for three (a printed line shows one pair): said without "1 custodians", with the way on.
      [splitArgs('key.bin', 'AES_256', 2, outs, ['Alice']), 'custodians named: 1.'],
      [splitArgs('key.bin', 'HMAC_256', 2, outs, ['Alice', 'Bob', 'Carol']), 'cannot be imported'],
      [['custody', 'restore'], 'Give the shares with --share FILE'],
    ];
    for (const [argv, message] of cases) {
      const result = await run(argv, dir);
      expect(result.code).toBe(1);
      expect(result.err).toContain(message);
    }
    for (const out of outs) expect(await readdir(out)).toEqual([]);
  });

  it.skipIf(!MOUNTS_AVAILABLE)(
    'end to end in real processes: 2-of-2 on two real tmpfs sticks, the material on the workstation',
    async () => {
      const dir = await workspace();
      const stick2 = await stickWorkspace();
      const key = randomBytes(32);
      // Custodian 1's stick is a real tmpfs: no share may land on the workstation's volumes.
      const stick = await mkdtemp(path.join(tmpdir(), 'keyferry-custodian-stick-'));
      onTestFinished(mountTmpfs(stick, { sizeKiB: 1024 }));
      await writeFile(path.join(dir, 'key.bin'), key);
      const keyferry = (args: string[]) =>
        spawnSync(process.execPath, [KEYFERRY_BIN, ...args], { cwd: dir, encoding: 'utf8' });
      // Real processes on this (networked) machine: the override, as a rehearsal would give it.
      const split = keyferry([
        ...splitArgs('key.bin', 'AES_256', 2, [stick, stick2], ['Alice', 'Bob']),
        '--allow-network',
      ]);
      expect(split.stderr).toBe('');
      expect(split.status).toBe(0);
      const restore = keyferry([
        'custody',
        'restore',
        '--share',
        shareFileIn(stick2, 2),
        '--share',
        shareFileIn(stick, 1),
        '--out',
        'back',
        '--allow-network',
      ]);
      expect(restore.status).toBe(0);
      expect((await readFile(path.join(dir, 'back', `${KEY_ID}.key`))).equals(key)).toBe(true);
    },
  );
});
