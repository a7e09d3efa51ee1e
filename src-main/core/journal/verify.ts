/**
 * Verifies a journal file: every line canonical, well-formed, numbered, chained and hashed, and
 * (when a receipt is at hand) that the head hash and entry count printed on it are in the journal.
 *
 * A hash chain alone cannot notice whole entries cut off the end: what is left is still a valid
 * chain. That is why every receipt prints the head hash and the entry count, and why
 * `expectedHead` / `expectedCount` exist: with them, removing trailing entries is detected.
 * Entries appended after the expected head are allowed (the chain vouches for everything up to
 * it) and reported as `laterEntries`, so a journal may record the receipt that sealed it.
 */
import path from 'node:path';
import { phraseOf, phraseValue, type Phrase } from '../../i18n/phrase';
import { KeyferryError } from '../errors';
import { parseTypedDigest } from '../crypto/typed-digest';
import { readInputFile } from '../fs/input-file';
import { stepsAtOnce, stepsInSlices } from '../yield';
import {
  GENESIS_HASH,
  MAX_LINE_BYTES,
  encodeEntryLine,
  entryHashFromLine,
  journalEntrySchema,
  type JournalEntry,
} from './entry';

/**
 * Whether a failed verification is only an incomplete last line (no newline at the end: an append cut
 * short by a power loss), every complete line before it sound: what torn-line.ts may set aside.
 */
export function isTornLastLine(failed: { readonly reason: Phrase }): boolean {
  return failed.reason.key === 'journal.verify.incomplete';
}

/**
 * The refusal of a journal that does not verify (`verification` failed at `line`): named, with its
 * reason; an incomplete last line is JOURNAL_LAST_LINE_TORN, whose next step names the command that
 * sets it aside; a file with no journal entry in it is JOURNAL_NOT_A_JOURNAL (another file given as
 * the journal: nothing to keep as evidence, no ceremony to start again).
 */
export function journalNotVerified(
  file: string,
  failed: { readonly line: number; readonly reason: Phrase },
): KeyferryError {
  if (isTornLastLine(failed))
    return new KeyferryError('JOURNAL_LAST_LINE_TORN', { file: path.basename(file), line: failed.line, path: file });
  if (failed.reason.key === 'journal.verify.noEntry') return new KeyferryError('JOURNAL_NOT_A_JOURNAL', { file });
  return new KeyferryError('JOURNAL_TAMPERED', {
    file: path.basename(file),
    line: failed.line,
    reasonPhrase: phraseValue(failed.reason),
  });
}

export interface ExpectedHead {
  /** Head hash from a receipt (64 hex digits; spaces and case are ignored). */
  readonly expectedHead?: string;
  /** Entry count from a receipt; with it, the head must be exactly entry number `expectedCount`. */
  readonly expectedCount?: number;
}

type JournalVerification =
  | {
      readonly ok: true;
      readonly headHash: string;
      readonly count: number;
      readonly expectedHeadAt?: number;
      readonly laterEntries?: number;
    }
  | { readonly ok: false; readonly line: number; readonly reason: JournalFault };

/** Why a journal does not verify: a `journal.verify.*` phrase (rendered in the reader's language). */
type JournalFault = Phrase;

/** Largest journal file read (a ceremony journal holds hundreds of entries, not millions). */
const MAX_JOURNAL_BYTES = 256 * 1024 * 1024;

type Inspection = { verification: JournalVerification; entries: JournalEntry[] };

const utf8 = new TextDecoder('utf-8', { fatal: true });

function fail(line: number, reason: JournalFault): Inspection {
  return { verification: { ok: false, line, reason }, entries: [] };
}

/** Normalizes a head hash typed from a receipt (`ab12 cd34 …`) or throws a KeyferryError. */
export function normalizeHeadHash(value: string): string {
  // A typed digest's form, each slip said by its group (typed-digest.ts).
  return parseTypedDigest(value, 'head');
}

/** The entry a line holds, read and schema-checked on its own (no chain, no hash), or why it is none. */
function parseLine(bytes: Buffer): { entry: JournalEntry; text: string } | { reason: JournalFault } {
  if (bytes.length === 0) return { reason: phraseOf('journal.verify.blank') };
  if (bytes.length > MAX_LINE_BYTES) return { reason: phraseOf('journal.verify.tooLong', { max: MAX_LINE_BYTES }) };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { reason: phraseOf('journal.verify.notUtf8') };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { reason: phraseOf('journal.verify.notJson') };
  }
  const result = journalEntrySchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.length ? issue.path.join('.') : 'entry';
    return { reason: phraseOf('journal.verify.notEntry', { field }) };
  }
  return { entry: result.data as JournalEntry, text };
}

/** Why `entry`, read from `text`, is not sealed by its own hash in canonical form; undefined when it is. */
function sealFault(entry: JournalEntry, text: string): JournalFault | undefined {
  let hash: string;
  let canonical: string;
  try {
    canonical = encodeEntryLine(entry);
    hash = entryHashFromLine(entry, canonical);
  } catch {
    // JSON.parse turns an out-of-range number such as 1e999 into Infinity, which has no JSON form;
    // canonical JSON also refuses nesting deeper than MAX_JSON_DEPTH. Keyferry never writes either.
    return phraseOf('journal.verify.noJsonForm');
  }
  if (hash !== entry.hash) return phraseOf('journal.verify.hash');
  if (canonical !== text) return phraseOf('journal.verify.notCanonical');
  return undefined;
}

