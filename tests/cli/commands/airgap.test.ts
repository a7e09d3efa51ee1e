/**
 * `keyferry airgap wrap` against an import-parameters bundle made here with our own RSA wrapping
 * key (no KMS), so the guide's OpenSSL commands can unwrap what Keyferry wrote.
 */
import { airgapWrapArgs } from '../../helpers/cli-sides';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  importParametersFromKmsAnswer,
  readBundleDigest,
  writeImportParametersBundle,
} from '../../../src-main/core/bundle';
import { groupHex } from '../../../src-main/core/hex-groups';
import type { KeySpec } from '../../../src-main/core/crypto/key-spec';
import { verifyJournal } from '../../../src-main/core/journal';
import { keyferry } from '../../integration/cli-in-process';
import { OFFLINE } from '../../helpers/workstation';
import { kwpUnwrapArgs, oaepDecryptArgs } from '../../core/crypto/helpers/openssl-commands';
import { testRsaKeyPair } from '../../core/crypto/helpers/test-rsa-keys';

const WIRED = {
  ...OFFLINE,
  eth0: [
    {
      address: '192.168.7.9',
      netmask: '255.255.255.0',
      family: 'IPv4' as const,
      mac: '02:00:00:00:00:07',
      internal: false,
      cidr: '192.168.7.9/24',
    },
  ],
};

let dir: string;
let fingerprint: string;
/** The import-parameters bundle digest: what every witness types (read aloud from the online side). */
let digest: string;
const wrappingPair = testRsaKeyPair('rsa2048');
const wrapping = {
  publicKey: wrappingPair.publicKey.export({ type: 'spki', format: 'der' }),
  privateKey: wrappingPair.privateKey.export({ type: 'pkcs8', format: 'pem' }),
};

async function paramsBundle(
  spec: KeySpec,
  keyId = '0a1b2c3d-0000-4000-8000-00000000000a',
  ceremony?: { title: string; materialExpiry: string; onlineJournal: string },
): Promise<string> {
  const p = importParametersFromKmsAnswer({
    region: 'cn-north-4',
    projectId: 'a4a5d4098fb4474fa22cd05f897d6b99',
    keyAlias: `test/${spec.toLowerCase()}`,
    keySpec: spec,
    keyUsage: spec === 'AES_256' ? 'ENCRYPT_DECRYPT' : 'SIGN_VERIFY',
    wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
    answer: {
      key_id: keyId,
      public_key: wrapping.publicKey.toString('base64'),
      import_token: randomBytes(300).toString('base64'),
      expiration_time: Math.floor(Date.now() / 1000) + 3600 * 20,
    },
  });
  fingerprint = p.wrappingKey.fingerprint;
  const folder = path.join(dir, 'params');
  await writeImportParametersBundle(folder, {
    ceremonyId: 'KF-20250301-abcdef',
    keys: [p],
    ...(ceremony ? { ceremony } : {}),
  });
  digest = await readBundleDigest(folder);
  return folder;
}

function wrapArgs(...extra: string[]): string[] {
  return airgapWrapArgs({}, ...extra);
}

