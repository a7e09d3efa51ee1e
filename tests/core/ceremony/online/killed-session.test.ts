/**
 * The trace of an online session whose process was killed: the journal's lock it held is found left
 * behind by a process that is gone (a real lock file, a real exited process), and the next session
 * names the killed one, its entries and its process. Not said when nothing of that process is in the
 * journal, when the lock was a reader's, or when the session's end is on record already. A writer
 * killed right after it took over such a lock (a real process, killed with SIGKILL) does not make the
 * first killed session unsaid.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { killedSessionEntries } from '../../../../src-main/core/ceremony/online/killed-session';
import { openJournal, type Journal } from '../../../../src-main/core/journal';
import type { JsonObject } from '../../../../src-main/core/journal/canonical-json';
import { phraseText, type Phrase } from '../../../../src-main/i18n/phrase';
import { translator } from '../../../../src-main/i18n/translate';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-killed-session-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The pid of a process that has ended. */
const gonePid = () => spawnSync(process.execPath, ['-e', '0']).pid as number;

/** A journal with a ceremony start and one later session, ended by `last` (events), then a lock left as `purpose` since `since`. */
async function reopenedAfterKill(
  last: readonly (string | readonly [string, JsonObject])[],
  options: { purpose?: 'write' | 'read'; since?: (sessionTime: string) => string } = {},
) {
  const file = path.join(dir, 'online.jsonl');
  const first = await openJournal(file, { create: true });
  await first.append('Ana', 'ceremony.started');
  const session = await first.append('Ana', 'ceremony.session-started');
  for (const event of last)
    if (typeof event === 'string') await first.append('Ana', event);
    else await first.append('Ana', event[0], event[1]);
  await first.close();
  const since = options.since?.(session.time) ?? new Date(Date.parse(session.time) - 5).toISOString();
  const pid = gonePid();
  const lock = { pid, hostname: os.hostname(), since, purpose: options.purpose ?? 'write' };
  await writeFile(`${file}.lock`, `${JSON.stringify(lock)}\n`);
  const journal: Journal = await openJournal(file, { create: false });
  return { journal, pid, count: journal.count };
}

