/**
 * A journal whose last append was cut short (a power loss, a medium pulled out: the last line has no
 * newline): refused on opening, with the command that sets the line aside; on that request only, the
 * fragment goes to a side file beside the journal, the journal is cut back to its last complete line
 * and records what was set aside (a deviation). Everything else stays fatal and changes nothing.
 * Real journal files throughout.
 */
import { createHash } from 'node:crypto';
import { constants, existsSync } from 'node:fs';
import { readFile, readdir, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listDeviations, openJournal, verifyJournal } from '../../../src-main/core/journal';
import { MAX_LINE_BYTES } from '../../../src-main/core/journal/entry';
import { setAsideJournalTornLine } from '../../../src-main/core/journal/journal';
import { acquireJournalLock } from '../../../src-main/core/journal/lock';
import { nodeFileLayer, type FileLayer } from '../../../src-main/core/fs/durable-file';
import { translator } from '../../../src-main/i18n/translate';
import type { KeyferryError } from '../../../src-main/core/errors';
import { joinLines, writeSampleJournal } from './sample';

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const AT = new Date('2026-12-02T10:20:30.456Z');
const setAside = (file: string) => setAsideJournalTornLine(file, 'Ada Lovelace', { now: () => AT });

/** The sample journal (6 entries) with its last line cut `cut` bytes short, its newline included. */
async function tornJournal(cut = 40) {
  const sample = await writeSampleJournal();
  const torn = sample.text.slice(0, -cut);
  await writeFile(sample.file, torn);
  return { ...sample, torn, fragment: torn.slice(torn.lastIndexOf('\n') + 1) };
}

const sideFiles = async (file: string) => (await readdir(path.dirname(file))).filter((f) => f.includes('.torn-'));

