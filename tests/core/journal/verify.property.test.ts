/**
 * Property tests: for random journals and random mutations, verification never passes on a
 * changed journal (the one exception, without a receipt head, is cutting whole entries off the
 * end: a chain cannot see that) and never throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  chainEntry,
  encodeEntryLine,
  verifyJournalText,
  type JournalEntry,
  type JsonObject,
} from '../../../src-main/core/journal';

const actor = fc.oneof(
  fc.constantFrom('system', 'Ada Lovelace', 'Alan Turing', 'מפתח'),
  fc.string({ minLength: 1, maxLength: 20 }).filter((s) => /^[^\p{Cc}\p{Cf}]+$/u.test(s)),
);
const event = fc.constantFrom(
  'ceremony.started',
  'parameters.read',
  'witness.confirmed',
  'material.generated',
  'material.wrapped',
  'bundle.written',
  'key.imported',
);
const data = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), {
  maxKeys: 4,
}) as fc.Arbitrary<JsonObject>;

/** A journal built with the same encoding openJournal uses. */
const journal = fc
  .array(fc.tuple(actor, event, data, fc.integer({ min: 0, max: 10_000_000 })), { minLength: 1, maxLength: 8 })
  .map((items) => {
    let prev = GENESIS_HASH;
    let time = Date.parse('2025-01-01T00:00:00.000Z');
    const entries: JournalEntry[] = items.map(([a, e, d, dt], i) => {
      time += dt;
      const entry = chainEntry({
        seq: i + 1,
        time: new Date(time).toISOString(),
        actor: a,
        event: e,
        data: JSON.parse(JSON.stringify(d)) as JsonObject,
        prev,
      });
      prev = entry.hash;
      return entry;
    });
    const text = entries.map((e) => `${encodeEntryLine(e)}\n`).join('');
    return { text, head: prev, count: entries.length };
  });

type Mutation =
  | { kind: 'flip'; at: number; xor: number }
  | { kind: 'delete'; line: number }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'duplicate'; line: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('delete' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 6 }),
  }),
);

/** Splits journal bytes into lines (each without its "\n"; a last piece without one is kept). */
function splitLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let end = bytes.indexOf(0x0a); end !== -1; end = bytes.indexOf(0x0a, start)) {
    lines.push(bytes.subarray(start, end));
    start = end + 1;
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

function mutate(bytes: Buffer, m: Mutation): Buffer {
  const lines = splitLines(bytes);
  const join = (ls: Buffer[]): Buffer => Buffer.concat(ls.flatMap((l) => [l, Buffer.from('\n')]));
  if (bytes.length === 0 || lines.length === 0) return m.kind === 'insert' ? Buffer.from(m.bytes) : bytes;
  switch (m.kind) {
    case 'flip': {
      const copy = Buffer.from(bytes);
      const i = m.at % copy.length;
      copy[i] = copy[i]! ^ m.xor;
      return copy;
    }
    case 'delete':
      return join(lines.filter((_, i) => i !== m.line % lines.length));
    case 'swap': {
      const copy = [...lines];
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [copy[a], copy[b]] = [copy[b]!, copy[a]!];
      return join(copy);
    }
    case 'duplicate': {
      const i = m.line % lines.length;
      return join([...lines.slice(0, i + 1), lines[i]!, ...lines.slice(i + 1)]);
    }
    case 'truncate':
      return bytes.subarray(0, m.at % bytes.length);
    case 'insert': {
      const i = m.at % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, i), m.bytes, bytes.subarray(i)]);
    }
  }
}

/** True when `mutated` is the original with whole lines cut off the end. */
function isWholeLinePrefix(original: Buffer, mutated: Buffer): boolean {
  return (
    mutated.length < original.length &&
    original.subarray(0, mutated.length).equals(mutated) &&
    (mutated.length === 0 || mutated[mutated.length - 1] === 0x0a)
  );
}

describe('verifyJournal under random mutation', () => {
  it('passes every unmutated random journal', () => {
    fc.assert(
      fc.property(journal, ({ text, head, count }) => {
        expect(verifyJournalText(text)).toEqual({ ok: true, headHash: head, count });
        expect(verifyJournalText(text, { expectedHead: head, expectedCount: count })).toMatchObject({
          ok: true,
          laterEntries: 0,
        });
      }),
      { numRuns: 200 },
    );
  });

  it('never passes a changed journal checked against its receipt head, and never throws', () => {
    fc.assert(
      fc.property(journal, fc.array(mutation, { minLength: 1, maxLength: 3 }), ({ text, head, count }, mutations) => {
        const original = Buffer.from(text, 'utf8');
        const mutated = mutations.reduce<Buffer>((acc, m) => mutate(acc, m), original);
        fc.pre(!mutated.equals(original));
        const withReceipt = verifyJournalText(mutated, { expectedHead: head, expectedCount: count });
        expect(withReceipt.ok).toBe(false);
        if (!withReceipt.ok) expect(withReceipt.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 1000 },
    );
  });

  it('without a receipt head, passes a changed journal only when whole entries were cut off the end', () => {
    fc.assert(
      fc.property(journal, mutation, ({ text }, m) => {
        const original = Buffer.from(text, 'utf8');
        const mutated = mutate(original, m);
        fc.pre(!mutated.equals(original));
        const result = verifyJournalText(mutated);
        expect(result.ok).toBe(isWholeLinePrefix(original, mutated));
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const result = verifyJournalText(bytes);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });
});
