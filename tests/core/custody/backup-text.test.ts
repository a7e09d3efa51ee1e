/**
 * The custody backup as a file and as typed lines (core/custody/backup-text.ts). Each custodian
 * carries `keyferry-backup-<ceremony>.txt`; a restore reads it from their medium, or from paper.
 * The file round-trips through the disk (with Windows line ends too); a header whose check does
 * not match, a later format, a line dropped, swapped or added, a header that lies about the key
 * count, and a file that is a link, too big or not UTF-8 are refused naming the file and the line,
 * before anything is decoded. (Truncation, typos and typing from paper: set-split.restore.test.ts.)
 */
import { mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyMaterial } from '../../../src-main/core/crypto/key-material';
import {
  BACKUP_FILE_MAX_BYTES,
  backupFileName,
  backupLines,
  encodeBackupText,
  encodeBackupTexts,
  parseBackupText,
  parseBackupTextInSlices,
  readBackupFile,
} from '../../../src-main/core/custody/backup-text';
import { splitCustodySet, type CustodySet } from '../../../src-main/core/custody/set-split';
import { encodeBase32 } from '../../../src-main/core/custody/base32';
import { encodeBackup } from '../../../src-main/core/custody/backup-file';
import { lineCheck } from '../../../src-main/core/custody/typed-share';
import { CUSTODIANS, materialFor, refusal } from './helpers';
import { yieldsWhile } from '../../helpers/event-loop-turns';

const CEREMONY = 'KF-20261201-backup';
const KEY_IDS = ['0d0466b0-e727-4d9c-b35d-f84bb474a37f', '1d0466b0-e727-4d9c-b35d-f84bb474a37f'];

let dir: string;
let set: CustodySet;
let materials: KeyMaterial[];
let text: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-backup-text-'));
  materials = [await materialFor('AES_256'), await materialFor('EC_P256')];
  set = await splitCustodySet({
    ceremonyId: CEREMONY,
    m: 2,
    n: 3,
    custodians: CUSTODIANS.slice(0, 3),
    keys: materials.map((material, i) => ({ keyId: KEY_IDS[i] as string, spec: material.spec, material })),
  });
  text = encodeBackupText(set.backup, { m: 2, n: 3 });
});
afterAll(async () => {
  for (const m of materials) m.dispose();
  for (const s of set.shares) s.share.dispose();
  await rm(dir, { recursive: true, force: true });
});

/** `text` with its data lines (not the header) replaced by `edit(lines)`. */
function withDataLines(edit: (lines: string[]) => string[]): string {
  const lines = text.split('\n');
  const header = lines.findIndex((l) => l.startsWith('KEYFERRY BACKUP'));
  const data = lines.slice(header + 1).filter((l) => /^\d/.test(l));
  return [...lines.slice(0, header + 1), ...edit(data), ''].join('\n');
}

/** A header line with a correct check for the values given (what a forger or a later Keyferry writes). */
function header(version: number, keys: number, lines: number): string {
  return `KEYFERRY BACKUP V${version}  KEYS ${keys}  LINES ${lines}  CHECK ${lineCheck(0, `KEYFERRYBACKUPV${version}KEYS${keys}LINES${lines}`)}`;
}

