import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWrapCommand, wrapCommand } from '../../../src-main/cli/commands/wrap';
import type { CliCommand } from '../../../src-main/cli/command';
import { runCli } from '../../../src-main/cli/run-cli';
import { groupHex } from '../../../src-main/core/hex-groups';
import { nodeFileLayer, type FileLayer } from '../../../src-main/core/fs/durable-file';
import { makeTempDir, openssl, removeTempDir } from '../../core/crypto/helpers/openssl';
import { kwpUnwrapArgs, oaepDecryptArgs } from '../../core/crypto/helpers/openssl-commands';
import { KEYFERRY_BIN } from '../../integration/cli-process';
import { LIVE_WLAN, OFFLINE } from '../../helpers/workstation';

let dir: string;
const at = (...parts: string[]) => path.join(dir, ...parts);
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

interface Outcome {
  code: number;
  stdout: string[];
  stderr: string[];
}

async function keyferry(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; command?: CliCommand } = {},
): Promise<Outcome> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli([options.command ?? wrapCommand], args, {
    stdout: (l) => stdout.push(l),
    stderr: (l) => stderr.push(l),
    env: options.env ?? {},
    cwd: dir,
  });
  return { code, stdout, stderr };
}

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

/** The console's wrapping key file (DER), as downloaded with the import token. */
const WRAPPING_KEY = 'wrappingKey_43f1ffd7.bin';

/** The options of `keyferry wrap` after the wrapping key: `--key-spec spec`, `rest`, then `--out out` (none when null). */
function wrapArgs(spec: string, out: string | null, rest: string[] = [], wrappingKey = WRAPPING_KEY): string[] {
  return ['--wrapping-key', wrappingKey, '--key-spec', spec, ...rest, ...(out === null ? [] : ['--out', out])];
}

