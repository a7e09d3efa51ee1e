/**
 * Breaking plain text into lines for the receipts' text twins, custody slips and backup files, by
 * terminal columns (CJK and full-width characters take two). English breaks at spaces; Chinese,
 * which has none, between characters, with the line-breaking rules Chinese print follows (kinsoku):
 * no line starts with closing punctuation (。，、；：！？）」』…: it stays at the end of the line
 * before, one column past the width if need be), no line ends with an opening bracket (（「『“: it
 * goes down with what it opens). A run without spaces (a hex group, a key id, a file name) is never
 * broken: a run longer than the width gets a line of its own.
 */

const WIDE =
  /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;

/** Columns a string takes in a terminal: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
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
  for (const token of text.split(BREAK_OPPORTUNITY)) {
    if (line.trim() && displayWidth((line + token).trimEnd()) > width && !NO_LINE_START.test(token)) {
      // An opening bracket at the end goes down with the token it opens.
      let carried = '';
      while (NO_LINE_END.test(line.trimEnd()) && line.trimEnd().length > 1) {
        const kept = line.trimEnd();
        carried = kept.slice(-1) + carried;
        line = kept.slice(0, -1);
      }
      lines.push(indent + line.trimEnd());
      line = carried + token.trimStart();
    } else line += token;
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