describe('the backup file', () => {
  it('is named after the ceremony, says what it holds, and reads back from disk with the same digest', async () => {
    expect(backupFileName(CEREMONY)).toBe(`keyferry-backup-${CEREMONY}.txt`);
    expect(text).toContain(`Keyferry custody backup of ceremony ${CEREMONY}`);
    expect(text.replace(/\s+/g, ' ')).toContain('Any 2 of the 3 custody shares rebuild that key');
    expect(text).toMatch(new RegExp(`key 1: ${KEY_IDS[0]}  AES_256  `));
    expect(text).toMatch(new RegExp(`key 2: ${KEY_IDS[1]}  EC_P256  `));
    const lines = backupLines(set.backup);
    expect(lines[0]).toMatch(/^KEYFERRY BACKUP V1 {2}KEYS 2 {2}LINES \d+ {2}CHECK [0-9A-F]{2}$/);
    for (const line of lines.slice(1))
      expect(line).toMatch(/^\d{5} {2}([0-9A-Z]{4} ){0,7}[0-9A-Z]{1,4} {2}[0-9A-F]{2}$/);

    const file = path.join(dir, backupFileName(CEREMONY));
    await writeFile(file, text);
    const read = await readBackupFile(file);
    expect(read.digest).toBe(set.backup.digest);
    expect(read.entries.map((e) => e.keyId)).toEqual(KEY_IDS);
    expect(read.holders).toEqual(CUSTODIANS.slice(0, 3));

    const crlf = path.join(dir, 'crlf.txt');
    await writeFile(crlf, text.replace(/\n/g, '\r\n'));
    expect((await readBackupFile(crlf)).digest).toBe(set.backup.digest);
  });

  it('is refused when it is a link, missing, too big or not UTF-8, naming the file', async () => {
    const file = path.join(dir, 'target.txt');
    await writeFile(file, text);
    const link = path.join(dir, 'link.txt');
    await symlink(file, link);
    const linked = await refusal(() => readBackupFile(link));
    expect(linked.code).toBe('CUSTODY_BACKUP_MISSING');
    expect(linked.message).toBe(`The custody backup file ${link} does not exist or is not a regular file.`);
    expect((await refusal(() => readBackupFile(path.join(dir, 'absent.txt')))).code).toBe('CUSTODY_BACKUP_MISSING');
    expect((await refusal(() => readBackupFile(dir))).code).toBe('CUSTODY_BACKUP_MISSING');

    const big = path.join(dir, 'big.txt');
    await writeFile(big, text);
    await truncate(big, BACKUP_FILE_MAX_BYTES + 1);
    const tooBig = await refusal(() => readBackupFile(big));
    expect(tooBig.message).toBe('big.txt is not a Keyferry custody backup, or it is damaged beyond its line checks.');

    const latin1 = path.join(dir, 'latin1.txt');
    await writeFile(latin1, Buffer.concat([Buffer.from(text), Buffer.from([0xe9, 0x0a])]));
    expect((await refusal(() => readBackupFile(latin1))).code).toBe('CUSTODY_BACKUP_NOT_A_BACKUP');
  });
});

describe('the texts a custody set writes (lines made once, in slices)', () => {
  it("are the file in the slips' language and its English twin, the same as encodeBackupText", async () => {
    for (const language of ['en', 'zh-CN', 'both'] as const) {
      const texts = await encodeBackupTexts(set.backup, { m: 2, n: 3, language });
      expect(texts.fileText).toBe(encodeBackupText(set.backup, { m: 2, n: 3, language }));
      expect(texts.qrText).toBe(encodeBackupText(set.backup, { m: 2, n: 3 }));
    }
    expect(parseBackupText((await encodeBackupTexts(set.backup, { m: 2, n: 3 })).fileText, 'b').digest).toBe(
      set.backup.digest,
    );
  });

  it('cuts every payload length into the lines earlier versions wrote (32 characters, groups of 4)', () => {
    for (let length = 0; length <= 45; length += 1) {
      const payload = Buffer.from(Array.from({ length }, (_, i) => (i * 37 + length) % 256));
      const chunks = encodeBase32(payload).match(/.{1,32}/g) ?? [];
      const expected = chunks.map(
        (chunk, i) =>
          `${String(i + 1).padStart(5, '0')}  ${(chunk.match(/.{1,4}/g) ?? []).join(' ')}  ${lineCheck(i + 1, chunk)}`,
      );
      expect(backupLines({ ...set.backup, payload }).slice(1)).toEqual(expected);
    }
  });

  it('read back, line by line, give the payload of every length back byte for byte', () => {
    // Ceremony ids of 20 lengths: payloads of every length modulo a line's 20 bytes, the last line
    // anything from 1 to 32 characters.
    for (let extra = 0; extra < 20; extra += 1) {
      const backup = encodeBackup(`${CEREMONY}${'x'.repeat(extra)}`, set.backup.entries, set.backup.holders);
      const read = parseBackupText(encodeBackupText(backup, { m: 2, n: 3 }), 'b');
      expect(read.payload.equals(backup.payload)).toBe(true);
      expect(read).toEqual(backup);
    }
  });
});

