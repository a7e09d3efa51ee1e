/**
 * keepWhole (receipt/keep-whole.ts) puts a date with its time, a time, a run of hex groups and a
 * hyphenated id in one `.nowrap` span each, and leaves the words around them, entities, Chinese
 * text touching them and anything longer than KEEP_WHOLE_MAX as they are.
 */
import { describe, expect, it } from 'vitest';
import { KEEP_WHOLE_MAX, keepWhole } from '../../../src-main/core/receipt/keep-whole';

const kept = (s: string) => `<span class="nowrap">${s}</span>`;

describe('keepWhole', () => {
  it.each([
    ['at 2025-03-01 09:10:00 UTC.', `at ${kept('2025-03-01 09:10:00 UTC')}.`],
    ['(2025-03-01T09:10:00.000Z)', `(${kept('2025-03-01T09:10:00.000Z')})`],
    ['于2025-03-01 09:10（UTC+08:00）', `于${kept('2025-03-01 09:10')}（UTC+${kept('08:00')}）`],
    ['Mar 1, 2025, 9:10:00 AM', `Mar 1, 2025, ${kept('9:10:00 AM')}`],
    ['2025年3月1日 17:10:00', `2025年3月1日 ${kept('17:10:00')}`],
    ['key 0d0466b0-e727-4d9c-b35d-f84bb474a37f:', `key ${kept('0d0466b0-e727-4d9c-b35d-f84bb474a37f')}:`],
    ['密钥0d0466b0-e727-4d9c已导入', `密钥${kept('0d0466b0-e727-4d9c')}已导入`],
    ['digest 02C7 4C73 3386 E4A7 …', `digest ${kept('02C7 4C73 3386 E4A7')} …`],
    [
      'alias rehearsal/aes_256-2 and KF-2025-0301-a',
      `alias ${kept('rehearsal/aes_256-2')} and ${kept('KF-2025-0301-a')}`,
    ],
  ])('%s', (html, expected) => {
    expect(keepWhole(html)).toBe(expected);
  });

  it('leaves plain words, entities and what is too long for one line as they are', () => {
    for (const html of [
      'Ada &amp; Bob&#39;s key',
      'No dates here.',
      '密钥材料已导入',
      '&quot;quoted&quot;',
      'Public-key fingerprint',
    ])
      expect(keepWhole(html)).toBe(html);
    const long = Array.from({ length: 10 }, (_, i) => `part${i}`).join('-');
    expect(long.length).toBeGreaterThan(KEEP_WHOLE_MAX);
    expect(keepWhole(long)).toBe(long);
  });
});
