/**
 * Writes journal lines durably (one entry, or several appended together): checks the file is still the size this writer left it,
 * appends (the handle is O_APPEND), fsyncs. On failure it cuts the file back to its previous
 * size so no half line is left; if even that fails, the journal is reported broken.
 */
import type { promises as fsp } from 'node:fs';
import { KeyferryError, selectedProblem } from '../errors';
import { writeAllThenSync } from '../fs/durable-file';

/** Codes after which the journal must not take further appends. */
export const BROKEN_CODES = new Set(['JOURNAL_BROKEN', 'JOURNAL_CHANGED_ELSEWHERE']);

async function rollBack(handle: fsp.FileHandle, size: number): Promise<boolean> {
  try {
    await handle.truncate(size);
    await handle.sync();
    return (await handle.stat()).size === size;
  } catch {
    return false;
  }
}

/** Appends `line` (one or more lines, ending in "\n") to a file expected to be `expectedSize` bytes long. */
export async function appendLine(
  handle: fsp.FileHandle,
  line: Buffer,
  expectedSize: number,
  name: string,
): Promise<void> {
  const actualSize = (await handle.stat()).size;
  if (actualSize !== expectedSize) {
    throw new KeyferryError('JOURNAL_CHANGED_ELSEWHERE', { name, size: actualSize, expected: expectedSize });
  }
  try {
    await writeAllThenSync(handle, line);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    if (await rollBack(handle, expectedSize)) {
      throw new KeyferryError('JOURNAL_WRITE_FAILED', { name, errno: code }, { cause: error });
    }
    throw selectedProblem('JOURNAL_BROKEN', { reason: 'unwritten', name, errno: code }, { cause: error });
  }
}
