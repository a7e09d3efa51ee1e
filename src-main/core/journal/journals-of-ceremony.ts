/**
 * The journals in a folder that record a ceremony, for a refusal that names the journal probably
 * meant: a journal of another ceremony given by mistake while this ceremony's lies beside it (two
 * trials: `online import` told only "do not import this bundle"; `airgap wrap` told to start a new
 * journal, which then knew nothing of that journal's wrap and made other material without asking).
 * A side's journal records its ceremony in one entry: the online side's `ceremony.started`, the
 * air-gapped side's `parameters.read`; the first entry that records a ceremony decides (read as
 * foreign-line.ts reads a line, its id as the pattern allows). The folder's files are not trusted:
 * only regular files are opened (never a link, a FIFO or a folder named *.jsonl), without waiting,
 * and only their first bytes read; no hash chain is verified (the run given the journal verifies it
 * whole). Any failure finds nothing. Synchronous: it runs only on the way to a refusal.
 */
import { closeSync, constants, lstatSync, openSync, readdirSync, readSync } from 'node:fs';
import path from 'node:path';
import { lineCeremony } from './foreign-line';

/** At most this many journals are looked at, each its first bytes. */
const MAX_JOURNALS = 50;
const HEAD_BYTES = 64 * 1024;

/** The entry by which each side's journal records its ceremony. */
const RECORDED_BY = { online: 'ceremony.started', 'air-gapped': 'parameters.read' } as const;

/** The first bytes of the regular file `file` (undefined: not a regular file, or unreadable). */
function headOf(file: string): string | undefined {
  try {
    if (!lstatSync(file).isFile()) return undefined;
    const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      const read = readSync(fd, buffer, 0, buffer.length, 0);
      return buffer.subarray(0, read).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/** Whether `line` starts a custody restore's session (its `purpose`): a restore journal records `parameters.read` too. */
function startsRestore(line: string): boolean {
  try {
    const { event, data } = JSON.parse(line) as { event?: unknown; data?: { purpose?: unknown } };
    return event === 'ceremony.session-started' && data?.purpose === 'custody-restore';
  } catch {
    return false;
  }
}

/**
 * Whether the journal text `head` begins a journal of `side` that records ceremony `ceremonyId`; a
 * custody restore's journal is not an air-gapped side's (a review's app was refused beside one and
 * told to wrap in it).
 */
function recordsCeremony(head: string, side: keyof typeof RECORDED_BY, ceremonyId: string): boolean {
  // Whole lines only: the last may be cut at HEAD_BYTES.
  for (const line of head.split('\n').slice(0, -1)) {
    if (side === 'air-gapped' && startsRestore(line)) return false;
    const { event, ceremonyId: recorded } = lineCeremony(line);
    if (recorded === undefined) continue;
    return event === RECORDED_BY[side] && recorded === ceremonyId;
  }
  return false;
}

/** The names of the `.jsonl` files in `folder` (not `except`) that are `side` journals of ceremony `ceremonyId`, sorted. */
export function journalsOfCeremony(
  folder: string,
  ceremonyId: string,
  side: keyof typeof RECORDED_BY,
  except: string,
): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.jsonl') && n !== path.basename(except))
    .sort()
    .slice(0, MAX_JOURNALS)
    .filter((name) => {
      const head = headOf(path.join(folder, name));
      return head !== undefined && recordsCeremony(head, side, ceremonyId);
    });
}