describe('a journal whose last line was cut short', () => {
  it('is refused on opening, the next step naming the command that sets the line aside', async () => {
    const { file } = await tornJournal();
    await expect(openJournal(file, { create: false })).rejects.toMatchObject({
      code: 'JOURNAL_LAST_LINE_TORN',
      values: { line: 6 },
      nextStep: expect.stringContaining(`keyferry journal set-aside-torn-line "${file}" --operator NAME`),
    });
  });

  it('on request: the fragment in a side file, the journal cut back, the deviation journaled, appends go on', async () => {
    const { file, lines, fragment } = await tornJournal();
    const done = await setAside(file);
    const name = `ceremony.journal.jsonl.torn-20261202T102030Z-${sha256(fragment).slice(0, 8)}`;
    expect(done).toEqual({
      setAside: {
        sideFile: name,
        fragmentSha256: sha256(fragment),
        fragmentBytes: Buffer.byteLength(fragment),
        line: 6,
        // The sample's last entry, cut 40 bytes short of its end: its event name is whole.
        fragmentEvent: 'bundle.written',
      },
      recordedLate: [],
      count: 6,
    });
    expect(await readFile(path.join(path.dirname(file), name), 'utf8')).toBe(fragment);
    // The complete lines are as they were, byte for byte.
    expect((await readFile(file, 'utf8')).startsWith(joinLines(lines.slice(0, 5)))).toBe(true);
    const journal = await openJournal(file, { create: false });
    try {
      const entries = journal.entries;
      expect(entries[5]).toMatchObject({
        seq: 6,
        actor: 'Ada Lovelace',
        event: 'journal.torn-line-set-aside',
        data: {
          sideFile: done.setAside?.sideFile,
          fragmentSha256: done.setAside?.fragmentSha256,
          fragmentBytes: done.setAside?.fragmentBytes,
        },
      });
      expect(listDeviations(entries).map((d) => d.kind)).toEqual(['interrupt']);
      await journal.append('system', 'ceremony.session-started', { side: 'air-gapped' });
    } finally {
      await journal.close();
    }
    expect(await verifyJournal(file)).toMatchObject({ ok: true, count: 7 });
  });

  it('set aside twice in the same second (two power losses in a row): two side files, both recorded', async () => {
    const { file } = await tornJournal();
    const first = await setAside(file);
    // The next append is cut short too, and set aside within the same second (the same clock reading).
    const journal = await openJournal(file, { create: false });
    await journal.append('system', 'ceremony.session-started', { side: 'air-gapped' });
    await journal.close();
    await writeFile(file, (await readFile(file, 'utf8')).slice(0, -25));
    const second = await setAside(file);
    expect(second.setAside?.sideFile).not.toBe(first.setAside?.sideFile);
    expect((await sideFiles(file)).sort()).toEqual([first.setAside?.sideFile, second.setAside?.sideFile].sort());
    const reopened = await openJournal(file, { create: false });
    try {
      expect(reopened.entries.filter((e) => e.event === 'journal.torn-line-set-aside')).toHaveLength(2);
    } finally {
      await reopened.close();
    }
  });

  it('two tails cut after the same bytes, set aside at the same clock reading: two side files, neither refused nor overwritten', async () => {
    // An air-gapped machine whose clock restarts at the same time after each power loss, and two appends
    // cut after the same first bytes: the same time and the same SHA-256 in the side file's name.
    const { file, text } = await writeSampleJournal();
    const cut = '{"actor":"Ada';
    await writeFile(file, `${text}${cut}`);
    const first = await setAside(file);
    await writeFile(file, `${await readFile(file, 'utf8')}${cut}`);
    const second = await setAside(file);
    expect(second.setAside?.sideFile).not.toBe(first.setAside?.sideFile);
    expect(second.setAside).toMatchObject({ line: 8, fragmentSha256: sha256(cut) });
    for (const name of [first.setAside?.sideFile, second.setAside?.sideFile])
      expect(await readFile(path.join(path.dirname(file), name as string), 'utf8')).toBe(cut);
    expect((await sideFiles(file)).sort()).toEqual([first.setAside?.sideFile, second.setAside?.sideFile].sort());
    // Both recorded under their own names: the journal opens (no side file unrecorded) and verifies.
    const reopened = await openJournal(file, { create: false });
    try {
      const recorded = reopened.entries.filter((e) => e.event === 'journal.torn-line-set-aside');
      expect(recorded.map((e) => e.data.sideFile)).toEqual([first.setAside?.sideFile, second.setAside?.sideFile]);
    } finally {
      await reopened.close();
    }
  });

  it('a journal that ends with a complete line has nothing to set aside, and is left as it is', async () => {
    const { file, text } = await writeSampleJournal();
    await expect(setAside(file)).rejects.toMatchObject({ code: 'JOURNAL_NOT_TORN' });
    expect(await readFile(file, 'utf8')).toBe(text);
    expect(await sideFiles(file)).toEqual([]);
  });

  it('stays fatal, changing nothing, for a changed line before the cut or a complete last line that fails its hash', async () => {
    const changed = await tornJournal();
    const changedText = changed.torn.replace('"RSA_2048"', '"RSA_4096"');
    await writeFile(changed.file, changedText);
    await expect(setAside(changed.file)).rejects.toMatchObject({ code: 'JOURNAL_TAMPERED', values: { line: 4 } });
    expect(await readFile(changed.file, 'utf8')).toBe(changedText);
    const lastChanged = await writeSampleJournal();
    const edited = lastChanged.text.replace('"count":3', '"count":4');
    await writeFile(lastChanged.file, edited);
    await expect(setAside(lastChanged.file)).rejects.toMatchObject({ code: 'JOURNAL_TAMPERED', values: { line: 6 } });
    expect(await readFile(lastChanged.file, 'utf8')).toBe(edited);
    for (const { file } of [changed, lastChanged]) expect(await sideFiles(file)).toEqual([]);
  });

  it('stays fatal for an unfinished "line" longer than any journal line', async () => {
    const { file, text } = await writeSampleJournal();
    await writeFile(file, text + 'x'.repeat(MAX_LINE_BYTES + 1));
    await expect(setAside(file)).rejects.toMatchObject({ code: 'JOURNAL_TAMPERED', values: { line: 7 } });
    expect(await sideFiles(file)).toEqual([]);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('is refused while another writer holds the journal, which is left as it is', async () => {
    const { file, torn } = await tornJournal();
    const lock = await acquireJournalLock(file);
    try {
      await expect(setAside(file)).rejects.toMatchObject({ code: 'JOURNAL_IN_USE' });
    } finally {
      await lock.release();
    }
    expect(await readFile(file, 'utf8')).toBe(torn);
  });
});

/** The file layer with the power lost right after the cut: the journal never opens again for its entry. */
function powerLostAfterCut(journalFile: string): FileLayer {
  return {
    ...nodeFileLayer,
    open: (file, flags, mode) =>
      file === journalFile && (flags & constants.O_APPEND) !== 0
        ? Promise.reject(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }))
        : nodeFileLayer.open(file, flags, mode),
  };
}