describe('a session killed with the journal open', () => {
  it('is named with its entries and its process, as an unrecorded session', async () => {
    const { journal, pid, count } = await reopenedAfterKill(['kms.connected', 'wrapped-bundle.checked']);
    expect(journal.lockLeftBehind?.pid).toBe(pid);
    const [trace, ...more] = killedSessionEntries(journal.entries, journal.lockLeftBehind, 'Ana');
    await journal.close();
    expect(more).toEqual([]);
    expect(trace).toEqual({
      actor: 'Ana',
      event: 'ceremony.session-unrecorded',
      data: {
        reasonPhrase: { key: 'journal.reason.session-killed', values: { session: 2, from: 2, to: count, pid } },
        keyIds: [],
      },
    });
  });

  it('killed after its import: says how far the import went, not "whatever it was doing"', async () => {
    const checked: [string, JsonObject] = [
      'wrapped-bundle.checked',
      { folder: '/m/w', manifestSha256: 'f'.repeat(64), keys: [{ keyId: 'k1' }, { keyId: 'k2' }] },
    ];
    const every = await reopenedAfterKill([
      'kms.connected',
      checked,
      ['key.imported', { keyId: 'k1' }],
      ['key.imported', { keyId: 'k2' }],
    ]);
    const [all] = killedSessionEntries(every.journal.entries, every.journal.lockLeftBehind, 'Ana');
    await every.journal.close();
    const phrase = all?.data?.reasonPhrase as Phrase;
    expect(phrase).toEqual({
      key: 'journal.reason.session-killed-import',
      values: {
        session: 2,
        from: 2,
        to: every.count,
        pid: every.pid,
        checkSeq: 4,
        imported: 2,
        count: 2,
        done: 'all',
        left: 'proof',
      },
    });
    expect(phraseText(translator('en'), phrase)).toContain(
      'It had journaled the import of both keys of the wrapped-material bundle it checked at entry 4: what it left unfinished is the proof of those keys and the online receipt',
    );
    expect(phraseText(translator('en'), phrase)).not.toContain('Whatever it was doing');
    expect(phraseText(translator('zh-CN'), phrase)).toContain(
      '全部 2 个密钥的导入：它未完成的是这些密钥的证明和联网回执',
    );
    await rm(path.join(dir, 'online.jsonl'));
    const some = await reopenedAfterKill(['kms.connected', checked, ['key.imported', { keyId: 'k2' }]]);
    const [part] = killedSessionEntries(some.journal.entries, some.journal.lockLeftBehind, 'Ana');
    await some.journal.close();
    expect(phraseText(translator('en'), part?.data?.reasonPhrase as Phrase)).toContain(
      'It had journaled the import of 1 of the 2 keys of the wrapped-material bundle it checked at entry 4: what it left unfinished is the import of the other keys, the proof of the keys and the online receipt',
    );
  });

  it('killed after it journaled the proofs, or the receipt too: never says the proof was left unfinished', async () => {
    const checked: [string, JsonObject] = [
      'wrapped-bundle.checked',
      { folder: '/m/w', manifestSha256: 'f'.repeat(64), keys: [{ keyId: 'k1' }, { keyId: 'k2' }] },
    ];
    const imported = [
      ['key.imported', { keyId: 'k1' }],
      ['key.imported', { keyId: 'k2' }],
    ] as const;
    const said = async (after: readonly [string, JsonObject][]) => {
      await rm(path.join(dir, 'online.jsonl'), { force: true });
      const killed = await reopenedAfterKill(['kms.connected', checked, ...imported, ...after]);
      const [trace] = killedSessionEntries(killed.journal.entries, killed.journal.lockLeftBehind, 'Ana');
      await killed.journal.close();
      const phrase = trace?.data?.reasonPhrase as Phrase;
      return { en: phraseText(translator('en'), phrase), zh: phraseText(translator('zh-CN'), phrase) };
    };
    const proven = await said([
      ['key.verified', { keyId: 'k1' }],
      ['key.verified', { keyId: 'k2' }],
    ]);
    expect(proven.en).toContain(
      'It had journaled the import of both keys of the wrapped-material bundle it checked at entry 4, and the proof of those keys: what it left unfinished is the online receipt',
    );
    expect(proven.en).not.toContain('unfinished is the proof');
    expect(proven.zh).toContain('和这些密钥的证明：它未完成的是联网回执');
    const half = await said([['key.verified', { keyId: 'k2' }]]);
    expect(half.en).toContain(
      'and the proof of some of them: what it left unfinished is the proof of the keys not proven yet and the online receipt',
    );
    const receipt = await said([
      ['key.verified', { keyId: 'k1' }],
      ['key.verified', { keyId: 'k2' }],
      ['receipt.written', {}],
    ]);
    expect(receipt.en).toContain(
      'It had journaled the import of both keys of the wrapped-material bundle it checked at entry 4, the proof of those keys and the online receipt: it ended after its work was done, before it released the journal',
    );
    expect(receipt.en).not.toContain('unfinished');
    expect(receipt.zh).toContain('它在工作完成后、释放日志之前结束');
  });

  it('is not said when the process died before its session entry, nor for a reader’s lock', async () => {
    const later = await reopenedAfterKill(['kms.connected'], {
      since: (time) => new Date(Date.parse(time) + 60_000).toISOString(),
    });
    expect(killedSessionEntries(later.journal.entries, later.journal.lockLeftBehind, 'Ana')).toEqual([]);
    await later.journal.close();
    await rm(path.join(dir, 'online.jsonl'));
    const reader = await reopenedAfterKill(['kms.connected'], { purpose: 'read' });
    expect(reader.journal.lockLeftBehind).toBeUndefined();
    await reader.journal.close();
  });

  it('is not said again when the session’s stop is on record, or a trace of its sends names it', async () => {
    const stopped = await reopenedAfterKill(['kms.connected', 'ceremony.interrupted']);
    expect(killedSessionEntries(stopped.journal.entries, stopped.journal.lockLeftBehind, 'Ana')).toEqual([]);
    await stopped.journal.close();
    await rm(path.join(dir, 'online.jsonl'));
    const sent = await reopenedAfterKill(['kms.connected', 'key.import-sending']);
    const pending = [
      {
        actor: 'Ana',
        event: 'ceremony.session-unrecorded',
        data: { reasonPhrase: { key: 'journal.reason.sent-unrecorded', values: { session: 2 } }, keyIds: ['k'] },
      },
    ];
    expect(killedSessionEntries(sent.journal.entries, sent.journal.lockLeftBehind, 'Ana', pending)).toEqual([]);
    await sent.journal.close();
  });

  /**
   * A second writer (a child Node process) opens the journal, which takes over the dead writer's lock,
   * does what `then` says (nothing; or the trace of the killed session and a session of its own), and
   * is killed (SIGKILL) with the journal open. Resolves to its pid.
   */
  async function secondWriterKilled(file: string, then: 'nothing' | 'a session'): Promise<number> {
    const script = path.join(dir, 'second-writer.mts');
    const modules = path.resolve(__dirname, '../../../../src-main/core');
    await writeFile(
      script,
      `import { killedSessionEntries } from ${JSON.stringify(`${modules}/ceremony/online/killed-session.ts`)};
import { openJournal } from ${JSON.stringify(`${modules}/journal/index.ts`)};
const journal = await openJournal(${JSON.stringify(file)}, { create: false });
if (${JSON.stringify(then)} === 'a session') {
  for (const e of killedSessionEntries(journal.entries, journal.lockLeftBehind, 'Ben')) await journal.append(e.actor, e.event, e.data);
  await journal.append('Ben', 'ceremony.session-started');
  await journal.append('Ben', 'kms.connected');
}
process.stdout.write('open\\n');
setInterval(() => undefined, 60_000);`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.once('exit', () => reject(new Error('the second writer ended before it opened the journal')));
      child.stdout.on('data', (data: Buffer) => {
        if (data.toString('utf8').includes('open')) resolve();
      });
    });
    child.removeAllListeners('exit');
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
    return child.pid as number;
  }

  it('a writer killed right after it took over the killed session’s lock, before it wrote a word, leaves that session named', async () => {
    const { journal, pid, count } = await reopenedAfterKill(['kms.connected', 'wrapped-bundle.checked']);
    await journal.close();
    // The lock is left as the killed process left it: a writer's, of a process that is gone.
    await writeFile(
      `${journal.path}.lock`,
      JSON.stringify({ pid, hostname: os.hostname(), since: journal.entries[1]?.time, purpose: 'write' }),
    );
    const second = await secondWriterKilled(journal.path, 'nothing');
    const third = await openJournal(journal.path, { create: false });
    expect(third.lockLeftBehind?.pid).toBe(second);
    const [trace, ...more] = killedSessionEntries(third.entries, third.lockLeftBehind, 'Cai');
    await third.close();
    expect(more).toEqual([]);
    expect(trace?.data?.reasonPhrase).toEqual({
      key: 'journal.reason.session-killed',
      values: { session: 2, from: 2, to: count, pid },
    });
  });

  it('a writer killed after it said the killed session and began its own: its own session is the one named, and the first not again', async () => {
    const { journal, pid } = await reopenedAfterKill(['kms.connected']);
    await journal.close();
    await writeFile(
      `${journal.path}.lock`,
      JSON.stringify({ pid, hostname: os.hostname(), since: journal.entries[1]?.time, purpose: 'write' }),
    );
    const second = await secondWriterKilled(journal.path, 'a session');
    const third = await openJournal(journal.path, { create: false });
    const entries = third.entries;
    const traces = killedSessionEntries(entries, third.lockLeftBehind, 'Cai');
    await third.close();
    expect(entries.filter((e) => e.event === 'ceremony.session-unrecorded')).toHaveLength(1);
    expect(traces.map((t) => t.data?.reasonPhrase)).toEqual([
      {
        key: 'journal.reason.session-killed',
        values: { session: 3, from: entries.at(-2)?.seq ?? 0, to: entries.at(-1)?.seq, pid: second },
      },
    ]);
  });
});
