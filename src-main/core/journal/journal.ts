/**
 * The append-only ceremony journal. `openJournal` creates a new file (O_EXCL) or verifies an
 * existing one and continues its chain; every `append` is written with O_APPEND and fsynced
 * before it resolves. A step that records many facts at once (one per key of a 100-key ceremony)
 * uses `appendMany`: the entries are chained one after another as usual, written in one write
 * and fsynced once, so they become durable together (all or none). One writer at a time
 * (lock.ts); appends from one Journal are serialized.
 */
import { constants, existsSync, type promises as fsp } from 'node:fs';
import path from 'node:path';
import { KeyferryError, selectedProblem } from '../errors';
import { phraseOf } from '../../i18n/phrase';
import { eventLoopSlicer, mapInSlices } from '../yield';
import { BROKEN_CODES, appendLine } from './append-line';
import { fsyncDirectory, nodeFileLayer, type FileLayer } from '../fs/durable-file';
import { canonicalJson, type JsonObject } from './canonical-json';
import { ACTOR_PATTERN, EVENT_PATTERN, GENESIS_HASH, MAX_LINE_BYTES, chainEntryLine, type JournalEntry } from './entry';
import { acquireJournalLock, acquireJournalLockToRead, type JournalLock } from './lock';
import type { LeftBehindLock } from './lock-owner';
import { assertNoSecrets } from './secret-guard';
import {
  completeLastLine,
  setAsideTornLine,
  unrecordedSideFileRefusal,
  unrecordedSideFiles,
  wholeEntryWithoutNewline,
  type TornLineSetAside,
  type UnrecordedSideFile,
} from './torn-line';
import { inspectJournalInSlices, journalNotVerified, readJournalFile, type ExpectedHead } from './verify';

interface OpenJournalOptions extends ExpectedHead {
  /** true: make a new journal (fails if the file exists); false: open and verify an existing one. */
  readonly create: boolean;
  /** Clock for entry times (tests inject one). */
  readonly now?: () => Date;
  /** File operations (tests inject failures). */
  readonly layer?: FileLayer;
}

/** One entry to append: who, what, and the facts (never secrets). */
export interface JournalAppend {
  readonly actor: string;
  readonly event: string;
  readonly data?: JsonObject;
}

export interface Journal {
  readonly path: string;
  /** Hash of the last entry (GENESIS_HASH when empty). */
  readonly head: string;
  /** Number of entries (= seq of the last entry). */
  readonly count: number;
  /** Every entry, oldest first (a copy; entries are frozen). */
  readonly entries: readonly JournalEntry[];
  /** Appends one entry, durably; resolves once it is fsynced. Never pass secrets in `data`. */
  append(actor: string, event: string, data?: JsonObject): Promise<JournalEntry>;
  /**
   * Appends several entries, chained in order, with one write and one fsync: all of them are
   * durable once it resolves, or none is recorded. For a step that records one fact per key.
   */
  appendMany(entries: readonly JournalAppend[]): Promise<JournalEntry[]>;
  /** Releases the lock and the file. Further appends fail. */
  close(): Promise<void>;
  /** The writer's lock opening took over from a process that is gone (lock.ts), if it did. */
  readonly lockLeftBehind?: LeftBehindLock;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

type EntryInvalid =
  | { readonly reason: 'actor' | 'data' | 'clock' }
  | { readonly reason: 'event'; readonly event: string }
  | { readonly reason: 'size'; readonly max: number };

function invalid(problem: EntryInvalid): never {
  throw selectedProblem('JOURNAL_ENTRY_INVALID', problem);
}

class FileJournal implements Journal {
  private readonly list: JournalEntry[];
  private size: number;
  private queue: Promise<unknown> = Promise.resolve();
  private state: 'open' | 'closed' | 'broken' = 'open';
  /** The close under way or done (close() is idempotent, and every caller waits for the lock's release). */
  private closing: Promise<void> | undefined;
  private readonly countAtOpen: number;
  /** Set by a run whose entries say nothing of a gone writer whose lock it took over (a torn line's set-aside). */
  keepsLeftBehind = false;

