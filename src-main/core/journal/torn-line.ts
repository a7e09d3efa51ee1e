/**
 * A journal whose last line was cut short: an append (one write, then fsync) interrupted by a power
 * loss or a removed medium leaves an incomplete line with no newline at the end. That line is the
 * one entry that never completed: nothing after it was done in reliance on it (the step that wrote
 * it waited for its fsync). Only that is set aside, and only on request (`keyferry journal
 * set-aside-torn-line`): the bytes are moved to a side file `<journal>.torn-<UTC time>-<first 8 hex
 * digits of their SHA-256>` (created with O_EXCL and fsynced; two set-asides in one second differ by
 * their lines, and two of the same bytes by a `-2`, `-3` ... at the end), the journal is cut back to
 * its last complete line (fsynced), and the
 * journal then records `journal.torn-line-set-aside` with the fragment's SHA-256 and length (a
 * deviation every later receipt lists). Anything else stays fatal: a changed, removed or inserted
 * line anywhere, and a complete last line that fails its hash, refuse the journal as before; so does
 * a "fragment" longer than any journal line.
 *
 * A second power loss between the cut and that entry leaves a side file no entry records; so does a
 * file put there by hand (which Keyferry cannot tell from it). Such a file is never passed over:
 * opening the journal refuses it (JOURNAL_TORN_LINE_UNRECORDED), and the officer either moves it away
 * (nobody set a line aside) or runs the same command again, which journals it with its SHA-256 and
 * length, a neutral reason (a power loss or a hand: not a claim either way) and whether it reads as
 * this journal's cut line. A side file longer than any journal line is no fragment: it is never read
 * in full nor recorded, only refused (JOURNAL_SIDE_FILE_NOT_A_LINE: move it away). A power loss
 * after the side file was written and before the cut leaves the journal torn with its fragment already
 * beside it: the rerun cuts the journal and records that file, writing no second one. What the
 * dropped line held is shown as far as it reads: its event name and key ID. A fragment never holds key
 * bytes: an entry's data is refused at append when it carries anything secret-looking
 * (secret-guard.ts), so no line ever held any.
 *
 * A tail that is a whole entry missing only its newline (the write reached the disk but its last
 * byte) is no fragment: when the line parses, its hash is right and it chains to the line before it,
 * the same command completes it (writes the newline, fsynced) instead of setting it aside, and the
 * journal records `journal.torn-line-completed` with its line number (a deviation too). A line that
 * parses but does not chain is set aside as any fragment.
 */
import { createHash } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { KEY_ID_PATTERN } from '../identifiers';
import { phraseOf } from '../../i18n/phrase';
import { isKeyferryError, KeyferryError } from '../errors';
import { nodeFileLayer, sha256Hex, writeFileExclusive, type FileLayer } from '../fs/durable-file';
import { readInputFile } from '../fs/input-file';
import { EVENT_PATTERN, GENESIS_HASH, MAX_LINE_BYTES, type JournalEntry } from './entry';
import { inspectJournalInSlices, journalNotVerified } from './verify';

/** A side file beside the journal (its name), the fragment's digest and length, and what the fragment says of itself. */
interface TornLineSideFile extends FragmentFacts {
  readonly sideFile: string;
  readonly fragmentSha256: string;
  readonly fragmentBytes: number;
}

/** A side file no entry records, and whether it reads as the start of the line the journal would have had next. */
export interface UnrecordedSideFile extends TornLineSideFile {
  readonly looksLikeCutLine: boolean;
}

/** What was set aside, and the line the fragment stood on (the entry number it would have had). */
export interface TornLineSetAside extends TornLineSideFile {
  readonly line: number;
}

/** What a fragment says of itself as far as it reads: its entry's event name and key ID, each as the journal's patterns allow. */
interface FragmentFacts {
  readonly fragmentEvent?: string;
  readonly fragmentKeyId?: string;
}

/**
 * The event name and first key ID of a cut entry line, where the cut left them whole. A line is
 * canonical JSON with its fields in order (actor, data, event, hash, prev, seq, time: entry.ts), so
 * the event name follows the data; each is kept only if it matches the journal's own pattern (nothing
 * else from the fragment is ever printed).
 */
function fragmentFacts(fragment: Buffer): FragmentFacts {
  const text = fragment.toString('utf8');
  const event = [...text.matchAll(/\},"event":"([^"\\]{1,200})","hash":/g)].at(-1)?.[1];
  const keyId = /"keyIds?":\[?"([^"\\]{1,64})"/.exec(text)?.[1];
  return {
    ...(event !== undefined && EVENT_PATTERN.test(event) ? { fragmentEvent: event } : {}),
    ...(keyId !== undefined && KEY_ID_PATTERN.test(keyId) ? { fragmentKeyId: keyId } : {}),
  };
}

