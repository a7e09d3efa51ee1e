/**
 * Hex for reading aloud: lowercase, groups of four digits separated by spaces, and for a SHA-256
 * two lines of eight groups ("ab12 cd34 … (8 groups)" / "… (8 groups)").
 */

/** Groups hex digits in fours: `ab12cd34` → `ab12 cd34`. */
export function groupHex(hex: string): string {
  return (hex.toLowerCase().match(/.{1,4}/g) ?? []).join(' ');
}

/** Splits grouped hex into lines of `groupsPerLine` groups (8 by default: a SHA-256 is 2 lines). */
export function groupHexLines(hex: string, groupsPerLine = 8): string[] {
  const groups = groupHex(hex)
    .split(' ')
    .filter((g) => g !== '');
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += groupsPerLine) lines.push(groups.slice(i, i + groupsPerLine).join(' '));
  return lines;
}