  constructor(
    readonly path: string,
    private readonly handle: fsp.FileHandle,
    private readonly lock: JournalLock,
    /** Deep-frozen already (openLocked freezes a reopened journal's entries in slices). */
    entries: JournalEntry[],
    size: number,
    private readonly now: () => Date,
  ) {
    this.list = entries;
    this.size = size;
    this.countAtOpen = entries.length;
  }

  get lockLeftBehind(): LeftBehindLock | undefined {
    return this.lock.leftBehind;
  }

  get head(): string {
    return this.list.at(-1)?.hash ?? GENESIS_HASH;
  }

  get count(): number {
    return this.list.length;
  }

  get entries(): readonly JournalEntry[] {
    return this.list.slice();
  }

  append(actor: string, event: string, data: JsonObject = {}): Promise<JournalEntry> {
    return this.enqueue([{ actor, event, data }]).then((entries) => entries[0] as JournalEntry);
  }

  appendMany(entries: readonly JournalAppend[]): Promise<JournalEntry[]> {
    if (entries.length === 0) return Promise.resolve([]);
    return this.enqueue(entries.map((e) => ({ ...e })));
  }

  private enqueue(entries: readonly JournalAppend[]): Promise<JournalEntry[]> {
    const result = this.queue.then(() => this.appendNow(entries));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private checkOpen(): void {
    if (this.state === 'open') return;
    throw this.state === 'closed'
      ? new KeyferryError('JOURNAL_CLOSED')
      : selectedProblem('JOURNAL_BROKEN', { reason: 'earlier' });
  }

  /** Checks one entry and chains it after `prev` as entry number `seq`: the entry and its line. */
  private chained(seq: number, prev: string, { actor, event, data = {} }: JournalAppend) {
    if (typeof actor !== 'string' || !ACTOR_PATTERN.test(actor)) invalid({ reason: 'actor' });
    if (typeof event !== 'string' || !EVENT_PATTERN.test(event))
      invalid({ reason: 'event', event: String(event).slice(0, 80) });
    if (data === null || typeof data !== 'object' || Array.isArray(data)) invalid({ reason: 'data' });
    assertNoSecrets(data);
    const date = this.now();
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) invalid({ reason: 'clock' });
    return chainEntryLine({ seq, time: date.toISOString(), actor, event, prev }, canonicalJson(data));
  }

  private async appendNow(items: readonly JournalAppend[]): Promise<JournalEntry[]> {
    this.checkOpen();
    const entries: JournalEntry[] = [];
    const lines: Buffer[] = [];
    // 100 entries at once (one per key) take longer than a frame to check and chain: let the event
    // loop run once a slice has used its budget. Appends wait in the queue meanwhile.
    const slicer = eventLoopSlicer();
    for (const item of items) {
      await slicer.pause();
      const chained = this.chained(this.list.length + entries.length + 1, entries.at(-1)?.hash ?? this.head, item);
      const { entry } = chained;
      const line = Buffer.from(`${chained.line}\n`, 'utf8');
      if (line.length - 1 > MAX_LINE_BYTES) invalid({ reason: 'size', max: MAX_LINE_BYTES });
      entries.push(entry);
      lines.push(line);
    }
    const bytes = Buffer.concat(lines);
    try {
      await appendLine(this.handle, bytes, this.size, path.basename(this.path));
    } catch (error) {
      if (error instanceof KeyferryError && BROKEN_CODES.has(error.code)) this.state = 'broken';
      throw error;
    }
    this.size += bytes.length;
    const frozen = entries.map(deepFreeze);
    this.list.push(...frozen);
    return frozen;
  }

