/**
 * The desktop's credential vault over a stand-in keystore: Electron's safeStorage needs an OS
 * keychain and cannot run in plain Node, so real AES-256-GCM under an in-memory key plays its
 * part. What is checked here is everything around it: real files in a temp folder, never
 * plaintext, exclusive writes and atomic replacement, refusals where the OS offers no encryption.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encryptionProblem, type SafeStorageLike } from '../../src-main/app/security/keychain-policy';
import { createCredentialVault, replaceFileAtomically, vaultFileOf } from '../../src-main/app/credential-vault';
import type { KeyferryError } from '../../src-main/core/errors';
import { translator } from '../../src-main/i18n/translate';

const AK = 'HPUAEXAMPLE7QZK4WXYZ';
const SK = 'mR7tZq2Lx9Vb4Nc8Hd1Kf6Gs3Jw0Pe5Yu2Ia7Oz';
const TOKEN = 'StsTokenThatStaysSecret0123456789';
const CREDENTIALS = {
  region: 'cn-north-4',
  projectId: 'a4a5d4098fb4474fa22cd05f897d6b99',
  endpoint: 'https://kms.cn-north-4.example.com',
  accessKeyId: AK,
  secretAccessKey: SK,
  securityToken: TOKEN,
};

function keystore(options: { available?: boolean; backend?: string } = {}): SafeStorageLike {
  const key = randomBytes(32);
  return {
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(encrypted) {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

const folders: string[] = [];
async function userData(): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'keyferry-vault-'));
  folders.push(folder);
  return path.join(folder, 'credentials');
}
afterEach(async () => {
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});

describe('encryptionProblem', () => {
  it.each([
    ['encryption unavailable', { available: false }],
    ["Linux's hard-coded basic_text key", { backend: 'basic_text' }],
    ['an unknown Linux backend', { backend: 'unknown' }],
  ])('refuses %s', (_label, options) => {
    expect(encryptionProblem(keystore(options))?.code).toBe('CREDENTIALS_ENCRYPTION_UNAVAILABLE');
  });
  it('accepts a real keystore backend, and platforms without the backend question', () => {
    expect(encryptionProblem(keystore({ backend: 'kwallet5' }))).toBeNull();
    const { getSelectedStorageBackend: _ignored, ...macLike } = keystore();
    expect(encryptionProblem(macLike)).toBeNull();
  });
});

describe('createCredentialVault', () => {
  it('stores only ciphertext, owner-only, and recalls it; replacing is atomic; forgetting deletes', async () => {
    const folder = await userData();
    const safeStorage = keystore();
    const times = [new Date('2031-05-06T07:08:09.000Z'), new Date('2031-05-07T07:08:09.000Z')];
    const vault = createCredentialVault({ safeStorage, folder, now: () => times.shift() ?? new Date() });
    expect(vault.isAvailable()).toEqual({ available: true });
    expect(await vault.recall('default')).toBeNull();

    await vault.remember('default', CREDENTIALS);
    const file = vaultFileOf(folder, 'default');
    const text = await readFile(file, 'utf8');
    for (const secret of [SK, TOKEN, AK, AK.slice(-4), CREDENTIALS.projectId]) expect(text).not.toContain(secret);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await vault.recall('default')).toEqual({ ...CREDENTIALS, savedAt: '2031-05-06T07:08:09.000Z' });

    const { securityToken: _token, ...withoutToken } = CREDENTIALS;
    await vault.remember('default', { ...withoutToken, secretAccessKey: `${SK}x` });
    expect(await vault.recall('default')).toEqual({
      ...withoutToken,
      secretAccessKey: `${SK}x`,
      savedAt: '2031-05-07T07:08:09.000Z',
    });
    expect(await readdir(folder)).toEqual(['default.json']); // no temporary file left behind

    expect(await vault.forget('default')).toBe(true);
    expect(await vault.forget('default')).toBe(false);
    expect(await vault.recall('default')).toBeNull();
    expect(await readdir(folder)).toEqual([]);
  });

  it('refuses to store anything where the OS offers no real encryption, and says why', async () => {
    const folder = await userData();
    const vault = createCredentialVault({ safeStorage: keystore({ backend: 'basic_text' }), folder });
    expect(vault.isAvailable()).toMatchObject({
      available: false,
      reason: { code: 'CREDENTIALS_ENCRYPTION_UNAVAILABLE' },
    });
    await expect(vault.remember('default', CREDENTIALS)).rejects.toMatchObject({
      code: 'CREDENTIALS_ENCRYPTION_UNAVAILABLE',
    });
    await expect(stat(folder)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('reports a copy it cannot decrypt (another user, a damaged file) as unreadable, never its content', async () => {
    const folder = await userData();
    await createCredentialVault({ safeStorage: keystore(), folder }).remember('default', CREDENTIALS);
    const otherKeystore = createCredentialVault({ safeStorage: keystore(), folder });
    const error = (await otherKeystore.recall('default').catch((caught: unknown) => caught)) as Error;
    expect(error).toMatchObject({ code: 'CREDENTIALS_UNREADABLE' });
    await writeFile(vaultFileOf(folder, 'default'), '{"format":"something-else"}');
    await expect(otherKeystore.recall('default')).rejects.toMatchObject({ code: 'CREDENTIALS_UNREADABLE' });
    expect(await otherKeystore.forget('default')).toBe(true);
  });

  it('refuses profile names that could leave its folder, and malformed credentials', async () => {
    const folder = await userData();
    const vault = createCredentialVault({ safeStorage: keystore(), folder });
    for (const name of ['../outside', 'a/b', '', 'Default', '-x']) {
      await expect(vault.remember(name, CREDENTIALS)).rejects.toMatchObject({ code: 'CREDENTIALS_PROFILE_INVALID' });
    }
    const bad = vault.remember('default', { ...CREDENTIALS, secretAccessKey: 'has spaces in it' });
    const error = (await bad.catch((caught: unknown) => caught)) as Error;
    expect(error).toMatchObject({ code: 'CREDENTIALS_INVALID', values: { field: 'secretAccessKey' } });
    expect(error.message).not.toContain('has spaces');
    // The officer reads which field and what rule, in their language; never the value.
    const zh = translator('zh-CN').problem(error as KeyferryError);
    expect(zh.message).toBe('私有访问密钥（SK）不是 8-256 个不含空格的字符，因此未记住这些凭证。');
    const shortAk = (await vault
      .remember('default', { ...CREDENTIALS, accessKeyId: 'HPUA-1' })
      .catch((caught: unknown) => caught)) as KeyferryError;
    expect(translator('en').problem(shortAk).message).toBe(
      'The access key ID (AK) is not 8-128 letters and digits, so the credentials were not remembered.',
    );
    // The vault takes what a connection takes: a security token a connection accepted is remembered too.
    await vault.remember('default', { ...CREDENTIALS, securityToken: 'T'.repeat(16_000) });
  });
});

describe('replaceFileAtomically', () => {
  it('creates a new file exclusively and replaces an existing one whole', async () => {
    const folder = await userData();
    await mkdir(folder);
    const file = path.join(folder, 'x.json');
    await replaceFileAtomically(file, 'first\n');
    expect(await readFile(file, 'utf8')).toBe('first\n');
    await replaceFileAtomically(file, 'second\n');
    expect(await readFile(file, 'utf8')).toBe('second\n');
    expect(await readdir(folder)).toEqual(['x.json']);
  });
});
