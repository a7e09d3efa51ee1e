/**
 * One journal entry and its hash. A journal file is JSON lines: each line is the canonical JSON
 * (see canonical-json.ts) of one entry, followed by "\n". Fields:
 * - `seq`: 1-based position (the first entry is 1, so entry N is on line N);
 * - `time`: ISO 8601 UTC with milliseconds, e.g. `2025-03-01T09:30:00.000Z`;
 * - `actor`: who did it (an operator's name, `system`, a witness);
 * - `event`: a dotted domain event name, e.g. `ceremony.started`, `material.wrapped`;
 * - `data`: a JSON object, never secrets (secret-guard.ts);
 * - `prev`: the previous entry's `hash`, or GENESIS_HASH (64 zeros) for entry 1;
 * - `hash`: hex SHA-256 of the canonical JSON of {seq, time, actor, event, data, prev} (UTF-8).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson, type JsonObject } from './canonical-json';

export const GENESIS_HASH = '0'.repeat(64);
/** Longest accepted line in bytes (excluding the newline): a journal is a log of facts, not a store. */
export const MAX_LINE_BYTES = 64 * 1024;

export interface JournalEntry {
  readonly seq: number;
  readonly time: string;
  readonly actor: string;
  readonly event: string;
  readonly data: JsonObject;
  readonly prev: string;
  readonly hash: string;
}

/** The strings of a journaled list, such as an entry's `keyIds` (anything else left out; none when it is not a list). */
export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');
/**
 * `data` is checked to be a JSON object here; its values came out of JSON.parse, so they are JSON
 * by construction, and the canonical-form check in verify.ts re-encodes every one of them.
 * (A recursive zod schema for JSON values made verification ten times slower for no extra safety.)
 */
const jsonObject = z.record(z.string(), z.unknown()) as unknown as z.ZodType<JsonObject>;

export const ACTOR_PATTERN = /^[^\p{Cc}\p{Cf}]{1,200}$/u;
export const EVENT_PATTERN = /^[a-z][a-z0-9_-]*(?:\.[a-z][a-z0-9_-]*)+$/;

/** The shape of a parsed line, checked before anything trusts it. */
export const journalEntrySchema = z.strictObject({
  seq: z.number().int().min(1),
  time: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'must be ISO 8601 UTC with milliseconds'),
  actor: z.string().regex(ACTOR_PATTERN, 'must be 1-200 characters without control characters'),
  event: z.string().regex(EVENT_PATTERN, 'must be a dotted event name such as ceremony.started'),
  data: jsonObject,
  prev: hex64,
  hash: hex64,
});

/** Hex SHA-256 over the canonical JSON of every field except `hash`. */
export function computeEntryHash(entry: Omit<JournalEntry, 'hash'>): string {
  const { seq, time, actor, event, data, prev } = entry;
  return createHash('sha256').update(canonicalJson({ seq, time, actor, event, data, prev }), 'utf8').digest('hex');
}

/** Builds the entry that follows `prev` (GENESIS_HASH for the first); no checks beyond canonical JSON. */
export function chainEntry(fields: Omit<JournalEntry, 'hash'>): JournalEntry {
  return { ...fields, hash: computeEntryHash(fields) };
}

/**
 * `chainEntry` and `encodeEntryLine` at once, from `data` already encoded as its canonical JSON:
 * the canonical JSON of the hashed fields and of the stored line differ only by `"hash"`, which
 * sorts between `event` and `prev`, so both are built around the one encoding of `data` (a
 * 100-key entry was encoded three times). Same hash, same bytes.
 */
export function chainEntryLine(
  fields: Omit<JournalEntry, 'hash' | 'data'>,
  dataJson: string,
): { entry: JournalEntry; line: string } {
  const { seq, time, actor, event, prev } = fields;
  const head = `{"actor":${canonicalJson(actor)},"data":${dataJson},"event":${canonicalJson(event)},`;
  const tail = `"prev":${canonicalJson(prev)},"seq":${canonicalJson(seq)},"time":${canonicalJson(time)}}`;
  const hash = createHash('sha256').update(`${head}${tail}`, 'utf8').digest('hex');
  const data = JSON.parse(dataJson) as JsonObject;
  return { entry: { seq, time, actor, event, data, prev, hash }, line: `${head}"hash":${canonicalJson(hash)},${tail}` };
}

/** The exact line (without "\n") an entry is stored as: its canonical JSON including `hash`. */
export function encodeEntryLine(entry: JournalEntry): string {
  return canonicalJson(entry, 'entry');
}

/**
 * `computeEntryHash(entry)` from `line`, the entry's stored line as `encodeEntryLine(entry)` gives
 * it: the hashed fields' canonical JSON is that line without `"hash":"…",` (which sorts between
 * `event` and `prev`, see chainEntryLine), so verification, which encodes the line anyway to check
 * it is canonical, hashes it without encoding the entry a second time. Same hash.
 */
export function entryHashFromLine(entry: JournalEntry, line: string): string {
  const hashField = `"hash":${canonicalJson(entry.hash)},`;
  const tail = `"prev":${canonicalJson(entry.prev)},"seq":${canonicalJson(entry.seq)},"time":${canonicalJson(entry.time)}}`;
  if (!line.endsWith(`${hashField}${tail}`)) return computeEntryHash(entry);
  const head = line.slice(0, line.length - hashField.length - tail.length);
  return createHash('sha256').update(`${head}${tail}`, 'utf8').digest('hex');
}