function checkLine(bytes: Buffer, line: number, previous: string): { entry: JournalEntry } | { reason: JournalFault } {
  const read = parseLine(bytes);
  if ('reason' in read) return read;
  const { entry, text } = read;
  if (entry.seq !== line) return { reason: phraseOf('journal.verify.seq', { seq: entry.seq, line }) };
  if (entry.prev !== previous) {
    return {
      reason:
        line === 1 ? phraseOf('journal.verify.genesis') : phraseOf('journal.verify.chain', { previous: line - 1 }),
    };
  }
  const fault = sealFault(entry, text);
  return fault ? { reason: fault } : { entry };
}

/**
 * The entry `text` holds when the line is intact on its own: an entry by the schema, in canonical
 * form, sealed by its own hash (where it sits in a chain is not looked at); else undefined.
 */
export function intactEntry(text: string): JournalEntry | undefined {
  const read = parseLine(Buffer.from(text, 'utf8'));
  return 'reason' in read || sealFault(read.entry, read.text) ? undefined : read.entry;
}

function checkExpected(hashes: readonly string[], expected: ExpectedHead): JournalVerification | undefined {
  const count = hashes.length;
  const head = expected.expectedHead === undefined ? undefined : normalizeHeadHash(expected.expectedHead);
  const hashAt = (n: number): string => (n === 0 ? GENESIS_HASH : (hashes[n - 1] ?? ''));
  let at: number | undefined;
  if (expected.expectedCount !== undefined) {
    const want = expected.expectedCount;
    if (!Number.isSafeInteger(want) || want < 0) {
      throw new KeyferryError('JOURNAL_BAD_EXPECTED_COUNT');
    }
    if (want > count) {
      return {
        ok: false,
        line: count + 1,
        reason: phraseOf('journal.verify.cutShort', { count, want }),
      };
    }
    if (head !== undefined && hashAt(want) !== head) {
      return {
        ok: false,
        line: Math.max(want, 1),
        reason: phraseOf('journal.verify.otherHead', { want }),
      };
    }
    at = want;
  } else if (head !== undefined) {
    const index = head === GENESIS_HASH ? 0 : hashes.indexOf(head) + 1;
    if (index === 0 && head !== GENESIS_HASH) {
      return {
        ok: false,
        line: count + 1,
        reason: phraseOf('journal.verify.headMissing'),
      };
    }
    at = index;
  }
  if (at === undefined) return undefined;
  return { ok: true, headHash: hashAt(count), count, expectedHeadAt: at, laterEntries: count - at };
}

/**
 * Whether any line of `bytes` reads as a journal entry (by the schema; sealed or not). Asked only when
 * line 1 is not an intact entry: a file none of whose lines is an entry (a receipt, a plan, a state
 * file given as the journal) is no journal at all, not a journal whose lines were damaged or reformatted.
 */
function holdsAnyEntry(bytes: Buffer): boolean {
  for (let start = 0; start < bytes.length;) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end === -1 ? bytes.length : end;
    if (!('reason' in parseLine(bytes.subarray(start, stop)))) return true;
    start = stop + 1;
  }
  return false;
}

/**
 * The verification, one line per step (a generator, so it can run in slices or all at once). With
 * `keepEntries` false (a verification alone) only each entry's hash is kept: 10,000 parsed entries
 * held to the end made every young-generation collection on the way copy them all.
 */
function* inspectLines(
  content: string | Uint8Array,
  expected: ExpectedHead,
  keepEntries = true,
): Generator<void, Inspection> {
  const bytes =
    typeof content === 'string'
      ? Buffer.from(content, 'utf8')
      : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  const entries: JournalEntry[] = [];
  const hashes: string[] = [];
  let previous = GENESIS_HASH;
  let start = 0;
  let line = 1;
  while (start < bytes.length) {
    const end = bytes.indexOf(0x0a, start);
    if (end === -1) {
      return fail(line, phraseOf('journal.verify.incomplete'));
    }
    const checked = checkLine(bytes.subarray(start, end), line, previous);
    if ('reason' in checked) {
      return fail(line, line === 1 && !holdsAnyEntry(bytes) ? phraseOf('journal.verify.noEntry') : checked.reason);
    }
    if (keepEntries) entries.push(checked.entry);
    hashes.push(checked.entry.hash);
    previous = checked.entry.hash;
    start = end + 1;
    line += 1;
    yield;
  }
  const verification = checkExpected(hashes, expected) ?? { ok: true, headHash: previous, count: hashes.length };
  return verification.ok ? { verification, entries } : { verification, entries: [] };
}

/** Verifies journal bytes and returns the entries when they are sound, in one go (small journals, tests). */
export function inspectJournal(content: string | Uint8Array, expected: ExpectedHead = {}): Inspection {
  return stepsAtOnce(inspectLines(content, expected));
}

/**
 * The same verification in slices of at most a few milliseconds, letting the event loop run in
 * between: 10,000 entries never hold the main process (IPC, the window) for more than a frame.
 */
export async function inspectJournalInSlices(
  content: string | Uint8Array,
  expected: ExpectedHead = {},
): Promise<Inspection> {
  return stepsInSlices(inspectLines(content, expected));
}

/** Verifies journal text or bytes in memory. */
export function verifyJournalText(content: string | Uint8Array, expected: ExpectedHead = {}): JournalVerification {
  return stepsAtOnce(inspectLines(content, expected, false)).verification;
}

/** Reads a journal file (size-capped); refuses, naming the file, one that cannot be read. */
export async function readJournalFile(file: string): Promise<Buffer> {
  return readInputFile(file, 'journal', MAX_JOURNAL_BYTES);
}

/** Verifies the journal file at `file` (in slices); see ExpectedHead for checking against a receipt. */
export async function verifyJournal(file: string, expected: ExpectedHead = {}): Promise<JournalVerification> {
  return (await stepsInSlices(inspectLines(await readJournalFile(file), expected, false))).verification;
}
