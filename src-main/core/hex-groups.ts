/**
 * Hex for reading aloud, the one way every surface shows it (CLI, receipts, custody slips, the
 * app's Hex component): upper case, groups of four digits separated by one space, and in lines of
 * eight groups where a block is printed (a SHA-256 is two lines). Spaces, colons and dashes in
 * the input are ignored; anything else that is not a hex digit is refused, so a value is never
 * shown grouped as if it were a digest when it is not one. No imports: the renderer compiles it.
 */

/** Groups per printed line: a SHA-256 (16 groups) is two lines. */
const HEX_GROUPS_PER_LINE = 8;

/** The groups of four upper-case digits of `hex` (the last may be shorter). */
export function hexGroups(hex: string): string[] {
  const clean = hex.replace(/[\s:-]+/g, '').toUpperCase();
  if (!/^[0-9A-F]*$/.test(clean)) throw new TypeError('groupHex expects hexadecimal text.');
  return clean.match(/.{1,4}/g) ?? [];
}

/** `ab12cd34` → `AB12 CD34`. */
export function groupHex(hex: string): string {
  return hexGroups(hex).join(' ');
}

/** Grouped hex in lines of `groupsPerLine` groups (eight by default). */
export function groupHexLines(hex: string, groupsPerLine = HEX_GROUPS_PER_LINE): string[] {
  const groups = hexGroups(hex);
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += groupsPerLine) lines.push(groups.slice(i, i + groupsPerLine).join(' '));
  return lines;
}
