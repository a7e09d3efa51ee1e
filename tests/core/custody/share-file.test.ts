/**
 * Share files: the exact document, strict reading, and corruption of any character of the share
 * field or of any metadata field refused (by the reader or by restore's checksum).
 */
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyMaterial } from '../../../src-main/core/crypto/key-material';
import type { KeySpec } from '../../../src-main/core/crypto/key-spec';
import type { CustodyShare } from '../../../src-main/core/custody/custody-share';
import { restoreMaterial } from '../../../src-main/core/custody/restore';
import {
  SHARE_FILE_MAX_BYTES,
  decodeAnyShareFile,
  decodeShareFile,
  encodeShareFile,
  readShareFile,
  shareFileName,
} from '../../../src-main/core/custody/share-file';
import { translator } from '../../../src-main/i18n/translate';
import { bytesOf, materialFor, refusal, split } from './helpers';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A different character of the same kind, so the file still looks plausible. */
function plausibleSubstitute(ch: string): string {
  if (/[0-9]/.test(ch)) return String((Number(ch) + 1) % 10);
  if (/[a-f]/.test(ch)) return ch === 'f' ? 'a' : String.fromCharCode(ch.charCodeAt(0) + 1);
  const i = BASE64.indexOf(ch);
  if (i >= 0) return BASE64[(i + 1) % 64] as string;
  return ch === '-' ? '_' : '-';
}

/** Character offsets of every value of the document (strings without quotes, numbers), except whitespace. */
function valuePositions(text: string): { field: string; offset: number }[] {
  const positions: { field: string; offset: number }[] = [];
  const pattern = /"([A-Za-z]+)": (?:"((?:[^"\\]|\\.)*)"|(\d+))/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const value = match[2] ?? match[3] ?? '';
    const start = match.index + match[0].length - value.length - (match[2] !== undefined ? 1 : 0);
    for (let i = 0; i < value.length; i++) positions.push({ field: match[1] as string, offset: start + i });
  }
  return positions;
}