  /**
   * Closes the file and releases the lock. A second call while the first is under way waits for it:
   * a Ctrl-C handler closing the journal as the command's own close runs must not let the process
   * exit before the lock file is gone (a trial found it left behind, the stop line saying "closed").
   */
  close(): Promise<void> {
    // A later call waits for the first and shares its outcome: a close that failed (the lock not
    // released) is not reported as done to a stop handler that says "closed".
    this.closing ??= this.closeOnce();
    return this.closing;
  }

  private async closeOnce(): Promise<void> {
    await this.queue;
    this.state = 'closed';
    try {
      await this.handle.close();
    } finally {
      // A gone writer's lock taken over and nothing appended: put back, for the next session to say it.
      await this.lock.release(this.keepsLeftBehind || this.list.length === this.countAtOpen);
    }
  }
}

async function openFile(file: string, create: boolean, layer: FileLayer): Promise<fsp.FileHandle> {
  const flags = constants.O_WRONLY | constants.O_APPEND | (create ? constants.O_CREAT | constants.O_EXCL : 0);
  try {
    const handle = await layer.open(file, flags, 0o600);
    if (create) await fsyncDirectory(path.dirname(file), layer);
    return handle;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new KeyferryError('JOURNAL_EXISTS', { file }, { cause: error });
    }
    throw new KeyferryError('JOURNAL_OPEN_FAILED', { file, errno: code ?? 'unknown error' }, { cause: error });
  }
}

/** What opening a journal to set its torn line aside did: the line set aside (or completed), and side files recorded late. */
interface TornLineRepair {
  readonly setAside?: TornLineSetAside;
  /** The torn line was a whole entry missing only its newline: its line number, completed. */
  readonly completed?: { readonly line: number };
  readonly recordedLate: readonly UnrecordedSideFile[];
}

/**
 * The journal, open and locked. With `tornLineActor` (the officer's request to set a torn last line
 * aside): that line set aside, and every side file beside the journal that no entry records (a power
 * loss between an earlier cut and its entry, or a hand) journaled, with a neutral reason and whether
 * it reads as this journal's cut line; without it, such a side file refuses the journal
 * (JOURNAL_TORN_LINE_UNRECORDED), naming that command and moving the file away.
 */
async function openLocked(
  file: string,
  options: OpenJournalOptions,
  tornLineActor?: string,
): Promise<{ journal: FileJournal } & TornLineRepair> {
  const layer = options.layer ?? nodeFileLayer;
  const now = options.now ?? (() => new Date());
  const lock = await acquireJournalLock(file, options.layer);
  let journal: FileJournal;
  let setAside: TornLineSetAside | undefined;
  let completed: { readonly line: number } | undefined;
  let recordedLate: readonly UnrecordedSideFile[] = [];
  try {
    let entries: JournalEntry[] = [];
    let size = 0;
    if (!options.create) {
      let bytes = await readJournalFile(file);
      if (tornLineActor !== undefined && bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a) {
        const line = await wholeEntryWithoutNewline(bytes);
        if (line !== undefined) {
          await completeLastLine(file, layer);
          bytes = Buffer.concat([bytes, Buffer.from('\n')]);
          completed = { line };
        } else {
          const repaired = await setAsideTornLine(file, bytes, now(), layer);
          bytes = repaired.kept;
          setAside = repaired.setAside;
        }
      }
      const inspected = await inspectJournalInSlices(bytes, options);
      if (!inspected.verification.ok) throw journalNotVerified(file, inspected.verification);
      // In slices: freezing 10,000 entries at once held the event loop for about 20 ms.
      entries = await mapInSlices(inspected.entries, deepFreeze);
      size = bytes.length;
      recordedLate = (await unrecordedSideFiles(file, entries)).filter((f) => f.sideFile !== setAside?.sideFile);
      if (tornLineActor === undefined && recordedLate[0])
        throw unrecordedSideFileRefusal(file, recordedLate[0].sideFile);
    }
    const handle = await openFile(file, options.create, layer);
    journal = new FileJournal(file, handle, lock, entries, size, now);
  } catch (error) {
    await lock.release(true);
    throw error;
  }
  if (tornLineActor !== undefined) {
    journal.keepsLeftBehind = true;
    try {
      if (setAside) await journal.append(tornLineActor, 'journal.torn-line-set-aside', { ...setAside });
      if (completed) await journal.append(tornLineActor, 'journal.torn-line-completed', { ...completed });
      for (const late of recordedLate)
        await journal.append(tornLineActor, 'journal.torn-line-set-aside', {
          ...late,
          recordedLate: true,
          reasonPhrase: { ...phraseOf('journal.reason.torn-recorded-late') },
        });
    } catch (error) {
      await journal.close();
      throw error;
    }
  }
  return { journal, ...(setAside ? { setAside } : {}), ...(completed ? { completed } : {}), recordedLate };
}

