/** Plain-text tables for terminal output. */
import { displayWidth } from '../core/receipt/line-break';

/** Columns a string takes in a terminal (one copy, the text receipt's): CJK and full-width characters take two. */
export { displayWidth };

/** `text` followed by spaces up to `width` terminal columns (a CJK character counts two). */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Left-aligned columns separated by two spaces, with a rule under the header. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : padToWidth(c, widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}
