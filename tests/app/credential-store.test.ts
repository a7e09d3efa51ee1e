import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { format, inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { CredentialStore, type SafeStorageLike } from '../../src-main/app/credential-store';
import { redactLogValue } from '../../src-main/app/log';

const ACCESS_KEY = 'HPUAEXAMPLE7QZK4WXYZ';
const SECRET_KEY = 'mR7tZq2Lx9Vb4Nc8Hd1Kf6Gs3Jw0Pe5Yu2Ia7Oz';

/**
 * Stands in for Electron's safeStorage (an OS keystore wrapper, unavailable in plain Node) with
 * real AES-256-GCM under a key held in memory, like the keystore would hold it.
 */
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
async function credentialFile(): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'keyferry-credentials-'));
  folders.push(folder);
  return path.join(folder, 'credentials.json');
}
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

describe('CredentialStore', () => {
  it('holds credentials for the session only, unless asked to save them', async () => {
    const file = await credentialFile();
    const store = new CredentialStore({ safeStorage: keystore(), file });
    const status = await store.set({ accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY }, { persist: false });
    expect(status).toEqual({ held: true, persisted: false, accessKeyHint: 'HPUA…WXYZ' });
    expect(store.current()?.secretAccessKey).toBe(SECRET_KEY);
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('never shows the secret when serialised, inspected, formatted or logged', async () => {
    const store = new CredentialStore({ safeStorage: keystore(), file: await credentialFile() });
    await store.set(
      { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY, securityToken: 'TOKEN-VALUE-123' },
      { persist: false },
    );
    const credentials = store.current();
    const renderings = [
      JSON.stringify(credentials),
      JSON.stringify(store),
      JSON.stringify({ credentials }),
      inspect(credentials, { showHidden: true, depth: 10, getters: true }),
      inspect(store, { showHidden: true, depth: 10 }),
      format('%o %O %s %j', credentials, credentials, credentials, credentials),
      `${String(credentials)}`,
      JSON.stringify({ ...credentials }),
      JSON.stringify(redactLogValue({ credentials })),
      Object.keys(credentials ?? {}).join(','),
    ];
    for (const text of renderings) {
      expect(text).not.toContain(SECRET_KEY);
      expect(text).not.toContain('TOKEN-VALUE-123');
      expect(text).not.toContain(ACCESS_KEY);
    }
  });

  it('saves only encrypted, and reads the saved copy back in a later session', async () => {
    const file = await credentialFile();
    const safeStorage = keystore();
    await new CredentialStore({ safeStorage, file }).set(
      { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY },
      { persist: true },
    );
    const onDisk = await readFile(file, 'utf8');
    expect(onDisk).not.toContain(SECRET_KEY);
    expect(onDisk).not.toContain(ACCESS_KEY);
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    const later = new CredentialStore({ safeStorage, file });
    expect(await later.loadPersisted()).toEqual({ held: true, persisted: true, accessKeyHint: 'HPUA…WXYZ' });
    expect(later.current()?.secretAccessKey).toBe(SECRET_KEY);

    expect(await later.forget()).toEqual({ held: false, persisted: false, accessKeyHint: null });
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.each([
    ['safeStorage reports no encryption', { available: false }],
    ['Linux fell back to the hard-coded basic_text key', { backend: 'basic_text' }],
  ])('refuses to save when %s, and holds nothing', async (_label, options) => {
    const file = await credentialFile();
    const store = new CredentialStore({ safeStorage: keystore(options), file });
    await expect(
      store.set({ accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY }, { persist: true }),
    ).rejects.toMatchObject({
      code: 'CREDENTIALS_ENCRYPTION_UNAVAILABLE',
    });
    expect(store.status().held).toBe(false);
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    // Session-only use still works.
    expect((await store.set({ accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY }, { persist: false })).held).toBe(
      true,
    );
  });

  it('refuses malformed credentials without echoing them', async () => {
    const store = new CredentialStore({ safeStorage: keystore(), file: await credentialFile() });
    const attempt = store.set(
      { accessKeyId: 'bad key!', secretAccessKey: 'has spaces in it SECRETISH' },
      { persist: false },
    );
    await expect(attempt).rejects.toMatchObject({ code: 'CREDENTIALS_INVALID' });
    const error = (await attempt.catch((caught: unknown) => caught)) as Error;
    expect(error.message).toContain('accessKeyId');
    expect(error.message).not.toContain('SECRETISH');
  });

  it('reports a saved copy it cannot decrypt as unreadable', async () => {
    const file = await credentialFile();
    await new CredentialStore({ safeStorage: keystore(), file }).set(
      { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY },
      { persist: true },
    );
    // Another machine's keystore (a different key) cannot decrypt it.
    await expect(new CredentialStore({ safeStorage: keystore(), file }).loadPersisted()).rejects.toMatchObject({
      code: 'CREDENTIALS_UNREADABLE',
    });
    await writeFile(file, '{"format":"something-else"}');
    await expect(new CredentialStore({ safeStorage: keystore(), file }).loadPersisted()).rejects.toMatchObject({
      code: 'CREDENTIALS_UNREADABLE',
    });
  });
});
