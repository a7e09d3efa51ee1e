/** Shares typed back from printed slips: round trip, tolerance, and typos named by their line. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyMaterial } from '../../../src-main/core/crypto/key-material';
import { KEY_SPECS, type KeySpec } from '../../../src-main/core/crypto/key-spec';
import type { CustodyShare } from '../../../src-main/core/custody/custody-share';
import { renderCustodySlip, slipQrTexts } from '../../../src-main/core/custody/custody-slip';
import { restoreMaterial } from '../../../src-main/core/custody/restore';
import { lineCheck, parseTypedShare, typedShareLines } from '../../../src-main/core/custody/typed-share';
import { translator } from '../../../src-main/i18n/translate';
import { bytesOf, materialFor, refusal, split } from './helpers';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const shareBytes = (s: CustodyShare): Buffer => s.share.use((b) => Buffer.from(b));

function sameShare(a: CustodyShare, b: CustodyShare): void {
  const { share: _a, ...fa } = a;
  const { share: _b, ...fb } = b;
  expect(fb).toEqual(fa);
  expect(shareBytes(b).equals(shareBytes(a))).toBe(true);
}

/** Replaces the character at `column` of data line `line` (1-based) in the formatted lines. */
function typo(lines: string[], line: number, column: number, char: string): string[] {
  const copy = [...lines];
  const text = copy[line] as string;
  const positions = [...text.matchAll(/[0-9A-Z]/g)].map((m) => m.index).filter((i) => i >= 6 && i < text.length - 4);
  const at = positions[column] as number;
  copy[line] = text.slice(0, at) + char + text.slice(at + 1);
  return copy;
}

