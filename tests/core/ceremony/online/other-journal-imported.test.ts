/**
 * The warning of an import on the officer's word of a wrap made in another air-gapped journal: what
 * becomes of the earlier wrap's custody copy, from the online journal's record of that wrap's check.
 */
import { describe, expect, it } from 'vitest';
import { otherJournalImportedWarning } from '../../../../src-main/core/ceremony/online/other-journal-imported';
import type { OnlineCeremonyState } from '../../../../src-main/core/ceremony/online/state';
import type { JournalEntry } from '../../../../src-main/core/journal';
import { english } from '../../../../src-main/i18n/translate';

const SET = 'f57aecac' + '0'.repeat(56);
const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

/** The online journal up to the earlier wrap's check (entry 2), whose bundle kept `custody`. */
function checkedEarlier(custody: unknown): JournalEntry[] {
  const entry = (seq: number, event: string, data: Record<string, unknown>) =>
    ({ seq, event, data, actor: 'Ana', time: '', prev: '', hash: '' }) as unknown as JournalEntry;
  return [
    entry(1, 'ceremony.started', {}),
    entry(2, 'wrapped-bundle.checked', {
      custody,
      keys: [{ keyId: 'k-1', keyCheckValue: 'A1B2C3', publicKeyFingerprint: null }],
    }),
  ];
}

const OVERRIDE = {
  airGapJournal: 'airgap-K.jsonl',
  airGapJournalFirstEntrySha256: B,
  earlierAirGapJournal: 'airgap-K.jsonl',
  earlierAirGapJournalFirstEntrySha256: A,
  earlierSeq: 2,
};

/** The keys of the online state: k-1 with the first import `kcv` (undefined: never imported). */
const keysWith = (kcv?: string) =>
  ({
    keys: new Map([['k-1', kcv ? { firstImport: { keyCheckValue: kcv, publicKeyFingerprint: null, seq: 5 } } : {}]]),
  }) as unknown as Pick<OnlineCeremonyState, 'keys'>;

const text = (w: ReturnType<typeof otherJournalImportedWarning>) => english.t(`warning.${w.code}`, w.values as never);

describe('otherJournalImportedWarning', () => {
  it('names both journals and the earlier wrap’s custody set, to destroy once the keys show imported', () => {
    const shares = { kind: 'shares', threshold: 2, total: 3, custodians: ['Dana', 'Eli', 'Fay'], backupDigest: SET };
    const said = text(otherJournalImportedWarning(checkedEarlier(shares), keysWith(), OVERRIDE));
    expect(said).toContain(
      'wrapped in the air-gapped journal airgap-K.jsonl (first entry BBBB BBBB BBBB BBBB), not in',
    );
    expect(said).toContain(
      'airgap-K.jsonl (first entry AAAA AAAA AAAA AAAA), whose wrap this online journal took at entry 2',
    );
    expect(said).toContain(
      'That wrap’s custody copy, 2 of 3 shares held by Dana, Eli, Fay, custody set F57AECAC (the tag in its share files’ names), and its bundle back up material no key will hold',
    );
  });

  it('says to keep them when a key is bound to the earlier wrap’s material', () => {
    const shares = { kind: 'shares', threshold: 2, total: 2, custodians: ['Dana', 'Eli'], backupDigest: SET };
    const said = text(otherJournalImportedWarning(checkedEarlier(shares), keysWith('A1B2C3'), OVERRIDE));
    expect(said).toContain('A key of this ceremony is bound to that wrap’s material');
    expect(said).not.toContain('destroyed');
    // Bound to other material: the earlier copy backs up nothing.
    const other = text(otherJournalImportedWarning(checkedEarlier(shares), keysWith('FFFFFF'), OVERRIDE));
    expect(other).toContain('have them destroyed once');
  });

  it('says the custody copy is unrecorded when the earlier wrap’s entry does not say (a refusal journaled before it did)', () => {
    const entries = checkedEarlier(null).map((e) => (e.seq === 2 ? { ...e, data: { keys: [] } } : e));
    const said = text(otherJournalImportedWarning(entries, keysWith(), OVERRIDE));
    expect(said).toContain('This journal did not record that wrap’s custody copy: its air-gapped receipt names it.');
  });

  it('speaks of the bundle alone when the earlier wrap kept no custody copy', () => {
    const said = text(otherJournalImportedWarning(checkedEarlier(null), keysWith(), OVERRIDE));
    expect(said).toContain('That wrap’s bundle backs up material no key will hold: have it destroyed once');
  });
});
