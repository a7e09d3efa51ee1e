/**
 * The online journals in a folder that record a given ceremony: a hint for an import given the wrong
 * `--journal` (a trial's online.jsonl of ceremony A for a bundle of ceremony B, whose journal
 * online2.jsonl lay beside it, was told only "do not import this bundle"). Each journal's first line
 * alone is read, checked with zod, no hash chain verified: the refusal only names the file, and the
 * run with it reads and verifies that journal whole.
 */
import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/** At most this many journals are looked at, each its first line (of at most this many bytes). */
const MAX_JOURNALS = 50;
const FIRST_LINE_BYTES = 16 * 1024;

const startedLine = z.object({
  event: z.literal('ceremony.started'),
  data: z.object({ ceremonyId: z.string() }),
});

async function firstLine(file: string): Promise<string | undefined> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const buffer = Buffer.alloc(FIRST_LINE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    const end = text.indexOf('\n');
    return end < 0 ? undefined : text.slice(0, end);
  } finally {
    await handle.close();
  }
}

/** The names of the `.jsonl` files in `folder` (not `except`) whose first entry starts ceremony `ceremonyId`, sorted. */
export async function journalsOfCeremony(folder: string, ceremonyId: string, except: string): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const journals = names.filter((n) => n.endsWith('.jsonl') && n !== path.basename(except)).sort();
  const found: string[] = [];
  for (const name of journals.slice(0, MAX_JOURNALS)) {
    const line = await firstLine(path.join(folder, name));
    if (line === undefined) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue;
    }
    const started = startedLine.safeParse(parsed);
    if (started.success && started.data.data.ceremonyId === ceremonyId) found.push(name);
  }
  return found;
}
