/**
 * The README.txt of each bundle (bundle/bundle-readme.ts): it names the ceremony and its keys, and the
 * OpenSSL command it gives for finishing by hand works on the bundle's own PublicKey.bin.
 */
import { execFileSync } from 'node:child_process';
import { constants as cryptoConstants, privateDecrypt } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeImportParametersBundle, writeWrappedMaterialBundle } from '../../../src-main/core/bundle';
import { importParametersReadme, wrappedMaterialReadme } from '../../../src-main/core/bundle/bundle-readme';
import { NOW, makeImportParameters, makeWrappedMaterial, tempDir, wrappingKeyPair } from './bundle-fixtures';

/** The `openssl …` command of the README, its continuation line joined, as arguments. */
function opensslCommand(readme: string): string[] {
  const lines = readme.split('\n');
  const start = lines.findIndex((line) => line.includes('openssl pkeyutl'));
  const text = `${lines[start]?.slice(lines[start].indexOf('openssl') + 'openssl'.length)} ${lines[start + 1]}`;
  return text.trim().split(/\s+/);
}

describe('import-parameters README', () => {
  it('is the README the bundle carries, naming its ceremony, time and number of keys', async () => {
    const dir = path.join(await tempDir(), 'params');
    const keys = makeImportParameters(2);
    await writeImportParametersBundle(dir, { ceremonyId: 'ceremony-2030-01', keys }, { now: NOW });
    const readme = await fs.readFile(path.join(dir, 'README.txt'), 'utf8');
    expect(readme).toBe(importParametersReadme({ ceremonyId: 'ceremony-2030-01', createdAt: NOW.toISOString(), keys }));
    expect(readme).toContain(`ceremony ceremony-2030-01, written ${NOW.toISOString()}`);
    expect(readme).toContain('wrapping key and import token of 2 key(s)');
  });

  it('gives an OpenSSL command that wraps 32 bytes under PublicKey.bin for the KMS to unwrap', async () => {
    const dir = path.join(await tempDir(), 'params');
    const [key] = makeImportParameters(1, NOW, ['AES_256']);
    if (!key) throw new Error('fixture');
    await writeImportParametersBundle(dir, { ceremonyId: 'c1', keys: [key] }, { now: NOW });
    const work = path.join(dir, 'keys', key.keyId);
    const material = Buffer.alloc(32, 0x5a);
    const plain = path.join(await tempDir(), 'PlaintextKeyMaterial.bin');
    await fs.writeFile(plain, material);
    await fs.copyFile(plain, path.join(work, 'PlaintextKeyMaterial.bin'));
    const readme = await fs.readFile(path.join(dir, 'README.txt'), 'utf8');
    execFileSync('openssl', opensslCommand(readme), { cwd: work });
    const wrapped = await fs.readFile(path.join(work, 'EncryptedKeyMaterial.bin'));
    const unwrapped = privateDecrypt(
      { key: wrappingKeyPair(0).privateKey, padding: cryptoConstants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      wrapped,
    );
    expect(unwrapped.equals(material)).toBe(true);
  });
});

describe('wrapped-material README', () => {
  it('is the README the bundle carries: its keys, no plaintext, and the files the console asks for', async () => {
    const dir = path.join(await tempDir(), 'wrapped');
    const keys = makeWrappedMaterial(3);
    await writeWrappedMaterialBundle(dir, { ceremonyId: 'c7', keys }, { now: NOW });
    const readme = await fs.readFile(path.join(dir, 'README.txt'), 'utf8');
    expect(readme).toBe(wrappedMaterialReadme({ ceremonyId: 'c7', createdAt: NOW.toISOString(), keys }));
    expect(readme).toContain('wrapped key material of 3 key(s) to the online workstation. Nothing in it is plaintext.');
    for (const file of [
      'EncryptedKeyMaterial.bin',
      'out_rsa_private_key.der',
      'out_ec_private_key.der',
      'public_key.der',
    ])
      expect(readme).toContain(file);
  });
});