describe('a backup whose lines do not hold together', () => {
  it('is refused at the header when its check does not match, or no header is there', async () => {
    const altered = text.replace(/KEYS 2 {2}LINES/, 'KEYS 3  LINES');
    const e = await refusal(() => parseBackupText(altered, 'backup.txt'));
    expect(e.message).toBe(
      'Line 0 of the custody backup backup.txt does not match its check (line 0 is the KEYFERRY BACKUP header). Nothing was restored.',
    );
    expect((await refusal(() => parseBackupText('a shopping list\n00001 ABCD 12', 'list.txt'))).message).toBe(
      'list.txt is not a Keyferry custody backup, or it is damaged beyond its line checks.',
    );
  });

  it('is refused when a later format wrote it (its header checks), saying which version', async () => {
    const count = backupLines(set.backup).length - 1;
    const later = withDataLines((lines) => lines).replace(/^KEYFERRY BACKUP V1 .*$/m, header(2, 2, count));
    const e = await refusal(() => parseBackupText(later, 'backup.txt'));
    expect(e.code).toBe('CUSTODY_BACKUP_VERSION');
    expect(e.message).toBe(
      'The custody backup backup.txt has format version 2, which this Keyferry does not read. Nothing was restored.',
    );
  });

  it('names the first line out of place when a line is dropped, swapped or one too many', async () => {
    // Said as a line missing or out of place, naming the number found there (not as a bad check).
    const dropped = withDataLines((lines) => [lines[0] as string, ...lines.slice(2)]);
    const skipped = await refusal(() => parseBackupText(dropped, 'backup.txt'));
    expect(skipped.code).toBe('CUSTODY_BACKUP_LINE_OUT_OF_PLACE');
    expect(skipped.values).toMatchObject({ line: 2, found: 3 });
    expect(skipped.message).toBe(
      'Line 2 of the custody backup backup.txt is missing or out of place: the line in its place is numbered 3 (the lines are numbered 1, 2, 3 … in order; line 0 is the KEYFERRY BACKUP header). Nothing was restored.',
    );
    const swapped = withDataLines((lines) => [lines[1] as string, lines[0] as string, ...lines.slice(2)]);
    expect((await refusal(() => parseBackupText(swapped, 'backup.txt'))).values).toMatchObject({ line: 1, found: 2 });
    const count = backupLines(set.backup).length - 1;
    const extra = withDataLines((lines) => [...lines, `${String(count + 1).padStart(5, '0')}  ABCD  00`]);
    const e = await refusal(() => parseBackupText(extra, 'backup.txt'));
    expect(e.code).toBe('CUSTODY_BACKUP_LINE_INVALID');
    expect(e.values).toMatchObject({ line: count + 1 });
  });

  it('is refused when a checked header claims another number of keys than the payload holds', async () => {
    const count = backupLines(set.backup).length - 1;
    const lying = text.replace(/^KEYFERRY BACKUP V1 .*$/m, header(1, 3, count));
    expect((await refusal(() => parseBackupText(lying, 'backup.txt'))).code).toBe('CUSTODY_BACKUP_NOT_A_BACKUP');
  });
});

describe('reading a backup back in slices (a 100-key backup has about 800 checked lines)', () => {
  it('lets the event loop turn between its lines, reading the same backup as parseBackupText', async () => {
    const file = path.join(dir, 'sliced.txt');
    await writeFile(file, text);
    const dataLines = backupLines(set.backup).length - 1;
    const read = await yieldsWhile(() => readBackupFile(file));
    // Before, the lines were checked in one go after the file was read: no turn at all.
    expect(read.yields).toBeGreaterThanOrEqual(dataLines);
    expect(read.value).toEqual(parseBackupText(text, 'sliced.txt'));
    expect((await yieldsWhile(() => parseBackupTextInSlices(text, 'b'))).yields).toBeGreaterThanOrEqual(dataLines);
  });

  /** `line` with another 2-hex check at its end (never the same one). */
  const otherCheck = (line: string) => line.replace(/[0-9A-F]{2}$/, (check) => (check === '00' ? '01' : '00'));

  it('refuses a damaged backup with the very refusal parseBackupText gives', async () => {
    const count = backupLines(set.backup).length - 1;
    const damaged = [
      withDataLines((lines) => [lines[0] as string, ...lines.slice(2)]),
      withDataLines((lines) => [lines[0] as string, otherCheck(lines[1] as string), ...lines.slice(2)]),
      withDataLines((lines) => lines.slice(0, -1)),
      text.replace(/^KEYFERRY BACKUP V1 .*$/m, header(1, 3, count)),
      text.replace(/KEYS 2 {2}LINES/, 'KEYS 3  LINES'),
      'a shopping list',
    ];
    for (const bad of damaged) {
      const atOnce = await refusal(() => parseBackupText(bad, 'backup.txt'));
      const sliced = await refusal(() => parseBackupTextInSlices(bad, 'backup.txt'));
      expect([sliced.code, sliced.values]).toEqual([atOnce.code, atOnce.values]);
    }
  });
});