describe('share files', () => {
  const materials = new Map<KeySpec, KeyMaterial>();
  let dir: string;

  beforeAll(async () => {
    for (const spec of ['AES_256', 'EC_P256', 'RSA_2048'] as const) materials.set(spec, await materialFor(spec));
    dir = await mkdtemp(path.join(tmpdir(), 'keyferry-share-file-'));
  });
  afterAll(async () => {
    for (const m of materials.values()) m.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('is the documented JSON document, and reads back to the same share', async () => {
    const [share] = await split(materials.get('AES_256') as KeyMaterial, 2, 3);
    const text = encodeShareFile(share as CustodyShare);
    const document = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(document)).toEqual([
      'format',
      'formatVersion',
      'ceremonyId',
      'keyId',
      'spec',
      'index',
      'm',
      'n',
      'materialCheck',
      'custodian',
      'share',
      'checksum',
    ]);
    expect(document).toMatchObject({
      format: 'keyferry.custody-share',
      formatVersion: 1,
      index: 1,
      m: 2,
      n: 3,
      custodian: 'Alice',
      spec: 'AES_256',
    });
    expect(Buffer.from(document.share as string, 'base64')).toHaveLength(33);
    expect(shareFileName(share as CustodyShare)).toBe('keyferry-share-0d0466b0-e727-4d9c-b35d-f84bb474a37f-1of3.json');
    const back = decodeShareFile(text, 'x.json');
    expect(back.checksum).toBe(share?.checksum);
    expect(back.share.use((b) => Buffer.from(b)).equals((share as CustodyShare).share.use((b) => Buffer.from(b)))).toBe(
      true,
    );
  });

  it.each(['AES_256', 'EC_P256', 'RSA_2048'] as const)(
    '%s: changing any character of the share or of any metadata value of any share is refused',
    async (spec) => {
      const material = materials.get(spec) as KeyMaterial;
      const shares = await split(material, 2, 3);
      let checked = 0;
      for (const target of shares) {
        const partner = shares.find((s) => s !== target) as CustodyShare;
        const text = encodeShareFile(target);
        const positions = valuePositions(text);
        expect(new Set(positions.map((p) => p.field))).toEqual(
          new Set([
            'format',
            'formatVersion',
            'ceremonyId',
            'keyId',
            'spec',
            'index',
            'm',
            'n',
            'kind',
            'value',
            'custodian',
            'share',
            'checksum',
          ]),
        );
        for (const { field, offset } of positions) {
          const original = text[offset] as string;
          for (const substitute of [
            plausibleSubstitute(original),
            String.fromCharCode(original.charCodeAt(0) ^ 0x01),
          ]) {
            const corrupted = text.slice(0, offset) + substitute + text.slice(offset + 1);
            const error = await refusal(() => restoreMaterial([partner, decodeShareFile(corrupted, 'share.json')]));
            if (field === 'share' && error.code === 'CUSTODY_SHARE_CORRUPTED')
              expect(error.message).toContain(`Share ${target.index} is corrupted`);
            checked += 1;
          }
        }
        const rebuilt = await restoreMaterial([partner, decodeShareFile(text, 'share.json')]);
        expect(bytesOf(rebuilt).equals(bytesOf(material))).toBe(true);
        rebuilt.dispose();
      }
      expect(checked).toBeGreaterThan(3 * 2 * 100);
    },
  );

  it('reads a real file, and refuses links, oversized files, non-UTF-8, unknown fields, other formats and versions', async () => {
    const [share] = await split(materials.get('AES_256') as KeyMaterial, 2, 3);
    const text = encodeShareFile(share as CustodyShare);
    const good = path.join(dir, 'good.json');
    await writeFile(good, text);
    expect((await readShareFile(good)).checksum).toBe(share?.checksum);

    const cases: [string, string | Buffer, RegExp][] = [
      [
        'big.json',
        `${text}${' '.repeat(SHARE_FILE_MAX_BYTES)}`,
        /share file .*big\.json: it is \d+ bytes, more than the 16384 bytes such a file can be/,
      ],
      ['latin1.json', Buffer.from([0x7b, 0xe9, 0x7d]), /not UTF-8 text/],
      ['array.json', '[]', /not a JSON object/],
      ['broken.json', text.slice(0, 40), /not valid JSON/],
      ['extra.json', text.replace('"custodian"', '"note": "x", "custodian"'), /its field note is invalid/],
      ['missing.json', text.replace(/\s*"custodian": "Alice",/, ''), /its field custodian is invalid/],
      [
        'other.json',
        text.replace('keyferry.custody-share', 'keyferry.import-parameters'),
        /not a Keyferry custody share/,
      ],
      ['v3.json', text.replace('"formatVersion": 1', '"formatVersion": 3'), /format version 3/],
      // Version 2 is a custody-set share: a per-key share's fields under it are refused by field.
      ['v2.json', text.replace('"formatVersion": 1', '"formatVersion": 2'), /its fields kind, keyCount, backupDigest/],
      ['noncanonical.json', text.replace(/"share": "[^"]*"/, '"share": "AAB="'), /its share is not canonical base64/],
      ['short.json', text.replace(/"share": "[^"]*"/, '"share": "AA=="'), /its share is too short/],
    ];
    for (const [name, content, message] of cases) {
      await writeFile(path.join(dir, name), content);
      const error = await refusal(() => readShareFile(path.join(dir, name)));
      expect(error.message, name).toMatch(message);
      expect(error.message, name).toContain(name);
    }
    // The refused fields are named in the reader's language, never in zod's English.
    const zh = translator('zh-CN');
    const fieldsOf = async (name: string) =>
      zh.problem((await refusal(() => readShareFile(path.join(dir, name)))).toProblem()).message;
    expect(await fieldsOf('missing.json')).toBe('无法使用份额文件 missing.json：其字段 custodian 无效。');
    expect(await fieldsOf('v2.json')).toMatch(/^无法使用份额文件 v2\.json：其字段 kind、keyCount、backupDigest、/);
    await symlink(good, path.join(dir, 'link.json'));
    expect((await refusal(() => readShareFile(path.join(dir, 'link.json')))).message).toContain(
      'it is a link, not the file itself',
    );
    expect((await refusal(() => readShareFile(path.join(dir, 'absent.json')))).code).toBe('INPUT_FILE_UNREADABLE');
  });
});

describe('another custody file given as a share file', () => {
  const cases = [
    {
      what: 'a printed slip’s text',
      text: 'Keyferry custody slip: share 2 of 3\n=====\nKEYFERRY SHARE V2  2 OF 3  NEEDS 2  LINES 6  CHECK 7F\n',
      reason: 'it is the text of a printed slip, not a share file',
      next: 'A slip’s lines are presented as a typed share (on the command line --typed FILE',
      zh: '它是打印凭条的文本，不是份额文件',
    },
    {
      what: 'the custody backup',
      text: 'Keyferry custody backup of ceremony KF-1\n\nKEYFERRY BACKUP V1  KEYS 9  LINES 56  CHECK 70\n',
      reason: 'it is the custody backup, not a share',
      next: 'The backup is presented as the backup (on the command line --backup FILE',
      zh: '它是托管备份，不是份额',
    },
    {
      what: 'a slip printed as HTML',
      text: '<!DOCTYPE html>\n<html lang="en"><head>',
      reason: 'it is a page for printing (a slip or the backup), not a share file',
      next: 'As a share file, give the share’s .json file beside it',
      zh: '它是供打印的页面（凭条或备份），不是份额文件',
    },
  ];
  it.each(cases)('says what $what is and how it is presented instead', async ({ text, reason, next, zh }) => {
    const error = await refusal(() => decodeAnyShareFile(text, 'c2/share.slip.txt'));
    expect(error.code).toBe('CUSTODY_SHARE_FILE_INVALID');
    expect(error.message).toBe(`The share file c2/share.slip.txt cannot be used: ${reason}.`);
    expect(error.nextStep).toContain(next);
    expect(translator('zh-CN').problem(error.toProblem()).message).toContain(zh);
  });

  it('still says plainly that any other text is not JSON', async () => {
    const error = await refusal(() => decodeAnyShareFile('share: 2 of 3', 'notes.txt'));
    expect(error.message).toBe('The share file notes.txt cannot be used: it is not valid JSON.');
  });
});
