/**
 * A journal read only (readJournalOnly), for a look that records nothing while the journal cannot be
 * written: its entries verified as a step's open verifies them, every append refused, nothing
 * written and no lock left behind; refused while a step holds the journal, as a reader is. Where no
 * lock file can be written (read-only or full media: cannotWriteThere) it is read without one.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyferryError } from '../../../src-main/core/errors';
import { openJournal, readJournalOnly } from '../../../src-main/core/journal';
import { cannotWriteThere } from '../../../src-main/core/journal/lock';
import { SAMPLE_EVENTS, joinLines, writeSampleJournal } from './sample';

/** The lock file's refusal to be written, for `errno`. */
const lockRefused = (errno: string) =>
  new KeyferryError(
    'WRITE_FAILED',
    { file: 'j.jsonl.lock', folder: '/media', errno, detail: errno },
    { cause: Object.assign(new Error(errno), { code: errno }) },
  );

describe('a journal read only', () => {
  it('holds the entries a step would find, refuses every append, and writes nothing', async () => {
    const { file, text, head } = await writeSampleJournal();
    const journal = await readJournalOnly(file);
    expect(journal.count).toBe(SAMPLE_EVENTS.length);
    expect(journal.head).toBe(head);
    expect(journal.entries.map((e) => e.event)).toEqual(SAMPLE_EVENTS.map(([, event]) => event));
    await expect(journal.append('Ana', 'key.status-read', {})).rejects.toMatchObject({ code: 'JOURNAL_CLOSED' });
    await expect(journal.appendMany([{ actor: 'Ana', event: 'x.y' }])).rejects.toMatchObject({
      code: 'JOURNAL_CLOSED',
    });
    await journal.close();
    expect(await readFile(file, 'utf8')).toBe(text);
    expect((await readdir(path.dirname(file))).filter((f) => f.endsWith('.lock'))).toEqual([]);
  });

  it('is refused while a step holds the journal, and when it does not verify', async () => {
    const { file, lines } = await writeSampleJournal();
    const step = await openJournal(file, { create: false });
    await expect(readJournalOnly(file)).rejects.toMatchObject({ code: 'JOURNAL_IN_USE' });
    await step.close();
    await writeFile(file, joinLines([lines[0] as string, (lines[2] as string).replace('"seq":3', '"seq":2')]));
    await expect(readJournalOnly(file)).rejects.toMatchObject({ code: 'JOURNAL_TAMPERED' });
  });

  it('reads without a lock only where no lock file can be written (read-only or full media), never past a held lock', () => {
    for (const errno of ['EROFS', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT', 'EFBIG'])
      expect(cannotWriteThere(lockRefused(errno))).toBe(true);
    for (const errno of ['EEXIST', 'ENOENT', 'EIO']) expect(cannotWriteThere(lockRefused(errno))).toBe(false);
  });
});
