/**
 * One writer per journal (core/journal/lock.ts): a second opener is refused naming who holds the
 * lock (process, host, since) and what to do; a lock left by a process that is gone on this host is
 * taken over; a lock of another host, or one that cannot be read, is never taken over; release
 * removes only the lock this opener took. A reader's lock (`journal verify`) is waited for, not
 * refused as a writer's, and refused as a reader's when it outlasts the wait. A process stopped
 * between creating its lock and writing it leaves no lock behind.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, promises as fs, readFileSync, readlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { toProblem } from '../../../src-main/core/errors';
import { openJournal } from '../../../src-main/core/journal';
import { acquireJournalLock, acquireJournalLockToRead } from '../../../src-main/core/journal/lock';
import { momentText } from '../../../src-main/i18n/moment';
import { english, translator } from '../../../src-main/i18n/translate';
import { tempDir, writeSampleJournal } from './sample';

/** The English message and next step of what `promise` was refused with. */
async function refusal(promise: Promise<unknown>): Promise<{ code: string; text: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'expected a refusal').toBeDefined();
  const { message, nextStep } = english.problem(toProblem(error));
  return { code: (error as { code: string }).code, text: `${message} ${nextStep}` };
}

/** tests/core/journal/lock-holder.ts: another process that takes a journal's lock (its modes are there). */
const LOCK_HOLDER = path.join(__dirname, 'lock-holder.ts');
type LockHolderMode = 'write' | 'read' | 'stuck-write' | 'stuck-open';
const lockHolderArgs = (mode: LockHolderMode, journal: string) => ['--import', 'tsx', LOCK_HOLDER, mode, journal];

/** A child whose lock write on `file` hangs, once its lock exists; `interrupt()` sends Ctrl-C and resolves its exit code. */
async function stuckWriter(
  file: string,
  stuck: 'write' | 'open' = 'write',
): Promise<{ interrupt(): Promise<number | null> }> {
  const child = spawn(process.execPath, lockHolderArgs(`stuck-${stuck}`, file), { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString('utf8')));
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', () => reject(new Error(`the child ended before it created the lock: ${stderr}`)));
    child.stdout.on('data', (data: Buffer) => {
      if (data.toString('utf8').includes('created')) resolve();
    });
  });
  return {
    interrupt: () =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', resolve);
        child.kill('SIGINT');
      }),
  };
}

/** Whether this host lets a process start others in new time and pid namespaces (unshare(1)). */
const unshareWorks =
  spawnSync('unshare', ['-T', '--boottime', '1', '--fork', 'true']).status === 0 &&
  spawnSync('unshare', ['-p', '--mount-proc', '--fork', 'true']).status === 0;

