/**
 * Every kind of tampering with a real journal file is found, at the right first bad line.
 */
import { writeFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  chainEntry,
  encodeEntryLine,
  verifyJournal,
  verifyJournalText as verifyJournalPhrase,
  type JournalEntry,
} from '../../../src-main/core/journal';
import { english } from '../../../src-main/i18n/translate';
import { joinLines, writeSampleJournal } from './sample';

let lines: string[];
let text: string;
let head: string;
let file: string;

beforeAll(async () => {
  ({ lines, text, head, file } = await writeSampleJournal());
});

/** The verdict with its reason as the English reader sees it. */
function verifyJournalText(...args: Parameters<typeof verifyJournalPhrase>) {
  const result = verifyJournalPhrase(...args);
  return result.ok ? result : { ...result, reason: english.message(result.reason) };
}

const parse = (line: string): JournalEntry => JSON.parse(line) as JournalEntry;
const n = (): number => lines.length;

function expectBad(content: string, line: number, reason: RegExp, expected = {}): void {
  const result = verifyJournalText(content, expected);
  expect(result).toEqual({ ok: false, line, reason: expect.stringMatching(reason) });
}

function withLine(index: number, replacement: string): string {
  return joinLines(lines.map((l, i) => (i === index ? replacement : l)));
}

const EDITS: Record<keyof JournalEntry, (e: JournalEntry) => unknown> = {
  seq: (e) => e.seq + 1,
  time: (e) => e.time.replace('2025-', '2024-'),
  actor: (e) => `${e.actor}x`,
  event: (e) => `${e.event}.forged`,
  data: (e) => ({ ...e.data, extra: 1 }),
  prev: (e) => e.prev.replace(/^./, (c) => (c === '0' ? '1' : '0')),
  hash: (e) => e.hash.replace(/^./, (c) => (c === '0' ? '1' : '0')),
};

describe('verifyJournal on an untouched journal', () => {
  it('passes and reports the head hash and count', async () => {
    expect(verifyJournalText(text)).toEqual({ ok: true, headHash: head, count: n() });
    expect(await verifyJournal(file)).toEqual({ ok: true, headHash: head, count: n() });
    expect(await verifyJournal(file, { expectedHead: head, expectedCount: n() })).toMatchObject({
      ok: true,
      expectedHeadAt: n(),
      laterEntries: 0,
    });
  });

  it('accepts the head hash as printed on a receipt (grouped, upper case)', () => {
    const grouped = head.toUpperCase().replace(/(.{4})/g, '$1 ');
    expect(verifyJournalText(text, { expectedHead: grouped })).toMatchObject({ ok: true });
  });
});

