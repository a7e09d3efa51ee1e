/** The journal a ceremony command writes: created when missing, continued (verified) when present. */
import { listValue } from '../i18n/list';
import { missingOption } from './args';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { KeyferryError } from '../core/errors';
import { openJournal, readJournalOnly, type Journal, INTERRUPTED_EVENT } from '../core/journal';
import { translator } from '../i18n/translate';
import type { CliIo } from './command';
import { cliLocale } from './cli-locale';
import { pathExists } from '../core/fs/path-exists';

/**
 * The journal `file` (relative to `cwd`) as a path, and whether it exists: refused when not given, or
 * missing while the step cannot start a ceremony (`mayCreate` false). Checked before anything else a
 * step needs (credentials, a connection), so a misspelt journal name is the first thing said.
 */
export async function requireJournalFile(
  cwd: string,
  file: string | undefined,
  mayCreate: boolean,
): Promise<{ full: string; exists: boolean }> {
  // A step that continues a ceremony names the journal its earlier steps wrote; only a start creates one.
  if (!file) throw missingOption({ reason: mayCreate ? 'journal' : 'journalExisting' });
  const full = path.resolve(cwd, file);
  const exists = await pathExists(full);
  if (!exists && !mayCreate)
    throw new KeyferryError('JOURNAL_MISSING', { file: full, option: 'journal', ...(await journalsBeside(full)) });
  // A new journal in a folder that is not there (a mistyped path): said so, not as media removed (a trial).
  const folderMissing = await stat(path.dirname(full)).then(
    () => false,
    (error: NodeJS.ErrnoException) => error.code === 'ENOENT',
  );
  if (!exists && folderMissing)
    throw new KeyferryError('JOURNAL_FOLDER_MISSING', { file: full, folder: path.dirname(full) });
  return { full, exists };
}

/**
 * The air-gapped journal `--hsm-journal` names, refused before anything starts when it does not exist
 * (naming the journals beside it), rather than after the witnesses confirmed. Its full path.
 */
export async function requireHsmJournal(cwd: string, file: string): Promise<string> {
  const full = path.resolve(cwd, file);
  if (!(await pathExists(full)))
    throw new KeyferryError('JOURNAL_MISSING', { file: full, option: 'hsmJournal', ...(await journalsBeside(full)) });
  return full;
}

/**
 * The journal `journal verify` is to check, refused when it does not exist, naming the journals
 * beside it (a trial's typo got "no such file" where every step names them). Its full path.
 */
export async function requireJournalToVerify(cwd: string, file: string): Promise<string> {
  const full = path.resolve(cwd, file);
  if (!(await pathExists(full)))
    throw new KeyferryError('JOURNAL_MISSING', { file: full, option: 'verify', ...(await journalsBeside(full)) });
  return full;
}

/** At most this many journal files are named beside a missing one (the count says how many there are). */
const NAMED_JOURNALS = 5;

/**
 * The journal files (.jsonl) in the folder of `file`, named for a refusal of `file`: a misspelt name
 * (`onlin.jsonl`) or the other workstation's journal is then seen at once. None when the folder
 * cannot be listed.
 */
async function journalsBeside(file: string): Promise<{ count: number; namesList: string }> {
  const names = await readdir(path.dirname(file)).then(
    (entries) => entries.filter((name) => name.endsWith('.jsonl')).sort(),
    () => [],
  );
  const shown = names.slice(0, NAMED_JOURNALS);
  return { count: names.length, namesList: listValue(names.length > NAMED_JOURNALS ? [...shown, '…'] : shown) };
}

/**
 * Opens `file` (relative to `cwd`): continues an existing journal, or creates it when
 * `mayCreate` (steps that can start a ceremony); otherwise a missing journal is refused.
 */
export async function openCeremonyJournal(
  cwd: string,
  file: string | undefined,
  mayCreate = true,
  io?: Pick<CliIo, 'interrupts' | 'env' | 'locale'>,
  side: 'online' | 'air-gapped' = 'online',
): Promise<Journal> {
  const { full, exists } = await requireJournalFile(cwd, file, mayCreate);
  const journal = await openJournal(full, { create: !exists });
  if (io?.interrupts) closeOnStop(journal, io, side, journal.count);
  return journal;
}

/**
 * The existing journal `file` (relative to `cwd`), verified, to read only (core readJournalOnly):
 * for a look that appends nothing while the journal cannot be written.
 */
export async function readCeremonyJournal(cwd: string, file: string | undefined): Promise<Journal> {
  const { full } = await requireJournalFile(cwd, file, false);
  return readJournalOnly(full);
}

/**
 * On a stop (Ctrl-C), the journal records it (unless the ceremony already did) and is closed,
 * which releases its lock, so the next run continues cleanly. (A stop after the command closed the
 * journal itself finds it closed: the append fails, and the generic stop line is printed.)
 */
function closeOnStop(
  journal: Journal,
  io: Pick<CliIo, 'interrupts' | 'env' | 'locale'>,
  side: 'online' | 'air-gapped',
  countAtOpen: number,
): void {
  io.interrupts?.onStop(async (stop) => {
    if (!stop.journaled) {
      // The session this run started, if it did: a later run closes only that session as stopped (not a crash).
      const ownStart = journal.entries.find((e) => e.seq > countAtOpen && e.event === 'ceremony.session-started');
      // Ctrl-C is the operator's own act at the terminal: journaled as theirs (the operator of the session
      // or ceremony this run started; a receipt read "by system"), never an earlier session's operator, who
      // may not be present; a signal from elsewhere (SIGTERM, a hang-up) stays the system's.
      const operator = journal.entries.find(
        (e) => e.seq > countAtOpen && (e.event === 'ceremony.session-started' || e.event === 'ceremony.started'),
      )?.actor;
      const actor = stop.signal === 'SIGINT' && operator !== undefined ? operator : 'system';
      await journal.append(actor, INTERRUPTED_EVENT, {
        signal: stop.signal,
        stop: 'between-steps',
        sessionSeq: ownStart?.seq ?? null,
      });
      stop.journaled = true;
    }
    await journal.close();
    // The air-gapped side makes no KMS call; its ceremony's own handler, once registered, says what was held.
    stop.line ??= translator(cliLocale(io)).t('cli.stopped-journaled', {
      signal: stop.signal,
      side: side === 'air-gapped' ? 'airGapped' : 'online',
      journal: journal.path,
      above: stop.nextPrinted === true ? 'yes' : 'no',
    });
  });
}
