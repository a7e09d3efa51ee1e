import { constants, existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { nodeFileLayer, type FileLayer } from '../../../src-main/core/fs/durable-file';
import { GENESIS_HASH, openJournal, verifyJournal } from '../../../src-main/core/journal';
import { inspectJournalInSlices } from '../../../src-main/core/journal/verify';
import { tempDir, writeSampleJournal } from './sample';
import { yieldsWhile } from '../../helpers/event-loop-turns';

const clock = (start = '2025-03-01T09:00:00.000Z'): (() => Date) => {
  let t = Date.parse(start);
  return () => new Date((t += 1000));
};

/**
 * Media that fills up when told: once `failNextAppend` is set, the next append writes half its
 * bytes and fails with ENOSPC; every fsync of the appended file is counted in `syncs`.
 */
function mediaThatFillsUp() {
  const media: { failNextAppend: boolean; syncs: number; layer: FileLayer } = {
    failNextAppend: false,
    syncs: 0,
    layer: nodeFileLayer,
  };
  media.layer = {
    ...nodeFileLayer,
    open: async (p, flags, mode) => {
      const handle = await nodeFileLayer.open(p, flags, mode);
      if (!(flags & constants.O_APPEND)) return handle;
      const realWrite = handle.write.bind(handle) as (
        b: Buffer,
        o: number,
        l: number,
      ) => Promise<{ bytesWritten: number }>;
      const realSync = handle.sync.bind(handle);
      return Object.assign(Object.create(handle) as typeof handle, {
        sync: async () => {
          media.syncs += 1;
          await realSync();
        },
        write: async (buffer: Buffer, offset: number, length: number) => {
          if (!media.failNextAppend) return realWrite(buffer, offset, length);
          media.failNextAppend = false;
          await realWrite(buffer, offset, Math.floor(length / 2));
          throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
        },
      });
    },
  };
  return media;
}

describe('openJournal and append', () => {
  it('creates a new journal, numbers entries from 1 and chains them from the genesis value', async () => {
    const file = path.join(await tempDir(), 'j.jsonl');
    const journal = await openJournal(file, { create: true, now: clock() });
    expect(journal.count).toBe(0);
    expect(journal.head).toBe(GENESIS_HASH);
    const first = await journal.append('system', 'ceremony.started', { ceremonyId: 'KF-1' });
    const second = await journal.append('Ada Lovelace', 'witness.confirmed', {
      artefact: 'import-parameters-bundle',
      digest: 'ab'.repeat(32),
    });
    expect(first).toMatchObject({
      seq: 1,
      prev: GENESIS_HASH,
      time: '2025-03-01T09:00:01.000Z',
      actor: 'system',
      event: 'ceremony.started',
    });
    expect(second).toMatchObject({ seq: 2, prev: first.hash });
    expect(journal.head).toBe(second.hash);
    expect(journal.entries).toEqual([first, second]);
    await journal.close();
    const text = await fs.readFile(file, 'utf8');
    expect(text.split('\n')).toHaveLength(3);
    expect(await verifyJournal(file)).toEqual({ ok: true, headHash: second.hash, count: 2 });
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
  });

  it('keeps appends across a reopen, continuing the chain', async () => {
    const { file, head } = await writeSampleJournal();
    const reopened = await openJournal(file, { create: false, now: clock('2025-03-01T10:00:00.000Z') });
    expect(reopened.count).toBe(6);
    expect(reopened.head).toBe(head);
    const next = await reopened.append('system', 'key.imported', { keyId: 'k1' });
    expect(next).toMatchObject({ seq: 7, prev: head });
    await reopened.close();
    const again = await openJournal(file, { create: false, expectedHead: next.hash, expectedCount: 7 });
    expect(again.entries.map((e) => e.event).at(-1)).toBe('key.imported');
    await again.close();
    expect(await verifyJournal(file, { expectedHead: next.hash, expectedCount: 7 })).toMatchObject({
      ok: true,
      count: 7,
    });
  });

  it('refuses to create over an existing journal and to reopen a missing one', async () => {
    const { file } = await writeSampleJournal();
    await expect(openJournal(file, { create: true })).rejects.toMatchObject({ code: 'JOURNAL_EXISTS' });
    await expect(openJournal(`${file}.missing`, { create: false })).rejects.toMatchObject({
      code: 'INPUT_FILE_UNREADABLE',
      message: expect.stringMatching(/journal .*\.missing: no such file/),
    });
    // the failed attempts left no lock behind
    const journal = await openJournal(file, { create: false });
    await journal.close();
  });

  it('refuses to reopen a tampered journal, naming the line', async () => {
    const { file, text } = await writeSampleJournal();
    await fs.writeFile(file, text.replace('"RSA_2048"', '"RSA_4096"'));
    await expect(openJournal(file, { create: false })).rejects.toMatchObject({
      code: 'JOURNAL_TAMPERED',
      message: expect.stringMatching(/line 4: hash does not match/),
    });
  });

  it('refuses to reopen a journal whose end was cut off, when the receipt head is given', async () => {
    const { file, text, head } = await writeSampleJournal();
    await fs.writeFile(file, text.split('\n').slice(0, 4).join('\n') + '\n');
    await expect(openJournal(file, { create: false, expectedHead: head, expectedCount: 6 })).rejects.toMatchObject({
      code: 'JOURNAL_TAMPERED',
      message: expect.stringMatching(/line 5: .*removed from the end/),
    });
  });

  it('orders concurrent appends from one writer into one chain', async () => {
    const file = path.join(await tempDir(), 'j.jsonl');
    const journal = await openJournal(file, { create: true });
    const entries = await Promise.all(
      Array.from({ length: 25 }, (_, i) => journal.append('system', 'material.generated', { i })),
    );
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    await journal.close();
    expect(await verifyJournal(file)).toMatchObject({ ok: true, count: 25 });
  });

  it('stops appending when something else changed the file while it was open', async () => {
    const { file } = await writeSampleJournal();
    const journal = await openJournal(file, { create: false });
    await fs.appendFile(file, '{"forged":true}\n');
    await expect(journal.append('system', 'key.imported', {})).rejects.toMatchObject({
      code: 'JOURNAL_CHANGED_ELSEWHERE',
    });
    await expect(journal.append('system', 'key.imported', {})).rejects.toMatchObject({ code: 'JOURNAL_BROKEN' });
    await journal.close();
  });

  it('refuses bad actors, events and data without writing anything', async () => {
    const { file, text } = await writeSampleJournal();
    const journal = await openJournal(file, { create: false });
    await expect(journal.append('', 'ceremony.started', {})).rejects.toMatchObject({ code: 'JOURNAL_ENTRY_INVALID' });
    await expect(journal.append('Ada\nforged', 'ceremony.started', {})).rejects.toMatchObject({
      code: 'JOURNAL_ENTRY_INVALID',
    });
    await expect(journal.append('system', 'Started!', {})).rejects.toMatchObject({ code: 'JOURNAL_ENTRY_INVALID' });
    await expect(journal.append('system', 'ceremony.started', [] as never)).rejects.toMatchObject({
      code: 'JOURNAL_ENTRY_INVALID',
    });
    await expect(journal.append('system', 'ceremony.started', { n: Number.NaN })).rejects.toMatchObject({
      code: 'JOURNAL_DATA_NOT_JSON',
    });
    await expect(journal.append('system', 'ceremony.started', { when: new Date() as never })).rejects.toMatchObject({
      code: 'JOURNAL_DATA_NOT_JSON',
    });
    await expect(journal.append('system', 'ceremony.started', { big: 'x'.repeat(70_000) })).rejects.toMatchObject({
      code: 'JOURNAL_ENTRY_INVALID',
    });
    expect(await fs.readFile(file, 'utf8')).toBe(text);
    const ok = await journal.append('system', 'ceremony.started', {});
    expect(ok.seq).toBe(7);
    await journal.close();
  });

  it('refuses a Buffer and a material key (the secret guard) and writes nothing', async () => {
    const { file, text } = await writeSampleJournal();
    const journal = await openJournal(file, { create: false });
    const secret = Buffer.from('a1a2a3a4a5a6a7a8a9aaabacadaeafb0', 'hex');
    await expect(journal.append('system', 'material.generated', { key: secret as never })).rejects.toMatchObject({
      code: 'JOURNAL_SECRET_REFUSED',
    });
    await expect(
      journal.append('system', 'material.generated', { material: secret.toString('hex') }),
    ).rejects.toMatchObject({ code: 'JOURNAL_SECRET_REFUSED' });
    await journal.close();
    const after = await fs.readFile(file, 'utf8');
    expect(after).toBe(text);
    expect(after).not.toContain('a1a2a3a4');
  });

  it('stores a copy of the data: later changes by the caller and writes to entries change nothing', async () => {
    const file = path.join(await tempDir(), 'j.jsonl');
    const journal = await openJournal(file, { create: true });
    const data = { files: [{ name: 'a.bin' }] };
    const entry = await journal.append('system', 'bundle.written', data);
    data.files[0]!.name = 'evil.bin';
    expect(journal.entries[0]!.data).toEqual({ files: [{ name: 'a.bin' }] });
    expect(() => {
      (entry.data as { files: { name: string }[] }).files[0]!.name = 'x';
    }).toThrow(TypeError);
    await journal.close();
    expect(await verifyJournal(file)).toMatchObject({ ok: true });
  });

  it('after a failed write (media full), leaves no partial line and can be retried', async () => {
    const file = path.join(await tempDir(), 'j.jsonl');
    const media = mediaThatFillsUp();
    const journal = await openJournal(file, { create: true, layer: media.layer });
    await journal.append('system', 'ceremony.started', {});
    media.failNextAppend = true;
    await expect(journal.append('system', 'material.wrapped', { keyId: 'k' })).rejects.toMatchObject({
      code: 'JOURNAL_WRITE_FAILED',
      message: expect.stringMatching(/ENOSPC.*not recorded/),
    });
    expect(await verifyJournal(file)).toMatchObject({ ok: true, count: 1 });
    const retried = await journal.append('system', 'material.wrapped', { keyId: 'k' });
    expect(retried.seq).toBe(2);
    await journal.close();
    expect(await verifyJournal(file)).toMatchObject({ ok: true, count: 2, headHash: retried.hash });
  });

  it('appendMany chains several entries with one write and one fsync: all of them, or none', async () => {
    const file = path.join(await tempDir(), 'j.jsonl');
    const media = mediaThatFillsUp();
    const journal = await openJournal(file, { create: true, layer: media.layer });
    await journal.append('system', 'ceremony.started', {});
    media.syncs = 0;
    const keyIds = ['0d0466b0-e727-4d9c-b35d-f84bb474a37f', '1d0466b0-e727-4d9c-b35d-f84bb474a37f'];
    const batch = await journal.appendMany(
      keyIds.map((keyId) => ({ actor: 'Ana', event: 'material.generated', data: { keyId } })),
    );
    expect(media.syncs).toBe(1);
    expect(batch.map((e) => [e.seq, e.actor, e.data.keyId])).toEqual([
      [2, 'Ana', keyIds[0]],
      [3, 'Ana', keyIds[1]],
    ]);
    expect(batch[1]?.prev).toBe(batch[0]?.hash);
    // A bad entry anywhere in the batch refuses the whole batch before anything is written.
    await expect(
      journal.appendMany([
        { actor: 'Ana', event: 'material.wrapped', data: {} },
        { actor: 'Ana', event: 'not an event' },
      ]),
    ).rejects.toMatchObject({ code: 'JOURNAL_ENTRY_INVALID' });
    // A failed write cuts the file back: none of the batch is recorded.
    media.failNextAppend = true;
    await expect(
      journal.appendMany(keyIds.map((keyId) => ({ actor: 'Ana', event: 'material.wrapped', data: { keyId } }))),
    ).rejects.toMatchObject({ code: 'JOURNAL_WRITE_FAILED' });
    expect(await verifyJournal(file)).toMatchObject({ ok: true, count: 3, headHash: batch[1]?.hash });
    expect(journal.count).toBe(3);
    await journal.close();
    const reopened = await openJournal(file, { create: false });
    expect(reopened.entries.map((e) => e.event)).toEqual([
      'ceremony.started',
      'material.generated',
      'material.generated',
    ]);
    await reopened.close();
  });

  it('appendMany of a 300-key batch lets the event loop run while it chains the entries, and stays one batch', async () => {
    const file = path.join(await tempDir(), 'j.jsonl');
    let turns = 0;
    let running = true;
    const tick = (): void => {
      if (!running) return;
      turns += 1;
      setImmediate(tick);
    };
    // The clock is read once per entry as it is chained: it notes the turns seen so far (and takes a while).
    const seen: number[] = [];
    let t = Date.parse('2025-03-01T09:00:00.000Z');
    const now = (): Date => {
      seen.push(turns);
      const until = performance.now() + 0.1;
      while (performance.now() < until);
      return new Date((t += 1000));
    };
    const journal = await openJournal(file, { create: true, now });
    seen.length = 0;
    setImmediate(tick);
    const batch = await journal.appendMany(
      Array.from({ length: 300 }, (_, i) => ({ actor: 'Ana', event: 'material.wrapped', data: { n: i } })),
    );
    running = false;
    expect(seen).toHaveLength(300);
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBeGreaterThan(0);
    expect(batch.map((e) => e.seq)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    await journal.close();
    expect(await verifyJournal(file)).toMatchObject({ ok: true, count: 300, headHash: batch.at(-1)?.hash });
  });

  it('reopens a long journal with its entries read-only, freezing them in slices as it verifies them', async () => {
    const file = path.join(await tempDir(), 'j.jsonl');
    const written = await openJournal(file, { create: true });
    await written.appendMany(
      Array.from({ length: 300 }, (_, i) => ({ actor: 'Ana', event: 'material.wrapped', data: { files: [{ n: i }] } })),
    );
    await written.close();
    const bytes = await fs.readFile(file);
    const verifying = await yieldsWhile(() => inspectJournalInSlices(bytes));
    const opening = await yieldsWhile(() => openJournal(file, { create: false }));
    const reopened = opening.value as Awaited<ReturnType<typeof openJournal>>;
    // Verifying lets the loop turn once per entry here; freezing the entries as often again (before, in one go).
    expect(verifying.yields).toBeGreaterThanOrEqual(300);
    expect(opening.yields).toBeGreaterThanOrEqual(verifying.yields * 2);
    const last = reopened.entries.at(-1)!;
    expect(last.data).toEqual({ files: [{ n: 299 }] });
    expect(() => {
      (last.data as { files: { n: number }[] }).files[0]!.n = 1;
    }).toThrow(TypeError);
    expect(Object.isFrozen(reopened.entries[0])).toBe(true);
    await reopened.close();
  });

  it('refuses appends after close', async () => {
    const file = path.join(await tempDir(), 'j.jsonl');
    const journal = await openJournal(file, { create: true });
    await journal.close();
    await expect(journal.append('system', 'ceremony.started', {})).rejects.toMatchObject({ code: 'JOURNAL_CLOSED' });
  });

  it('a second close while the first is under way waits until the lock is released', async () => {
    // A Ctrl-C handler closes the journal as the command's own close runs; the process exits once
    // the handler's close returns, so that one must not return before the lock file is gone.
    const file = path.join(await tempDir(), 'j.jsonl');
    // A medium whose file handle takes a while to close (a USB stick flushing its cache).
    let closing!: () => void;
    const slowClose: FileLayer = {
      ...nodeFileLayer,
      open: async (p, flags, mode) => {
        const handle = await nodeFileLayer.open(p, flags, mode);
        if (!(flags & constants.O_APPEND)) return handle;
        const realClose = handle.close.bind(handle);
        return Object.assign(Object.create(handle) as typeof handle, {
          close: () => new Promise<void>((resolve, reject) => (closing = () => void realClose().then(resolve, reject))),
        });
      },
    };
    const journal = await openJournal(file, { create: true, layer: slowClose });
    await journal.append('system', 'ceremony.started', {});
    const first = journal.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The second close comes while the first waits for the file handle.
    const second = journal.close();
    closing();
    await second;
    expect(existsSync(`${file}.lock`)).toBe(false);
    await first;
    // Closed is closed: a later close returns at once.
    await journal.close();
  });
});
