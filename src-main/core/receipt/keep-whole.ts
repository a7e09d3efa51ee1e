/**
 * Words a printed receipt or slip must never break inside. Chromium breaks a line at a hyphen
 * or a space wherever a column runs out, and pdftotext then reads "2025-03-" + "01 09:10" back as
 * "2025-0301 09:10" (it drops a hyphen at a line end) and two groups of a key id as one. So a date
 * with its time, a time, a run of hex groups and a hyphenated id (a key id, a ceremony id, an
 * alias with a number) are kept on one line in the `.nowrap` span, when they fit one (up to 48 characters);
 * a longer one may still break, as it must to stay inside its column.
 */

/** Longest text kept whole: a key id is 36 characters, a date with its time and zone 24. */
export const KEEP_WHOLE_MAX = 48;

const DATE_TIME = String.raw`\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?(?:UTC|Z|[+-]\d{2}:?\d{2}))?)?`;
const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?: ?(?:UTC|AM|PM))?`;
const HEX_GROUPS = String.raw`[0-9A-Fa-f]{4}(?: [0-9A-Fa-f]{4})+`;
/** An id (a key id, a ceremony id, an alias with a number): hyphenated, with a digit; hyphenated words break as words do. */
const HYPHENATED = String.raw`(?=[\p{Script=Latin}\d_./-]*\d)[\p{Script=Latin}\d_./]+(?:-[\p{Script=Latin}\d_./]+)+`;
/** Not inside a longer word or number (Chinese text may touch it: 于2025-03-01), nor an entity (&#39;). */
const WHOLE = new RegExp(
  `(?<![\\p{Script=Latin}\\d_&#])(?:${DATE_TIME}|${TIME}|${HEX_GROUPS}|${HYPHENATED})(?![\\p{Script=Latin}\\d_])`,
  'gu',
);

/**
 * `html` (escaped text, no tags) with every date-time, time, hex run and hyphenated word of at most
 * KEEP_WHOLE_MAX characters in `<span class="nowrap">`.
 */
export function keepWhole(html: string): string {
  return html.replace(WHOLE, (word) => (word.length <= KEEP_WHOLE_MAX ? `<span class="nowrap">${word}</span>` : word));
}
