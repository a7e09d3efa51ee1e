/**
 * Untrusted text on a terminal. A manifest field, a file name, a KMS error message or a person's
 * name can carry ESC sequences (clear the screen, move the cursor), CR/LF (start a fake line such
 * as "Digest …") or Unicode bidi controls (reorder what is read aloud). `terminalText` makes every
 * such character visible as an escape (`\x1b`, `\r`, `\n`, `\u202e`), so what is printed is what
 * the value holds, on one line. Backslashes stay as they are (Windows paths stay readable).
 *
 * Escaped: C0 controls (U+0000-U+001F, tab and newline included), DEL, C1 controls
 * (U+0080-U+009F), bidi marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F,
 * U+202A-U+202E, U+2066-U+2069), line and paragraph separators (U+2028, U+2029), other invisible
 * format characters (zero-width space, word joiner, BOM, U+FFF9-U+FFFB) and lone surrogates.
 * Zero-width (non-)joiners stay: scripts need them and they cannot reorder text.
 */

const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escapeOne(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  if (ch === '\t') return '\\t';
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One untrusted value made safe and visible for a terminal line (see the file comment). */
export function terminalText(value: string): string {
  return value.replace(UNSAFE, escapeOne);
}

/**
 * The last guard before a terminal: a whole line (or lines) the CLI built. Line breaks the CLI put
 * there itself stay; every other unsafe character is escaped. Untrusted values inside must already
 * have gone through `terminalText`, which escapes their line breaks too.
 */
export function terminalLines(text: string): string {
  return text
    .split('\n')
    .map((line) => terminalText(line))
    .join('\n');
}
