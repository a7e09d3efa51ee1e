/**
 * The online journals in a folder that record a given ceremony: a hint for an import given the wrong
 * `--journal` (a trial's online.jsonl of ceremony A for a bundle of ceremony B, whose journal
 * online2.jsonl lay beside it, was told only "do not import this bundle"). The folder's files are
 * not trusted: only regular files are opened (never a link, a FIFO or a folder named *.jsonl), each
 * without waiting and its first line alone read (core/journal/foreign-line.ts reads the ceremony id
 * it records, as the id pattern allows); no hash chain is verified: the refusal only names the file,
 * and the run given it reads and verifies that journal whole. Any failure finds nothing.
 */
import { constants } from 'node:fs';
import { lstat, open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { lineCeremony } from '../core/journal/foreign-line';

/** At most this many journals are looked at, each its first line (of at most this many bytes). */
const MAX_JOURNALS = 50;
const FIRST_LINE_BYTES = 16 * 1024;

/** The first line of the regular file `file` (undefined: not a regular file, unreadable, or no whole line). */
async function firstLine(file: string): Promise<string | undefined> {
  const stat = await lstat(file).catch(() => undefined);
  if (!stat?.isFile()) return undefined;
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW).catch(
    () => undefined,
  );
  if (!handle) return undefined;
  try {
    const buffer = Buffer.alloc(FIRST_LINE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    const end = text.indexOf('\n');
    return end < 0 ? undefined : text.slice(0, end);
  } catch {
    return undefined;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** The names of the `.jsonl` files in `folder` (not `except`) whose first entry starts ceremony `ceremonyId`, sorted. */
export async function journalsOfCeremony(folder: string, ceremonyId: string, except: string): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const journals = names.filter((n) => n.endsWith('.jsonl') && n !== path.basename(except)).sort();
  const found: string[] = [];
  for (const name of journals.slice(0, MAX_JOURNALS)) {
    const line = await firstLine(path.join(folder, name));
    if (line !== undefined && lineCeremony(line).ceremonyId === ceremonyId) found.push(name);
  }
  return found;
}
