/**
 * The online import checks who made a wrapped bundle on the air-gapped side (its manifest's
 * `madeBy`): a wrap by other people than the online journal's is refused, and so is a wrap made in
 * another air-gapped journal than the one an earlier bundle of the ceremony came from (a new journal
 * skips the earlier one's wrap-again question and custody set), unless the officer accepts it
 * explicitly, journaled as an override. Nothing reaches the KMS on a refusal.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listDeviations, type JournalEntry } from '../../../../src-main/core/journal';
import {
  airGapJournalAfter,
  airGapJournalForParameters,
  checkBundleMakers,
  refuseWordForOtherBundle,
  type AirGapJournalTrail,
} from '../../../../src-main/core/ceremony/online/wrapped-bundle-makers';
import { replayOnlineJournal } from '../../../../src-main/core/ceremony/online/state';
import { translator } from '../../../../src-main/i18n/translate';
import {
  readBundle,
  readBundleDigest,
  writeWrappedMaterialBundle,
  type WrappedMadeBy,
} from '../../../../src-main/core/bundle';
import { airGapSide, createFixture, onlineDayOne, receiptDigestOf, type Fixture } from '../ceremony-fixture';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

const HOUR_MS = 3_600_000;
/** The digest of the bundle checkBundleMakers is given (a refusal the word overcomes carries it). */
const BUNDLE = 'f'.repeat(64);
const MADE_BY: WrappedMadeBy = {
  purpose: 'wrap',
  operator: 'Ana Lima',
  witnesses: ['Chloé Martin', 'Ben Okafor'],
  journalFile: 'airgap-C.jsonl',
  journalFirstEntrySha256: 'a'.repeat(64),
};

/** The wrapped bundle in `dir` written again by a Keyferry before `madeBy` (format version 1: who wrapped it is not said) into `out`. */
async function withoutMadeBy(dir: string, out: string): Promise<string> {
  const bundle = await readBundle(dir, { now: new Date() });
  if (bundle.kind !== 'wrapped-material') throw new Error('kind');
  const written = await writeWrappedMaterialBundle(out, { ceremonyId: bundle.manifest.ceremonyId, keys: bundle.keys });
  expect(written.manifest.madeBy).toBeUndefined();
  return out;
}

async function onlineEntries(): Promise<JournalEntry[]> {
  const lines = (await readFile(path.join(f.dir, 'online.jsonl'), 'utf8')).trim().split('\n');
  return lines.map((l) => JSON.parse(l) as JournalEntry);
}

describe('online import: a wrap of another air-gapped journal', () => {
  it('is refused naming both journals, before the KMS; accepted explicitly it is journaled as an override', async () => {
    const plan = f.plan(['AES_256']);
    const { created, params } = await onlineDayOne(f, plan);
    const first = await airGapSide(f, plan, params, path.join(f.dir, 'wrapped'), 'airgap.jsonl');
    // The same parameters wrapped again in a new journal: it knows nothing of the first wrap.
    const second = await airGapSide(f, plan, params, path.join(f.dir, 'wrapped-2'), 'airgap-2.jsonl');
    const firstHead = (
      JSON.parse((await readFile(path.join(f.dir, 'airgap.jsonl'), 'utf8')).split('\n')[0] as string) as JournalEntry
    ).hash;
    const day2 = await f.online(await f.journal('online.jsonl'), plan);
    await day2.connect();
    const imports = vi.spyOn(f.kms, 'importKeyMaterial');
    const checked = await day2.checkWrappedBundle(first.out, await receiptDigestOf(first.out));
    expect(checked.madeBy).toMatchObject({ purpose: 'wrap', operator: plan.operator, journalFile: 'airgap.jsonl' });

    const refusal = day2.checkWrappedBundle(second.out, await receiptDigestOf(second.out));
    await expect(refusal).rejects.toMatchObject({
      code: 'WRAPPED_OTHER_AIRGAP_JOURNAL',
      values: {
        airGapJournal: 'airgap-2.jsonl',
        earlierAirGapJournal: 'airgap.jsonl',
        earlierAirGapJournalFirstEntry: firstHead
          .slice(0, 16)
          .toUpperCase()
          .replace(/(.{4})(?!$)/g, '$1 '),
      },
    });
    await expect(refusal).rejects.toThrow(/does not see the earlier wrap/);
    // The refusal names the bundle it refused: the app's word is given for that bundle only.
    const secondDigest = await readBundleDigest(second.out);
    await expect(refusal).rejects.toMatchObject({ values: { refusedBundleSha256: secondDigest } });
    // The word typed after that refusal, sent with another bundle (the fields changed since): refused, nothing accepted.
    const word = { typedCeremonyJournal: 'airgap.jsonl', refusedBundleSha256: secondDigest };
    const swapped = day2.checkWrappedBundle(first.out, await receiptDigestOf(first.out), {
      acceptOtherAirGapJournal: word,
    });
    await expect(swapped).rejects.toMatchObject({ code: 'WRAPPED_OVERRIDE_OTHER_BUNDLE' });
    await expect(swapped).rejects.toThrow(/the folder or the digest changed after the refusal/);
    expect(imports).not.toHaveBeenCalled();
    const refused = (await onlineEntries()).filter((e) => e.event === 'wrapped-bundle.refused');
    expect(refused.map((e) => [e.data.code, e.data.manifestSha256])).toEqual([
      ['WRAPPED_OTHER_AIRGAP_JOURNAL', secondDigest],
      ['WRAPPED_OVERRIDE_OTHER_BUNDLE', await readBundleDigest(first.out)],
    ]);
    expect(refused[0]?.data.madeBy).toMatchObject({ journalFile: 'airgap-2.jsonl' });
    expect((await onlineEntries()).filter((e) => e.event === 'wrapped-bundle.other-journal-accepted')).toEqual([]);

    await day2.checkWrappedBundle(second.out, await receiptDigestOf(second.out), { acceptOtherAirGapJournal: true });
    const entries = await onlineEntries();
    const accepted = entries.find((e) => e.event === 'wrapped-bundle.other-journal-accepted');
    expect(accepted?.data).toMatchObject({ airGapJournal: 'airgap-2.jsonl', earlierAirGapJournal: 'airgap.jsonl' });
    expect(listDeviations(entries).map((d) => [d.kind, d.entry.event])).toContainEqual([
      'override',
      'wrapped-bundle.other-journal-accepted',
    ]);
    await day2.importMaterial();
    expect((await f.kms.describeKey(created[0]?.keyId as string)).stateName).toBe('Enabled');
  });
});