describe('typed shares', () => {
  const materials = new Map<KeySpec, KeyMaterial>();
  beforeAll(async () => {
    for (const spec of KEY_SPECS) materials.set(spec, await materialFor(spec));
  });
  afterAll(() => materials.forEach((m) => m.dispose()));

  it.each(KEY_SPECS)(
    '%s: lines typed back rebuild the material, from the lines, the slip text and the QR codes',
    async (spec) => {
      const material = materials.get(spec) as KeyMaterial;
      const shares = await split(material, 2, 3);
      const [one, two] = shares as [CustodyShare, CustodyShare];
      const lines = typedShareLines(one);
      expect(lines[0]).toMatch(/^KEYFERRY SHARE V1 {2}1 OF 3 {2}NEEDS 2 {2}LINES \d+ {2}CHECK [0-9A-F]{2}$/);
      for (const line of lines.slice(1, -1))
        expect(line).toMatch(/^\d{4} {2}[0-9A-Z]{4} [0-9A-Z]{4} [0-9A-Z]{4} [0-9A-Z]{4} {2}[0-9A-F]{2}$/);
      sameShare(one, parseTypedShare(lines.join('\n')));
      sameShare(one, parseTypedShare((await renderCustodySlip(one)).text));
      sameShare(one, parseTypedShare(slipQrTexts(one).join('\n')));
      const rebuilt = await restoreMaterial([
        parseTypedShare(typedShareLines(two).join('\n')),
        parseTypedShare(lines.join('\r\n')),
      ]);
      expect(bytesOf(rebuilt).equals(bytesOf(material))).toBe(true);
      rebuilt.dispose();
    },
  );

  it('tolerates lower case, missing or extra spaces, tabs, blank lines and O/I/L for 0/1', async () => {
    const [share] = await split(materials.get('AES_256') as KeyMaterial, 2, 3);
    const lines = typedShareLines(share as CustodyShare);
    const sloppy = lines
      .map((l, i) => (i % 2 === 0 ? l.toLowerCase() : l.replace(/ /g, '')))
      .map((l, i) => (i > 0 ? l.replace(/0/g, 'o').replace(/1/g, i % 3 === 0 ? 'l' : 'I') : l))
      .map((l) => `\t ${l.replace(/ {2}/g, '   ')}  `)
      .join('\n\n');
    sameShare(share as CustodyShare, parseTypedShare(`Typed by Alice on Monday\n${sloppy}\n`));
  });

  it('a typo is named by its line, in every line', async () => {
    const [share] = await split(materials.get('EC_P256') as KeyMaterial, 2, 3);
    const lines = typedShareLines(share as CustodyShare);
    for (let line = 1; line < lines.length; line++) {
      const content = (lines[line] as string).slice(6, -4).replace(/ /g, '');
      const column = line % content.length;
      // a substitute the 2-hex line check catches (it misses about 1 typo in 256; see the next test)
      const char = [...ALPHABET].find((c) => {
        const changed = content.slice(0, column) + c + content.slice(column + 1);
        return c !== content[column] && lineCheck(line, changed) !== lineCheck(line, content);
      }) as string;
      const error = await refusal(() => parseTypedShare(typo(lines, line, column, char).join('\n')));
      expect(error.code).toBe('CUSTODY_TYPED_SHARE_INVALID');
      expect(error.message).toContain(`Line ${line} does not match its check`);
    }
  });

  it('a typo the line check misses is still refused by the share checksum', async () => {
    const [one, two] = (await split(materials.get('AES_256') as KeyMaterial, 2, 3)) as [CustodyShare, CustodyShare];
    const lines = typedShareLines(one);
    let found = 0;
    for (let line = 1; line < lines.length && found < 3; line++) {
      const content = (lines[line] as string).slice(6, -4).replace(/ /g, '');
      for (let column = 0; column < content.length && found < 3; column++) {
        for (const c of ALPHABET) {
          const changed = content.slice(0, column) + c + content.slice(column + 1);
          if (c === content[column] || lineCheck(line, changed) !== lineCheck(line, content)) continue;
          found += 1;
          const error = await refusal(async () =>
            restoreMaterial([two, parseTypedShare(typo(lines, line, column, c).join('\n'))]),
          );
          expect(['CUSTODY_SHARE_CORRUPTED', 'CUSTODY_TYPED_SHARE_INVALID', 'CUSTODY_SHARES_MIXED']).toContain(
            error.code,
          );
        }
      }
    }
    expect(found).toBe(3);
  });

  it('refuses a missing, repeated, swapped or extra line, a header typo and a missing header', async () => {
    const [one, two] = (await split(materials.get('AES_256') as KeyMaterial, 2, 3)) as [CustodyShare, CustodyShare];
    const lines = typedShareLines(one);
    const last = lines.length - 1;
    const cases: [string[], RegExp][] = [
      [lines.filter((_, i) => i !== 3), /Line 3 is numbered 0004/],
      [lines.slice(0, -1), new RegExp(`Only ${last - 1} of the ${last} lines were found: line ${last} is missing`)],
      [[...lines.slice(0, 3), lines[2] as string, ...lines.slice(3)], /Line 3 is numbered 0002/],
      [[lines[0] as string, lines[2] as string, lines[1] as string, ...lines.slice(3)], /Line 1 is numbered 0002/],
      [[...lines, `${String(last + 1).padStart(4, '0')}  ABCD  00`], new RegExp(`more lines than the ${last}`)],
      [[(lines[0] as string).replace('1 OF 3', '2 OF 3'), ...lines.slice(1)], /header line does not match its check/],
      [[(lines[0] as string).replace('NEEDS', 'NEDS'), ...lines.slice(1)], /header line does not read as/],
      [lines.slice(1), /No header line/],
      [
        [typedShareLines(two)[0] as string, ...lines.slice(1)],
        /header line and the numbered lines describe different shares|Line \d+ does not match/,
      ],
    ];
    for (const [typed, message] of cases) {
      const error = await refusal(() => parseTypedShare(typed.join('\n')));
      expect(error.message).toMatch(message);
    }
  });

  it("names a typed slip's refused fields and other unreadable bytes from the catalogue, in English and Chinese", async () => {
    const [one] = (await split(materials.get('AES_256') as KeyMaterial, 2, 3)) as [CustodyShare];
    const zh = translator('zh-CN');
    // Every line matches its check, but the share it carries names no custodian.
    const nameless = await refusal(() => parseTypedShare(typedShareLines({ ...one, custodian: '' }).join('\n')));
    expect(nameless.message).toBe('The typed share cannot be read: its field custodian is invalid.');
    expect(zh.problem(nameless.toProblem()).message).toBe('无法读取键入的份额：其字段 custodian 无效。');
    const both = await refusal(() =>
      parseTypedShare(typedShareLines({ ...one, custodian: '', ceremonyId: '-' }).join('\n')),
    );
    expect(both.message).toBe('The typed share cannot be read: its fields ceremonyId, custodian are invalid.');
    expect(zh.problem(both.toProblem()).message).toBe('无法读取键入的份额：其字段 ceremonyId、custodian 无效。');
  });
});
