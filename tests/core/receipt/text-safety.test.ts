/**
 * What a receipt prints of a name, alias or file name someone typed: nothing invisible, nothing
 * reordered, no markup. A witness signs what they can see.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, userText, visibleText } from '../../../src-main/core/receipt/text-safety';

/** Any code point, a lone surrogate half, or one of the characters these functions change. */
const anyCharacter = fc.oneof(
  fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\u202E', '\u200B', '\u200D', '\n', '<', '&', '"', "'"),
);

describe('visibleText', () => {
  it('shows bidi overrides, zero-width spaces, line breaks and controls as [U+XXXX] markers', () => {
    // "Alice" with a right-to-left override would print as "ecilA ... " to a reader.
    expect(visibleText('Al\u202Eice')).toBe('Al[U+202E]ice');
    expect(visibleText('Bob\u200B')).toBe('Bob[U+200B]');
    expect(visibleText('key\nalias\r\t')).toBe('key[U+000A]alias[U+000D][U+0009]');
    expect(visibleText('a\u2028b\u2029c')).toBe('a[U+2028]b[U+2029]c');
    expect(visibleText('\u0000\u007F\u0085')).toBe('[U+0000][U+007F][U+0085]');
    expect(visibleText('\u{E0041}')).toBe('[U+E0041]');
  });

  it('keeps the joiners scripts need to shape words, and ordinary text of any script as it is', () => {
    for (const text of ['क्‍ष', 'می‌خواهم', '👩‍👩‍👧', '张伟', 'Zoë Ørsted', 'a-b_c.d@e'])
      expect(visibleText(text)).toBe(text);
  });

  it('turns a lone surrogate (text cut in the middle of a character) into U+FFFD', () => {
    expect(visibleText('x\uD83D')).toBe('x\uFFFD');
    expect(visibleText('\uDE00y')).toBe('\uFFFDy');
    expect(visibleText('\uD83D\uDE00')).toBe('😀');
  });

  it('never leaves an invisible or control character in what it returns', () => {
    fc.assert(
      fc.property(fc.string({ unit: anyCharacter, maxLength: 40 }), (text) => {
        const shown = visibleText(text).replace(/[\u200C\u200D]/g, '');
        // No invisible character, and no lone surrogate (it would not survive UTF-8).
        return !/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(shown) && Buffer.from(shown, 'utf8').toString('utf8') === shown;
      }),
    );
  });
});

describe('escapeHtml and userText', () => {
  it('escapes every character that could open markup or leave an attribute', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&amp;`)).toBe(
      '&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;amp;',
    );
  });

  it('prints a hostile name as visible, escaped text isolated from its label', () => {
    expect(userText('<b>Eve</b>\u202E')).toBe('<bdi>&lt;b&gt;Eve&lt;/b&gt;[U+202E]</bdi>');
    fc.assert(
      fc.property(fc.string({ unit: anyCharacter, maxLength: 40 }), (text) => {
        const inner = userText(text).slice('<bdi>'.length, -'</bdi>'.length);
        return !/[<>"']|&(?!(amp|lt|gt|quot|#39);)/.test(inner);
      }),
    );
  });
});