describe('online import: the ceremony’s air-gapped journal moves only by a wrap of it or a journaled override', () => {
  it('journals the override as it is used: a bundle of another journal refused afterwards (lapsed tokens) is on record as accepted', async () => {
    const plan = f.plan(['AES_256']);
    const { params } = await onlineDayOne(f, plan);
    const first = await airGapSide(f, plan, params, path.join(f.dir, 'wrapped'), 'airgap.jsonl');
    const second = await airGapSide(f, plan, params, path.join(f.dir, 'wrapped-2'), 'airgap-2.jsonl');
    const third = await airGapSide(f, plan, params, path.join(f.dir, 'wrapped-3'), 'airgap-3.jsonl');
    const day2 = await f.online(await f.journal('online.jsonl'), plan);
    await day2.connect();
    await day2.checkWrappedBundle(first.out, await receiptDigestOf(first.out));
    await f.journals.at(-1)?.close();
    f.sim.clock.advance(25 * HOUR_MS);
    const day3 = await f.onlineAhead(await f.journal('online.jsonl'), plan, 25 * HOUR_MS);
    await day3.connect();
    // The officer gives the word for the second journal's bundle; its import tokens have lapsed since.
    await expect(
      day3.checkWrappedBundle(second.out, await receiptDigestOf(second.out), { acceptOtherAirGapJournal: true }),
    ).rejects.toMatchObject({ code: 'IMPORT_TOKEN_EXPIRED' });
    const entries = await onlineEntries();
    const [accepted, refused] = entries.slice(-2);
    expect([accepted?.event, refused?.event]).toEqual([
      'wrapped-bundle.other-journal-accepted',
      'wrapped-bundle.refused',
    ]);
    expect(accepted?.data).toMatchObject({ airGapJournal: 'airgap-2.jsonl', earlierAirGapJournal: 'airgap.jsonl' });
    // The lapsed-token refusal names the bundle it refused by its digest: the one the override accepted.
    expect(refused?.data.manifestSha256).toBe(await readBundleDigest(second.out));
    expect(refused?.data.manifestSha256).toBe(accepted?.data.manifestSha256);
    expect(
      listDeviations(entries)
        .filter((d) => d.kind === 'override')
        .map((d) => d.entry.seq),
    ).toEqual([accepted?.seq]);
    // The accepted journal is the ceremony's now: a third journal's bundle is compared with it.
    await expect(day3.checkWrappedBundle(third.out, await receiptDigestOf(third.out))).rejects.toMatchObject({
      code: 'WRAPPED_OTHER_AIRGAP_JOURNAL',
      values: { airGapJournal: 'airgap-3.jsonl', earlierAirGapJournal: 'airgap-2.jsonl', earlierSeq: refused?.seq },
    });
  });

  it('is not moved by a bundle of another journal that went through uncompared (its keys already bound)', () => {
    const state = replayOnlineJournal(
      journalOf([
        ['key.imported', { keyId: 'k1', expiresAt: null, importTokenSha256: shaOf('e'), confirmation: 'answered' }],
        // k1 again, from a copy of its material wrapped in another journal: the KMS takes only that material.
        ['wrapped-bundle.checked', wrapChecked('c', 'airgap-C.jsonl')],
      ]),
    );
    expect(state?.airGapJournalTrail?.journal?.file).toBe('airgap.jsonl');
    // So k2, still waiting for material, is not let through from that other journal.
    expect(() => checkBundleMakers(state as never, madeIn('airgap-C.jsonl', 'c'), ['k2'], false, BUNDLE)).toThrow(
      expect.objectContaining({
        code: 'WRAPPED_OTHER_AIRGAP_JOURNAL',
        values: expect.objectContaining({ earlierSeq: 4 }),
      }),
    );
  });
});

