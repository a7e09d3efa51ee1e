/**
 * A program for tests/core/journal/lock.test.ts and tests/cli/commands/online-import.killed.test.ts,
 * run as another process (`node --import tsx lock-holder.ts MODE JOURNAL`), that takes the lock of
 * JOURNAL as a second Keyferry would:
 * - `write`, `read`: takes the writer's (reader's) lock, says `locked`, and runs until killed;
 * - `stuck-write`, `stuck-open`: takes the writer's lock through a file layer whose writes never end
 *   or whose open answers 400 ms after the file exists (the thread pool's answer on its way when the
 *   stop comes), says `created` once the lock file exists, and on Ctrl-C (SIGINT) ends the process as
 *   the CLI does (main.ts): once the lock creations settled, exit(130), the lock not written.
 * A file of its own rather than text the test writes: what it does to its process (the SIGINT
 * listener) is then nowhere in the test's text, so the test shares its worker's process
 * (tests/support/isolation.ts), and it is type-checked and linted like the rest.
 */
import { promises as fs } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import {
  acquireJournalLock,
  acquireJournalLockToRead,
  lockCreationsSettled,
} from '../../../src-main/core/journal/lock';

const [mode, journal] = process.argv.slice(2);
if (!journal) throw new Error('usage: lock-holder.ts write|read|stuck-write|stuck-open JOURNAL');

/** Keeps the process running once the lock is taken (a write that never ends keeps nothing running). */
const stay = () => setInterval(() => undefined, 60_000);

if (mode === 'write' || mode === 'read') {
  void (mode === 'write' ? acquireJournalLock(journal) : acquireJournalLockToRead(journal)).then(() => {
    process.stdout.write('locked\n');
    stay();
  });
} else if (mode === 'stuck-write' || mode === 'stuck-open') {
  process.on('SIGINT', () => void lockCreationsSettled().then(() => process.exit(130)));
  stay();
  const stuck = {
    open: async (file: string, flags: number, mode_: number) => {
      const handle = await fs.open(file, flags, mode_);
      if (mode === 'stuck-open' && file.endsWith('.lock')) await delay(400);
      return Object.assign(Object.create(handle) as typeof handle, { write: () => new Promise(() => undefined) });
    },
    mkdir: async (dir: string) => void (await fs.mkdir(dir)),
    readFile: (file: string) => fs.readFile(file),
  };
  void acquireJournalLock(journal, stuck);
  const poll = setInterval(() => {
    fs.access(`${journal}.lock`).then(
      () => {
        clearInterval(poll);
        process.stdout.write('created\n');
      },
      () => undefined,
    );
  }, 10);
} else {
  throw new Error(`lock-holder.ts: unknown mode ${mode}`);
}
