/**
 * The custody backup payload (core/custody/backup-file.ts): every key's material sealed under the
 * ceremony's backup key, bound to its ceremony, key id, spec and recorded check, in a strict
 * binary document each custodian carries as `keyferry-backup-<ceremony>.txt`.
 * What an officer would notice: the file written at the split reads back from disk with the digest
 * every share records and the holders' names in share order, and its entries open to the very
 * material under the key the shares rebuild; an entry moved to another key or ceremony, or altered
 * by one bit, does not open; and a payload a later Keyferry or a forger wrote, inside a file whose
 * every line checks, is refused when the file is read, with the sentence the officer sees.
 * (Line checks, truncation and typos: backup-text.test.ts; the restore itself: set-split.restore.test.ts.)
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyMaterial } from '../../../src-main/core/crypto/key-material';
import {
  decryptEntry,
  encodeBackup,
  encryptEntry,
  type BackupEntry,
  type CustodyBackup,
} from '../../../src-main/core/custody/backup-file';
import { backupFileName, encodeBackupText, readBackupFile } from '../../../src-main/core/custody/backup-text';
import { splitCustodySet, type CustodySet } from '../../../src-main/core/custody/set-split';
import { combineShares } from '../../../src-main/core/custody/shamir';
import { materialFor, refusal } from './helpers';

const CEREMONY = 'KF-20261201-backupfile';
const AES_KEY = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';
const EC_KEY = '1d0466b0-e727-4d9c-b35d-f84bb474a37f';
const HOLDERS = ['赵敏', '钱磊', 'Zoë Ångström'];

let dir: string;
let materials: KeyMaterial[];
let set: CustodySet;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-backup-file-'));
  materials = [await materialFor('AES_256'), await materialFor('EC_P256')];
  set = await splitCustodySet({
    ceremonyId: CEREMONY,
    m: 2,
    n: 3,
    custodians: HOLDERS,
    keys: [
      { keyId: AES_KEY, spec: 'AES_256', material: materials[0] as KeyMaterial },
      { keyId: EC_KEY, spec: 'EC_P256', material: materials[1] as KeyMaterial },
    ],
  });
});
afterAll(async () => {
  for (const m of materials) m.dispose();
  for (const s of set.shares) s.share.dispose();
  await rm(dir, { recursive: true, force: true });
});

/** Writes `backup` as a custodian's backup file (every line checked) and reads it back as a restore does. */
async function roundTrip(backup: CustodyBackup, name = backupFileName(CEREMONY)): Promise<CustodyBackup> {
  const file = path.join(dir, name);
  await writeFile(file, encodeBackupText(backup, { m: 2, n: 3 }));
  return readBackupFile(file);
}

/** The backup key two shares rebuild (what a restore does before opening entries). */
async function rebuiltBackupKey(): Promise<Buffer> {
  const copies = set.shares.slice(1).map((s) => s.share.use((b) => Buffer.from(b)));
  return combineShares(copies);
}

describe('the backup a custody split writes', () => {
  it('reads back from its file with the digest every share records and every holder in share order', async () => {
    const read = await roundTrip(set.backup);
    expect(read.ceremonyId).toBe(CEREMONY);
    expect(read.holders).toEqual(HOLDERS);
    expect(read.entries.map((e) => [e.keyId, e.spec, e.materialCheck.kind])).toEqual([
      [AES_KEY, 'AES_256', 'kcv'],
      [EC_KEY, 'EC_P256', 'spki-sha256'],
    ]);
    for (const share of set.shares) expect(share.backupDigest).toBe(read.digest);
    expect(read.payload.subarray(0, 5)).toEqual(Buffer.from('KFBK\x02', 'latin1'));
  });

  it('opens each entry read from the file to the very material, under the key two shares rebuild', async () => {
    const read = await roundTrip(set.backup);
    const key = await rebuiltBackupKey();
    try {
      read.entries.forEach((entry, i) => {
        const plain = decryptEntry(key, CEREMONY, entry);
        if (!plain) throw new Error(`entry ${entry.keyId} did not open`);
        expect((materials[i] as KeyMaterial).secret.use((s) => timingSafeEqual(s, plain))).toBe(true);
        // Nothing of the material stands in the file.
        expect(entry.ciphertext.includes(plain.subarray(0, 16))).toBe(false);
        plain.fill(0);
      });
      expect(decryptEntry(randomBytes(32), CEREMONY, read.entries[0] as BackupEntry)).toBeUndefined();
    } finally {
      key.fill(0);
    }
  });
});

