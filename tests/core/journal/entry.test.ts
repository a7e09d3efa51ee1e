/**
 * chainEntryLine (what openJournal appends with) builds the hash and the stored line around one
 * canonical encoding of `data`: for any data, it must give exactly the entry chainEntry gives and
 * exactly the line encodeEntryLine writes (the bytes journal verification re-encodes and hashes).
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import {
  GENESIS_HASH,
  canonicalJson,
  chainEntry,
  encodeEntryLine,
  verifyJournalText,
  type JsonObject,
} from '../../../src-main/core/journal';
import { chainEntryLine, computeEntryHash, entryHashFromLine } from '../../../src-main/core/journal/entry';

const actor = fc.oneof(
  fc.constantFrom('system', 'Ana', '李娜', 'quote " back\\slash', 'מפתח'),
  fc.string({ minLength: 1, maxLength: 20 }).filter((s) => /^[^\p{Cc}\p{Cf}]+$/u.test(s)),
);
const data = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), {
  maxKeys: 6,
}) as fc.Arbitrary<JsonObject>;

it('gives the entry chainEntry gives and the line encodeEntryLine writes, for any data', () => {
  fc.assert(
    fc.property(actor, data, fc.integer({ min: 1, max: 2 ** 40 }), (who, values, seq) => {
      const fields = {
        seq,
        time: '2026-12-01T13:00:00.000Z',
        actor: who,
        event: 'parameters.read',
        prev: GENESIS_HASH,
      };
      const own = JSON.parse(canonicalJson(values)) as JsonObject;
      const expected = chainEntry({ ...fields, data: own });
      const { entry, line } = chainEntryLine(fields, canonicalJson(values));
      expect(entry).toEqual(expected);
      expect(line).toBe(encodeEntryLine(expected));
      const first = chainEntryLine({ ...fields, seq: 1 }, canonicalJson(values));
      expect(verifyJournalText(`${first.line}\n`)).toMatchObject({ ok: true, headHash: first.entry.hash });
    }),
    { numRuns: 300 },
  );
});

it('hashes a stored line as computeEntryHash hashes its entry, whatever the data holds (a "hash" of its own too)', () => {
  const tricky = fc.oneof(
    data,
    data.map((d) => ({ ...d, hash: '"hash":"x",', prev: 'ab'.repeat(32) })),
    fc.constant({ nested: { hash: 'cd'.repeat(32), list: ['"hash":', '","prev":"'] } } as JsonObject),
  );
  fc.assert(
    fc.property(actor, tricky, fc.integer({ min: 1, max: 2 ** 40 }), (who, values, seq) => {
      const entry = chainEntry({
        seq,
        time: '2026-12-01T13:00:00.000Z',
        actor: who,
        event: 'x.y',
        data: values,
        prev: GENESIS_HASH,
      });
      expect(entryHashFromLine(entry, encodeEntryLine(entry))).toBe(computeEntryHash(entry));
      const forged = { ...entry, hash: 'ef'.repeat(32) };
      expect(entryHashFromLine(forged, encodeEntryLine(forged))).toBe(computeEntryHash(forged));
    }),
    { numRuns: 300 },
  );
});