describe('a torn tail that is a whole entry missing only its newline', () => {
  it('is completed, not set aside: the entry stays, its newline is written, and the completion is journaled', async () => {
    const { file, text, lines } = await tornJournal(1);
    const done = await setAside(file);
    expect(done).toEqual({ completed: { line: 6 }, recordedLate: [], count: 7 });
    expect(await sideFiles(file)).toEqual([]);
    // The six entries as they were, byte for byte, then the completion's own entry.
    expect((await readFile(file, 'utf8')).startsWith(text)).toBe(true);
    expect(lines).toHaveLength(6);
    const journal = await openJournal(file, { create: false });
    try {
      expect(journal.entries.at(-1)).toMatchObject({
        seq: 7,
        actor: 'Ada Lovelace',
        event: 'journal.torn-line-completed',
        data: { line: 6 },
      });
      expect(listDeviations(journal.entries).map((d) => d.kind)).toEqual(['interrupt']);
    } finally {
      await journal.close();
    }
    expect(await verifyJournal(file)).toMatchObject({ ok: true, count: 7 });
  });

  it('writes its newline through the file layer as every journal write: failing media leave the journal as it was', async () => {
    const { file } = await tornJournal(1);
    const before = await readFile(file, 'utf8');
    await expect(
      setAsideJournalTornLine(file, 'Ada Lovelace', { now: () => AT, layer: powerLostAfterCut(file) }),
    ).rejects.toMatchObject({ code: 'EIO' });
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(await sideFiles(file)).toEqual([]);
    // On working media the same request completes it.
    expect(await setAside(file)).toEqual({ completed: { line: 6 }, recordedLate: [], count: 7 });
  });

  it('a whole line that does not chain (an earlier entry copied to the end) is set aside, never completed', async () => {
    const { file, text, lines } = await writeSampleJournal();
    // An earlier entry, whole and with a right hash of its own, after the last one, without a newline.
    await writeFile(file, `${text}${lines[2] as string}`);
    const done = await setAside(file);
    expect(done.completed).toBeUndefined();
    expect(done.setAside).toMatchObject({ line: 7, fragmentBytes: Buffer.byteLength(lines[2] as string) });
    expect((await readFile(file, 'utf8')).startsWith(text)).toBe(true);
    expect(await verifyJournal(file)).toMatchObject({ ok: true, count: 7 });
  });
});

