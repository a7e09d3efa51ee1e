/**
 * Chinese line breaking in the text receipt (kinsoku): whatever the length of a Chinese officer's
 * name or a recorded reason, no line starts with closing punctuation and no line ends with an
 * opening bracket; a key id or a hex group is never cut.
 */
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