/** An online journal of one ceremony with keys k1 and k2 whose first wrap came from airgap.jsonl (entry 4), then `more`. */
function journalOf(more: readonly (readonly [string, Record<string, unknown>])[]): JournalEntry[] {
  const key = (keyId: string) => ({ keyId, alias: keyId, spec: 'AES_256', usage: 'ENCRYPT_DECRYPT', description: '' });
  const started = {
    ceremonyId: 'C',
    title: 'T',
    operator: MADE_BY.operator,
    witnesses: MADE_BY.witnesses,
    side: 'online',
    rehearsal: true,
    wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
    expiry: 'never',
  };
  const data = [
    ['ceremony.started', started],
    ['key.created', key('k1')],
    ['key.created', key('k2')],
    ['wrapped-bundle.checked', wrapChecked('a', 'airgap.jsonl')],
    ...more,
  ] as const;
  return data.map(([event, d], i) => ({ seq: i + 1, event, data: d }) as unknown as JournalEntry);
}
const shaOf = (c: string) => c.repeat(64);
const madeIn = (file: string, c: string): WrappedMadeBy => ({
  ...MADE_BY,
  journalFile: file,
  journalFirstEntrySha256: shaOf(c),
});
/** wrapped-bundle.checked of the bundle `c` (its digest c…c) wrapped in `file` (its first entry c…c). */
function wrapChecked(c: string, file: string) {
  return {
    folder: `/media/${file}`,
    manifestSha256: shaOf(c),
    custody: null,
    madeBy: madeIn(file, c),
    keys: [{ keyId: 'k1', publicKeyFingerprint: null, keyCheckValue: 'ABCDEF' }],
  };
}

describe('online import: an override moves the ceremony’s journal only with its bundle’s check', () => {
  it('takes journal B after an override journaled before 2026-12-02 (no full first-entry hash) and its check: B’s next bundle passes, A’s is refused', () => {
    // Before 6956eb8 the override was journaled after the checks, the grouped first entry only, then the check.
    const entries = journalOf([
      [
        'wrapped-bundle.other-journal-accepted',
        {
          folder: '/media/airgap-B.jsonl',
          manifestSha256: shaOf('b'),
          airGapJournal: 'airgap-B.jsonl',
          airGapJournalFirstEntry: 'BBBB BBBB BBBB BBBB',
          earlierAirGapJournal: 'airgap.jsonl',
          earlierAirGapJournalFirstEntry: 'AAAA AAAA AAAA AAAA',
          earlierSeq: 4,
        },
      ],
      ['wrapped-bundle.checked', wrapChecked('b', 'airgap-B.jsonl')],
    ]);
    const state = replayOnlineJournal(entries);
    expect(state?.airGapJournalTrail?.journal).toEqual({
      seq: 6,
      file: 'airgap-B.jsonl',
      firstEntrySha256: shaOf('b'),
    });
    // k2's bundle from the journal the officer accepted goes through; one from the journal declared lost does not.
    expect(checkBundleMakers(state as never, madeIn('airgap-B.jsonl', 'b'), ['k2'], false, BUNDLE)).toBeUndefined();
    expect(() => checkBundleMakers(state as never, madeIn('airgap.jsonl', 'a'), ['k2'], false, BUNDLE)).toThrow(
      expect.objectContaining({
        code: 'WRAPPED_OTHER_AIRGAP_JOURNAL',
        values: expect.objectContaining({ earlierAirGapJournal: 'airgap-B.jsonl', earlierSeq: 6 }),
      }),
    );
  });

  it('stays on journal A when the bundle an override accepted is then refused for another reason (tokens not issued)', () => {
    const override = {
      folder: '/media/airgap-B.jsonl',
      manifestSha256: shaOf('b'),
      airGapJournal: 'airgap-B.jsonl',
      airGapJournalFirstEntrySha256: shaOf('b'),
      earlierAirGapJournal: 'airgap.jsonl',
      earlierAirGapJournalFirstEntrySha256: shaOf('a'),
      earlierSeq: 4,
    };
    const entries = journalOf([
      ['wrapped-bundle.other-journal-accepted', override],
      [
        'wrapped-bundle.refused',
        { folder: '/media/airgap-B.jsonl', code: 'WRAPPED_TOKEN_NOT_ISSUED', madeBy: madeIn('airgap-B.jsonl', 'b') },
      ],
    ]);
    const state = replayOnlineJournal(entries);
    // The override stays on record; the ceremony's journal is still A, at the entry that took A's bundle.
    expect(listDeviations(entries).map((d) => [d.kind, d.entry.seq])).toContainEqual(['override', 5]);
    expect(state?.airGapJournalTrail?.journal).toEqual({ seq: 4, file: 'airgap.jsonl', firstEntrySha256: shaOf('a') });
    expect(checkBundleMakers(state as never, madeIn('airgap.jsonl', 'a'), ['k2'], false, BUNDLE)).toBeUndefined();
    // And a later check of another bundle does not cash the spent override.
    const later = replayOnlineJournal([
      ...entries,
      { seq: 7, event: 'wrapped-bundle.checked', data: wrapChecked('b', 'airgap-B.jsonl') } as unknown as JournalEntry,
    ]);
    expect(later?.airGapJournalTrail?.journal?.file).toBe('airgap.jsonl');
  });
});

