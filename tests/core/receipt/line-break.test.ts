/**
 * Chinese line breaking in the text receipt (kinsoku): whatever the length of a Chinese officer's
 * name or a recorded reason, no line starts with closing punctuation and no line ends with an
 * opening bracket; a key id or a hex group is never cut.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakLines, bulletLines, displayWidth } from '../../../src-main/core/receipt/line-break';
import { phrase } from '../../../src-main/core/receipt/facts';
import { renderReceiptText } from '../../../src-main/core/receipt/render-text';
import { sampleReceiptInput } from './fixtures';

const BAD_START = /^\s*[。，、；：）」』]/u;
const BAD_END = /[（「『“]$/u;
const KEY_ID = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';

describe('breakLines', () => {
  it('keeps closing punctuation on the line before and an opening bracket with what it opens', () => {
    const text = `${'甲'.repeat(10)}。（${'乙'.repeat(9)}）、${'丙'.repeat(3)}`;
    const lines = breakLines(text, 20);
    expect(lines).toEqual([`${'甲'.repeat(10)}。`, `（${'乙'.repeat(9)}）、`, '丙丙丙']);
    expect(lines.every((l) => displayWidth(l) <= 24)).toBe(true);
  });

  it('breaks any mix of Chinese, Latin, spaces and punctuation as measuring each whole line again would', () => {
    /** The rule written out plainly: each token added while the whole line, trimmed, still fits. */
    const plainly = (text: string, width: number): string[] => {
      const lines: string[] = [];
      let line = '';
      const opportunity = /(?<= )|(?=[\u2E80-\u9FFF\uFF00-\uFFEF])|(?<=[\u2E80-\u9FFF\uFF00-\uFFEF])/u;
      for (const token of text.split(opportunity)) {
        if (
          line.trim() &&
          displayWidth((line + token).trimEnd()) > width &&
          !/^[。，、；：！？）」』.,;:!?)]/u.test(token)
        ) {
          let carried = '';
          while (/[（「『“([{]$/u.test(line.trimEnd()) && line.trimEnd().length > 1) {
            const kept = line.trimEnd();
            carried = kept.slice(-1) + carried;
            line = kept.slice(0, -1);
          }
          lines.push(line.trimEnd());
          line = carried + token.trimStart();
        } else line += token;
      }
      if (line.trim()) lines.push(line.trimEnd());
      return lines;
    };
    const pieces = [
      '甲',
      '乙丙',
      '。',
      '，',
      '（',
      '）',
      '「',
      '」',
      ' ',
      '  ',
      '\u3000',
      'ab',
      'key-1',
      '1A2B',
      '😀',
      '.',
      '(',
      ')',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 80 }),
        fc.integer({ min: 4, max: 40 }),
        (parts, width) => {
          const text = parts.join('');
          expect(breakLines(text, width)).toEqual(plainly(text, width));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never cuts a key id or a hex group', () => {
    const lines = breakLines(`密钥${'长'.repeat(30)} ${KEY_ID}：1A2B 3C4D 5E6F`, 30);
    expect(lines.some((l) => l.includes(KEY_ID))).toBe(true);
    expect(lines.join(' ')).toMatch(/1A2B 3C4D 5E6F|1A2B\s+3C4D\s+5E6F/);
    for (const l of lines) expect(l).not.toMatch(/^[0-9A-F]{1,3}\b/);
  });
});

describe('bulletLines', () => {
  it('hangs the later lines of a list item under its text, not under its dash', () => {
    const item = 'typed a value that differs from the import-parameters bundle digest in group 16 of 16; refused';
    const lines = bulletLines(item, 40, '    ');
    expect(lines[0]).toMatch(/^ {4}- typed a value/);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines.slice(1)) expect(l).toMatch(/^ {6}\S/);
    // The width counts the text, dash included, not the indent (as breakLines counts it).
    expect(lines.every((l) => displayWidth(l) <= 4 + 40)).toBe(true);
    expect(lines.map((l) => l.trim().replace(/^- /, '')).join(' ')).toBe(item);
  });
});

describe('text receipt in zh-CN', () => {
  it('no line starts with closing punctuation or ends with an opening bracket, for names and reasons of every length', () => {
    const base = sampleReceiptInput('online', ['AES_256']);
    for (let n = 1; n <= 36; n++) {
      const name = `欧阳${'慕容'.repeat(n % 9)}诸葛${'长'.repeat(n)}`;
      const reason = `操作人${name}在“${'网络检查'.repeat(n % 5)}”之后确认：${'密钥材料'.repeat(n)}，已记录（${KEY_ID}）。`;
      const text = renderReceiptText(
        {
          ...base,
          operator: name,
          people: [
            { role: 'operator', name, records: [phrase('receipt.people.event', { seq: n, eventPhrase: reason })] },
          ],
          deviations: [
            {
              seq: n,
              time: '2026-12-01T10:00:00.000Z',
              actor: name,
              event: 'ceremony.abandoned',
              kind: 'abandoned',
              fields: [],
              reason: { recorded: reason },
            },
          ],
        },
        { language: 'zh-CN' },
      );
      const lines = text.split('\n');
      expect(lines.filter((l) => BAD_START.test(l))).toEqual([]);
      expect(lines.filter((l) => BAD_END.test(l.trimEnd()))).toEqual([]);
      expect(text).toContain(KEY_ID);
    }
  });
});

describe('displayWidth', () => {
  /** The width as it was defined before it was made faster: one pattern test per code point. */
  const WIDE =
    /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;
  const patternWidth = (text: string) => [...text].reduce((width, ch) => width + (WIDE.test(ch) ? 2 : 1), 0);

  it('gives every code point the width the pattern gives it', () => {
    const differing: string[] = [];
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
      const text = String.fromCodePoint(codePoint);
      if (displayWidth(text) !== patternWidth(text)) differing.push(codePoint.toString(16));
    }
    expect(differing).toEqual([]);
  });

  it('measures mixed text, astral characters and lone surrogates as the pattern does', () => {
    const samples = [
      '',
      'Wrapping key fingerprint 1A2B 3C4D',
      '导入参数包（密钥）：1A2B。',
      'ｆｕｌｌ－ｗｉｄｔｈ ﾊﾝｶｸ',
      '𠀀𠀁 and 😀 and 𪜀',
      '\ud800',
      'a\udc00b\ud800',
      '\ud840\udc00\ud840',
      'ᄀᅟᅠ',
    ];
    for (const text of samples) expect(displayWidth(text), JSON.stringify(text)).toBe(patternWidth(text));
    expect(displayWidth('密钥 key')).toBe(8);
  });
});
