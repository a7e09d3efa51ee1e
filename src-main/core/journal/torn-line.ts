/**
 * A journal whose last line was cut short: an append (one write, then fsync) interrupted by a power
 * loss or a removed medium leaves an incomplete line with no newline at the end. That line is the
 * one entry that never completed: nothing after it was done in reliance on it (the step that wrote
 * it waited for its fsync). Only that is set aside, and only on request (`keyferry journal
 * set-aside-torn-line`): the bytes are moved to a side file `<journal>.torn-<UTC time>` (created
 * with O_EXCL and fsynced), the journal is cut back to its last complete line (fsynced), and the
 * journal then records `journal.torn-line-set-aside` with the fragment's SHA-256 and length (a
 * deviation every later receipt lists). Anything else stays fatal: a changed, removed or inserted
 * line anywhere, and a complete last line that fails its hash, refuse the journal as before; so does
 * a "fragment" longer than any journal line.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { phraseOf } from '../../i18n/phrase';
import { KeyferryError } from '../errors';
import { nodeFileLayer, sha256Hex, writeFileExclusive, type FileLayer } from '../fs/durable-file';
import { MAX_LINE_BYTES, type JournalEntry } from './entry';
import { inspectJournalInSlices, journalNotVerified } from './verify';

/** What was set aside: the side file (its name, beside the journal), the fragment's digest and length. */
export interface TornLineSetAside {
  readonly sideFile: string;
  readonly fragmentSha256: string;
  readonly fragmentBytes: number;
  /** The line the fragment stood on (the entry number it would have had). */
  readonly line: number;
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
  const sideFile = `${file}.torn-${fileTime(now)}`;
  await writeFileExclusive(sideFile, fragment, { layer });
  const handle = await fs.open(file, 'r+');
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
      fragmentSha256: sha256Hex(fragment),
      fragmentBytes: fragment.length,
      line,
    },
  };
}