describe('online import: a bundle naming nobody (format versions 1-2)', () => {
  it('is refused once the ceremony took a bundle naming its journal; accepted explicitly, journaled and the journal stays', async () => {
    const plan = f.plan(['AES_256']);
    const { created, params } = await onlineDayOne(f, plan);
    const first = await airGapSide(f, plan, params, path.join(f.dir, 'wrapped'), 'airgap.jsonl');
    const second = await airGapSide(f, plan, params, path.join(f.dir, 'wrapped-2'), 'airgap-2.jsonl');
    // The second journal's wrap written again the way a Keyferry before madeBy writes it: who wrapped it is gone.
    const unnamed = await withoutMadeBy(second.out, path.join(f.dir, 'wrapped-2-v1'));
    const day2 = await f.online(await f.journal('online.jsonl'), plan);
    await day2.connect();
    await day2.checkWrappedBundle(first.out, await receiptDigestOf(first.out));
    const imports = vi.spyOn(f.kms, 'importKeyMaterial');
    let refusal: unknown;
    await day2.checkWrappedBundle(unnamed, await receiptDigestOf(unnamed)).catch((e: unknown) => (refusal = e));
    expect(refusal).toMatchObject({
      code: 'WRAPPED_MADE_BY_MISSING',
      values: { earlierAirGapJournal: 'airgap.jsonl', earlierSeq: expect.any(Number) },
    });
    const values = (refusal as { values: Record<string, string> }).values;
    for (const locale of ['en', 'zh-CN'] as const) {
      const { t } = translator(locale);
      expect(t('problem.WRAPPED_MADE_BY_MISSING', values as never)).toContain('airgap.jsonl');
      expect(t('problem.WRAPPED_MADE_BY_MISSING.next', values as never)).toContain('--accept-other-airgap-journal');
    }
    expect(imports).not.toHaveBeenCalled();
    expect((await onlineEntries()).at(-1)).toMatchObject({
      event: 'wrapped-bundle.refused',
      data: { code: 'WRAPPED_MADE_BY_MISSING' },
    });

    await day2.checkWrappedBundle(unnamed, await receiptDigestOf(unnamed), { acceptOtherAirGapJournal: true });
    const entries = await onlineEntries();
    const accepted = entries.find((e) => e.event === 'wrapped-bundle.other-journal-accepted');
    expect(accepted?.data).toMatchObject({ earlierAirGapJournal: 'airgap.jsonl' });
    expect(accepted?.data.airGapJournal).toBeUndefined();
    // Nothing named another journal: the ceremony's stays the first one.
    expect(replayOnlineJournal(entries)?.airGapJournalTrail?.journal?.file).toBe('airgap.jsonl');
    await day2.importMaterial();
    expect((await f.kms.describeKey(created[0]?.keyId as string)).stateName).toBe('Enabled');
  });

  it('keeps importing into a ceremony that never took a bundle naming its journal', async () => {
    const plan = f.plan(['AES_256']);
    const { created, params } = await onlineDayOne(f, plan);
    const first = await airGapSide(f, plan, params, path.join(f.dir, 'wrapped'), 'airgap.jsonl');
    const unnamed = await withoutMadeBy(first.out, path.join(f.dir, 'wrapped-v1'));
    const day2 = await f.online(await f.journal('online.jsonl'), plan);
    await day2.connect();
    const checked = await day2.checkWrappedBundle(unnamed, await receiptDigestOf(unnamed));
    expect(checked.madeBy).toBeNull();
    await day2.importMaterial();
    expect((await f.kms.describeKey(created[0]?.keyId as string)).stateName).toBe('Enabled');
  });
});

