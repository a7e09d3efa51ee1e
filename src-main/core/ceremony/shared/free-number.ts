/**
 * Writing under the first free number of a name (a receipt's): the number is picked from what the
 * folder holds, the file created exclusively, and when the name was taken meanwhile (another
 * journal's receipt written since) the number is picked again, so a finished step never ends
 * without its file. Any other failure is reported at once.
 */
import { KeyferryError } from '../../errors';

/** How often a taken name is retried before the failure is reported (each try re-reads the folder). */
const ATTEMPTS = 20;

/** True when a write failed only because the file name exists (another receipt took it). */
function nameTaken(error: unknown): boolean {
  return error instanceof KeyferryError && error.code === 'WRITE_FAILED' && error.values?.['errno'] === 'EEXIST';
}

/**
 * Writes with the number `pick` finds free; when the exclusive create finds the name taken (another
 * journal's receipt written since), picks again and retries.
 */
export async function writeUnderFreeNumber<T>(
  pick: () => Promise<number>,
  write: (n: number) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const n = await pick();
    try {
      return await write(n);
    } catch (error) {
      if (!nameTaken(error) || attempt >= ATTEMPTS) throw error;
    }
  }
}
