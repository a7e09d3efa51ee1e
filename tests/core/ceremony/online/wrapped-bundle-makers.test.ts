/**
 * The online import checks who made a wrapped bundle on the air-gapped side (its manifest's
 * `madeBy`): a wrap by other people than the online journal's is refused, and so is a wrap made in
 * another air-gapped journal than the one an earlier bundle of the ceremony came from (a new journal
 * skips the earlier one's wrap-again question and custody set), unless the officer accepts it
 * explicitly, journaled as an override. Nothing reaches the KMS on a refusal.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listDeviations, type JournalEntry } from '../../../../src-main/core/journal';
import {
  airGapJournalNamedBy,
  checkBundleMakers,
} from '../../../../src-main/core/ceremony/online/wrapped-bundle-makers';
import { translator } from '../../../../src-main/i18n/translate';
import type { WrappedMadeBy } from '../../../../src-main/core/bundle';
import { airGapSide, createFixture, onlineDayOne, receiptDigestOf, type Fixture } from '../ceremony-fixture';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

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
    expect(imports).not.toHaveBeenCalled();
    const refused = (await onlineEntries()).filter((e) => e.event === 'wrapped-bundle.refused');
    expect(refused.map((e) => e.data.code)).toEqual(['WRAPPED_OTHER_AIRGAP_JOURNAL']);
    expect(refused[0]?.data.madeBy).toMatchObject({ journalFile: 'airgap-2.jsonl' });

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

describe('checkBundleMakers', () => {
  const KEYS = ['k1'];
  const online = { operator: 'Ana Lima', witnesses: ['Ben Okafor', 'Chloé Martin'], keys: new Map([['k1', {}]]) };
  const madeBy: WrappedMadeBy = {
    purpose: 'wrap',
    operator: 'Ana Lima',
    witnesses: ['Chloé Martin', 'Ben Okafor'],
    journalFile: 'airgap-C.jsonl',
    journalFirstEntrySha256: 'a'.repeat(64),
  };

  it('lets the journal’s people through in any order, and a bundle naming nobody', () => {
    expect(checkBundleMakers(online, madeBy, KEYS, false)).toBeUndefined();
    expect(checkBundleMakers(online, undefined, KEYS, false)).toBeUndefined();
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
        checkBundleMakers(online, { ...madeBy, ...change }, KEYS, true);
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
    expect(checkBundleMakers({ ...online, airGapJournal: earlier }, restore, KEYS, false)).toBeUndefined();
  });

  it('compares the journal only while a key waits for its first material (the KMS takes a bound key’s material only)', () => {
    const earlier = { seq: 3, file: 'airgap.jsonl', firstEntrySha256: 'b'.repeat(64) };
    const waiting = { ...online, airGapJournal: earlier };
    expect(() => checkBundleMakers(waiting, madeBy, KEYS, false)).toThrow(
      expect.objectContaining({ code: 'WRAPPED_OTHER_AIRGAP_JOURNAL' }),
    );
    const bound = { ...waiting, keys: new Map([['k1', { firstImport: { seq: 9 } }]]) };
    expect(checkBundleMakers(bound, madeBy, KEYS, false)).toBeUndefined();
  });

  it('names the air-gapped journal of a checked wrap, and of a wrap refused only for its lapsed tokens', () => {
    const entry = (event: string, data: Record<string, unknown>) =>
      ({ seq: 7, event, data: { madeBy, ...data } }) as unknown as JournalEntry;
    const named = { seq: 7, file: 'airgap-C.jsonl', firstEntrySha256: 'a'.repeat(64) };
    expect(airGapJournalNamedBy(entry('wrapped-bundle.checked', {}))).toEqual(named);
    expect(airGapJournalNamedBy(entry('wrapped-bundle.refused', { code: 'IMPORT_TOKEN_EXPIRED' }))).toEqual(named);
    expect(
      airGapJournalNamedBy(entry('wrapped-bundle.refused', { code: 'WRAPPED_OTHER_AIRGAP_JOURNAL' })),
    ).toBeUndefined();
    expect(airGapJournalNamedBy(entry('wrapped-bundle.checked', { madeBy: null }))).toBeUndefined();
  });
});