describe('online import: a wrap of an older copy of the ceremony’s air-gapped journal', () => {
  it('is refused after the online side took a later wrap of that journal, across a restart, and the override does not accept it', async () => {
    const plan = f.plan(['AES_256']);
    const { created, params } = await onlineDayOne(f, plan);
    const first = await airGapSide(f, plan, params, path.join(f.dir, 'wrapped'), 'airgap.jsonl');
    // The officer's backup of the air-gapped folder, taken while that wrap ran: the journal up to its session's start.
    const lines = (await readFile(path.join(f.dir, 'airgap.jsonl'), 'utf8')).trim().split('\n');
    const entries = lines.map((l) => JSON.parse(l) as JournalEntry);
    const start = entries.findLast((e) => e.event === 'ceremony.session-started') as JournalEntry;
    await mkdir(path.join(f.dir, 'backup'));
    await writeFile(path.join(f.dir, 'backup', 'airgap.jsonl'), `${lines.slice(0, start.seq).join('\n')}\n`);
    const day2 = await f.online(await f.journal('online.jsonl'), plan);
    await day2.connect();
    await day2.checkWrappedBundle(first.out, await receiptDigestOf(first.out));
    const taken = (await onlineEntries()).findLast((e) => e.event === 'wrapped-bundle.checked') as JournalEntry;
    expect(taken.data.madeBy).toMatchObject({ wrapEntry: { seq: start.seq, sha256: start.hash }, earlierWraps: [] });

    // The restored copy does not know that wrap: no question whether to wrap again, and it wraps new material.
    const fork = await airGapSide(f, plan, params, path.join(f.dir, 'wrapped-fork'), 'backup/airgap.jsonl');
    const forkManifest = JSON.parse(await readFile(path.join(fork.out, 'manifest.json'), 'utf8')) as {
      madeBy: WrappedMadeBy;
    };
    expect(forkManifest.madeBy).toMatchObject({
      journalFile: 'airgap.jsonl',
      journalFirstEntrySha256: entries[0]?.hash,
    });
    await f.journals.at(-2)?.close();
    const day3 = await f.online(await f.journal('online.jsonl'), plan);
    await day3.connect();
    const imports = vi.spyOn(f.kms, 'importKeyMaterial');
    for (const word of [undefined, true] as const) {
      const refusal = day3.checkWrappedBundle(
        fork.out,
        await receiptDigestOf(fork.out),
        word ? { acceptOtherAirGapJournal: word } : {},
      );
      await expect(refusal).rejects.toMatchObject({
        code: 'WRAPPED_OLDER_AIRGAP_JOURNAL_COPY',
        values: { airGapJournal: 'airgap.jsonl', missingSeq: start.seq, takenSeq: taken.seq, lists: 'yes' },
      });
      await expect(refusal).rejects.toThrow(/older copy of the air-gapped journal airgap\.jsonl/);
    }
    const after = await onlineEntries();
    expect(after.filter((e) => e.event === 'wrapped-bundle.other-journal-accepted')).toEqual([]);
    expect(after.filter((e) => e.event === 'wrapped-bundle.refused').map((e) => e.data.code)).toEqual([
      'WRAPPED_OLDER_AIRGAP_JOURNAL_COPY',
      'WRAPPED_OLDER_AIRGAP_JOURNAL_COPY',
    ]);
    expect(imports).not.toHaveBeenCalled();
    // The bundle taken is its own session's: it checks again and imports.
    await day3.checkWrappedBundle(first.out, await receiptDigestOf(first.out));
    await day3.importMaterial();
    expect((await f.kms.describeKey(created[0]?.keyId as string)).stateName).toBe('Enabled');
  });
});

