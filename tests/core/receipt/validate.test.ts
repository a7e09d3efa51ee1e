/**
 * What a receipt will not print (core/receipt/validate.ts): a receipt is signed on paper, so an
 * input that would print something misleading (a replica whose primary is not on the page, a
 * share index above the shares handed out, a deviation after the journal head, a line that is
 * not a catalogue text, a clock beyond any time zone) is refused with the reason, and a sound
 * input of either side passes. The other refusals (missing check values, thresholds, dates) are
 * asserted through both renderers in render-text.twins.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { checkReceiptInput } from '../../../src-main/core/receipt/validate';
import type { ReceiptInput, ReceiptKey } from '../../../src-main/core/receipt';
import { KeyferryError } from '../../../src-main/core/errors';
import { IDENTIFIERS } from '../../../src-main/core/identifiers';
import { sampleKey, sampleReceiptInput } from './fixtures';

/** The sentence the refusal of `input` says (fails when the input passes). */
function refusalOf(input: ReceiptInput): string {
  try {
    checkReceiptInput(input);
  } catch (error) {
    if (!(error instanceof KeyferryError) || error.code !== 'RECEIPT_INPUT_INVALID') throw error;
    return error.message;
  }
  throw new Error('expected RECEIPT_INPUT_INVALID, but the input passed');
}

const online = sampleReceiptInput('online');
const aes = sampleKey('AES_256', 'online');
const ec = sampleKey('EC_P256', 'online');
const withKeys = (...keys: ReceiptKey[]): ReceiptInput => ({ ...online, keys });
const replicaOf = (
  { groupProof: _proof, ...primary }: ReceiptKey,
  keyId: string,
  extra: Partial<ReceiptKey> = {},
): ReceiptKey => ({
  ...primary,
  keyId,
  replicaOf: primary.keyId,
  place: { region: 'cn-east-3', projectId: '0123456789abcdef0123456789abcdef' },
  ...extra,
});
const REPLICA_ID = '1d0466b0-e727-4d9c-b35d-f84bb474a37f';

describe('a receipt input fit to print', () => {
  it('passes on both sides, with or without an import-parameters bundle, and with a replica group', () => {
    expect(() => checkReceiptInput(online)).not.toThrow();
    expect(() => checkReceiptInput(sampleReceiptInput('air-gapped'))).not.toThrow();
    expect(() => checkReceiptInput({ ...online, parametersBundle: null })).not.toThrow();
    const primary = { ...aes, groupProof: { key: 'receipt.people.noConfirmation' } } as ReceiptKey;
    expect(() => checkReceiptInput(withKeys(primary, replicaOf(primary, REPLICA_ID)))).not.toThrow();
  });
});

describe('a receipt input that would print something misleading is refused, saying why', () => {
  it.each<[string, ReceiptInput, string]>([
    [
      'a ceremony id with a slash',
      { ...online, ceremonyId: 'KF/2025' },
      `the ceremony ID is not valid (${IDENTIFIERS.ceremonyId.rule})`,
    ],
    ['a title over 1000 characters', { ...online, title: 'x'.repeat(1001) }, 'the title must be 1-1000 characters'],
    [
      'a UTC offset beyond any time zone',
      { ...online, clock: { ...online.clock, utcOffsetMinutes: 15 * 60 } },
      'the UTC offset is beyond ±14 hours',
    ],
    [
      'a fractional UTC offset',
      { ...online, clock: { ...online.clock, utcOffsetMinutes: 30.5 } },
      'the UTC offset must be a whole number of at least 0',
    ],
    ['no key at all', { ...online, keys: [] }, 'a receipt needs at least one key'],
    [
      'a people section without the operator',
      { ...online, people: online.people.filter((p) => p.role !== 'operator') },
      'the people section must name the operator',
    ],
    [
      'a deviation after the journal head',
      { ...online, deviations: [{ ...online.deviations[0]!, seq: online.journal.count + 1 }] },
      `deviation entry ${online.journal.count + 1} lies after the journal head`,
    ],
    [
      'an upper-case bundle digest',
      { ...online, bundle: { ...online.bundle, digest: online.bundle.digest.toUpperCase() } },
      'the bundle digest must be 64 lowercase hex digits',
    ],
    ['a key naming itself as its primary', withKeys({ ...aes, replicaOf: aes.keyId }), 'key 1: a replica of itself'],
    [
      'a replica of a replica',
      withKeys(aes, replicaOf(aes, REPLICA_ID), {
        ...aes,
        keyId: '3d0466b0-e727-4d9c-b35d-f84bb474a37f',
        replicaOf: REPLICA_ID,
      }),
      'key 3: a replica of a replica',
    ],
    [
      'a replica of another spec',
      withKeys(ec, replicaOf(ec, REPLICA_ID, { spec: 'EC_P384' })),
      'key 2: a replica of a key of another spec',
    ],
    [
      "a replica carrying its group's proof",
      withKeys(aes, replicaOf(aes, REPLICA_ID, { groupProof: { key: 'receipt.people.noConfirmation' } })),
      "key 2: a group's proof belongs to its primary",
    ],
    [
      'a replica placed in an empty region',
      withKeys(
        aes,
        replicaOf(aes, REPLICA_ID, { place: { region: ' ', projectId: '0123456789abcdef0123456789abcdef' } }),
      ),
      'key 2: the region must be 1-1000 characters',
    ],
  ])('%s', (_name, input, reason) => {
    expect(refusalOf(input)).toBe(`Cannot make the receipt: ${reason}.`);
  });
});