describe('a second power loss between the cut and its journal entry', () => {
  it('leaves a side file the journal does not record: refused on opening, then journaled as recorded late on the rerun', async () => {
    const { file, lines, fragment } = await tornJournal();
    const name = `ceremony.journal.jsonl.torn-20261202T102030Z-${sha256(fragment).slice(0, 8)}`;
    await expect(
      setAsideJournalTornLine(file, 'Ada Lovelace', { now: () => AT, layer: powerLostAfterCut(file) }),
    ).rejects.toThrow();
    // On disk as the power loss left it: the fragment beside the journal, the journal cut back, no entry.
    expect(await readFile(path.join(path.dirname(file), name), 'utf8')).toBe(fragment);
    expect(await readFile(file, 'utf8')).toBe(joinLines(lines.slice(0, 5)));

    // Never passed over: every opening refuses it, naming the command.
    await expect(openJournal(file, { create: false })).rejects.toMatchObject({
      code: 'JOURNAL_TORN_LINE_UNRECORDED',
      values: { sideFile: name },
      nextStep: expect.stringContaining(`keyferry journal set-aside-torn-line "${file}" --operator NAME`),
    });

    // The rerun journals it (no longer JOURNAL_NOT_TORN), with its digest and length, as recorded late.
    const rerun = await setAsideJournalTornLine(file, 'Ada Lovelace', { now: () => AT });
    expect(rerun).toMatchObject({
      count: 6,
      recordedLate: [
        {
          sideFile: name,
          fragmentSha256: sha256(fragment),
          fragmentBytes: Buffer.byteLength(fragment),
        },
      ],
    });
    expect(rerun.setAside).toBeUndefined();
    const journal = await openJournal(file, { create: false });
    try {
      const last = journal.entries.at(-1);
      expect(last).toMatchObject({
        seq: 6,
        actor: 'Ada Lovelace',
        event: 'journal.torn-line-set-aside',
        data: {
          sideFile: name,
          fragmentSha256: sha256(fragment),
          recordedLate: true,
          // It reads as the cut line of this journal: the sample's entry 6, as set aside.
          looksLikeCutLine: true,
        },
      });
      expect(listDeviations(journal.entries).map((d) => d.kind)).toEqual(['interrupt']);
    } finally {
      await journal.close();
    }
    // Recorded now: a third run has nothing to do.
    await expect(setAside(file)).rejects.toMatchObject({ code: 'JOURNAL_NOT_TORN' });
  });

  it('a side file put beside the journal by hand (or changed after it was recorded) is refused too', async () => {
    const { file } = await tornJournal();
    await setAside(file);
    const [recorded] = await sideFiles(file);
    await writeFile(path.join(path.dirname(file), recorded as string), 'changed');
    await expect(openJournal(file, { create: false })).rejects.toMatchObject({ code: 'JOURNAL_TORN_LINE_UNRECORDED' });
  });

  it('a power loss after the side file was written and before the cut: the rerun cuts the journal and records that file, once', async () => {
    const { file, torn, lines, fragment } = await tornJournal();
    // On disk as that power loss leaves it: the journal still torn, its fragment already beside it.
    const earlier = 'ceremony.journal.jsonl.torn-20261202T102029Z';
    await writeFile(path.join(path.dirname(file), earlier), fragment);
    expect(await readFile(file, 'utf8')).toBe(torn);
    const rerun = await setAside(file);
    expect(rerun).toMatchObject({ setAside: { sideFile: earlier, line: 6 }, recordedLate: [], count: 6 });
    // No second copy, the journal cut back, one entry for the fragment, not "recorded late".
    expect(await sideFiles(file)).toEqual([earlier]);
    const journal = await openJournal(file, { create: false });
    try {
      expect(journal.entries.slice(0, 5).map((e) => e.hash)).toEqual(lines.slice(0, 5).map((l) => JSON.parse(l).hash));
      const recorded = journal.entries.filter((e) => e.event === 'journal.torn-line-set-aside');
      expect(recorded).toHaveLength(1);
      expect(recorded[0]?.data).toMatchObject({ sideFile: earlier, fragmentSha256: sha256(fragment) });
      expect(recorded[0]?.data).not.toHaveProperty('recordedLate');
    } finally {
      await journal.close();
    }
  });
});