describe('checkBundleMakers', () => {
  const KEYS = ['k1'];
  const online = { operator: 'Ana Lima', witnesses: ['Ben Okafor', 'Chloé Martin'], keys: new Map([['k1', {}]]) };
  const madeBy = MADE_BY;

  it('lets the journal’s people through in any order, and a bundle naming nobody', () => {
    expect(checkBundleMakers(online, madeBy, KEYS, false, BUNDLE)).toBeUndefined();
    expect(checkBundleMakers(online, undefined, KEYS, false, BUNDLE)).toBeUndefined();
  });

  it.each([
    ['operator', { operator: 'Mallory' }],
    ['witnesses', { witnesses: ['Chloé Martin'] }],
    ['witnesses', { witnesses: ['Ben Okafer', 'Chloé Martin'] }],
  ] as [string, Partial<WrappedMadeBy>][])(
    'refuses a wrap by other people (%s) and says so in both languages',
    (role, change) => {
      let error: unknown;
      try {
        checkBundleMakers(online, { ...madeBy, ...change }, KEYS, true, BUNDLE);
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({
        code: 'WRAPPED_PEOPLE_DIFFER_FROM_JOURNAL',
        values: { role, journalOperator: 'Ana Lima', airGapJournal: 'airgap-C.jsonl' },
      });
      const values = (error as { values: Record<string, string> }).values;
      for (const locale of ['en', 'zh-CN'] as const) {
        const text = translator(locale).t('problem.WRAPPED_PEOPLE_DIFFER_FROM_JOURNAL', values as never);
        expect(text).toContain(values.madeOperator);
        expect(text).toContain('airgap-C.jsonl');
      }
    },
  );

  it('does not refuse a custody restore for its people, nor compare its journal (years later, other people)', () => {
    const restore: WrappedMadeBy = { ...madeBy, purpose: 'custody-restore', operator: 'Dana', witnesses: ['Eve'] };
    const earlier = { seq: 3, file: 'airgap.jsonl', firstEntrySha256: 'b'.repeat(64) };
    expect(
      checkBundleMakers({ ...online, airGapJournalTrail: { journal: earlier } }, restore, KEYS, false, BUNDLE),
    ).toBeUndefined();
  });

  it('compares the journal only while a key waits for its first material (the KMS takes a bound key’s material only)', () => {
    const earlier = { seq: 3, file: 'airgap.jsonl', firstEntrySha256: 'b'.repeat(64) };
    const waiting = { ...online, airGapJournalTrail: { journal: earlier } };
    expect(() => checkBundleMakers(waiting, madeBy, KEYS, false, BUNDLE)).toThrow(
      expect.objectContaining({ code: 'WRAPPED_OTHER_AIRGAP_JOURNAL' }),
    );
    const bound = { ...waiting, keys: new Map([['k1', { firstImport: { seq: 9 } }]]) };
    expect(checkBundleMakers(bound, madeBy, KEYS, false, BUNDLE)).toBeUndefined();
  });

  it('requires every wrap it took that named its session to be listed by a later bundle of that journal; a version 3 bundle after one is refused', () => {
    const c = MADE_BY;
    const session = (seq: number) => ({ seq, sha256: seq.toString(16).padStart(64, '0') });
    const v4 = (seq: number, earlier: number[]): WrappedMadeBy => ({
      ...c,
      wrapEntry: { ...session(seq), at: '2030-01-02T03:04:05.000Z' },
      earlierWraps: earlier.map(session),
    });
    let seq = 0;
    const checked = (madeBy: WrappedMadeBy) =>
      ({
        seq: ++seq,
        event: 'wrapped-bundle.checked',
        data: { manifestSha256: 'd'.repeat(64), madeBy },
      }) as unknown as JournalEntry;
    // Taken: a version 3 wrap (names no session, nothing to require), then the wrap of session 40.
    const trail = [checked(c), checked(v4(40, [3]))].reduce<AirGapJournalTrail>(airGapJournalAfter, {});
    const facts = { ...online, airGapJournalTrail: trail };
    // The journal that went on: session 40 listed, or the same session's bundle again.
    expect(checkBundleMakers(facts, v4(90, [3, 40]), KEYS, false, BUNDLE)).toBeUndefined();
    expect(checkBundleMakers(facts, v4(40, [3]), KEYS, false, BUNDLE)).toBeUndefined();
    // Session 3's own bundle, taken after session 40's was checked: 40 listed it, an earlier wrap of that journal.
    expect(checkBundleMakers(facts, v4(3, []), KEYS, false, BUNDLE)).toBeUndefined();
    // Once checked, it does not move the latest wrap the next parameters name back to session 3.
    const after3 = [checked(c), checked(v4(40, [3])), checked(v4(3, []))].reduce<AirGapJournalTrail>(
      airGapJournalAfter,
      {},
    );
    expect(airGapJournalForParameters(after3)?.lastWrap).toEqual(session(40));
    // Session 20 is in no list of the journal the online side took: a copy's session, refused below.
    expect(() => checkBundleMakers(facts, v4(20, []), KEYS, false, BUNDLE)).toThrow(
      expect.objectContaining({ code: 'WRAPPED_OLDER_AIRGAP_JOURNAL_COPY' }),
    );
    // A copy from before session 40 (or whose entry 40 is another one: a copy that forked there).
    const forked = { ...v4(90, [3]), earlierWraps: [session(3), { seq: 40, sha256: 'e'.repeat(64) }] };
    for (const [older, lists] of [
      [v4(60, [3]), 'yes'],
      [forked, 'yes'],
      [c, 'no'],
    ] as const) {
      let error: unknown;
      try {
        checkBundleMakers(facts, older, KEYS, true, BUNDLE);
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({
        code: 'WRAPPED_OLDER_AIRGAP_JOURNAL_COPY',
        values: { missingSeq: 40, takenSeq: 2, lists, missingAt: Date.parse('2030-01-02T03:04:05.000Z') },
      });
      const values = (error as { values: Record<string, string> }).values;
      for (const locale of ['en', 'zh-CN'] as const) {
        const text = translator(locale).t('problem.WRAPPED_OLDER_AIRGAP_JOURNAL_COPY', values as never);
        expect(text).toContain('airgap-C.jsonl');
        expect(text).toContain('40');
        expect(translator(locale).t('problem.WRAPPED_OLDER_AIRGAP_JOURNAL_COPY.next', values as never)).toContain(
          '--accept-other-airgap-journal',
        );
      }
    }
    // A list full of later wraps stands for the older ones (each listed entry's hash chains to them).
    const full = Array.from({ length: 200 }, (_, i) => 100 + i);
    expect(checkBundleMakers(facts, v4(5000, full), KEYS, false, BUNDLE)).toBeUndefined();
    expect(() => checkBundleMakers(facts, v4(5000, full.slice(1)), KEYS, false, BUNDLE)).toThrow(
      expect.objectContaining({ code: 'WRAPPED_OLDER_AIRGAP_JOURNAL_COPY' }),
    );
    // Another journal's wraps are not required; every key already bound: the KMS takes only that material.
    const other = { ...v4(60, []), journalFirstEntrySha256: 'f'.repeat(64) };
    expect(() => checkBundleMakers(facts, other, KEYS, false, BUNDLE)).toThrow(
      expect.objectContaining({ code: 'WRAPPED_OTHER_AIRGAP_JOURNAL' }),
    );
    const bound = { ...facts, keys: new Map([['k1', { firstImport: { seq: 9 } }]]) };
    expect(checkBundleMakers(bound, v4(60, [3]), KEYS, false, BUNDLE)).toBeUndefined();
  });

  it('takes the first vouched wrap’s journal, keeps it for wraps of that journal, and moves only by the check of a bundle an override accepted', () => {
    let seq = 0;
    const entry = (event: string, data: Record<string, unknown>) =>
      ({ seq: ++seq, event, data }) as unknown as JournalEntry;
    const wrapOf = (file: string, sha: string) => ({ ...madeBy, journalFile: file, journalFirstEntrySha256: sha });
    const a = wrapOf('airgap.jsonl', 'a'.repeat(64));
    const c = wrapOf('airgap-C.jsonl', 'c'.repeat(64));
    const after = (trail: AirGapJournalTrail, e: JournalEntry) => airGapJournalAfter(trail, e);
    let trail = after({}, entry('wrapped-bundle.refused', { code: 'IMPORT_TOKEN_EXPIRED', madeBy: a }));
    expect(trail.journal).toEqual({ seq: 1, file: 'airgap.jsonl', firstEntrySha256: 'a'.repeat(64) });
    trail = after(trail, entry('wrapped-bundle.checked', { manifestSha256: 'b'.repeat(64), madeBy: a }));
    expect(trail.journal?.seq).toBe(2);
    const anchor = trail.journal;
    // Another journal's bundle that was checked or refused without an override on record does not move it.
    for (const e of [
      entry('wrapped-bundle.checked', { manifestSha256: 'd'.repeat(64), madeBy: c }),
      entry('wrapped-bundle.refused', { folder: '/w', code: 'IMPORT_TOKEN_EXPIRED', madeBy: c }),
      entry('wrapped-bundle.refused', { folder: '/w', code: 'WRAPPED_OTHER_AIRGAP_JOURNAL', madeBy: c }),
      entry('wrapped-bundle.checked', { manifestSha256: 'd'.repeat(64), madeBy: { ...a, purpose: 'custody-restore' } }),
    ])
      expect(after(trail, e).journal).toBe(anchor);
    const override = entry('wrapped-bundle.other-journal-accepted', {
      folder: '/w',
      manifestSha256: 'd'.repeat(64),
      airGapJournal: 'airgap-C.jsonl',
      airGapJournalFirstEntrySha256: 'c'.repeat(64),
      earlierAirGapJournal: 'airgap.jsonl',
      earlierAirGapJournalFirstEntrySha256: 'a'.repeat(64),
      earlierSeq: 2,
    });
    // The override alone does not move it: the check of the bundle it accepted does.
    trail = after(trail, override);
    expect(trail.journal).toBe(anchor);
    expect(after(trail, entry('wrapped-bundle.checked', { manifestSha256: 'e'.repeat(64), madeBy: c })).journal).toBe(
      anchor,
    );
    const checked = entry('wrapped-bundle.checked', { manifestSha256: 'd'.repeat(64), madeBy: c });
    expect(after(trail, checked).journal).toEqual({
      seq: checked.seq,
      file: 'airgap-C.jsonl',
      firstEntrySha256: 'c'.repeat(64),
    });
  });
  it('is not set by a first wrap whose makers were not compared (its keys bound before any bundle named its journal)', () => {
    let seq = 0;
    const checked = (file: string, c: string, data: Record<string, unknown> = {}) =>
      ({
        seq: ++seq,
        event: 'wrapped-bundle.checked',
        data: {
          manifestSha256: c.repeat(64),
          madeBy: { ...madeBy, journalFile: file, journalFirstEntrySha256: c.repeat(64) },
          ...data,
        },
      }) as unknown as JournalEntry;
    // k1 imported from a bundle naming no journal (format 1-2), its original material wrapped again in
    // airgap-R.jsonl after it lapsed: the KMS takes only that material, so the makers were not compared.
    let trail = airGapJournalAfter({}, checked('airgap-R.jsonl', 'r', { makersCompared: false }));
    expect(trail.journal).toBeUndefined();
    // The ceremony's journal is set by its first compared wrap, as if the re-import had not happened.
    trail = airGapJournalAfter(trail, checked('airgap.jsonl', 'a'));
    expect(trail.journal).toEqual({ seq: 2, file: 'airgap.jsonl', firstEntrySha256: 'a'.repeat(64) });
    // And it does not move forward for an uncompared bundle of that same journal either.
    expect(airGapJournalAfter(trail, checked('airgap.jsonl', 'a', { makersCompared: false })).journal).toBe(
      trail.journal,
    );
  });

  it('does not count a bundle whose every key was already bound (makers not compared) as a wrap the newest journal must list', () => {
    const session = (seq: number, tag = '0') => ({ seq, sha256: seq.toString(16).padStart(64, tag) });
    const v4 = (seq: number, earlier: number[], tag = '0'): WrappedMadeBy => ({
      ...MADE_BY,
      wrapEntry: { ...session(seq, tag), at: '2030-01-02T03:04:05.000Z' },
      earlierWraps: earlier.map((s) => session(s)),
    });
    let seq = 0;
    const checked = (madeBy: WrappedMadeBy, data: Record<string, unknown> = {}) =>
      ({
        seq: ++seq,
        event: 'wrapped-bundle.checked',
        data: { manifestSha256: 'd'.repeat(64), madeBy, ...data },
      }) as unknown as JournalEntry;
    // The journal's session 40 wrapped k1, taken and imported (k1 bound); k2 still waits.
    let trail = [checked(v4(40, [3]))].reduce<AirGapJournalTrail>(airGapJournalAfter, {});
    const keys = new Map<string, { firstImport?: unknown }>([
      ['k1', { firstImport: { seq: 9 } }],
      ['k2', {}],
    ]);
    // An older copy, forked before 40, wraps k1's material again in its own session 40: every key bound, not compared.
    const fork = v4(40, [3], 'f');
    const facts = () => ({ ...online, keys, airGapJournalTrail: trail });
    expect(checkBundleMakers(facts(), fork, ['k1'], false, BUNDLE)).toBeUndefined();
    trail = airGapJournalAfter(trail, checked(fork, { makersCompared: false }));
    // The newest copy of the journal (it holds the genuine 40) now wraps k2: taken, not refused as an older copy.
    expect(checkBundleMakers(facts(), v4(90, [3, 40]), ['k2'], false, BUNDLE)).toBeUndefined();
    // A bundle that was compared still counts: the fork's own next wrap lacks the genuine 40.
    expect(() => checkBundleMakers(facts(), v4(91, [3]), ['k2'], false, BUNDLE)).toThrow(
      expect.objectContaining({ code: 'WRAPPED_OLDER_AIRGAP_JOURNAL_COPY' }),
    );
  });
});

describe('refuseWordForOtherBundle', () => {
  it('refuses the word typed for the bundle a refusal named when another bundle is read now, naming both digests', () => {
    const word = { typedCeremonyJournal: 'airgap-E.jsonl', refusedBundleSha256: 'a'.repeat(64) };
    expect(() => refuseWordForOtherBundle(word, 'b'.repeat(64))).toThrow(
      expect.objectContaining({
        code: 'WRAPPED_OVERRIDE_OTHER_BUNDLE',
        values: { refusedBundle: expect.stringMatching(/^AAAA AAAA/), readBundle: expect.stringMatching(/^BBBB BBBB/) },
      }),
    );
    // The same bundle, the command line's flag (given with the bundle on its line), or no word: nothing to refuse.
    for (const given of [word, true, undefined] as const)
      expect(() => refuseWordForOtherBundle(given, 'a'.repeat(64))).not.toThrow();
    expect(() => refuseWordForOtherBundle(true, 'b'.repeat(64))).not.toThrow();
  });
});
