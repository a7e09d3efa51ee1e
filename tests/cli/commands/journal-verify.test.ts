import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../src-main/cli/commands/index';
import { runCli } from '../../../src-main/cli/run-cli';
import { groupHex } from '../../../src-main/core/hex-groups';
import { openJournal } from '../../../src-main/core/journal';
import { acquireJournalLock } from '../../../src-main/core/journal/lock';
import { writeSampleJournal } from '../../core/journal/sample';
import { KEYFERRY_BIN } from '../../integration/cli-process';
import { airGapSide, createFixture, onlineDayOne } from '../../core/ceremony/ceremony-fixture';

/** Appends well-chained entries, as a forger with the file (and Keyferry's code) could. */
async function appendEntries(file: string, events: [string, Record<string, string>][]): Promise<void> {
  const journal = await openJournal(file, { create: false });
  for (const [event, data] of events) await journal.append('Mallory', event, data);
  await journal.close();
}

async function run(argv: string[], cwd = process.cwd()): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(commands, argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env: {}, cwd });
  return { code, out, err };
}

describe('keyferry journal verify', () => {
  it('takes the lock every step takes: refused while one holds the journal (an append may be half written), none left behind', async () => {
    const { file } = await writeSampleJournal();
    const step = await acquireJournalLock(file);
    try {
      const held = await run(['journal', 'verify', file]);
      expect(held.code).toBe(1);
      expect(held.out).toEqual([]);
      expect(held.err.join('\n')).toContain('The journal is already open for writing by process');
    } finally {
      await step.release();
    }
    expect((await run(['journal', 'verify', file])).code).toBe(0);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('prints OK, the entry count and the grouped head hash, and exits 0', async () => {
    const { file, head } = await writeSampleJournal();
    const result = await run(['journal', 'verify', file]);
    expect(result).toEqual({ code: 0, out: [`OK 6 entries, head ${groupHex(head)}`], err: [] });
    expect(groupHex(head)).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
  });

  it('says a session left its lock behind (killed, crashed), and puts that lock back for the next step to say it', async () => {
    const { file, head } = await writeSampleJournal();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid as number;
    const since = '2026-12-07T04:00:00.000Z';
    const lock = JSON.stringify({ pid: dead, hostname: os.hostname(), since, purpose: 'write' });
    await writeFile(`${file}.lock`, lock);
    const result = await run(['journal', 'verify', file]);
    expect(result.code).toBe(0);
    expect(result.out[0]).toBe(`OK 6 entries, head ${groupHex(head)}`);
    expect(result.out[1]).toMatch(
      new RegExp(
        `^Its lock was left by process ${dead} of this computer, which held the journal since .+ and is gone: a session was killed, crashed or lost its power`,
      ),
    );
    expect(JSON.parse(await readFile(`${file}.lock`, 'utf8'))).toMatchObject({ pid: dead, since });
  });

  it('resolves a relative path against the working folder', async () => {
    const { file } = await writeSampleJournal();
    expect((await run(['journal', 'verify', path.basename(file)], path.dirname(file))).code).toBe(0);
  });

  it('accepts the head hash as printed on the receipt, and the count', async () => {
    const { file, head } = await writeSampleJournal();
    const result = await run(['journal', 'verify', file, '--expect-head', groupHex(head), '--expect-count', '6']);
    expect(result.code).toBe(0);
    expect(result.out).toEqual([`OK 6 entries, head ${groupHex(head)}`]);
  });

  it('says a head typed one group off the journal’s as a typing slip, by its group, and a malformed head by its group', async () => {
    const { file, head } = await writeSampleJournal();
    const groups = groupHex(head).split(' ');
    const slipped = [...groups.slice(0, 6), groups[6] === 'AAAA' ? 'BBBB' : 'AAAA', ...groups.slice(7)];
    const result = await run(['journal', 'verify', file, '--expect-head', slipped.join(' ')]);
    expect(result.code).toBe(1);
    // The slip leads: not "entries were removed from the end" at a line past the end.
    expect(result.out[0]).toBe(
      `The head hash given differs from the hash of entry 6 (the journal’s last entry) only in group 7 (typed there: ${slipped[6]}): probably a typing slip.`,
    );
    expect(result.out.join('\n')).not.toContain('entries were removed from the end');
    // With the count, the entry it names has another hash: the slip is said as possible there too, not denied first.
    const counted = await run(['journal', 'verify', file, '--expect-count', '6', '--expect-head', slipped.join(' ')]);
    expect(counted.out[0]).toBe(
      "line 6: entry 6's hash is not the expected head: the head or the count was typed wrong, or this is not the journal the receipt was printed from",
    );
    expect(counted.out[1]).toContain('only in group 7');
    const short = await run(['journal', 'verify', file, '--expect-head', groups.slice(0, 15).join(' ') + ' ABC']);
    expect(short.code).toBe(1);
    expect(short.err.join('\n')).toContain('Group 16 of the typed journal head hash has 3 digits');
  });

  it('names the first bad line of a tampered journal in one line, and exits 1', async () => {
    const { file, text } = await writeSampleJournal();
    await writeFile(file, text.replace('"Alan Turing"', '"Alan Turinh"'));
    const result = await run(['journal', 'verify', file]);
    expect(result).toEqual({
      code: 1,
      out: [
        'line 3: hash does not match the entry’s content: the entry was changed',
        'This journal cannot be trusted from line 3 on. Continue no ceremony with it and keep it as it is, as evidence; continue with the journal the workstation wrote, or a copy of it that keyferry journal verify reports OK.',
      ],
      err: [],
    });
  });

  it('finds entries cut off the end when given the receipt head', async () => {
    const { file, text, head } = await writeSampleJournal();
    await writeFile(file, text.split('\n').slice(0, 5).join('\n') + '\n');
    expect((await run(['journal', 'verify', file])).code).toBe(0);
    const result = await run(['journal', 'verify', file, '--expect-head', head]);
    expect(result.code).toBe(1);
    expect(result.out).toEqual([
      'line 6: the expected head hash is not in the journal: entries were removed from the end, or this is another journal',
      // The ceremony it records comes first: a receipt of another ceremony is the likelier slip (a trial ran two in a day).
      'This journal records ceremony KF-1: first check that the receipt names the same ceremony (its “Ceremony ID” line), as a receipt of another ceremony is checked against that ceremony’s journal. Check the head hash and count against the receipt you took them from; if they are right, this journal is not as it was when that receipt was printed: continue no ceremony with it and keep it as it is, as evidence.',
    ]);
  });

  it('a copy cut short in the middle of a line, missing entries the receipt sealed: said as a cut copy, never sent to set the line aside', async () => {
    const { file, text, head } = await writeSampleJournal();
    const lines = text.split('\n');
    // Four whole entries and half of the fifth, as `head -n5 | head -c -N` leaves them.
    await writeFile(file, `${lines.slice(0, 4).join('\n')}\n${(lines[4] as string).slice(0, 40)}`);
    const byCount = await run(['journal', 'verify', file, '--expect-count', '6', '--expect-head', head]);
    expect(byCount.code).toBe(1);
    expect(byCount.out[1]).toBe(
      'The count given, 6 entries, is more than the 4 whole entries this file holds before its incomplete last line: if it was typed right from the receipt, 2 entries the receipt sealed are missing. A power loss cuts only the line being written, after what a receipt sealed: this is a copy cut short, not an interrupted write. Do not set the line aside or write to this file; keep it as it is, and verify a whole copy of the journal (the workstation’s own, or another copy).',
    );
    expect(byCount.out.join('\n')).not.toContain('set-aside-torn-line');
    const byHead = await run(['journal', 'verify', file, '--expect-head', head]);
    expect(byHead.out[1]).toMatch(
      /^The head given is the hash of none of the 4 whole entries before this file’s incomplete last line/,
    );
    // A head one group off the hash of a whole entry: a typing slip, said so; the line is not called a cut copy.
    const headOfFourth = (JSON.parse(lines[3] as string) as { hash: string }).hash;
    const groups = groupHex(headOfFourth).split(' ');
    const slipped = [...groups.slice(0, 3), groups[3] === 'AAAA' ? 'BBBB' : 'AAAA', ...groups.slice(4)].join(' ');
    const bySlip = await run(['journal', 'verify', file, '--expect-head', slipped]);
    expect(bySlip.out[1]).toContain('differs from the hash of entry 4 (the journal’s last entry) only in group 4');
    expect(bySlip.out.join('\n')).not.toContain('copy cut short');
    // The receipt's entries all whole (a receipt of the first three): the line being written was cut, as a power loss cuts it.
    const sealed = await run(['journal', 'verify', file, '--expect-count', '3']);
    expect(sealed.out.join('\n')).toContain('keyferry journal set-aside-torn-line');
  });

  it('fails when well-chained entries follow the receipt head, naming how many and which, unless told they are expected', async () => {
    const { file, head } = await writeSampleJournal();
    await appendEntries(file, [
      ['key.imported', { keyId: 'forged' }],
      ['receipt.written', { note: 'a later receipt' }],
    ]);
    const strict = await run(['journal', 'verify', file, '--expect-head', groupHex(head), '--expect-count', '6']);
    expect(strict.code).toBe(1);
    expect(strict.out).toHaveLength(1);
    expect(strict.out[0]).toMatch(
      /^NOT OK: 2 entries follow the expected head \(entry 6\): entry 7 key\.imported, entry 8 receipt\.written\./,
    );
    expect(strict.out[0]).toMatch(/--allow-later/);
    const allowed = await run(['journal', 'verify', file, '--expect-head', head, '--allow-later']);
    expect(allowed.code).toBe(0);
    expect(allowed.out[0]).toMatch(
      /^OK 8 entries, head .*; the expected head is entry 6, then 2 later entries, accepted \(--allow-later\): entry 7 key\.imported, entry 8 receipt\.written$/,
    );
  });

  it('accepts the one receipt.written entry that records the receipt sealing the head', async () => {
    const { file, head } = await writeSampleJournal();
    await appendEntries(file, [['receipt.written', { journalHeadAtReceipt: head }]]);
    const result = await run(['journal', 'verify', file, '--expect-head', head, '--expect-count', '6']);
    expect(result.code).toBe(0);
    expect(result.out[0]).toMatch(/^OK 7 entries, head /);
    await appendEntries(file, [['key.material-deleted', { keyId: 'k' }]]);
    const after = await run(['journal', 'verify', file, '--expect-head', head, '--expect-count', '6']);
    expect(after.code).toBe(1);
    expect(after.out[0]).toMatch(
      // Entry 7 records the receipt itself: named, so 6 + 1 + 1 adds up to the 8 lines (a trial).
      /^NOT OK: 1 entry follows the expected head \(entry 6\) and the entry recording the receipt that printed it \(entry 7\): entry 8 key\.material-deleted\./,
    );
  });

  it("passes the air-gapped receipt's own check, as the receipt prints it, after a whole air-gapped session", async () => {
    const f = await createFixture();
    try {
      const plan = f.plan(['AES_256', 'EC_P256']);
      const { params } = await onlineDayOne(f, plan);
      const { receipt } = await airGapSide(f, plan, params);
      const twin = await readFile(receipt.textFile, 'utf8');
      // What an auditor types from the receipt: its check command as printed, the journal's name, count and head in it.
      const printed = /Check the journal with:\n((?: {4,}\S[^\n]*\n)+)/.exec(twin)?.[1] ?? '';
      // Wrapped, every line but the last ends in " \" so the lines are one command however they are pasted.
      const lines = printed.trimEnd().split('\n');
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines.slice(0, -1)) expect(line).toMatch(/ \\$/);
      const words = printed.replace(/ \\\n/g, ' ').replace(/\s+/g, ' ').trim().split(' ');
      expect(words.slice(0, 4)).toEqual(['keyferry', 'journal', 'verify', 'airgap.jsonl']);
      expect(words.slice(4, 7)).toEqual(['--expect-count', String(receipt.journalCount), '--expect-head']);
      expect(words.slice(7).join(' ')).toBe(groupHex(receipt.journalHead));
      const journal = path.join(f.dir, 'airgap.jsonl');
      const events = (await readFile(journal, 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).event as string);
      // The receipt is written, then the bundle's manifest: two entries follow the head it prints, said as the receipt's.
      expect(events.slice(receipt.journalCount)).toEqual(['receipt.written', 'wrapped-bundle.completed']);
      // Against the head with another count, as with another ceremony's receipt: the ceremony this
      // air-gapped journal records is named (its id is in its parameters entry, not its first).
      const other = await run([
        'journal',
        'verify',
        journal,
        '--expect-count',
        '2',
        '--expect-head',
        ...words.slice(7),
      ]);
      expect(other.out.at(-1)).toMatch(/^This journal records ceremony KF-\d{8}-[a-z0-9]+ “[^”]+”: first check/);
      const result = await run(words.slice(1), f.dir);
      expect(result.out).toEqual([
        expect.stringMatching(
          new RegExp(
            `^OK ${events.length} entries, head [0-9A-F ]+; the expected head is entry ${receipt.journalCount}, then the entries recording the receipt that printed it and its bundle \\(entries ${receipt.journalCount + 1}-${events.length}\\)$`,
          ),
        ),
      ]);
      expect(result.code).toBe(0);
    } finally {
      await f.close();
    }
  });

  it('says a later online status after the receipt as a look at the keys and passes; anything more after it fails', async () => {
    const { file, head } = await writeSampleJournal();
    const looks: [string, Record<string, string>][] = [
      ['receipt.written', { journalHeadAtReceipt: head }],
      ['ceremony.session-started', {}],
      ['kms.connected', {}],
      ['key.status-read', {}],
      ['key.verified', {}],
    ];
    await appendEntries(file, looks);
    const looked = await run(['journal', 'verify', file, '--expect-head', head, '--expect-count', '6']);
    expect(looked.out).toEqual([
      expect.stringMatching(
        /; the expected head is entry 6, then the entry recording the receipt that printed it \(entry 7\), then 4 entries of a later look at the keys by online status \(nothing imported, deleted or refused: key states read and keys proven again\): entry 8 ceremony\.session-started, entry 9 kms\.connected, entry 10 key\.status-read, entry 11 key\.verified\. The receipt does not vouch for them\.$/,
      ),
    ]);
    expect(looked.code).toBe(0);
    await appendEntries(file, [['key.material-deleted', {}]]);
    const deleted = await run(['journal', 'verify', file, '--expect-head', head, '--expect-count', '6']);
    expect(deleted.out[0]).toMatch(/^NOT OK: 5 entries follow .*entry 12 key\.material-deleted\./);
    expect(deleted.code).toBe(1);
    // Past ten, the entries that did more than look, and the looks counted: a trial's list buried the
    // step that made it fail among "6 more".
    await appendEntries(file, [...looks.slice(1), ...looks.slice(1), ['key.material-deleted', {}]]);
    const many = await run(['journal', 'verify', file, '--expect-head', head, '--expect-count', '6']);
    expect(many.out[0]).toMatch(
      /^NOT OK: 14 entries follow .*: entry 12 key\.material-deleted, entry 21 key\.material-deleted(,| and) 12 more that only looked at the keys\./,
    );
    // More than ten that did more than look: the first six and the last four, the last entry named.
    await appendEntries(
      file,
      Array.from({ length: 10 }, () => ['key.material-deleted', {}] as const),
    );
    const most = await run(['journal', 'verify', file, '--expect-head', head, '--expect-count', '6']);
    expect(most.out[0]).toMatch(
      /^NOT OK: 24 entries follow .*: entry 8 ceremony\.session-started, .*entry 13 ceremony\.session-started, 14 more, entry 28 key\.material-deleted, entry 29 key\.material-deleted, entry 30 key\.material-deleted, (and )?entry 31 key\.material-deleted\./,
    );
  });

  it('passes a later status that could not reach the KMS, saying it changed nothing (a trial was told NOT OK for ever after)', async () => {
    const { file, head } = await writeSampleJournal();
    await appendEntries(file, [
      ['receipt.written', { journalHeadAtReceipt: head }],
      ['ceremony.session-started', {}],
      ['kms.retried', {}],
      ['step.failed', { step: 'connect', code: 'KMS_CONNECTION_REFUSED' }],
      ['ceremony.session-started', {}],
      ['kms.connected', {}],
      ['key.status-read', {}],
      ['key.verified', {}],
    ]);
    const result = await run(['journal', 'verify', file, '--expect-head', head, '--expect-count', '6']);
    expect(result.out).toEqual([
      expect.stringContaining(
        'then 7 entries of 2 later looks at the keys by online status (nothing imported, deleted or refused: key states read and keys proven again, or, in one of them, the KMS not reached or the status stopped before it proved them all): entry 8 ceremony.session-started, entry 9 kms.retried, entry 10 step.failed,',
      ),
    ]);
    expect(result.code).toBe(0);
  });

  it('counts a bundle completion after the receipt that is not the bundle the sealed entries staged', async () => {
    const { file, head } = await writeSampleJournal();
    await appendEntries(file, [
      ['receipt.written', { journalHeadAtReceipt: head }],
      ['wrapped-bundle.completed', { folder: '/media/usb/wrapped', manifestSha256: 'ab'.repeat(32) }],
    ]);
    const result = await run(['journal', 'verify', file, '--expect-head', head, '--expect-count', '6']);
    expect(result.code).toBe(1);
    expect(result.out[0]).toMatch(
      /^NOT OK: 1 entry follows the expected head \(entry 6\) and the entry recording the receipt that printed it \(entry 7\): entry 8 wrapped-bundle\.completed\./,
    );
  });

  it('says so in one line when the file is missing or the arguments are wrong', async () => {
    for (const argv of [
      ['journal', 'verify', '/nonexistent/journal.jsonl'],
      ['journal', 'verify'],
      ['journal', 'verify', 'a', '--expect-head', 'xyz'],
      ['journal', 'verify', 'a', '--expect-count', '-1'],
    ]) {
      const result = await run(argv);
      expect(result.code).toBe(1);
      expect(result.out).toEqual([]);
      expect(result.err).toHaveLength(1);
      expect(result.err[0]).toMatch(/^keyferry journal verify: /);
    }
  });

  it('exits with the right code as a real process', async () => {
    const { file, text } = await writeSampleJournal();
    const ok = spawnSync(process.execPath, [KEYFERRY_BIN, 'journal', 'verify', file], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim().split('\n')).toHaveLength(1);
    expect(ok.stdout).toMatch(/^OK 6 entries, head /);
    await writeFile(file, text.slice(0, -10));
    const bad = spawnSync(process.execPath, [KEYFERRY_BIN, 'journal', 'verify', file], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(`${bad.stdout}${bad.stderr}`.trim().split('\n')[0]).toBe(
      'line 6: the last line is incomplete (no newline at the end): the journal was cut short or written outside Keyferry',
    );
  });
});