describe('lines that must be catalogue texts', () => {
  const withRecord = (record: unknown): ReceiptInput => ({
    ...online,
    people: online.people.map((p) => (p.role === 'operator' ? { ...p, records: [record as never] } : p)),
  });
  const operator = online.people.find((p) => p.role === 'operator')!.name;

  it('refuse a key the catalogue does not have, bad values, and a value that is not text or a finite number', () => {
    expect(refusalOf(withRecord({ key: 'receipt.people.madeUp' }))).toBe(
      `Cannot make the receipt: a line about ${operator} is not a known text.`,
    );
    expect(refusalOf(withRecord({ key: 'receipt.people.ran', values: null }))).toBe(
      `Cannot make the receipt: a line about ${operator} has malformed values.`,
    );
    expect(refusalOf(withRecord({ key: 'receipt.people.ran', values: { own: Infinity, total: 1 } }))).toBe(
      `Cannot make the receipt: a line about ${operator} has a value that is not text or a number.`,
    );
    expect(refusalOf(withRecord({ key: 'receipt.people.ran', values: { own: { nested: 1 }, total: 1 } }))).toBe(
      `Cannot make the receipt: a line about ${operator} has a value that is not text or a number.`,
    );
    expect(refusalOf(withRecord({ key: 'receipt.people.ran', values: { own: 'y'.repeat(1001), total: 1 } }))).toBe(
      `Cannot make the receipt: a line about ${operator} has a value over 1000 characters.`,
    );
  });

  it('refuse an online key whose import result is a phrase the catalogue does not have', () => {
    expect(refusalOf(withKeys({ ...aes, importResult: { key: 'online.import.bogus' } as never }))).toBe(
      'Cannot make the receipt: key 1: the import result (required on the online side) is not a known text.',
    );
  });
});

describe('custody restored from shares', () => {
  const restored = (holders: { shareIndex: number; custodian: string; presentedBy?: string }[], total: number) =>
    withKeys({ ...aes, custody: { threshold: 2, holders, restoredFrom: { total } } });

  it('names who presented each share, and no share index above the shares handed out', () => {
    const sound = restored(
      [
        { shareIndex: 1, custodian: 'Grace Hopper', presentedBy: 'Grace Hopper' },
        { shareIndex: 3, custodian: 'Alan Turing', presentedBy: 'Joan Clarke' },
      ],
      3,
    );
    expect(() => checkReceiptInput(sound)).not.toThrow();
    expect(
      refusalOf(
        restored(
          [
            { shareIndex: 1, custodian: 'Grace Hopper', presentedBy: 'Grace Hopper' },
            { shareIndex: 4, custodian: 'Alan Turing', presentedBy: 'Alan Turing' },
          ],
          3,
        ),
      ),
    ).toBe('Cannot make the receipt: key 1: a share index exceeds the number of shares handed out.');
    expect(
      refusalOf(
        restored(
          [
            { shareIndex: 1, custodian: 'Grace Hopper', presentedBy: 'Grace Hopper' },
            { shareIndex: 2, custodian: 'Alan Turing' },
          ],
          3,
        ),
      ),
    ).toBe('Cannot make the receipt: key 1: who presented share 2 must be 1-1000 characters.');
  });
});

describe('a custody set split on the air-gapped side', () => {
  const holders = [
    { shareIndex: 1, custodian: 'Grace Hopper' },
    { shareIndex: 2, custodian: 'Alan Turing' },
  ];
  const split = (backupDigest: string): ReceiptInput => ({
    ...sampleReceiptInput('air-gapped'),
    keys: [{ ...sampleKey('AES_256', 'air-gapped'), custody: { threshold: 2, holders, backupDigest } }],
  });

  it('prints its backup digest only as 64 lowercase hex digits (its first 8 are the set tag of every file name)', () => {
    expect(() => checkReceiptInput(split('ab'.repeat(32)))).not.toThrow();
    for (const digest of ['ab'.repeat(31), 'AB'.repeat(32), `${'ab'.repeat(31)}zz`, ''])
      expect(refusalOf(split(digest))).toBe(
        'Cannot make the receipt: key 1: the custody backup digest must be 64 lowercase hex digits.',
      );
  });
});