describe('a side file nobody set aside (planted beside the journal)', () => {
  const en = translator('en');

  it('the refusal gives both ways forward: record it with the command, or move it away', async () => {
    const { file } = await writeSampleJournal();
    await writeFile(`${file}.torn-20261202T090000Z`, 'not from this journal');
    const refusal = await openJournal(file, { create: false }).catch((e: unknown) => e as KeyferryError);
    expect(refusal).toMatchObject({ code: 'JOURNAL_TORN_LINE_UNRECORDED' });
    const shown = en.problem(refusal as KeyferryError);
    expect(shown.message).toContain('left by a power loss during a set-aside, or put there by hand');
    expect(shown.nextStep).toContain(`keyferry journal set-aside-torn-line "${file}" --operator NAME`);
    expect(shown.nextStep).toContain(
      'If nobody set a line aside from this journal, move the file out of the journal’s folder',
    );
  });

  it('recorded, it is on record as what it may be (a power loss or a hand), flagged as not this journal’s cut line', async () => {
    const { file } = await writeSampleJournal();
    const planted = 'ceremony.journal.jsonl.torn-20261202T090000Z';
    await writeFile(
      path.join(path.dirname(file), planted),
      '{"actor":"system","data":{},"event":"bundle.written","hash":"' +
        'ab'.repeat(32) +
        '","prev":"' +
        'cd'.repeat(32) +
        '","seq":9',
    );
    const done = await setAside(file);
    expect(done.recordedLate).toMatchObject([{ sideFile: planted, looksLikeCutLine: false }]);
    const journal = await openJournal(file, { create: false });
    try {
      const data = journal.entries.at(-1)?.data as { reasonPhrase: { key: string }; looksLikeCutLine: boolean };
      expect(data.looksLikeCutLine).toBe(false);
      // The reason claims no power loss: the file may as well have been put there by hand.
      const reason = en.t(data.reasonPhrase.key as 'journal.reason.torn-recorded-late');
      expect(reason).toBe(
        'a side file no journal entry recorded: left by a power loss during a set-aside, or put there by hand',
      );
      expect(translator('zh-CN').t(data.reasonPhrase.key as 'journal.reason.torn-recorded-late')).not.toContain('补记');
    } finally {
      await journal.close();
    }
  });

  it('longer than any journal line (a multi-gigabyte file): no fragment, never recorded, the next step is to move it away', async () => {
    const { file, text } = await writeSampleJournal();
    const planted = path.join(path.dirname(file), 'ceremony.journal.jsonl.torn-20261202T090000Z');
    await writeFile(planted, '{"actor":"system"');
    await truncate(planted, 3 * 1024 ** 3); // sparse: 3 GiB that would be hashed in full
    for (const attempt of [() => openJournal(file, { create: false }), () => setAside(file)]) {
      const refusal = await attempt().then(
        () => undefined,
        (e: unknown) => e as KeyferryError,
      );
      expect(refusal).toMatchObject({
        code: 'JOURNAL_SIDE_FILE_NOT_A_LINE',
        values: { sideFile: path.basename(planted), bytes: 3 * 1024 ** 3, max: MAX_LINE_BYTES },
      });
      expect(en.problem(refusal as KeyferryError).nextStep).toBe(
        `Move ${path.basename(planted)} out of ${path.dirname(file)} (keep it as evidence and find out who put it there), then run this step again.`,
      );
    }
    // Nothing recorded, nothing changed.
    expect(await readFile(file, 'utf8')).toBe(text);
  });
});

describe('what the set-aside line held', () => {
  const KEY = '43f1ffd7-18fb-4568-9575-602e009b7ee8';

  /** A journal whose last entry (material.wrapped of KEY) is cut `cut` bytes short (negative: `-cut` bytes of it kept). */
  async function cutAfterWrap(cut: number) {
    const { file } = await writeSampleJournal();
    const journal = await openJournal(file, { create: false });
    await journal.append('system', 'material.wrapped', { keyId: KEY, wrappedSha256: 'aa'.repeat(32) });
    await journal.close();
    const text = await readFile(file, 'utf8');
    const lastLine = text.slice(text.lastIndexOf('\n', text.length - 2) + 1);
    await writeFile(file, text.slice(0, cut > 0 ? -cut : text.length - lastLine.length - cut));
    return file;
  }

  it('names its event and key ID when the cut left them whole', async () => {
    const done = await setAside(await cutAfterWrap(30));
    expect(done.setAside).toMatchObject({ line: 7, fragmentEvent: 'material.wrapped', fragmentKeyId: KEY });
  });

  it('names neither when the cut came before them, and never anything the patterns do not allow', async () => {
    // Cut inside its data, before the key ID: `{"actor":"system","data":{"ke`.
    const file = await cutAfterWrap(-29);
    const done = await setAside(file);
    expect(done.setAside?.fragmentBytes).toBe(29);
    expect(done.setAside?.fragmentEvent).toBeUndefined();
    expect(done.setAside?.fragmentKeyId).toBeUndefined();
  });
});
