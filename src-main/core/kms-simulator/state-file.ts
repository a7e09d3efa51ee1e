/**
 * Persisting the simulator's state so a rehearsal can stop and resume: every change is written
 * to a new temporary file (O_EXCL, fsync, read back; durable-file.ts), renamed over the state
 * file, and the folder fsynced. Loading validates the file with zod.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { KeyferryError } from '../errors';
import { fsyncDirectory, writeFileExclusive } from '../fs/durable-file';
import { stateFileSchema, stateFromFile, stateToFile, type SimStates } from './state';

const MAX_STATE_BYTES = 64 * 1024 * 1024;

function invalidState(
  file: string,
  why: 'tooLarge' | 'notJson' | 'field' | 'notAFile' | 'unreadable',
  detail = '',
): KeyferryError {
  return new KeyferryError('SIM_STATE_INVALID', { file, why, detail });
}

/** Loads a state file (version 1: one region; 2: several); undefined when it does not exist. */
export async function loadStateFile(file: string): Promise<SimStates | undefined> {
  let text: string;
  try {
    const stat = await fs.stat(file);
    // A folder (or a device) given as --state: said in words, not as the system's EISDIR.
    if (!stat.isFile()) throw invalidState(file, 'notAFile');
    if (stat.size > MAX_STATE_BYTES) throw invalidState(file, 'tooLarge');
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if (error instanceof KeyferryError) throw error;
    throw invalidState(file, 'unreadable', (error as Error).message);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalidState(file, 'notJson');
  }
  const parsed = stateFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidState(file, 'field', issue?.path.join('.') ?? '?');
  }
  return stateFromFile(parsed.data);
}

/** Writes the state atomically: temporary file (durable, exclusive), rename, fsync the folder. */
async function saveStateFile(file: string, state: SimStates): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFileExclusive(temp, `${JSON.stringify(stateToFile(state))}\n`, { mode: 0o600 });
    await fs.rename(temp, file);
    await fsyncDirectory(dir);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * Serializes saves: each `save()` resolves once a write that began after the call has finished.
 * `states` is read at each write (every region the simulator serves at that moment).
 */
export function createStatePersister(file: string, states: () => SimStates): { save(): Promise<void> } {
  let chain: Promise<void> = Promise.resolve();
  return {
    save() {
      const next = chain.then(() => saveStateFile(file, states()));
      chain = next.catch(() => undefined);
      return next;
    },
  };
}