describe('an entry is bound to its place', () => {
  const key = randomBytes(32);
  const material = randomBytes(32);
  const entry = encryptEntry(
    key,
    CEREMONY,
    { keyId: AES_KEY, spec: 'AES_256', materialCheck: { kind: 'kcv', value: '1A2B3C' } },
    material,
  );
  const flipped = (bytes: Buffer, at: number): Buffer => {
    const copy = Buffer.from(bytes);
    copy[at] = (copy[at] ?? 0) ^ 0x01;
    return copy;
  };

  it('opens where it was sealed, and a second sealing of the same material looks different', () => {
    expect(decryptEntry(key, CEREMONY, entry)).toEqual(material);
    const again = encryptEntry(key, CEREMONY, entry, material);
    expect(again.nonce.equals(entry.nonce)).toBe(false);
    expect(again.ciphertext.equals(entry.ciphertext)).toBe(false);
  });

  it('does not open moved to another key, ceremony, spec or check value, or with one bit changed', () => {
    const moved: [string, string, BackupEntry][] = [
      ['another key', CEREMONY, { ...entry, keyId: EC_KEY }],
      ['another ceremony', 'KF-20261201-other', entry],
      ['another spec', CEREMONY, { ...entry, spec: 'EC_P256' }],
      ['another check value', CEREMONY, { ...entry, materialCheck: { kind: 'kcv', value: '1A2B3D' } }],
      ['a changed ciphertext', CEREMONY, { ...entry, ciphertext: flipped(entry.ciphertext, 7) }],
      ['a changed tag', CEREMONY, { ...entry, tag: flipped(entry.tag, 15) }],
      ['a changed nonce', CEREMONY, { ...entry, nonce: flipped(entry.nonce, 0) }],
    ];
    for (const [what, ceremony, altered] of moved) expect(decryptEntry(key, ceremony, altered), what).toBeUndefined();
  });
});

describe('a payload no Keyferry split writes, in a file whose lines all check', () => {
  const label = 'keyferry-backup-doctored.txt';
  const notABackup = `${label} is not a Keyferry custody backup, or it is damaged beyond its line checks.`;

  /** The split's backup with its payload rebuilt from `edit`ed fields (what a forger or a later version writes). */
  function doctored(edit: {
    version?: number;
    ceremonyId?: string;
    holders?: string[] | null;
    entries?: BackupEntry[];
    magic?: string;
  }): CustodyBackup {
    const rebuilt = encodeBackup(
      edit.ceremonyId ?? CEREMONY,
      edit.entries ?? set.backup.entries,
      edit.holders === undefined ? HOLDERS : edit.holders,
    );
    const payload = Buffer.from(rebuilt.payload);
    if (edit.magic) payload.write(edit.magic, 0, 'latin1');
    if (edit.version !== undefined) payload[4] = edit.version;
    return { ...set.backup, payload };
  }

  it('a version 1 backup (written before holders were named) still reads, naming no holders', async () => {
    const read = await roundTrip(doctored({ holders: null }), label);
    expect(read.holders).toBeNull();
    expect(read.entries.map((e) => e.keyId)).toEqual([AES_KEY, EC_KEY]);
  });

  it('a later payload version is refused naming the version', async () => {
    const e = await refusal(() => roundTrip(doctored({ version: 3 }), label));
    expect(e.code).toBe('CUSTODY_BACKUP_VERSION');
    expect(e.message).toBe(
      `The custody backup ${label} has format version 3, which this Keyferry does not read. Nothing was restored.`,
    );
  });

  it('is refused as not a backup: other magic, a bad ceremony id, a holder with a line feed, one holder, a key twice', async () => {
    const aes = set.backup.entries[0] as BackupEntry;
    const cases: [string, CustodyBackup][] = [
      ['other magic', doctored({ magic: 'KFBX' })],
      ['a ceremony id with a colon', doctored({ ceremonyId: 'KF:stream' })],
      ['a holder with a line feed', doctored({ holders: ['赵敏', 'Bob\nDigest 0000', 'C'] })],
      ['a single holder', doctored({ holders: ['赵敏'] })],
      ['the same key twice', doctored({ entries: [aes, aes] })],
    ];
    for (const [what, backup] of cases) {
      const e = await refusal(() => roundTrip(backup, label));
      expect(e.message, what).toBe(notABackup);
    }
  });

  it('is refused as not a backup when it holds no key, or a key of a spec number it does not know', async () => {
    const empty = doctored({ entries: [] });
    expect((await refusal(() => roundTrip({ ...empty, entries: [] }, label))).message).toBe(notABackup);
    const payload = Buffer.from(set.backup.payload);
    // The first entry's spec byte: after magic, version, ceremony id, holders, key count and key id.
    const specAt = 4 + 1 + 1 + CEREMONY.length + 1 + HOLDERS.reduce((n, h) => n + 1 + Buffer.byteLength(h), 0) + 2;
    expect(payload.subarray(specAt + 1, specAt + 1 + AES_KEY.length).toString('ascii')).toBe(AES_KEY);
    payload[specAt + 1 + AES_KEY.length] = 200;
    expect((await refusal(() => roundTrip({ ...set.backup, payload }, label))).message).toBe(notABackup);
  });
});