describe('verifyJournal finds', () => {
  for (const field of Object.keys(EDITS) as (keyof JournalEntry)[]) {
    it(`an edit of ${field} on any line, naming that line`, () => {
      lines.forEach((line, i) => {
        const entry = parse(line);
        const edited = { ...entry, [field]: EDITS[field](entry) };
        expect(encodeEntryLine(edited as JournalEntry)).not.toBe(line);
        const reason = field === 'seq' ? /seq is/ : field === 'prev' ? /prev/ : /hash does not match/;
        expectBad(withLine(i, encodeEntryLine(edited as JournalEntry)), i + 1, reason);
      });
    });
  }

  it('an edit whose line hash was recomputed, at the next line (prev no longer matches)', () => {
    for (let i = 0; i < n() - 1; i += 1) {
      const entry = parse(lines[i]!);
      const forged = chainEntry({ ...entry, actor: 'Mallory' });
      expectBad(withLine(i, encodeEntryLine(forged)), i + 2, /prev does not match the hash of line/);
    }
  });

  it('a rehashed edit of the last line only against the receipt head (a chain alone cannot)', () => {
    const last = parse(lines[n() - 1]!);
    const forged = withLine(
      n() - 1,
      encodeEntryLine(chainEntry({ ...last, data: { manifestSha256: 'ff'.repeat(32) } })),
    );
    expect(verifyJournalText(forged)).toMatchObject({ ok: true });
    expectBad(forged, n(), /not the expected head/, { expectedHead: head, expectedCount: n() });
    expectBad(forged, n() + 1, /not in the journal/, { expectedHead: head });
  });

  it('a deleted line, at its position', () => {
    for (let i = 0; i < n() - 1; i += 1) {
      expectBad(joinLines(lines.filter((_, j) => j !== i)), i + 1, /seq is \d+ but this is entry/);
    }
  });

  it('an inserted forged entry, at the first line after it that no longer chains', () => {
    for (let i = 0; i < n(); i += 1) {
      const prev = i === 0 ? '0'.repeat(64) : parse(lines[i - 1]!).hash;
      const forged = encodeEntryLine(
        chainEntry({
          seq: i + 1,
          time: '2025-03-01T09:00:00.500Z',
          actor: 'Mallory',
          event: 'key.imported',
          data: {},
          prev,
        }),
      );
      expectBad(joinLines([...lines.slice(0, i), forged, ...lines.slice(i)]), i + 2, /seq is/);
    }
  });

  it('an inserted copy of another line, at its position', () => {
    expectBad(joinLines([lines[0]!, lines[3]!, ...lines.slice(1)]), 2, /seq is 4 but this is entry 2/);
  });

  it('two swapped lines, at the first of them', () => {
    for (let i = 0; i < n() - 1; i += 1) {
      const swapped = [...lines];
      [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
      expectBad(joinLines(swapped), i + 1, /seq is/);
    }
  });

  it('a reordering that keeps seq numbers (renumbered, rehashed lines are still caught by prev)', () => {
    const entries = lines.map(parse);
    const reordered = [entries[0]!, entries[2]!, entries[1]!, ...entries.slice(3)].map((e, i) =>
      encodeEntryLine(chainEntry({ ...e, seq: i + 1 })),
    );
    expectBad(joinLines(reordered), 2, /prev does not match the hash of line 1/);
  });

  it('a duplicated line, at the copy', () => {
    for (let i = 0; i < n(); i += 1) {
      expectBad(joinLines([...lines.slice(0, i + 1), lines[i]!, ...lines.slice(i + 1)]), i + 2, /seq is/);
    }
  });

  it('a changed prev on the first line (not the genesis value)', () => {
    const first = parse(lines[0]!);
    expectBad(withLine(0, encodeEntryLine(chainEntry({ ...first, prev: '1'.repeat(64) }))), 1, /genesis/);
  });

  it('invalid JSON, at its line', () => {
    expectBad(withLine(2, lines[2]!.slice(0, -1)), 3, /not valid JSON/);
    expectBad(withLine(4, '{"seq":5,'), 5, /not valid JSON/);
  });

  it('a file with no journal entry in it (a receipt, a plan) as no journal; a damaged first line of a journal as damage', () => {
    // What an officer may give as the journal by mistake: every line, not only the first, is no entry.
    expectBad(
      'Keyferry receipt\nCeremony KF-1\n',
      1,
      /no line of the file is a journal entry: it is not a Keyferry journal/,
    );
    expectBad('{\n  "title": "Payments keys 2026"\n}\n', 1, /not a Keyferry journal/);
    // The journal's own lines after a damaged first one are still entries: the file is a damaged journal.
    expectBad(withLine(0, 'Keyferry receipt'), 1, /not valid JSON/);
  });

  it('blank lines, anywhere including the end', () => {
    expectBad(joinLines([...lines.slice(0, 2), '', ...lines.slice(2)]), 3, /blank line/);
    expectBad(`${text}\n`, n() + 1, /blank line/);
    expectBad(`\n${text}`, 1, /blank line/);
  });

  it('a truncated last line (cut mid-line or just before its newline)', () => {
    expectBad(text.slice(0, -20), n(), /incomplete/);
    expectBad(text.slice(0, -1), n(), /incomplete/);
  });

  it('whole entries cut off the end only with the receipt head and count, naming the first missing line', () => {
    const cut = joinLines(lines.slice(0, 4));
    expect(verifyJournalText(cut)).toMatchObject({ ok: true, count: 4 });
    expectBad(cut, 5, /ends after 4 entries but the receipt counts 6/, { expectedHead: head, expectedCount: n() });
    expectBad(cut, 5, /expected head hash is not in the journal/, { expectedHead: head });
    expectBad('', 1, /ends after 0 entries/, { expectedHead: head, expectedCount: n() });
  });

  it('entries added after the receipt: accepted and reported', () => {
    const entries = lines.map(parse);
    const extra = chainEntry({
      seq: n() + 1,
      time: '2025-03-01T10:00:00.000Z',
      actor: 'system',
      event: 'receipt.written',
      data: {},
      prev: head,
    });
    const longer = joinLines([...lines, encodeEntryLine(extra)]);
    expect(verifyJournalText(longer, { expectedHead: head, expectedCount: n() })).toEqual({
      ok: true,
      headHash: extra.hash,
      count: n() + 1,
      expectedHeadAt: n(),
      laterEntries: 1,
    });
    expect(entries).toHaveLength(n());
  });

  it('a reformatted line that still hashes the same (whitespace, key order, CRLF)', () => {
    const entry = parse(lines[1]!);
    expectBad(withLine(1, JSON.stringify(entry, null, 1).replace(/\n/g, '')), 2, /canonical/);
    const { hash, ...rest } = entry;
    expectBad(withLine(1, JSON.stringify({ hash, ...rest })), 2, /canonical/);
    expectBad(text.replace(/\n/g, '\r\n'), 1, /canonical/);
  });

  it('unknown fields, wrong types and bad formats, through the schema', () => {
    const entry = parse(lines[0]!);
    expectBad(
      withLine(0, encodeEntryLine(chainEntry({ ...entry, note: 'x' } as JournalEntry))),
      1,
      /not a journal entry/,
    );
    expectBad(withLine(0, JSON.stringify({ ...entry, seq: '1' })), 1, /not a journal entry: seq/);
    expectBad(
      withLine(0, encodeEntryLine(chainEntry({ ...entry, time: '2025-03-01 09:00:01' }))),
      1,
      /not a journal entry: time/,
    );
    expectBad(withLine(0, '[1,2,3]'), 1, /not a journal entry/);
  });

  it('bytes that are not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from(`${lines[0]}\n`), Buffer.from([0xff, 0xfe, 0x0a])]);
    expect(verifyJournalText(bytes)).toEqual({ ok: false, line: 2, reason: expect.stringMatching(/UTF-8/) });
  });

  it('a tampered file on disk, through verifyJournal(path)', async () => {
    await writeFile(file, text.replace('"Alan Turing"', '"Alan Turinh"'));
    expect(await verifyJournal(file)).toEqual({ ok: false, line: 3, reason: { key: 'journal.verify.hash' } });
    await writeFile(file, text);
  });
});

describe('verifyJournal on hostile numbers', () => {
  it('reports a number that JSON.parse turns into Infinity instead of throwing', async () => {
    const { lines: sample } = await writeSampleJournal();
    const edited = sample[5]!.replace('"ratio":0.5', '"ratio":1e999');
    expect(edited).not.toBe(sample[5]);
    expect(verifyJournalText(joinLines([...sample.slice(0, 5), edited]))).toEqual({
      ok: false,
      line: 6,
      reason: expect.stringMatching(/number out of range/),
    });
  });

  it('reports absurdly deep nesting instead of throwing', async () => {
    const { lines: sample } = await writeSampleJournal();
    const edited = sample[0]!.replace('"data":{', `"data":{"x":${'['.repeat(20_000)}${']'.repeat(20_000)},`);
    expect(verifyJournalText(joinLines([edited, ...sample.slice(1)]))).toEqual({
      ok: false,
      line: 1,
      reason: expect.stringMatching(/nesting too deep/),
    });
  });
});