beforeAll(async () => {
  dir = await makeTempDir('cli-wrap');
  await openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'wrapping_priv.pem'], {
    cwd: dir,
  });
  await openssl(
    ['pkey', '-in', 'wrapping_priv.pem', '-pubout', '-outform', 'DER', '-out', 'wrappingKey_43f1ffd7.bin'],
    { cwd: dir },
  );
  await openssl(['enc', '-base64', '-A', '-in', 'wrappingKey_43f1ffd7.bin', '-out', 'PublicKey.b64'], { cwd: dir });
  await openssl(['rand', '-hex', '-out', 'aes.hex', '32'], { cwd: dir });
  await openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384', '-out', 'ec384.pem'], {
    cwd: dir,
  });
  await openssl(
    [
      'pkcs8',
      '-topk8',
      '-in',
      'ec384.pem',
      '-v2',
      'aes-256-cbc',
      '-passout',
      'pass:s3cret words',
      '-out',
      'ec384-enc.pem',
    ],
    { cwd: dir },
  );
  await openssl(['pkey', '-in', 'ec384.pem', '-pubout', '-outform', 'DER', '-out', 'ec384-pub.der'], { cwd: dir });
  await openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:3072', '-out', 'rsa3072.pem'], {
    cwd: dir,
  });
});
afterAll(() => removeTempDir(dir));
// An air-gapped workstation (only loopback up) unless a test says otherwise.
beforeEach(() => {
  vi.spyOn(os, 'networkInterfaces').mockReturnValue(OFFLINE);
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** The guide's decrypt of EncryptedKeyMaterial.bin with the wrapping private key. */
function oaepDecrypt(file: string, md = 'sha256'): Promise<Buffer> {
  return openssl(oaepDecryptArgs(at('wrapping_priv.pem'), file, md));
}

/** The guide's chain for asymmetric output: decrypt the temporary key, unwrap, describe. */
async function opensslUnwrapPrivateKey(
  out: string,
  wrappedName: string,
): Promise<{ text: string; publicDer: Buffer; der: Buffer }> {
  const temporaryKey = await oaepDecrypt(path.join(out, 'EncryptedKeyMaterial.bin'));
  expect(temporaryKey.length).toBe(32);
  const der = await openssl(kwpUnwrapArgs(temporaryKey, path.join(out, wrappedName)));
  const text = (await openssl(['pkey', '-inform', 'DER', '-text', '-noout'], { input: der })).toString();
  const publicDer = await openssl(['pkey', '-inform', 'DER', '-pubout', '-outform', 'DER'], { input: der });
  return { text, publicDer, der };
}

describe('keyferry wrap: success', () => {
  it('AES_256, generated: writes EncryptedKeyMaterial.bin that openssl decrypts; prints fingerprint and KCV', async () => {
    const r = await keyferry(['wrap', ...wrapArgs('AES_256', 'out-aes', ['--no-backup'])]);
    expect(r.stderr).toEqual([]);
    expect(r.code).toBe(0);
    expect(await readdir(at('out-aes'))).toEqual(['EncryptedKeyMaterial.bin']);
    const material = await oaepDecrypt(at('out-aes', 'EncryptedKeyMaterial.bin'));
    expect(material.length).toBe(32);
    const kcv = (
      await openssl(['enc', '-aes-256-ecb', '-nopad', '-K', material.toString('hex')], { input: Buffer.alloc(16) })
    )
      .subarray(0, 3)
      .toString('hex');
    const output = r.stdout.join('\n');
    expect(output).toContain(`Key check value (KCV):  ${groupHex(kcv)}`);
    expect(output).toContain(groupHex(sha256(await readFile(at('wrappingKey_43f1ffd7.bin')))));
    expect(output).not.toContain(material.toString('hex'));
    expect(output.toUpperCase()).not.toContain(groupHex(material.toString('hex')).slice(0, 14));
  });

  it('generating material it then wipes needs --no-backup: refused before anything is generated or written', async () => {
    const refused = await keyferry(['wrap', ...wrapArgs('AES_256', 'out-no-backup')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.join('\n')).toMatch(
      /The AES_256 material would be generated here, wrapped and wiped: no copy would remain anywhere.*acknowledge the loss with --no-backup/,
    );
    expect(await exists(at('out-no-backup'))).toBe(false);
    const acknowledged = await keyferry(['wrap', ...wrapArgs('AES_256', 'out-no-backup', ['--no-backup'])]);
    expect(acknowledged.code).toBe(0);
    expect(acknowledged.stdout.join('\n')).toContain('Acknowledged with --no-backup: the AES_256 material was wiped');
  });

  it('AES_256 from a hex file with RSAES_OAEP_SHA_1 and a base64 wrapping key: openssl recovers the same bytes', async () => {
    const r = await keyferry([
      'wrap',
      ...wrapArgs(
        'aes_256',
        'out-aes-hex',
        ['--wrapping-algorithm', 'RSAES_OAEP_SHA_1', '--material', 'aes.hex'],
        'PublicKey.b64',
      ),
    ]);
    expect(r.code).toBe(0);
    const material = await oaepDecrypt(at('out-aes-hex', 'EncryptedKeyMaterial.bin'), 'sha1');
    expect(material.toString('hex')).toBe((await readFile(at('aes.hex'), 'utf8')).trim());
  });

  it('RSA_3072, generated: three files; openssl unwraps a 3072-bit PKCS#8 key matching public_key.der', async () => {
    const r = await keyferry(['wrap', ...wrapArgs('RSA_3072', 'out-rsa', ['--no-backup'])]);
    expect(r.code).toBe(0);
    expect((await readdir(at('out-rsa'))).sort()).toEqual([
      'EncryptedKeyMaterial.bin',
      'out_rsa_private_key.der',
      'public_key.der',
    ]);
    const { text, publicDer } = await opensslUnwrapPrivateKey(at('out-rsa'), 'out_rsa_private_key.der');
    expect(text).toMatch(/Private-Key: \(3072 bit, 2 primes\)/);
    const publicKeyFile = await readFile(at('out-rsa', 'public_key.der'));
    expect(publicDer.equals(publicKeyFile)).toBe(true);
    expect(r.stdout.join('\n')).toContain(`Public key SHA-256 fingerprint:  ${groupHex(sha256(publicKeyFile))}`);
    const mode = (await stat(at('out-rsa', 'out_rsa_private_key.der'))).mode & 0o777;
    expect(mode).toBe(0o600);
  });

  it('EC_P384 from an encrypted PEM with --passphrase-env, into an existing empty folder', async () => {
    await mkdir(at('out-ec'));
    const r = await keyferry(
      ['wrap', ...wrapArgs('EC_P384', 'out-ec', ['--material', 'ec384-enc.pem', '--passphrase-env', 'KF_PASS'])],
      { env: { KF_PASS: 's3cret words' } },
    );
    expect(r.stderr).toEqual([]);
    expect(r.code).toBe(0);
    expect((await readdir(at('out-ec'))).sort()).toEqual([
      'EncryptedKeyMaterial.bin',
      'out_ec_private_key.der',
      'public_key.der',
    ]);
    const { text, publicDer } = await opensslUnwrapPrivateKey(at('out-ec'), 'out_ec_private_key.der');
    expect(text).toMatch(/ASN1 OID: secp384r1/);
    expect(publicDer.equals(await readFile(at('ec384-pub.der')))).toBe(true);
    expect(r.stdout.join('\n')).not.toContain('s3cret');
  });
});

describe('keyferry wrap: bad input exits 1 with one line and leaves no file', () => {
  const cases: Array<[string, string[], NodeJS.ProcessEnv, RegExp]> = [
    ['no --out', wrapArgs('AES_256', null), {}, /The option --out is required/],
    [
      'unknown option',
      wrapArgs('AES_256', 'X', ['--passphrase', 'pw']),
      {},
      /keyferry wrap: This command has no option --passphrase\./,
    ],
    ['HMAC spec', wrapArgs('HMAC_256', 'X'), {}, /HMAC/],
    [
      'PKCS#1 v1.5 algorithm',
      wrapArgs('AES_256', 'X', ['--wrapping-algorithm', 'RSAES_PKCS1_V1_5']),
      {},
      /padding-oracle/,
    ],
    [
      'missing wrapping key file',
      wrapArgs('AES_256', 'X', [], 'nope.bin'),
      {},
      /Could not read the wrapping key file .*nope\.bin: no such file/,
    ],
    ['private key as wrapping key', wrapArgs('AES_256', 'X', [], 'wrapping_priv.pem'), {}, /is a private key/],
    [
      'EC key as wrapping key',
      wrapArgs('AES_256', 'X', [], 'ec384-pub.der'),
      {},
      /An EC P-384 key was given as the wrapping key/,
    ],
    [
      'material of the wrong spec',
      wrapArgs('RSA_2048', 'X', ['--material', 'rsa3072.pem']),
      {},
      /An RSA-3072 key was given for RSA_2048/,
    ],
    [
      'AES material of the wrong length',
      wrapArgs('AES_256', 'X', ['--material', 'ec384-pub.der']),
      {},
      /holds \d+ bytes \(raw bytes\); AES_256 needs exactly 32/,
    ],
    [
      'encrypted key without passphrase',
      wrapArgs('EC_P384', 'X', ['--material', 'ec384-enc.pem']),
      {},
      /encrypted and no passphrase/,
    ],
    [
      'wrong passphrase',
      wrapArgs('EC_P384', 'X', ['--material', 'ec384-enc.pem', '--passphrase-env', 'P']),
      { P: 'wrong' },
      /could not be decrypted/,
    ],
    [
      'passphrase variable not set',
      wrapArgs('EC_P384', 'X', ['--material', 'ec384-enc.pem', '--passphrase-env', 'UNSET']),
      {},
      /UNSET named by --passphrase-env is not set/,
    ],
    [
      'a passphrase typed on the command line',
      wrapArgs('EC_P384', 'X', ['--material', 'ec384-enc.pem', '--passphrase-env', 's3cret words']),
      {},
      /NAME of an environment variable, not a passphrase/,
    ],
    ['--out is a file', wrapArgs('AES_256', 'aes.hex'), {}, /exists and is not a folder/],
  ];
  it.each(cases)('%s', async (_label, args, env, message) => {
    const before = (await readdir(dir)).sort();
    const r = await keyferry(['wrap', ...args], { env });
    expect(r.code).toBe(1);
    // At most the network check's line, printed before the material is read.
    expect(r.stdout.filter((l) => !l.startsWith('Network check: No network'))).toEqual([]);
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toMatch(/^keyferry wrap: /);
    expect(r.stderr[0]).toMatch(message);
    expect(r.stderr[0]).not.toMatch(/\n|\s at /);
    expect(r.stderr[0]).not.toContain('s3cret');
    expect((await readdir(dir)).sort()).toEqual(before);
  });

  it('refuses to overwrite: an existing EncryptedKeyMaterial.bin stays untouched and nothing is added', async () => {
    await mkdir(at('out-busy'));
    await writeFile(at('out-busy', 'EncryptedKeyMaterial.bin'), 'precious');
    const r = await keyferry(['wrap', ...wrapArgs('EC_P256', 'out-busy')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toMatch(/already holds EncryptedKeyMaterial\.bin; Keyferry never overwrites/);
    expect(await readdir(at('out-busy'))).toEqual(['EncryptedKeyMaterial.bin']);
    expect(await readFile(at('out-busy', 'EncryptedKeyMaterial.bin'), 'utf8')).toBe('precious');
  });

  it('refuses --out that is a symbolic link to a folder holding files, saying where it points; nothing is made', async () => {
    await mkdir(at('elsewhere'));
    await writeFile(at('elsewhere', 'EncryptedKeyMaterial.bin'), 'precious');
    await symlink(at('elsewhere'), at('out-link'));
    const r = await keyferry(['wrap', ...wrapArgs('AES_256', 'out-link', ['--no-backup'])]);
    expect(r.code).toBe(1);
    expect(r.stderr).toEqual([
      expect.stringContaining(
        `The output folder ${at('out-link')} is a symbolic link to ${at('elsewhere')}: Keyferry writes only into the folder named, not through links`,
      ),
    ]);
    expect(await readdir(at('elsewhere'))).toEqual(['EncryptedKeyMaterial.bin']);
  });

  /** A FileLayer whose media fills up when EncryptedKeyMaterial.bin (the last file) is opened. */
  const fullWhenLastFile: FileLayer = {
    ...nodeFileLayer,
    open: async (file, flags, mode) => {
      if (path.basename(file) === 'EncryptedKeyMaterial.bin' && flags & constants.O_CREAT) {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      }
      return nodeFileLayer.open(file, flags, mode);
    },
  };

  it('a failure part-way removes the files this run wrote and the folder it created', async () => {
    const r = await keyferry(['wrap', ...wrapArgs('RSA_2048', 'out-full', ['--no-backup'])], {
      command: createWrapCommand({ layer: fullWhenLastFile }),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toMatch(/Could not write EncryptedKeyMaterial\.bin: the media is full/);
    expect(await exists(at('out-full'))).toBe(false);
  });

  it('a failure part-way into an existing folder leaves the folder as it was', async () => {
    await mkdir(at('out-full-existing'));
    await writeFile(at('out-full-existing', 'notes.txt'), 'mine');
    const r = await keyferry(['wrap', ...wrapArgs('EC_P256', 'out-full-existing', ['--no-backup'])], {
      command: createWrapCommand({ layer: fullWhenLastFile }),
    });
    expect(r.code).toBe(1);
    expect(await readdir(at('out-full-existing'))).toEqual(['notes.txt']);
  });
});

describe('keyferry wrap on a networked machine', () => {
  it('refuses before any material is made or read, and writes nothing; --allow-network goes on with a WARNING', async () => {
    vi.spyOn(os, 'networkInterfaces').mockReturnValue(LIVE_WLAN);
    const refused = await keyferry(['wrap', ...wrapArgs('AES_256', 'out-networked', ['--material', 'aes.hex'])]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.join('\n')).toContain('This machine is connected to a network (wlan0 10.1.2.3)');
    expect(await exists(at('out-networked'))).toBe(false);

    const allowed = await keyferry([
      'wrap',
      ...wrapArgs('AES_256', 'out-networked', ['--material', 'aes.hex', '--allow-network']),
    ]);
    expect(allowed.stderr).toEqual([]);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout[0]).toBe('WARNING: network present and allowed by override: wlan0 10.1.2.3.');
    expect(allowed.stdout[1]).toContain('This command keeps no journal');
    expect(await exists(at('out-networked', 'EncryptedKeyMaterial.bin'))).toBe(true);
  });
});

describe('keyferry wrap as a real process', () => {
  function run(args: string[]): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [KEYFERRY_BIN, ...args], { cwd: dir, env: process.env });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('error', reject);
      child.on('close', (code) =>
        resolve({ code: code ?? -1, stdout: out.split('\n').filter(Boolean), stderr: err.split('\n').filter(Boolean) }),
      );
    });
  }

  it('exits 0 on success and 1 with one stderr line, no stack, on bad input', async () => {
    // This test machine has a network: a real process needs the override.
    const ok = await run([
      'wrap',
      ...wrapArgs('EC_P256', 'out-process', ['--no-backup', '--allow-network'], 'PublicKey.b64'),
    ]);
    expect(ok.stderr).toEqual([]);
    expect(ok.code).toBe(0);
    expect(await opensslUnwrapPrivateKey(at('out-process'), 'out_ec_private_key.der').then((x) => x.text)).toMatch(
      /prime256v1/,
    );
    const bad = await run(['wrap', ...wrapArgs('AES_256', 'out-process-bad', ['--no-backup'], 'aes.hex')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toHaveLength(1);
    expect(bad.stderr[0]).toMatch(/^keyferry wrap: The wrapping key file/);
    expect(await exists(at('out-process-bad'))).toBe(false);
  });
});
