/**
 * Making user-supplied strings safe to print. Every name, alias, title and file name on a
 * receipt goes through `visibleText` (both twins) and, in HTML, `escapeHtml` inside `<bdi>`:
 * - control and invisible format characters (bidi overrides such as U+202E, zero-width spaces,
 *   line separators, newlines) are shown as a visible marker like `[U+202E]`, so nobody signs a
 *   name whose letters were silently reordered or hidden; zero-width (non-)joiners stay, since
 *   scripts need them to shape words and they cannot reorder text;
 * - lone surrogates become U+FFFD;
 * - in HTML, `& < > " '` become entities, and `<bdi>` isolates right-to-left text from its labels.
 */
import { keepWhole } from './keep-whole';

const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const JOINERS = new Set(['\u200c', '\u200d']);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replaces invisible and control characters with visible `[U+XXXX]` markers. */
export function visibleText(value: string): string {
  return value
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(INVISIBLE, (ch) =>
      JOINERS.has(ch) ? ch : `[U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`,
    );
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/** A user-supplied string as safe, visible, bidi-isolated HTML; its dates, times and ids kept whole when printed. */
export function userText(value: string): string {
  return `<bdi>${keepWhole(escapeHtml(visibleText(value)))}</bdi>`;
}