/**
 * The line number of the torn tail of `bytes` when it is a whole entry missing only its newline: with
 * the newline, every line verifies (it parses, its hash is right, it chains). Undefined otherwise.
 */
export async function wholeEntryWithoutNewline(bytes: Buffer): Promise<number | undefined> {
  if (bytes.length === 0 || bytes[bytes.length - 1] === 0x0a) return undefined;
  const inspected = await inspectJournalInSlices(Buffer.concat([bytes, Buffer.from('\n')]));
  return inspected.verification.ok ? inspected.entries.length : undefined;
}

/** Writes the newline the last line of `file` lacks (O_APPEND), and fsyncs it, through `layer` as every journal write. */
export async function completeLastLine(file: string, layer: FileLayer = nodeFileLayer): Promise<void> {
  const handle = await layer.open(file, constants.O_WRONLY | constants.O_APPEND, 0o600);
  try {
    await handle.write('\n');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** `20261202T095800Z`: the UTC time in a file name (no colons). */
function fileTime(now: Date): string {
  return now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/**
 * Sets aside the incomplete last line of the journal `file`, whose bytes are `bytes` (its lock is
 * held by the caller): verifies every complete line first (a fault there refuses, changing
 * nothing), writes the fragment to the side file, cuts the journal back. Returns the complete lines'
 * bytes and entries, and what was set aside; refuses JOURNAL_NOT_TORN when the journal ends with a
 * complete line.
 */
export async function setAsideTornLine(
  file: string,
  bytes: Buffer,
  now: Date,
  layer: FileLayer = nodeFileLayer,
): Promise<{ readonly kept: Buffer; readonly entries: JournalEntry[]; readonly setAside: TornLineSetAside }> {
  const cut = bytes.lastIndexOf(0x0a) + 1;
  const fragment = bytes.subarray(cut);
  const kept = bytes.subarray(0, cut);
  // Every complete line first: a fault there (or a complete last line that fails) is what it was.
  const inspected = await inspectJournalInSlices(kept);
  if (!inspected.verification.ok) throw journalNotVerified(file, inspected.verification);
  if (fragment.length === 0) throw new KeyferryError('JOURNAL_NOT_TORN', { file: path.basename(file) });
  const line = inspected.entries.length + 1;
  // No journal line is this long: it is not an append that was cut, and stays the refusal it was.
  if (fragment.length > MAX_LINE_BYTES)
    throw journalNotVerified(file, { line, reason: phraseOf('journal.verify.tooLong', { max: MAX_LINE_BYTES }) });
  const fragmentSha256 = sha256Hex(fragment);
  // A power loss after an earlier run wrote this fragment's side file and before it cut the journal:
  // that file is the set-aside (no second copy, no second entry).
  const written = (await unrecordedSideFiles(file, inspected.entries)).find(
    (f) => f.fragmentSha256 === fragmentSha256 && f.fragmentBytes === fragment.length,
  );
  const sideFile = written
    ? path.join(path.dirname(file), written.sideFile)
    : await writeSideFile(`${file}.torn-${fileTime(now)}-${fragmentSha256.slice(0, 8)}`, fragment, layer);
  const handle = await layer.open(file, constants.O_RDWR, 0o600);
  try {
    await handle.truncate(cut);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return {
    kept: Buffer.from(kept),
    entries: inspected.entries,
    setAside: {
      sideFile: path.basename(sideFile),
      fragmentSha256,
      fragmentBytes: fragment.length,
      line,
      ...fragmentFacts(fragment),
    },
  };
}

/** How many side files of one name set-aside tries (`name`, `name-2` ... `name-99`) before it gives up. */
const SIDE_FILE_NAME_TRIES = 99;

/**
 * Writes `fragment` to a new side file `name`, or `name-2`, `name-3` ... when that name is taken
 * (O_EXCL: an existing file is never overwritten). The name already holds the UTC second and the
 * fragment's SHA-256 prefix; two set-asides clash on it only when the clock reads the same second and
 * the two tails were cut after the same bytes (an air-gapped clock that restarts at one time after
 * each power loss). Returns the path written.
 */
async function writeSideFile(name: string, fragment: Buffer, layer: FileLayer): Promise<string> {
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? name : `${name}-${n}`;
    try {
      await writeFileExclusive(candidate, fragment, { layer });
      return candidate;
    } catch (error) {
      const taken = error instanceof KeyferryError && error.values?.['errno'] === 'EEXIST';
      if (!taken || n === SIDE_FILE_NAME_TRIES) throw error;
    }
  }
}

/**
 * `<journal>.torn-20261202T095800Z-1a2b3c4d` (or `...-1a2b3c4d-2` when that name was taken): the name
 * set-aside gives a side file of journal `base`; also without the digest's prefix, the name it gave
 * before two set-asides in one second could clash.
 */
function isSideFileOf(base: string, name: string): boolean {
  return (
    name.startsWith(`${base}.torn-`) &&
    /^\d{8}T\d{6}Z(-[0-9a-f]{8}(-\d{1,2})?)?$/.test(name.slice(base.length + '.torn-'.length))
  );
}

/**
 * Whether `fragment` reads as the start of the line that would follow `entries`: it opens as every
 * line does (`{"actor":"`), holds no newline, and its `prev` and `seq`, where the cut left them
 * whole, are the last entry's hash and the next number.
 */
function looksLikeCutLine(fragment: Buffer, entries: readonly JournalEntry[]): boolean {
  const text = fragment.toString('utf8');
  if (!text.startsWith('{"actor":"') || text.includes('\n')) return false;
  const prev = [...text.matchAll(/"prev":"([0-9a-f]{64})"/g)].at(-1)?.[1];
  const seq = [...text.matchAll(/"seq":(\d+)[,}]/g)].at(-1)?.[1];
  return (
    (prev === undefined || prev === (entries.at(-1)?.hash ?? GENESIS_HASH)) &&
    (seq === undefined || Number(seq) === entries.length + 1)
  );
}

/**
 * A side file's SHA-256, length and facts, read as every file handed to Keyferry is (input-file.ts:
 * never through a link, a regular file, at most MAX_LINE_BYTES; the caller refuses a longer one
 * before reading it, and one that grows past it while read is refused too).
 */
async function sideFileFacts(
  file: string,
  journal: string,
  entries: readonly JournalEntry[],
): Promise<UnrecordedSideFile> {
  const fragment = await readInputFile(file, 'journal', MAX_LINE_BYTES).catch((error: unknown) => {
    // Grown past a line's length since it was looked at: the same refusal as one found that long.
    const problem = isKeyferryError(error) ? error : undefined;
    if (problem?.code === 'INPUT_FILE_UNREADABLE' && problem.values?.['reason'] === 'tooLarge')
      throw sideFileNotALine(journal, path.basename(file), Number(problem.values?.['size'] ?? 0));
    throw error;
  });
  return {
    sideFile: path.basename(file),
    fragmentSha256: createHash('sha256').update(fragment).digest('hex'),
    fragmentBytes: fragment.length,
    ...fragmentFacts(fragment),
    looksLikeCutLine: looksLikeCutLine(fragment, entries),
  };
}

/** JOURNAL_SIDE_FILE_NOT_A_LINE: a side file of journal `journal` longer than any journal line (`bytes` at least). */
function sideFileNotALine(journal: string, sideFile: string, bytes: number): KeyferryError {
  return new KeyferryError('JOURNAL_SIDE_FILE_NOT_A_LINE', {
    file: path.basename(journal),
    sideFile,
    bytes,
    max: MAX_LINE_BYTES,
    folder: path.dirname(journal),
  });
}

/**
 * The refusal of journal `file` while the side file `sideFile` lies beside it unrecorded: every step
 * gives it on opening, and `journal verify` prints it after the chain's verdict.
 */
export function unrecordedSideFileRefusal(file: string, sideFile: string): KeyferryError {
  return new KeyferryError('JOURNAL_TORN_LINE_UNRECORDED', { file: path.basename(file), sideFile, path: file });
}

/**
 * The side files beside the journal `file` (regular files named as set-aside names them) that no
 * `journal.torn-line-set-aside` entry of `entries` records with the same name, SHA-256 and length:
 * a second power loss came between the cut and its entry, or the file was put there by hand. Refuses
 * JOURNAL_SIDE_FILE_NOT_A_LINE, without reading it, for one longer than any journal line.
 */
export async function unrecordedSideFiles(
  file: string,
  entries: readonly JournalEntry[],
): Promise<UnrecordedSideFile[]> {
  const base = path.basename(file);
  const dir = path.dirname(file);
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => isSideFileOf(base, n)).sort();
  const recorded = entries.filter((e) => e.event === 'journal.torn-line-set-aside').map((e) => e.data);
  const found: UnrecordedSideFile[] = [];
  for (const name of names) {
    const stat = await fs.lstat(path.join(dir, name)).catch(() => null);
    if (!stat?.isFile()) continue;
    if (stat.size > MAX_LINE_BYTES) throw sideFileNotALine(file, name, stat.size);
    const facts = await sideFileFacts(path.join(dir, name), file, entries);
    const known = recorded.some(
      (d) =>
        d.sideFile === name && d.fragmentSha256 === facts.fragmentSha256 && d.fragmentBytes === facts.fragmentBytes,
    );
    if (!known) found.push(facts);
  }
  return found;
}
