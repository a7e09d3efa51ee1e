/**
 * The witnesses' confirmations as values: one artefact per bundle (its digest, hidden until every
 * witness typed it) or one per console wrapping key (its fingerprint, shown); each witness
 * confirms for themselves; a slip is located by group and refused, never recorded.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  bundleArtefacts,
  isRefusedValue,
  WITNESS_ATTEMPTS,
  WitnessConfirmations,
  wrappingKeyArtefacts,
  type RefusedConfirmation,
} from '../../../../src-main/core/ceremony/airgap/witness-confirmations';
import { groupHex } from '../../../../src-main/core/hex-groups';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const digest = sha('manifest');
const keys = Array.from({ length: 100 }, (_, i) => ({
  keyId: `0d0466b0-e727-4d9c-b35d-${String(i).padStart(12, '0')}`,
  fingerprint: sha(`wrapping key ${i % 3}`),
}));

async function check(c: WitnessConfirmations, witness: string, typed: string, index?: number) {
  const refused: RefusedConfirmation[] = [];
  try {
    const matched = await c.check(witness, typed, index, async (r) => {
      refused.push(r);
    });
    return { matched, refused, error: undefined };
  } catch (error) {
    return { matched: undefined, refused, error };
  }
}

describe('witness confirmations of an import-parameters bundle', () => {
  it('asks one value per witness for 100 keys: the digest, shown only after every witness typed it', async () => {
    const c = new WitnessConfirmations(bundleArtefacts(digest, keys), ['Ben', 'Chloé']);
    const [bundle] = c.list();
    expect(c.list()).toHaveLength(1);
    expect(bundle).toMatchObject({ kind: 'import-parameters-bundle', shown: null, pending: ['Ben', 'Chloé'] });
    expect(bundle?.fingerprints).toHaveLength(100);
    expect(bundle?.fingerprints[4]?.grouped).toBe(groupHex(keys[4]?.fingerprint as string));
    expect(c.remaining()).toBe(2);

    const ben = await check(c, 'Ben', groupHex(digest).toLowerCase());
    c.record(ben.matched!);
    expect(c.list()[0]).toMatchObject({ confirmedBy: ['Ben'], pending: ['Chloé'], shown: null });
    expect(c.remaining()).toBe(1);
    // Ben typing again does not count for Chloé.
    c.record((await check(c, 'Ben', digest)).matched!);
    expect(c.remaining()).toBe(1);

    c.record((await check(c, ' Chloé ', digest.toUpperCase())).matched!);
    expect(c.remaining()).toBe(0);
    expect(c.list()[0]).toMatchObject({ confirmedBy: ['Ben', 'Chloé'], pending: [], shown: groupHex(digest) });
  });

  it('refuses a slip naming the witness and the group (never the real value), and another value outright', async () => {
    // Each refusal below on confirmations of its own past the second: WITNESS_ATTEMPTS stops a third (test below).
    const fresh = () => new WitnessConfirmations(bundleArtefacts(digest, keys), ['Ben', 'Chloé']);
    const c = fresh();
    const groups = groupHex(digest).split(' ');
    groups[6] = groups[6] === 'AAAA' ? 'BBBB' : 'AAAA';
    const slip = await check(c, 'Chloé', groups.join(' '));
    expect(slip.error).toMatchObject({
      code: 'WITNESS_DIGEST_SLIP',
      values: { witness: 'Chloé', groupsList: '["7"]' },
    });
    expect(String((slip.error as Error).message)).not.toContain(groupHex(digest).split(' ')[6]);
    // Two groups: named as groups, in words (the trial met a placeholder's name printed in the text).
    groups[15] = groups[15] === 'AAAA' ? 'BBBB' : 'AAAA';
    const twoSlips = await check(c, 'Chloé', groups.join(' '));
    expect(String((twoSlips.error as Error).message)).toContain(' in groups 7, 16 of 16 (typed ');
    expect(slip.refused).toEqual([
      {
        witness: 'Chloé',
        index: 0,
        kind: 'import-parameters-bundle',
        code: 'WITNESS_DIGEST_SLIP',
        differingGroups: [7],
      },
    ]);

    const other = await check(c, 'Ben', 'f'.repeat(64));
    expect(other.error).toMatchObject({ code: 'WITNESS_DIGEST_MISMATCH', values: { witness: 'Ben' } });
    // The digest is read again as the online journal recorded it (online params would write another, a
    // trial found), never from the bundle on the media, which may be the copy that was changed (a later trial).
    expect(other.error).toHaveProperty(
      'nextStep',
      expect.stringContaining(
        'reads the import-parameters bundle digest aloud again as its journal recorded it when it wrote the bundle (keyferry online status prints it',
      ),
    );
    expect(other.error).toHaveProperty('nextStep', expect.stringContaining('do not wrap with it'));
    expect(other.refused[0]?.differingGroups.length).toBeGreaterThan(2);

    // The line printed just above the digest on the online side: named as what it is.
    const fingerprint = await check(fresh(), 'Chloé', groupHex(keys[1]?.fingerprint as string));
    expect(fingerprint.error).toMatchObject({
      code: 'WITNESS_TYPED_FINGERPRINT',
      values: { witness: 'Chloé', keyId: keys[1]?.keyId },
    });
    expect(String((fingerprint.error as Error).message)).toContain('wrapping-key fingerprint of key');
    expect(fingerprint.refused[0]).toMatchObject({ witness: 'Chloé', code: 'WITNESS_TYPED_FINGERPRINT' });
    expect(c.remaining()).toBe(2);

    for (const typed of ['', '   ', digest.slice(0, 60), `${digest.slice(0, 63)}g`]) {
      const bad = await check(fresh(), 'Ben', typed);
      expect((bad.error as { code: string }).code).toMatch(/^DIGEST_TYPED_/);
      expect(bad.refused[0]).toMatchObject({ witness: 'Ben', differingGroups: [] });
    }
    const stranger = await check(c, 'Mallory', digest);
    expect(stranger.error).toMatchObject({ code: 'WITNESS_UNKNOWN' });
    expect(stranger.refused).toEqual([]);
    expect(c.remaining()).toBe(2);
  });

  it('stops every check at one witness’s third wrong value, caused by that refusal; a stranger’s name, or nothing typed, counts for nobody', async () => {
    const c = new WitnessConfirmations(bundleArtefacts(digest, keys), ['Ben', 'Chloé']);
    for (let i = 0; i < 5; i++)
      expect((await check(c, 'Mallory', 'f'.repeat(64))).error).toMatchObject({ code: 'WITNESS_UNKNOWN' });
    // Nothing typed is asked again, never counted.
    for (const typed of ['', ' ', '\t'])
      expect((await check(c, 'Chloé', typed)).error).toMatchObject({ code: 'DIGEST_TYPED_EMPTY' });
    expect((await check(c, 'Ben', 'f'.repeat(64))).error).toMatchObject({ code: 'WITNESS_DIGEST_MISMATCH' });
    expect((await check(c, 'Chloé', 'e'.repeat(64))).error).toMatchObject({ code: 'WITNESS_DIGEST_MISMATCH' });
    expect((await check(c, 'Chloé', 'nope')).error).toMatchObject({ code: expect.stringMatching(/^DIGEST_TYPED_/) });
    const third = await check(c, 'Chloé', 'd'.repeat(64));
    expect(third.error).toMatchObject({
      code: 'WITNESS_ATTEMPTS_EXHAUSTED',
      values: { witness: 'Chloé', attempts: WITNESS_ATTEMPTS, artefact: 'bundle', count: keys.length },
      cause: { code: 'WITNESS_DIGEST_MISMATCH' },
    });
    expect(isRefusedValue(third.error)).toBe(true);
    expect(third.refused).toHaveLength(1);
    // The right value is not checked any more, by anyone, and nothing more is journaled.
    const right = await check(c, 'Ben', digest);
    expect(right.error).toMatchObject({ code: 'WITNESS_ATTEMPTS_EXHAUSTED', values: { witness: 'Chloé' } });
    expect(right.refused).toEqual([]);
    expect(c.remaining()).toBe(2);
  });

  it('counts no value of a witness who already confirmed: another witness’s turn is never ended by it', async () => {
    const c = new WitnessConfirmations(bundleArtefacts(digest, keys), ['Ben', 'Chloé']);
    const ben = await check(c, 'Ben', digest);
    c.record(ben.matched!);
    for (const typed of ['a'.repeat(64), 'b'.repeat(64), 'c'.repeat(64), 'd'.repeat(64)])
      expect((await check(c, 'Ben', typed)).error).toMatchObject({ code: 'WITNESS_DIGEST_MISMATCH' });
    const chloe = await check(c, 'Chloé', digest);
    expect(chloe.error).toBeUndefined();
    c.record(chloe.matched!);
    expect(c.remaining()).toBe(0);
  });
});

describe("witness confirmations of the console's files", () => {
  it('asks each witness for each distinct wrapping-key fingerprint, shown to compare aloud', async () => {
    const few = keys.slice(0, 4);
    const c = new WitnessConfirmations(wrappingKeyArtefacts(few), ['Ben']);
    const list = c.list();
    expect(list.map((a) => a.keyIds.length)).toEqual([2, 1, 1]);
    expect(list.every((a) => a.kind === 'wrapping-key' && a.shown !== null)).toBe(true);
    // A value is credited to the artefact it matches, whatever the order.
    const second = await check(c, 'Ben', few[1]?.fingerprint as string);
    expect(second.matched?.index).toBe(1);
    c.record(second.matched!);
    expect(c.unconfirmed().map((a) => a.index)).toEqual([0, 2]);
    const wrongPlace = await check(c, 'Ben', few[1]?.fingerprint as string, 0);
    expect(wrongPlace.error).toMatchObject({ code: 'WITNESS_DIGEST_MISMATCH' });
  });
});
