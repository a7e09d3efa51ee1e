/**
 * The custody backup .txt speaks the slips' language: a custody set written into custodian folders
 * in zh-CN says what the file is and each key's check (the key check value computed here with the
 * openssl CLI, the public key's SHA-256 with openssl dgst) in Chinese, "both" in English then
 * Chinese; the restore reads the same file back whatever the language of its preamble.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeySpec } from '../../../src-main/core/crypto/key-spec';
import { backupFileName, readBackupFile } from '../../../src-main/core/custody/backup-text';
import { writeCustodySet } from '../../../src-main/core/custody/custodian-folders';
import { splitCustodySet, type CustodySet } from '../../../src-main/core/custody/set-split';
import type { ReceiptLanguage } from '../../../src-main/core/receipt/language';
import { CUSTODIANS, materialFor } from './helpers';

const CEREMONY = 'byok-2026-12-01';
let dir: string;
let set: CustodySet;
let kcv: string;
let spkiSha256: string;
const keyIds = [randomUUID(), randomUUID()];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-backup-lang-'));
  const specs: KeySpec[] = ['AES_256', 'EC_P256'];
  const keys = await Promise.all(
    specs.map(async (spec, i) => ({ keyId: keyIds[i] as string, spec, material: await materialFor(spec) })),
  );
  const [aes, ec] = keys.map((k) => k.material);
  kcv = aes!.secret.use((bytes) =>
    execFileSync('openssl', ['enc', '-aes-256-ecb', '-K', Buffer.from(bytes).toString('hex'), '-nopad', '-nosalt'], {
      input: Buffer.alloc(16),
    })
      .subarray(0, 3)
      .toString('hex')
      .toUpperCase(),
  );
  const der = ec!.secret.use((pkcs8) =>
    execFileSync('openssl', ['pkey', '-inform', 'DER', '-pubout', '-outform', 'DER'], { input: Buffer.from(pkcs8) }),
  );
  spkiSha256 = execFileSync('openssl', ['dgst', '-sha256', '-r'], { input: der }).toString().slice(0, 64);
  set = await splitCustodySet({ ceremonyId: CEREMONY, m: 2, n: 3, custodians: CUSTODIANS.slice(0, 3), keys });
  for (const k of keys) k.material.dispose();
}, 60_000);
afterAll(async () => {
  for (const s of set.shares) s.share.dispose();
  await rm(dir, { recursive: true, force: true });
});

/** Writes the set in `language` into three fresh folders; the first folder's backup .txt. */
async function backupIn(language: ReceiptLanguage): Promise<{ file: string; text: string }> {
  const folders = [1, 2, 3].map((i) => path.join(dir, language, `custodian-${i}`));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  await writeCustodySet(set, { m: 2, n: 3, folders, language, volumeIdOf: async (folder) => folder });
  const file = path.join(folders[0] as string, backupFileName(CEREMONY, set.backup.digest));
  return { file, text: await readFile(file, 'utf8') };
}

describe('custody backup .txt language', () => {
  it('zh-CN: the preamble and each key’s check are Chinese, and the file reads back', async () => {
    const { file, text } = await backupIn('zh-CN');
    const preamble = text.slice(0, text.indexOf('KEYFERRY BACKUP V1'));
    expect(preamble).toContain(`仪式 ${CEREMONY} 的 Keyferry 托管备份`);
    expect(preamble).toContain(`  密钥 1：${keyIds[0]}  AES_256  密钥校验值 ${kcv}`);
    expect(preamble.toLowerCase()).toContain(`  密钥 2：${keyIds[1]}  ec_p256  公钥 sha-256 ${spkiSha256}`);
    expect(preamble).not.toMatch(/key check value|public-key|Every key/);
    // Chinese lines never start with closing punctuation.
    expect(preamble.split('\n').filter((l) => /^[。，、；：）」』]/u.test(l))).toEqual([]);
    expect((await readBackupFile(file)).digest).toBe(set.backup.digest);
  });

  it('both: English first, then Chinese, the data lines once', async () => {
    const { file, text } = await backupIn('both');
    const english = text.indexOf(`  key 1: ${keyIds[0]}  AES_256  key check value ${kcv}`);
    const chinese = text.indexOf(`  密钥 1：${keyIds[0]}  AES_256  密钥校验值 ${kcv}`);
    expect(english).toBeGreaterThan(0);
    expect(chinese).toBeGreaterThan(english);
    expect(text.match(/KEYFERRY BACKUP V1 {2}KEYS 2/g)).toHaveLength(1);
    expect((await readBackupFile(file)).digest).toBe(set.backup.digest);
  });
});