/**
 * The journal at `file`, verified, to read only: read under the reader's lock, released once read (or
 * with none where no lock file can be written: read-only or full media, where no step can take its
 * lock to append either). Every append is refused (JOURNAL_CLOSED): for a look that records nothing
 * while the journal cannot be written.
 */
export async function readJournalOnly(file: string): Promise<Journal> {
  const lock = await acquireJournalLockToRead(file);
  let entries: JournalEntry[];
  try {
    const inspected = await inspectJournalInSlices(await readJournalFile(file));
    if (!inspected.verification.ok) throw journalNotVerified(file, inspected.verification);
    entries = await mapInSlices(inspected.entries, deepFreeze);
  } finally {
    await lock?.release();
  }
  const refused = () => Promise.reject(new KeyferryError('JOURNAL_CLOSED'));
  return {
    path: file,
    head: entries.at(-1)?.hash ?? GENESIS_HASH,
    count: entries.length,
    get entries() {
      return entries.slice();
    },
    append: refused,
    appendMany: refused,
    close: async () => undefined,
  };
}

/**
 * The entries of the journal at `file` as the checks before it opens read them: none when it does
 * not exist yet, undefined when it does not read (opening it says why). One read for every such check.
 */
export async function entriesBeforeOpening(file: string): Promise<readonly JournalEntry[] | undefined> {
  if (!existsSync(file)) return [];
  return (await readJournalOnly(file).catch(() => undefined))?.entries;
}

/** Creates (`create: true`) or reopens and verifies (`create: false`) the journal at `file`. */
export async function openJournal(file: string, options: OpenJournalOptions): Promise<Journal> {
  return (await openLocked(file, options)).journal;
}

/**
 * `start` run on the opened `journal` (a ceremony started on it); when it fails (a journal of the
 * other side refused, say), the journal is closed, its lock released, before the failure goes on:
 * a lock left behind would refuse the next run, on another workstation as "open for writing there".
 */
export async function startedOnJournal<T>(journal: Journal, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    await journal.close();
    throw error;
  }
}

/**
 * On the officer's request only, after a power loss cut the journal's last append short: sets its
 * incomplete last line aside (torn-line.ts), under the journal's lock, and journals it by `actor` as
 * `journal.torn-line-set-aside` (a deviation); a side file no entry records (a second power loss
 * before its entry, or a hand) is journaled too, with a neutral reason and whether it reads as this
 * journal's cut line. Then closes the journal.
 * Refuses JOURNAL_NOT_TORN for a journal that ends with a complete line and has no unrecorded side
 * file, and any other fault as openJournal does, changing nothing.
 */
export async function setAsideJournalTornLine(
  file: string,
  actor: string,
  options: Pick<OpenJournalOptions, 'now' | 'layer'> = {},
): Promise<TornLineRepair & { readonly count: number }> {
  const { journal, setAside, completed, recordedLate } = await openLocked(file, { ...options, create: false }, actor);
  const count = journal.count;
  await journal.close();
  if (!setAside && !completed && recordedLate.length === 0)
    throw new KeyferryError('JOURNAL_NOT_TORN', { file: path.basename(file) });
  return { ...(setAside ? { setAside } : {}), ...(completed ? { completed } : {}), recordedLate, count };
}
