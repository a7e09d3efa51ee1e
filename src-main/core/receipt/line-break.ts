/**
 * Breaking plain text into lines for the receipts' text twins, custody slips and backup files, by
 * terminal columns (CJK and full-width characters take two). English breaks at spaces; Chinese,
 * which has none, between characters, with the line-breaking rules Chinese print follows (kinsoku):
 * no line starts with closing punctuation (。，、；：！？）」』…: it stays at the end of the line
 * before, one column past the width if need be), no line ends with an opening bracket (（「『“: it
 * goes down with what it opens). A run without spaces (a hex group, a key id, a file name) is never
 * broken: a run longer than the width gets a line of its own.
 */

/** Code points a terminal gives two columns (CJK and full-width), as [first, last] ranges in ascending order. */
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
];
/** Below the first wide range every UTF-16 unit is one narrow character (no surrogates either). */
const FIRST_WIDE = WIDE_RANGES[0]![0];

/**
 * Columns a string takes in a terminal: CJK and full-width characters take two, every other code
 * point (a lone surrogate too) one. Receipts measure every line they break with this, word by word,
 * so it reads UTF-16 units and compares numbers rather than testing a pattern per character.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < FIRST_WIDE) {
      width += 1;
      continue;
    }
    const codePoint = text.codePointAt(i)!;
    if (codePoint > 0xffff) i++;
    width += WIDE_RANGES.some(([first, last]) => codePoint >= first && codePoint <= last) ? 2 : 1;
  }
  return width;
}

/** Where text may break: after a space, and before and after each Chinese character or full-width mark. */
const BREAK_OPPORTUNITY = /(?<= )|(?=[\u2E80-\u9FFF\uFF00-\uFFEF])|(?<=[\u2E80-\u9FFF\uFF00-\uFFEF])/u;
/** What never starts a line: closing punctuation, Chinese and Latin. */
const NO_LINE_START = /^[。．，、；：！？）〕］｝」』】》〉’”…‥・ー々〆ゝゞ.,;:!?)\]}%]/u;
/** What never ends a line: an opening bracket or quote. */
const NO_LINE_END = /[（〔［｛「『【《〈‘“([{]$/u;

/** `text` broken into lines of at most `width` columns (punctuation may hang one past), each prefixed with `indent`. */
export function breakLines(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  // The width of `line`, kept as tokens are added: measuring the whole line again for every token
  // was quadratic in Chinese, where every character is a token (a paragraph took 10-15 ms).
  let lineWidth = 0;
  for (const token of text.split(BREAK_OPPORTUNITY)) {
    const kept = token.trimEnd();
    // The width of (line + token).trimEnd(): a token of spaces only trims into the line itself.
    const widthWith = kept === '' ? displayWidth((line + token).trimEnd()) : lineWidth + displayWidth(kept);
    if (line.trim() && widthWith > width && !NO_LINE_START.test(token)) {
      // An opening bracket at the end goes down with the token it opens.
      let carried = '';
      while (NO_LINE_END.test(line.trimEnd()) && line.trimEnd().length > 1) {
        const kept = line.trimEnd();
        carried = kept.slice(-1) + carried;
        line = kept.slice(0, -1);
      }
      lines.push(indent + line.trimEnd());
      line = carried + token.trimStart();
      lineWidth = displayWidth(line);
    } else {
      line += token;
      lineWidth += displayWidth(token);
    }
  }
  if (line.trim()) lines.push(indent + line.trimEnd());
  return lines;
}

/** `text` as one list item: "- " before its first line, its later lines indented under the text (a hanging indent). */
export function bulletLines(text: string, width: number, indent = ''): string[] {
  return breakLines(text, width - 2, `${indent}  `).map((line, i) =>
    i === 0 ? `${indent}- ${line.slice(indent.length + 2)}` : line,
  );
}
