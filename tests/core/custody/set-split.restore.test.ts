/**
 * Custody sets: one share per custodian for a whole ceremony. A 100-key ceremony (AES and a mix
 * with RSA/EC) splits into N shares of one backup key and one backup file; any M shares with the
 * backup restore every key (or the chosen ones), M-1 are refused, and a wrong share, a swapped,
 * altered or truncated backup file is refused with nothing restored.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyMaterial } from '../../../src-main/core/crypto/key-material';
import type { KeySpec } from '../../../src-main/core/crypto/key-spec';
import { backupLines, encodeBackupText, parseBackupText } from '../../../src-main/core/custody/backup-text';
import { decodeBackup, encodeBackup } from '../../../src-main/core/custody/backup-file';
import { decodeAnyShareFile, encodeSetShareFile } from '../../../src-main/core/custody/share-file';
import { restoreCustodySet } from '../../../src-main/core/custody/set-restore';
import { computeSetShareChecksum, setShareFields, type SetShare } from '../../../src-main/core/custody/set-share';
import { SecretBytes } from '../../../src-main/core/crypto/secret-bytes';
import { lineCheck } from '../../../src-main/core/custody/typed-share';
import { splitCustodySet, type CustodySet } from '../../../src-main/core/custody/set-split';
import { parseTypedAnyShare, typedShareLines } from '../../../src-main/core/custody/typed-share';
import { KeyferryError } from '../../../src-main/core/errors';
import { groupHex } from '../../../src-main/core/hex-groups';
import { CUSTODIANS, materialFor, subsetsOf } from './helpers';

const CEREMONY = 'ceremony-2026-11-30';

function keyIdOf(i: number): string {
  return `${randomUUID().slice(0, 24)}${String(i).padStart(12, '0')}`;
}

async function ceremonyKeys(specs: readonly KeySpec[]) {
  return Promise.all(specs.map(async (spec, i) => ({ keyId: keyIdOf(i), spec, material: await materialFor(spec) })));
}

function same(a: KeyMaterial, b: KeyMaterial): boolean {
  return a.secret.use((x) => b.secret.use((y) => x.length === y.length && timingSafeEqual(x, y)));
}

async function refusal(promise: Promise<unknown>): Promise<KeyferryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KeyferryError);
  return error as KeyferryError;
}

describe('custody set of a 100-key ceremony (AES_256 with RSA and EC)', () => {
  const specs: KeySpec[] = [...Array.from({ length: 97 }, () => 'AES_256' as const), 'RSA_2048', 'EC_P256', 'EC_P384'];
  let keys: Awaited<ReturnType<typeof ceremonyKeys>>;
  let set: CustodySet;
  let other: CustodySet;

  beforeAll(async () => {
    keys = await ceremonyKeys(specs);
    set = await splitCustodySet({ ceremonyId: CEREMONY, m: 3, n: 5, custodians: CUSTODIANS.slice(0, 5), keys });
    other = await splitCustodySet({
      ceremonyId: 'ceremony-other',
      m: 3,
      n: 5,
      custodians: CUSTODIANS.slice(0, 5),
      keys: keys.slice(0, 2),
    });
  }, 60_000);
  afterAll(() => {
    for (const k of keys) k.material.dispose();
    for (const s of [...set.shares, ...other.shares]) s.share.dispose();
  });

  it('hands out one share per custodian, the same size as for one key, and one backup file', async () => {
    expect(set.shares).toHaveLength(5);
    expect(set.backup.entries.map((e) => e.keyId)).toEqual(keys.map((k) => k.keyId));
    const one = await splitCustodySet({
      ceremonyId: CEREMONY,
      m: 3,
      n: 5,
      custodians: CUSTODIANS.slice(0, 5),
      keys: keys.slice(0, 1),
    });
    expect(typedShareLines(one.shares[0] as SetShare).length).toBe(typedShareLines(set.shares[0] as SetShare).length);
    for (const s of one.shares) s.share.dispose();
  });

  it('the backup (version 2) names every holder in share order; a version 1 backup (no names) still reads', () => {
    const read = parseBackupText(encodeBackupText(set.backup, { m: 3, n: 5 }), 'backup.txt');
    expect(read.holders).toEqual(CUSTODIANS.slice(0, 5));
    expect(read.digest).toBe(set.backup.digest);
    expect(set.backup.payload[4]).toBe(2);
    const v1 = encodeBackup(CEREMONY, set.backup.entries, null);
    expect(v1.payload[4]).toBe(1);
    const old = decodeBackup(v1.payload);
    if (!('entries' in old)) throw new Error('a version 1 backup must decode');
    expect(old.holders).toBeNull();
    expect(old.entries.map((e) => e.keyId)).toEqual(keys.map((k) => k.keyId));
    // The names are covered by the digest every share records: a changed name is another backup.
    const renamed = encodeBackup(CEREMONY, set.backup.entries, ['Mallory', ...CUSTODIANS.slice(1, 5)]);
    expect(renamed.digest).not.toBe(set.backup.digest);
  });

  it('restores every key from any 3 of the 5 shares and the backup file read back from its text', async () => {
    const backup = parseBackupText(encodeBackupText(set.backup, { m: 3, n: 5 }), 'backup.txt');
    for (const chosen of subsetsOf(set.shares, 3)) {
      const restored = await restoreCustodySet(chosen, backup);
      expect(restored.map((r) => r.keyId)).toEqual(keys.map((k) => k.keyId));
      restored.forEach((r, i) => expect(same(r.material, (keys[i] as (typeof keys)[number]).material)).toBe(true));
      for (const r of restored) r.material.dispose();
    }
  });

  it('restores only the chosen keys', async () => {
    const chosen = [keys[98]?.keyId as string, keys[3]?.keyId as string];
    const restored = await restoreCustodySet(set.shares.slice(2), set.backup, { keyIds: chosen });
    expect(restored.map((r) => r.keyId)).toEqual(chosen);
    expect(restored[0]?.material.spec).toBe('EC_P256');
    for (const r of restored) r.material.dispose();
  });

  it('refuses M-1 shares, a repeated share and a share of another ceremony', async () => {
    expect((await refusal(restoreCustodySet(set.shares.slice(0, 2), set.backup))).code).toBe(
      'CUSTODY_SET_TOO_FEW_SHARES',
    );
    const [a, b] = set.shares as [SetShare, SetShare];
    expect((await refusal(restoreCustodySet([a, b, a], set.backup))).code).toBe('CUSTODY_SET_SHARE_DUPLICATE');
    const mixed = await refusal(restoreCustodySet([a, b, other.shares[2] as SetShare], set.backup));
    expect(mixed.code).toBe('CUSTODY_SET_SHARES_MIXED');
    expect(mixed.message).toContain('ceremony-other');
  });

  it('names two custody sets of one ceremony (a later wrap) by their backup digests, never "ceremonies X and X"', async () => {
    const later = await splitCustodySet({
      ceremonyId: CEREMONY,
      m: 3,
      n: 5,
      custodians: CUSTODIANS.slice(0, 5),
      keys: keys.slice(0, 2),
    });
    try {
      const [a, b] = set.shares as [SetShare, SetShare];
      const two = await refusal(restoreCustodySet([a, b, later.shares[2] as SetShare], set.backup));
      expect(two.code).toBe('CUSTODY_SET_TWO_SETS');
      const first = `${groupHex(set.backup.digest.slice(0, 16))}…`;
      const other = `${groupHex(later.backup.digest.slice(0, 16))}…`;
      expect(two.message).toContain(`two different custody sets of ceremony ${CEREMONY}`);
      expect(two.message).toContain(`share 1 to the set with backup digest ${first}`);
      expect(two.message).toContain(`share 3 to the set with backup digest ${other}`);
      expect(two.message).not.toContain(`ceremonies ${CEREMONY} and ${CEREMONY}`);
      // Two sets may be two wraps, or two splits of the same imported material: never told to destroy as a fact.
      expect(two.message).toContain('or a custody split made a second set of the same material');
      expect(two.nextStep).toContain('a set whose material the KMS imported');
      expect(two.nextStep).toContain('find out which material it holds before anyone destroys it');
      expect(two.nextStep).not.toContain('their material was never imported');
    } finally {
      for (const s of later.shares) s.share.dispose();
    }
  });

  it('refuses a share whose bytes were changed (checksum) and a forged share with a valid checksum', async () => {
    const text = encodeSetShareFile(set.shares[1] as SetShare);
    const doc = JSON.parse(text) as { share: string; checksum: string };
    const bytes = Buffer.from(doc.share, 'base64');
    bytes[5] = (bytes[5] as number) ^ 1;
    const tampered = decodeAnyShareFile(
      JSON.stringify({ ...doc, share: bytes.toString('base64') }),
      'share.json',
    ) as SetShare;
    const corrupted = await refusal(
      restoreCustodySet([set.shares[0] as SetShare, tampered, set.shares[2] as SetShare], set.backup),
    );
    expect(corrupted.code).toBe('CUSTODY_SET_SHARE_CORRUPTED');
    expect(corrupted.message).toContain('Share 2');
    const original = set.shares[1] as SetShare;
    const forgedBytes = original.share.use((b) => Buffer.from(b));
    forgedBytes[5] = (forgedBytes[5] as number) ^ 1;
    const forged: SetShare = {
      ...setShareFields(original),
      share: SecretBytes.from(forgedBytes),
      checksum: computeSetShareChecksum(original, forgedBytes),
    } as SetShare;
    const mismatch = await refusal(
      restoreCustodySet([set.shares[0] as SetShare, forged, set.shares[2] as SetShare], set.backup),
    );
    expect(mismatch.code).toBe('CUSTODY_SET_KEY_MISMATCH');
  });

  it('refuses the backup file of another ceremony, naming both', async () => {
    const swapped = await refusal(
      restoreCustodySet(set.shares.slice(0, 3), other.backup, { backupLabel: 'keyferry-backup-x.txt' }),
    );
    expect(swapped.code).toBe('CUSTODY_BACKUP_SWAPPED');
    expect(swapped.message).toContain('keyferry-backup-x.txt');
    expect(swapped.message).toContain(CEREMONY);
    expect(swapped.message).toContain('ceremony-other');
    // Both digests whole, grouped in upper case as the slip prints them.
    expect(swapped.message).toContain(`record backup digest ${groupHex(set.backup.digest)};`);
    expect(swapped.message).toContain(`with digest ${groupHex(other.backup.digest)}.`);
  });

  it('refuses a truncated backup file and a typo, naming the line', () => {
    const text = encodeBackupText(set.backup, { m: 3, n: 5 });
    const lines = text.split('\n');
    const total = backupLines(set.backup).length - 1;
    const cut = lines.slice(0, lines.length - 40).join('\n');
    const truncated = (() => {
      try {
        parseBackupText(cut, 'backup.txt');
      } catch (e) {
        return e as KeyferryError;
      }
      return undefined;
    })();
    expect(truncated?.code).toBe('CUSTODY_BACKUP_TRUNCATED');
    expect(truncated?.values).toMatchObject({ expected: total, cut: 'betweenLines' });
    // Cut in the middle of a line (a copy cut short by bytes, a trial's `head -c`): said as cut short
    // there, not as a typing slip in that line.
    const line12 = text.indexOf('\n00012');
    try {
      parseBackupText(text.slice(0, line12 + 20), 'backup.txt');
      throw new Error('a backup cut mid-line was read');
    } catch (e) {
      expect((e as KeyferryError).message).toBe(
        `The custody backup backup.txt ends in the middle of line 12 of its ${total} lines: it was not copied completely. Nothing was restored.`,
      );
    }
    const at = lines.findIndex((l) => l.startsWith('00007'));
    const typo = [...lines];
    // A typo its line's check catches (a 2-hex check misses 1 in 256 typos; the backup's own seal then refuses it, unlocated).
    const original = lines[at] as string;
    const caught = [...'ABCDEFGH']
      .map((c) => original.replace(/ ([0-9A-Z])/, (_, was: string) => ` ${was === c ? 'Z' : c}`))
      .find((line) => {
        const [, number, chars, check] = /^(\d+)\s+(.+?)\s+([0-9A-F]{2})$/.exec(line) ?? [];
        return lineCheck(Number(number), (chars ?? '').replace(/\s+/g, '')) !== check;
      });
    typo[at] = caught as string;
    expect(() => parseBackupText(typo.join('\n'), 'backup.txt')).toThrow(/Line 7 /);
    // What a person types from paper: lower case, no spaces, confusable letters.
    const typed = backupLines(set.backup)
      .map((l, i) => (i === 0 ? l : l.replace(/\s+/g, '').toLowerCase().replace(/0/g, 'o')))
      .join('\n');
    expect(parseBackupText(typed, 'typed').digest).toBe(set.backup.digest);
  });

  it('a share typed from its slip and read from its file restores like the original', async () => {
    const typed = parseTypedAnyShare(typedShareLines(set.shares[0] as SetShare).join('\n')) as SetShare;
    const filed = decodeAnyShareFile(encodeSetShareFile(set.shares[4] as SetShare), 'f.json') as SetShare;
    const restored = await restoreCustodySet([typed, set.shares[2] as SetShare, filed], set.backup, {
      keyIds: [keys[0]?.keyId as string],
    });
    expect(same(restored[0]?.material as KeyMaterial, keys[0]?.material as KeyMaterial)).toBe(true);
    for (const r of restored) r.material.dispose();
  });
});