/** A pid that ran on this host and is gone. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid;

describe('the journal lock', () => {
  it('refuses a second writer while the first is open, and lets it in after close', async () => {
    const file = path.join(await tempDir(), 'j.jsonl');
    const first = await openJournal(file, { create: true });
    await expect(openJournal(file, { create: false })).rejects.toMatchObject({
      code: 'JOURNAL_IN_USE',
      message: expect.stringContaining(String(process.pid)),
    });
    await first.append('system', 'ceremony.started', {});
    await first.close();
    const second = await openJournal(file, { create: false });
    expect(second.count).toBe(1);
    await second.close();
    await expect(fs.access(`${file}.lock`)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const { file } = await writeSampleJournal();
    const dead = deadPid();
    await fs.writeFile(
      `${file}.lock`,
      JSON.stringify({ pid: dead, hostname: os.hostname(), since: '2025-01-01T00:00:00.000Z' }),
    );
    const journal = await openJournal(file, { create: false });
    expect(journal.count).toBe(6);
    await journal.close();
  });

  it.skipIf(!existsSync('/proc/sys/kernel/random/boot_id'))(
    'takes over a lock of an earlier boot whose pid a process of this boot carries, and learns of the writer left behind',
    async () => {
      const { file } = await writeSampleJournal();
      const other = spawn('sleep', ['60'], { stdio: 'ignore' });
      try {
        const pid = other.pid as number;
        const since = new Date(Date.now() - 3_600_000).toISOString();
        const lockOf = (boot: string) =>
          JSON.stringify({ pid, hostname: os.hostname(), since, purpose: 'write', boot });
        // Taken in an earlier boot: the live process with that pid is not its owner.
        await fs.writeFile(`${file}.lock`, lockOf('00000000-0000-4000-8000-000000000000'));
        const lock = await acquireJournalLock(file);
        expect(lock.leftBehind).toEqual({ pid, since });
        await lock.release();
        // Taken in this boot, by that live process: refused.
        await fs.writeFile(`${file}.lock`, lockOf(readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()));
        expect((await refusal(acquireJournalLock(file))).code).toBe('JOURNAL_IN_USE');
      } finally {
        other.kill();
      }
    },
  );

  it.skipIf(!existsSync('/proc/sys/kernel/random/boot_id'))(
    'takes over a lock of this boot whose pid was given again to another process, also once a reader put it back',
    async () => {
      const { file } = await writeSampleJournal();
      const other = spawn('sleep', ['60'], { stdio: 'ignore' });
      try {
        await new Promise((resolve) => other.once('spawn', resolve));
        const pid = other.pid as number;
        const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
        // Field 22 of /proc/<pid>/stat (proc(5)): when the process now carrying the pid started.
        const startedNow = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[19]);
        const since = new Date(Date.now() - 60_000).toISOString();
        // The namespaces this process reads pids and starts in: the lock's start is read in the same.
        const ns = {
          pidNs: readlinkSync('/proc/self/ns/pid'),
          ...(existsSync('/proc/self/ns/time') ? { timeNs: readlinkSync('/proc/self/ns/time') } : {}),
        };
        const writerOf = (started: number) =>
          JSON.stringify({ pid, hostname: os.hostname(), since, purpose: 'write', boot, started, ...ns });
        // The writer that took it started before the process that carries its pid now: it is gone.
        await fs.writeFile(`${file}.lock`, writerOf(startedNow - 1));
        const lock = await acquireJournalLock(file);
        expect(lock.leftBehind).toEqual({ pid, since });
        await lock.release();
        // A verify killed while it held that writer's lock: the next verify puts the writer's lock
        // back with its start, and the next writer still takes it as left behind, not as live.
        await fs.writeFile(
          `${file}.lock`,
          JSON.stringify({
            pid: deadPid(),
            hostname: os.hostname(),
            since: new Date().toISOString(),
            purpose: 'read',
            boot,
            over: { pid, since, started: startedNow - 1, ...ns },
          }),
        );
        await (await acquireJournalLockToRead(file))?.release();
        expect(JSON.parse(await fs.readFile(`${file}.lock`, 'utf8'))).toMatchObject({ pid, started: startedNow - 1 });
        const writer = await acquireJournalLock(file);
        expect(writer.leftBehind).toEqual({ pid, since });
        await writer.release();
        // The process that started then and still runs owns it: refused.
        await fs.writeFile(`${file}.lock`, writerOf(startedNow));
        expect((await refusal(acquireJournalLock(file))).code).toBe('JOURNAL_IN_USE');
      } finally {
        other.kill();
      }
    },
  );

  it.skipIf(!unshareWorks)(
    'never takes over the lock of a live writer in another time or pid namespace of this host (a sandbox, a container)',
    async () => {
      const { file } = await writeSampleJournal();
      // A start read in a time namespace is moved by its boot offset; a pid of a pid namespace names another process here.
      for (const namespace of [
        ['-T', '--boottime', '100000'],
        ['-p', '--mount-proc'],
      ]) {
        // A group of its own: unshare forks the writer, and the kill below must reach both.
        const writer = spawn('unshare', [...namespace, '--fork', process.execPath, ...lockHolderArgs('write', file)], {
          stdio: ['ignore', 'pipe', 'pipe'],
          detached: true,
        });
        try {
          await new Promise<void>((resolve, reject) => {
            writer.once('exit', () => reject(new Error('the writer ended before it took the lock')));
            writer.stdout.on('data', (data: Buffer) => {
              if (data.toString('utf8').includes('locked')) resolve();
            });
          });
          const refused = await refusal(acquireJournalLock(file));
          expect(refused.code).toBe('JOURNAL_IN_USE');
          // Its pid is of the sandbox's own numbering: said, so that ps here is not taken to show no Keyferry.
          const elsewhere = 'That process is in another pid namespace of this host (a container or a sandbox)';
          if (namespace[0] === '-p') expect(refused.text).toContain(elsewhere);
          else expect(refused.text).not.toContain(elsewhere);
        } finally {
          writer.removeAllListeners('exit');
          const gone = new Promise((resolve) => writer.once('exit', resolve));
          process.kill(-(writer.pid as number), 'SIGKILL');
          await gone;
          await fs.rm(`${file}.lock`, { force: true });
        }
      }
    },
  );

  it('a reader that took over a writer’s lock left behind puts it back: the next writer still learns of that writer', async () => {
    const { file } = await writeSampleJournal();
    const dead = deadPid();
    const since = '2025-01-01T00:00:00.000Z';
    await fs.writeFile(`${file}.lock`, JSON.stringify({ pid: dead, hostname: os.hostname(), since }));
    // journal verify after a kill: it reads under its own lock, then the killed writer's is back.
    const reader = await acquireJournalLockToRead(file);
    expect(JSON.parse(await fs.readFile(`${file}.lock`, 'utf8'))).toMatchObject({ pid: process.pid, purpose: 'read' });
    await reader?.release();
    expect(JSON.parse(await fs.readFile(`${file}.lock`, 'utf8'))).toMatchObject({ pid: dead, since });
    const writer = await acquireJournalLock(file);
    expect(writer.leftBehind).toEqual({ pid: dead, since });
    await writer.release();
    await expect(fs.access(`${file}.lock`)).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await fs.readdir(path.dirname(file))).filter((f) => f.includes('.lock'))).toEqual([]);
  });

  it('a reader killed while it holds a writer’s lock left behind does not make that writer unsaid: the next writer still learns of it', async () => {
    const { file } = await writeSampleJournal();
    const dead = deadPid();
    const since = '2025-01-01T00:00:00.000Z';
    await fs.writeFile(`${file}.lock`, JSON.stringify({ pid: dead, hostname: os.hostname(), since }));
    // journal verify after a kill, itself killed (SIGKILL) while it reads: no release runs.
    const reader = spawn(process.execPath, lockHolderArgs('read', file), { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      reader.once('exit', () => reject(new Error('the reader ended before it took the lock')));
      reader.stdout.on('data', (data: Buffer) => {
        if (data.toString('utf8').includes('locked')) resolve();
      });
    });
    reader.removeAllListeners('exit');
    const gone = new Promise((resolve) => reader.once('exit', resolve));
    reader.kill('SIGKILL');
    await gone;
    // Another verify: it puts the killed writer's lock back, not the killed reader's.
    await (await acquireJournalLockToRead(file))?.release();
    expect(JSON.parse(await fs.readFile(`${file}.lock`, 'utf8'))).toMatchObject({ pid: dead, since, purpose: 'write' });
    const writer = await acquireJournalLock(file);
    expect(writer.leftBehind).toEqual({ pid: dead, since });
    await writer.release();
    await expect(fs.access(`${file}.lock`)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a reader killed while it holds a writer’s lock left behind: a writer next takes that writer as left behind', async () => {
    const { file } = await writeSampleJournal();
    const dead = deadPid();
    const reader = deadPid();
    const since = '2025-01-01T00:00:00.000Z';
    const over = { pid: dead, since };
    await fs.writeFile(
      `${file}.lock`,
      JSON.stringify({
        pid: reader,
        hostname: os.hostname(),
        since: '2025-01-02T00:00:00.000Z',
        purpose: 'read',
        over,
      }),
    );
    const writer = await acquireJournalLock(file);
    expect(writer.leftBehind).toEqual(over);
    await writer.release();
  });

  it.skipIf(!existsSync('/proc/sys/kernel/random/boot_id'))(
    'a writer’s lock of an earlier boot put back from a killed reader’s of this boot keeps its boot: its pid now is not its owner',
    async () => {
      const { file } = await writeSampleJournal();
      const other = spawn('sleep', ['60'], { stdio: 'ignore' });
      try {
        await new Promise((resolve) => other.once('spawn', resolve));
        const pid = other.pid as number;
        const since = '2025-01-01T00:00:00.000Z';
        const earlierBoot = '00000000-0000-4000-8000-000000000000';
        const thisBoot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
        const over = { pid, since, boot: earlierBoot };
        const reader = { pid: deadPid(), hostname: os.hostname(), since, purpose: 'read', boot: thisBoot, over };
        await fs.writeFile(`${file}.lock`, JSON.stringify(reader));
        await (await acquireJournalLockToRead(file))?.release();
        expect(JSON.parse(await fs.readFile(`${file}.lock`, 'utf8'))).toMatchObject({ pid, boot: earlierBoot });
        const writer = await acquireJournalLock(file);
        expect(writer.leftBehind).toEqual({ pid, since });
        await writer.release();
      } finally {
        other.kill();
      }
    },
  );

  it('a writer’s lock put back from a killed reader’s still names the writers gone before that writer', async () => {
    const { file } = await writeSampleJournal();
    const since = '2025-01-01T00:00:00.000Z';
    const earlier = [{ pid: deadPid(), since: '2024-12-31T00:00:00.000Z' }];
    const over = { pid: deadPid(), since, earlier };
    const reader = { pid: deadPid(), hostname: os.hostname(), since, purpose: 'read', over };
    await fs.writeFile(`${file}.lock`, JSON.stringify(reader));
    await (await acquireJournalLockToRead(file))?.release();
    expect(JSON.parse(await fs.readFile(`${file}.lock`, 'utf8'))).toMatchObject({ pid: over.pid, tookOver: earlier });
    const writer = await acquireJournalLock(file);
    expect(writer.leftBehind).toEqual(over);
    // Until it has said that session, the writer's own lock names both gone writers.
    expect(JSON.parse(await fs.readFile(`${file}.lock`, 'utf8'))).toMatchObject({
      pid: process.pid,
      tookOver: [{ pid: over.pid, since }, ...earlier],
    });
    await writer.release();
  });

  it('a lock another opener made after the stale one was read is never taken away with it (two runs started at once after a kill)', async () => {
    const { file } = await writeSampleJournal();
    const lockPath = `${file}.lock`;
    await fs.writeFile(
      lockPath,
      JSON.stringify({ pid: deadPid(), hostname: os.hostname(), since: '2025-01-01T00:00:00.000Z' }),
    );
    // The other run's lock: it took the stale lock over first, and holds the journal now.
    const theirs = JSON.stringify({
      pid: process.ppid,
      hostname: os.hostname(),
      since: new Date().toISOString(),
      purpose: 'write',
    });
    const readFile = fs.readFile.bind(fs);
    const spy = vi.spyOn(fs, 'readFile').mockImplementation((async (...args: Parameters<typeof fs.readFile>) => {
      const read = await readFile(...args);
      // Right after this opener read the stale lock, the other run replaced it with its own.
      if (args[0] === lockPath && spy.mock.calls.length === 1) {
        await fs.rm(lockPath);
        await fs.writeFile(lockPath, theirs);
      }
      return read;
    }) as typeof fs.readFile);
    try {
      const refused = await refusal(openJournal(file, { create: false }));
      expect(refused.code).toBe('JOURNAL_IN_USE');
      expect(refused.text).toContain(`open for writing by process ${process.ppid}`);
    } finally {
      spy.mockRestore();
    }
    // Their lock is where it was, as they wrote it, and nothing was left beside it.
    expect(await fs.readFile(lockPath, 'utf8')).toBe(theirs);
    expect((await fs.readdir(path.dirname(file))).filter((f) => f.includes('.lock.'))).toEqual([]);
  });

  it('never takes over a lock of another host, even when its pid is not running here', async () => {
    const { file } = await writeSampleJournal();
    const since = '2025-01-01T00:00:00.000Z';
    const pid = deadPid();
    const lock = JSON.stringify({ pid, hostname: 'airgap-2.example', since });
    await fs.writeFile(`${file}.lock`, lock);
    const refused = await refusal(openJournal(file, { create: false }));
    expect(refused.code).toBe('JOURNAL_IN_USE');
    expect(refused.text).toContain(`by process ${pid} on airgap-2.example`);
    expect(refused.text).toContain(`delete ${file}.lock and try again`);
    expect(await fs.readFile(`${file}.lock`, 'utf8')).toBe(lock);
  });

  it("says since when the lock is held as a moment in the reader's language, never as raw ISO", async () => {
    const { file } = await writeSampleJournal();
    const since = '2025-03-01T09:30:00.000Z';
    await fs.writeFile(`${file}.lock`, JSON.stringify({ pid: deadPid(), hostname: 'airgap-2.example', since }));
    const problem = toProblem(await acquireJournalLock(file).catch((e: unknown) => e));
    const zh = translator('zh-CN').problem(problem).message;
    expect(zh).toContain(`自 ${momentText('zh-CN', Date.parse(since))} 起`);
    expect(english.problem(problem).message).toContain(`since ${momentText('en', Date.parse(since))}.`);
    expect(zh).not.toContain(since);
    expect(zh).toContain('2025');
  });

  it('refuses, never takes over, a lock it cannot read (half-written, or not a lock)', async () => {
    const { file } = await writeSampleJournal();
    for (const content of ['', '{"pid": 12', JSON.stringify({ pid: 'x', hostname: os.hostname(), since: 'now' })]) {
      await fs.writeFile(`${file}.lock`, content);
      const refused = await refusal(acquireJournalLock(file));
      expect(refused.code, content).toBe('JOURNAL_IN_USE');
      expect(refused.text, content).toContain('by an unknown process');
      expect(await fs.readFile(`${file}.lock`, 'utf8')).toBe(content);
    }
  });

  it('a step started while journal verify reads waits for the reader, then opens the journal', async () => {
    const { file } = await writeSampleJournal();
    const reader = await acquireJournalLockToRead(file);
    expect(JSON.parse(await fs.readFile(`${file}.lock`, 'utf8'))).toMatchObject({ pid: process.pid, purpose: 'read' });
    const opening = openJournal(file, { create: false });
    let opened = false;
    void opening.then(() => (opened = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(opened).toBe(false);
    await reader?.release();
    const journal = await opening;
    expect(journal.count).toBe(6);
    expect(JSON.parse(await fs.readFile(`${file}.lock`, 'utf8'))).toMatchObject({ purpose: 'write' });
    await journal.close();
  });

  it('a lock found empty just after it was made (its owner writing it) is waited for, not refused as an unknown process', async () => {
    const { file } = await writeSampleJournal();
    // journal verify has created its lock and not written it yet; then it writes it, reads, and lets go.
    await fs.writeFile(`${file}.lock`, '');
    const opening = openJournal(file, { create: false });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await fs.writeFile(
      `${file}.lock`,
      JSON.stringify({ pid: process.pid, hostname: os.hostname(), since: new Date().toISOString(), purpose: 'read' }),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    await fs.rm(`${file}.lock`);
    const journal = await opening;
    expect(journal.count).toBe(6);
    await journal.close();
  });

  it("an empty lock is waited for whatever its file's time says (a clock ahead, FAT's times, a paused opener), then refused", async () => {
    const { file } = await writeSampleJournal();
    await fs.writeFile(`${file}.lock`, '');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await fs.utimes(`${file}.lock`, anHourAgo, anHourAgo);
    const opening = openJournal(file, { create: false });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await fs.rm(`${file}.lock`);
    const journal = await opening;
    expect(journal.count).toBe(6);
    await journal.close();

    // Left empty, it is refused once looked at for about a second (40 looks, 25 ms apart).
    await fs.writeFile(`${file}.lock`, '');
    const started = Date.now();
    const refused = await refusal(openJournal(file, { create: false }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(refused.text).toContain('by an unknown process');
  });

  it("a reader's lock that outlasts the wait is refused as a reader's, never as a writer's", async () => {
    const { file } = await writeSampleJournal();
    const since = '2025-03-01T09:30:00.000Z';
    await fs.writeFile(
      `${file}.lock`,
      JSON.stringify({ pid: deadPid(), hostname: 'airgap-2.example', since, purpose: 'read' }),
    );
    const started = Date.now();
    const refused = await refusal(openJournal(file, { create: false }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(5_000);
    expect(refused.code).toBe('JOURNAL_IN_USE');
    expect(refused.text).toContain('The journal is being read by keyferry journal verify (process');
    expect(refused.text).toContain('Let the verification finish, then run the step again.');
    expect(refused.text).not.toContain('open for writing');
  }, 20_000);

  it('a Ctrl-C between creating the lock and writing its owner leaves no empty lock to refuse the next run', async () => {
    const { file } = await writeSampleJournal();
    const stuck = await stuckWriter(file);
    // The lock exists and says nothing: an opener now would be refused by an unknown process.
    expect(await fs.readFile(`${file}.lock`, 'utf8')).toBe('');
    expect(await stuck.interrupt()).toBe(130);
    await expect(fs.access(`${file}.lock`)).rejects.toMatchObject({ code: 'ENOENT' });
    const journal = await openJournal(file, { create: false });
    expect(journal.count).toBe(6);
    await journal.close();
  }, 30_000);

  it('a Ctrl-C while the lock file exists but its open has not answered yet: the exit waits for it, and leaves no lock', async () => {
    const { file } = await writeSampleJournal();
    const stuck = await stuckWriter(file, 'open');
    expect(await fs.readFile(`${file}.lock`, 'utf8')).toBe('');
    expect(await stuck.interrupt()).toBe(130);
    await expect(fs.access(`${file}.lock`)).rejects.toMatchObject({ code: 'ENOENT' });
  }, 30_000);

  it('that cleanup never removes a lock another run made after this one was deleted by hand', async () => {
    const { file } = await writeSampleJournal();
    const stuck = await stuckWriter(file);
    // The officer deleted the empty lock (as the refusal advises when no run uses the journal); another run is making its own.
    await fs.rm(`${file}.lock`);
    await fs.writeFile(`${file}.lock`, '');
    expect(await stuck.interrupt()).toBe(130);
    expect(await fs.readFile(`${file}.lock`, 'utf8')).toBe('');
  }, 30_000);

  it('release removes only the lock this opener took', async () => {
    const file = path.join(await tempDir(), 'j.jsonl');
    const lock = await acquireJournalLock(file);
    const mine = JSON.parse(await fs.readFile(lock.path, 'utf8')) as { pid: number; hostname: string };
    expect(mine).toMatchObject({ pid: process.pid, hostname: os.hostname() });
    // Someone deleted the lock by hand and another opener took it: the first release leaves it.
    await fs.rm(lock.path);
    const other = await acquireJournalLock(file);
    await fs.writeFile(other.path, JSON.stringify({ ...mine, since: '2030-01-01T00:00:00.000Z' }));
    await lock.release();
    expect(await fs.readFile(other.path, 'utf8')).toContain('2030-01-01');
  });
});
