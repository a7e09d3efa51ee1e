/**
 * Where a journal's chain breaks at a line that is itself intact (its own hash matches its content,
 * in canonical form): the line was not edited, it was put in the wrong place. Its `prev` tells
 * where it came from, a fact the line proves by its own hash:
 * - the genesis value: the first entry of a journal, so a line of another journal;
 * - the hash of line K of this file: it followed line K, so entries between were removed, put in
 *   or moved, or two copies of this journal were both written to;
 * - no line's hash: its predecessor was removed, or it is a line of another journal, or of a copy
 *   of this one that went on further.
 * Lines that record a ceremony id say which ceremony instead (foreign-line.ts). Nothing of the
 * line is read but its event name (checked by the entry schema) and its chain fields.
 */
import { GENESIS_HASH } from './entry';
import { intactEntry } from './verify';

/** How an intact line that breaks the chain was misplaced. */
type MisplacedLine =
  | { readonly kind: 'first'; readonly event: string }
  | { readonly kind: 'after'; readonly event: string; readonly previous: number }
  | { readonly kind: 'elsewhere'; readonly event: string };

/** The `hash` field a line records, when it parses (only compared, never trusted further). */
function recordedHash(text: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    const hash = typeof parsed === 'object' && parsed !== null ? (parsed as { hash?: unknown }).hash : undefined;
    return typeof hash === 'string' ? hash : undefined;
  } catch {
    return undefined;
  }
}

/**
 * When verification of `content` broke at `line` (1-based) and that line is intact: where it came
 * from. Undefined for an edited or unreadable line, and for line 1 (nothing before it to compare).
 */
export function misplacedLine(content: Uint8Array, line: number): MisplacedLine | undefined {
  const lines = Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8').split('\n');
  const text = lines[line - 1];
  if (text === undefined || line < 2) return undefined;
  const entry = intactEntry(text);
  if (!entry) return undefined;
  if (entry.prev === GENESIS_HASH) return { kind: 'first', event: entry.event };
  const previous = lines.findIndex((l, i) => i !== line - 1 && recordedHash(l) === entry.prev) + 1;
  // Right after the line it names: the chain holds, the break is elsewhere (its seq), so no claim.
  if (previous === line - 1) return undefined;
  return previous > 0 ? { kind: 'after', event: entry.event, previous } : { kind: 'elsewhere', event: entry.event };
}