function openssl(args: string[], input?: Buffer): Buffer {
  return execFileSync('openssl', args, { cwd: dir, ...(input ? { input } : {}) });
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-airgap-'));
  await writeFile(path.join(dir, 'wrapping.pem'), wrapping.privateKey, { mode: 0o600 });
  vi.spyOn(os, 'networkInterfaces').mockReturnValue(OFFLINE);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

describe('keyferry airgap wrap', () => {
  it('refuses a live network unless overridden', async () => {
    await paramsBundle('AES_256');
    vi.mocked(os.networkInterfaces).mockReturnValue(WIRED);
    const run = await keyferry(wrapArgs('--witness-confirms', `Ben=${digest}`), { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/connected to a network \(eth0 192\.168\.7\.9\)/);
    expect(await readdir(dir)).not.toContain('wrapped');
  });

  it("refuses a --title other than the bundle's (one ceremony, one title on both receipts); nothing is written", async () => {
    await paramsBundle('AES_256', undefined, {
      title: 'Quarterly import',
      materialExpiry: 'never',
      onlineJournal: 'online.jsonl',
    });
    const other = await keyferry(wrapArgs('--title', 'Quarterly import 2', '--witness-confirms', `Ben=${digest}`), {
      cwd: dir,
    });
    expect(other.code).toBe(1);
    expect(other.stderr).toContain(
      'The import-parameters bundle names this ceremony "Quarterly import", but --title gives "Quarterly import 2"',
    );
    expect(await readdir(dir)).not.toContain('wrapped');
    expect(await readdir(dir)).not.toContain('airgap.jsonl');
    const same = await keyferry(wrapArgs('--title', 'Quarterly import', '--witness-confirms', `Ben=${digest}`), {
      cwd: dir,
    });
    expect(same.stderr).toBe('');
    expect(same.code).toBe(0);
    const receipt = (await readdir(dir)).find((f) => /^receipt-air-gapped-.*\.txt$/.test(f)) as string;
    expect(await readFile(path.join(dir, receipt), 'utf8')).toContain('Quarterly import');
  });

  it('refuses to go on without the bundle digest typed by the witness, and refuses a wrong one; nothing is written', async () => {
    await paramsBundle('AES_256');
    const none = await keyferry(wrapArgs(), { cwd: dir });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/Witness Ben has not confirmed the import-parameters bundle digest \(it binds/);
    // The digest is never printed on this side before the witnesses typed it.
    expect(none.stdout).not.toContain(groupHex(digest));
    expect(none.stdout).toContain(groupHex(fingerprint));
    const wrong = await keyferry(wrapArgs('--witness-confirms', `Ben=${'ab'.repeat(32)}`), { cwd: dir });
    expect(wrong.stderr).toMatch(
      /Ben typed a value that differs from the digest of the import-parameters bundle read here in 1[3-6] of 16 groups/,
    );
    // The wrapping-key fingerprint is not the bundle digest, and the refusal says which it is.
    const key = await keyferry(wrapArgs('--witness-confirms', `Ben=${fingerprint}`), { cwd: dir });
    expect(key.stderr).toMatch(
      /Ben typed the wrapping-key fingerprint of key \S+, not the import-parameters bundle digest/,
    );
    const partial = await keyferry(wrapArgs('--witness-confirms', `Ben=${digest.slice(0, 32)}`), { cwd: dir });
    expect(partial.stderr).toMatch(/The typed import-parameters bundle digest has 32 hex digits/);
    const old = await keyferry(wrapArgs('--confirm-fingerprint', fingerprint), { cwd: dir });
    expect(old.stderr).toMatch(/--confirm-fingerprint is gone: one value credited to every witness/);
    expect(await readdir(dir)).not.toContain('wrapped');
    const journal = await readFile(path.join(dir, 'airgap.jsonl'), 'utf8');
    expect(journal.match(/"ceremony\.abandoned"/g)).toHaveLength(4);
    expect(journal.match(/"witness\.refused"/g)).toHaveLength(3);
    expect((await verifyJournal(path.join(dir, 'airgap.jsonl'))).ok).toBe(true);
  });

  it('a value given with --witness-confirms that is refused says to run the command again, not that the witness types again', async () => {
    await paramsBundle('AES_256');
    // One group of sixteen mistyped: a slip.
    const slip = `${digest.slice(0, 60)}${digest.slice(60) === '0000' ? '1111' : '0000'}`;
    const en = await keyferry(wrapArgs('--witness-confirms', `Ben=${slip}`), { cwd: dir });
    expect(en.code).toBe(1);
    expect(en.stderr.replace(/\s+/g, ' ')).toContain(
      'Have the online workstation read that group aloud again, then run the command again with --witness-confirms "Ben=…" holding the whole value as Ben types it. If it still differs, stop: the bundle here is not the one the online workstation wrote.',
    );
    expect(en.stderr).not.toContain('then Ben types the whole value again');
    const zh = await keyferry(wrapArgs('--witness-confirms', `Ben=${slip}`), {
      cwd: dir,
      env: { LANG: 'zh_CN.UTF-8' },
    });
    expect(zh.stderr).toContain(
      '请联网工作站再朗读一遍该组，然后重新运行命令，在 --witness-confirms "Ben=…" 中给出 Ben 重新输入的完整的值。如果仍然不同，请停止：此处的包不是联网工作站写出的那个包。',
    );
    const key = await keyferry(wrapArgs('--witness-confirms', `Ben=${fingerprint}`), { cwd: dir });
    expect(key.stderr.replace(/\s+/g, ' ')).toContain(
      'Have that value read aloud, then run the command again with --witness-confirms "Ben=…" holding it as Ben types it.',
    );
    const keyZh = await keyferry(wrapArgs('--witness-confirms', `Ben=${fingerprint}`), {
      cwd: dir,
      env: { LANG: 'zh_CN.UTF-8' },
    });
    expect(keyZh.stderr).toContain(
      '请朗读该值，然后重新运行命令，在 --witness-confirms "Ben=…" 中给出 Ben 输入的该值。',
    );
  });

  it("wraps existing AES material so that the guide's openssl pkeyutl recovers it", async () => {
    await paramsBundle('AES_256');
    const material = randomBytes(32);
    await writeFile(path.join(dir, 'aes.bin'), material, { mode: 0o600 });
    const run = await keyferry(
      wrapArgs(
        '--witness',
        'Chloé',
        '--witness-confirms',
        `Chloé=${groupHex(digest)}`,
        '--witness-confirms',
        `Ben=${digest}`,
        '--material',
        'aes.bin',
        '--expires',
        '2099-01-01T00:00:00Z',
      ),
      { cwd: dir },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Loaded AES_256 material for key 0a1b2c3d/);
    const keyDir = path.join(dir, 'wrapped', 'keys', '0a1b2c3d-0000-4000-8000-00000000000a');
    const recovered = openssl(oaepDecryptArgs('wrapping.pem', path.join(keyDir, 'EncryptedKeyMaterial.bin'), 'sha256'));
    expect(recovered.equals(material)).toBe(true);
    const manifest = JSON.parse(await readFile(path.join(dir, 'wrapped', 'manifest.json'), 'utf8')) as {
      keys: { materialExpiresAt: string }[];
      custody: unknown;
    };
    expect(manifest.keys[0]?.materialExpiresAt).toBe('2099-01-01T00:00:00.000Z');
    expect(manifest.custody).toEqual({ kind: 'material-files' });
    expect(run.stdout).toContain('Custody copy: the material files loaded on the air-gapped workstation.');
    const journal = (await readFile(path.join(dir, 'airgap.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; actor: string });
    expect(journal.filter((e) => e.event === 'witness.confirmed').map((e) => e.actor)).toEqual(['Chloé', 'Ben']);
    expect(journal.some((e) => e.event === 'material.loaded')).toBe(true);
    expect((await readdir(dir)).filter((f) => f.startsWith('receipt-air-gapped-KF-20250301-abcdef'))).toHaveLength(2);
  });

  it('refuses a --receipt-dir that does not exist before the journal opens: no witness types, no journal is created', async () => {
    await paramsBundle('EC_P256');
    openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'ec.pem']);
    const args = wrapArgs('--witness-confirms', `Ben=${digest}`, '--material', 'ec.pem', '--receipt-dir', 'reciepts');
    const refused = await keyferry(args, { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `The receipt folder ${path.join(dir, 'reciepts')} does not exist. Nothing was generated. Insert the media and create the folder, or choose an existing folder.`,
    );
    expect(await readdir(dir)).not.toContain('airgap.jsonl');
    await writeFile(path.join(dir, 'receipts'), 'a file, not a folder');
    const file = await keyferry(
      wrapArgs('--witness-confirms', `Ben=${digest}`, '--material', 'ec.pem', '--receipt-dir', 'receipts'),
      { cwd: dir },
    );
    expect(file.stderr).toContain(`The receipt folder ${path.join(dir, 'receipts')} exists but is not a folder.`);
    // A folder under that file cannot be made: said so, not "create the folder".
    const under = await keyferry(
      wrapArgs('--witness-confirms', `Ben=${digest}`, '--material', 'ec.pem', '--receipt-dir', 'receipts/sub'),
      { cwd: dir },
    );
    expect(under.stderr).toContain(
      `The receipt folder ${path.join(dir, 'receipts', 'sub')} cannot be created: its parent ${path.join(dir, 'receipts')} is not an existing folder.`,
    );
    expect(await readdir(dir)).not.toContain('airgap.jsonl');
    await rm(path.join(dir, 'receipts'));
    // Empty (an unset shell variable): refused, not taken for the current folder.
    const empty = await keyferry(
      wrapArgs('--witness-confirms', `Ben=${digest}`, '--material', 'ec.pem', '--receipt-dir', ''),
      { cwd: dir },
    );
    expect(empty.stderr).toContain('The option --receipt-dir was given an empty value (an unset shell variable?).');
    expect(await readdir(dir)).not.toContain('airgap.jsonl');
    await mkdir(path.join(dir, 'receipts'));
    const done = await keyferry(
      wrapArgs('--witness-confirms', `Ben=${digest}`, '--material', 'ec.pem', '--receipt-dir', 'receipts'),
      { cwd: dir },
    );
    expect(done.stderr).toBe('');
    expect((await readdir(path.join(dir, 'receipts'))).some((f) => f.startsWith('receipt-air-gapped-'))).toBe(true);
  });

  it('writes custody shares into given folders on one volume only with --shares-on-one-volume (a rehearsal)', async () => {
    await paramsBundle('EC_P256');
    openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'ec.pem']);
    const custody = ['--custody', '2/2', '--custodian-folder', 'usb-a', '--custodian-folder', 'usb-b'];
    const args = wrapArgs('--witness-confirms', `Ben=${digest}`, '--material', 'ec.pem', ...custody);
    const refused = await keyferry(args, { cwd: dir });
    expect(refused.code).toBe(1);
    // Real custody media: each custodian is named (slips, backup, receipt); nothing is generated before.
    expect(refused.stderr).toContain('--custody 2/2 gives a share to each of 2 custodians, but none is named');
    expect(await readdir(dir)).not.toContain('usb-a');
    const named = await keyferry([...args, '--custodian', 'Dana', '--custodian', 'Eli'], { cwd: dir });
    expect(named.stderr).toMatch(/same volume/);
    expect(await readdir(dir)).not.toContain('usb-a');
    const run = await keyferry([...args, '--shares-on-one-volume'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/custody folders share one volume/);
    for (const folder of ['usb-a', 'usb-b'])
      expect(await readdir(path.join(dir, folder))).toEqual(
        expect.arrayContaining([expect.stringMatching(/of2\.json$/)]),
      );
  });

  it("puts a rehearsal's default custodian folders in the current folder, never beside --out on the transfer media", async () => {
    await paramsBundle('EC_P256');
    openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'ec.pem']);
    await mkdir(path.join(dir, 'media'));
    const args = airgapWrapArgs({ out: path.join('media', 'wrapped') }, '--witness-confirms', `Ben=${digest}`);
    const run = await keyferry([...args, '--material', 'ec.pem', '--custody', '2/2', '--shares-on-one-volume'], {
      cwd: dir,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Custody: one set for 1 key, 2-of-2: each custodian holds one share');
    const media = await readdir(path.join(dir, 'media'));
    expect(media).toContain('wrapped');
    expect(media.filter((f) => f.startsWith('custodian-'))).toEqual([]);
    for (const folder of ['custodian-1', 'custodian-2'])
      expect(await readdir(path.join(dir, folder))).toEqual(
        expect.arrayContaining([expect.stringMatching(/of2\.json$/)]),
      );
  });

  it('wraps an OpenSSL-made EC key so that openssl pkeyutl + openssl enc -id-aes256-wrap-pad recover its PKCS#8', async () => {
    await paramsBundle('EC_P256');
    openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'ec.pem']);
    const pkcs8 = openssl(['pkcs8', '-topk8', '-nocrypt', '-in', 'ec.pem', '-outform', 'DER']);
    const refused = await keyferry(
      wrapArgs('--witness-confirms', `Ben=${digest}`, '--material', 'ec.pem', '--custody', '2/2'),
      { cwd: dir },
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/needs 2 --custodian-folder options, one per custodian, each on its own media/);
    // Refused before the ceremony starts: no bundle, no journal, no custodian folders.
    await expect(readdir(path.join(dir, 'wrapped'))).rejects.toThrow();
    expect((await readdir(dir)).filter((f) => f === 'airgap.jsonl' || f.startsWith('custodian-'))).toEqual([]);
    const run = await keyferry(
      wrapArgs(
        '--witness-confirms',
        `Ben=${digest}`,
        '--material',
        'ec.pem',
        '--custody',
        '2/2',
        '--shares-on-one-volume',
      ),
      { cwd: dir },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /custody folders share one volume: move each custodian’s folder to media of its own now\./,
    );
    // The public key's SHA-256 (of its SPKI DER, as openssl computes it), in upper-case groups of four like every digest.
    const spki = openssl(['pkey', '-in', 'ec.pem', '-pubout', '-outform', 'DER']);
    const grouped = (createHash('sha256').update(spki).digest('hex').toUpperCase().match(/.{4}/g) ?? []).join(' ');
    expect(run.stdout).toContain(
      `Loaded EC_P256 material for key 0a1b2c3d-0000-4000-8000-00000000000a (public key SHA-256 ${grouped}).`,
    );
    // The manifest tells the online side who keeps a copy (shown before it imports).
    // Its custody set by the tag the share files' names carry (format version 5 names the set).
    expect(run.stdout).toMatch(
      /Custody copy: 2 of 2 shares, held by custodian-1, custodian-2, custody set [0-9A-F]{8} \(the tag in its share files’ names\)\./,
    );
    const written = JSON.parse(await readFile(path.join(dir, 'wrapped', 'manifest.json'), 'utf8')) as {
      custody: unknown;
    };
    // The set is named by its backup's digest, which starts with the tag of its share files' names.
    const shareName = (await readdir(path.join(dir, 'custodian-1'))).find((f) => f.endsWith('-1of2.json')) ?? '';
    const tag = /-([0-9A-F]{8})-1of2\.json$/.exec(shareName)?.[1] ?? 'no share file';
    expect(written.custody).toEqual({
      kind: 'shares',
      threshold: 2,
      total: 2,
      custodians: ['custodian-1', 'custodian-2'],
      backupDigest: expect.stringMatching(new RegExp(`^${tag.toLowerCase()}[0-9a-f]{56}$`)),
    });
    const keyDir = path.join(dir, 'wrapped', 'keys', '0a1b2c3d-0000-4000-8000-00000000000a');
    const temporaryKey = openssl(
      oaepDecryptArgs('wrapping.pem', path.join(keyDir, 'EncryptedKeyMaterial.bin'), 'sha256'),
    );
    expect(temporaryKey).toHaveLength(32);
    const unwrapped = openssl(kwpUnwrapArgs(temporaryKey, path.join(keyDir, 'out_ec_private_key.der')));
    expect(unwrapped.equals(pkcs8)).toBe(true);
    expect(await readdir(path.join(dir, 'custodian-1'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/-1of2\.json$/)]),
    );
  });

  it("reads the console's raw files instead of a bundle (wrappingKey_<KeyID> and ImportToken.b64)", async () => {
    const keyId = '0a1b2c3d-0000-4000-8000-00000000000b';
    await writeFile(path.join(dir, `wrappingKey_${keyId}`), wrapping.publicKey);
    await writeFile(path.join(dir, 'ImportToken.b64'), `${randomBytes(300).toString('base64')}\n`);
    const fp = createHash('sha256').update(wrapping.publicKey).digest('hex');
    const run = await keyferry(
      [
        'airgap',
        'wrap',
        '--console-wrapping-key',
        `wrappingKey_${keyId}`,
        '--key-id',
        keyId,
        '--spec',
        'AES_256',
        '--import-token',
        'ImportToken.b64',
        '--out',
        'wrapped',
        '--journal',
        'airgap.jsonl',
        '--operator',
        'Ana',
        '--witness',
        'Ben',
        '--witness-confirms',
        `Ben=${fp}`,
      ],
      { cwd: dir },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Ceremony KF-\d{8}-[a-z2-7]{6}: 1 key from the console files$/m);
    expect(run.stdout).toMatch(/held by the console/);
    // No online journal created this key: the Next line names the console's dialog and the key's files,
    // never an online import every journal would refuse (walker finding F19).
    expect(run.stdout).not.toContain('ONLINE-JOURNAL.jsonl');
    expect(run.stdout).not.toContain('keyferry online import --journal');
    const digest = /bundle digest ([0-9A-F ]{79})/.exec(run.stdout)?.[1] as string;
    expect(run.stdout).toContain(
      `Next, in the KMS console on the online side: no Keyferry online journal created this key, so keyferry online import cannot take this bundle. Open the key’s Import Key Material dialog and give it the files in MEDIA/wrapped/keys/${keyId} (what each is for: MEDIA/wrapped/README.txt).`,
    );
    // Named on the media as the online workstation mounts it; the line after says where MEDIA is here.
    expect(run.stdout).toContain(
      `MEDIA: the folder that holds the bundle (${dir} on this workstation), as the online workstation mounts it.`,
    );
    expect(run.stdout).toMatch(
      new RegExp(`must show the wrapped-material bundle digest the receipt prints: ${digest}$`, 'm'),
    );
    const missing = await keyferry(
      [
        'airgap',
        'wrap',
        '--console-wrapping-key',
        'x',
        '--out',
        'w2',
        '--journal',
        'j2.jsonl',
        '--operator',
        'Ana',
        '--witness',
        'Ben',
      ],
      { cwd: dir },
    );
    expect(missing.stderr).toMatch(/Console files need --key-id, --spec, --import-token/);
  });

  it('refuses a passphrase variable that is not set, and a passphrase given in place of a variable name', async () => {
    await paramsBundle('RSA_2048');
    const run = await keyferry(
      wrapArgs('--witness-confirms', `Ben=${digest}`, '--material', 'x.pem', '--passphrase-env', 'NOT_SET_ANYWHERE'),
      { cwd: dir },
    );
    expect(run.stderr).toMatch(/environment variable NOT_SET_ANYWHERE named by --passphrase-env is not set/);
    const pass = await keyferry(wrapArgs('--witness-confirms', `Ben=${digest}`, '--passphrase-env', 'secret words'), {
      cwd: dir,
    });
    expect(pass.stderr).toMatch(/takes the NAME of an environment variable/);
  });
});
