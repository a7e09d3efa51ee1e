import { describe, expect, it } from 'vitest';
import { terminalLines, terminalText } from '../../src-main/core/terminal-text';

describe('terminalText', () => {
  it('shows ESC, CR, LF, tab, DEL and C1 controls as escapes, on one line', () => {
    const hostile = 'ceremony\x1b[2J\r\nDigest 0000 0000\x7f\x9b\t';
    const shown = terminalText(hostile);
    expect(shown).toBe('ceremony\\x1b[2J\\r\\nDigest 0000 0000\\x7f\\x9b\\t');
    expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it('shows bidi overrides, isolates, marks and line separators instead of letting them reorder text', () => {
    expect(terminalText('abc\u202eexe.txt')).toBe('abc\\u202eexe.txt');
    expect(terminalText('\u2066x\u2069\u200f\u061c\u2028\u2029\ufeff\u200b')).toBe(
      '\\u2066x\\u2069\\u200f\\u061c\\u2028\\u2029\\ufeff\\u200b',
    );
  });

  it('keeps ordinary text, other scripts, emoji, joiners and backslashes as they are', () => {
    for (const text of ['A. Officer', '张伟', 'Zoë Ångström', 'C:\\media\\usb', 'क्‍ष', '👩‍🔬', 'مرحبا']) {
      expect(terminalText(text)).toBe(text);
    }
  });

  it('marks a lone surrogate visibly', () => {
    expect(terminalText('a\ud800b')).toBe('a\\ud800b');
  });
});

describe('terminalLines', () => {
  it('keeps the line breaks the CLI wrote and escapes every other control', () => {
    expect(terminalLines('Kind: import-parameters\nDigest: \x1b[31mabc\r')).toBe(
      'Kind: import-parameters\nDigest: \\x1b[31mabc\\r',
    );
  });
});
