/**
 * A receipt whose bundle never completed (its manifest could not be written after the receipt, e.g.
 * the medium filled) names a digest no bundle will ever have: left as it was, it reads as a finished
 * wrap, ready to sign and to carry over. Both its files are renamed NAME.void (a rename needs no room
 * on a full medium) and `receipt.voided` is journaled (best effort: the journal's medium may be the
 * full one); the stop that follows withdraws the bundle and says which receipt was voided.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fsyncDirectory } from '../../fs/durable-file';
import type { Journal } from '../../journal';
import type { WrittenCeremonyReceipt } from './journaled-receipt';

/** The suffix a voided receipt's files get. */
const VOID_SUFFIX = '.void';

/**
 * The name `file` is voided under: NAME.void, or NAME.2.void, NAME.3.void … when a voided file of that
 * name is already there (a rename replaces its target: a trial lost a voided receipt so). Throws
 * ENOENT when `file` itself is not there.
 */
async function freeVoidName(file: string): Promise<string> {
  await fs.lstat(file);
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? `${file}${VOID_SUFFIX}` : `${file}.${n}${VOID_SUFFIX}`;
    const taken = await fs.lstat(name).then(
      () => true,
      (error: NodeJS.ErrnoException) => error.code !== 'ENOENT',
    );
    if (!taken) return name;
  }
}

/** Renames `receipt`'s HTML and text files to NAME.void and journals which were (and which could not be); returns the names renamed. */
export async function voidReceipt(
  receipt: Pick<WrittenCeremonyReceipt, 'htmlFile' | 'textFile'>,
  journal: Journal,
  actor: string,
): Promise<string[]> {
  const voidedFiles: string[] = [];
  const leftFiles: string[] = [];
  for (const file of [receipt.htmlFile, receipt.textFile]) {
    try {
      await fs.rename(file, await freeVoidName(file));
      voidedFiles.push(path.basename(file));
    } catch (error) {
      // A file never written (a crash between the HTML and the text file) is no file left.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') leftFiles.push(path.basename(file));
    }
  }
  await fsyncDirectory(path.dirname(receipt.htmlFile)).catch(() => undefined);
  await journal
    .append(actor, 'receipt.voided', {
      htmlFile: path.basename(receipt.htmlFile),
      textFile: path.basename(receipt.textFile),
      voidedFiles,
      leftFiles,
    })
    .catch(() => undefined);
  return voidedFiles;
}

/** Receipt files larger than this are not read (a 100-key HTML receipt is far smaller). */
const RECEIPT_MAX_BYTES = 4 * 1024 * 1024;

/**
 * Whether the receipt file `file` prints one of `heads` (64 lower-case hex digits each), grouped in
 * upper case as receipts print a journal head: how a receipt that no `receipt.written` records is
 * told to be a given journal's (airgap/crashed-session-receipt.ts, online/unjournaled-receipts.ts).
 */
async function printsHeadOf(file: string, heads: readonly string[]): Promise<boolean> {
  const stat = await fs.stat(file).catch(() => undefined);
  if (!stat?.isFile() || stat.size > RECEIPT_MAX_BYTES) return false;
  const hex = (await fs.readFile(file, 'utf8').catch(() => '')).replace(/[^0-9A-F]/g, '');
  return heads.some((head) => hex.includes(head.toUpperCase()));
}

/** A ceremony id as it stands in a receipt file name pattern (another id may begin with it). */
export function ceremonyIdPattern(ceremonyId: string): string {
  return ceremonyId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Voids (journaled `receipt.voided`) the receipt files in `folder` whose names `pattern` matches (the
 * name without its extension its first group), that no `receipt.written` of `journal` records and
 * that print one of `heads`: receipts a run of this journal printed and never journaled (a crashed
 * air-gapped session's, a stopped online run's). Returns the names found so.
 */
export async function voidUnrecordedReceipts(
  folder: string,
  journal: Journal,
  actor: string,
  found: { readonly pattern: RegExp; readonly heads: readonly string[] },
): Promise<string[]> {
  const recorded = new Set(
    journal.entries.flatMap((e) =>
      e.event === 'receipt.written' ? [e.data['htmlFile'], e.data['textFile']].map(String) : [],
    ),
  );
  const bases = new Map<string, string[]>();
  for (const name of await fs.readdir(folder).catch(() => [] as string[])) {
    const base = found.pattern.exec(name)?.[1];
    if (base === undefined || recorded.has(name) || !(await printsHeadOf(path.join(folder, name), found.heads)))
      continue;
    bases.set(base, [...(bases.get(base) ?? []), name]);
  }
  for (const base of bases.keys())
    await voidReceipt(
      { htmlFile: path.join(folder, `${base}.html`), textFile: path.join(folder, `${base}.txt`) },
      journal,
      actor,
    );
  return [...bases.values()].flat();
}
