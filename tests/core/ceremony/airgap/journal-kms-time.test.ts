/**
 * The KMS's time as an air-gapped journal shows it (core/ceremony/airgap/journal-kms-time.ts): the
 * newest token issued among the parameters bundles it read. An old parameters bundle brought back
 * after newer ones were read is judged by it: its tokens, "valid" by this computer's clock, are
 * refused as expired by the KMS's (BUNDLE_TOKEN_EXPIRED, saying whose clock), before any witness
 * types anything and before any material exists. Real simulator, real bundle, real journal.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBundle } from '../../../../src-main/core/bundle';
import { journalKmsTime } from '../../../../src-main/core/ceremony/airgap/journal-kms-time';
import { toProblem } from '../../../../src-main/core/errors';
import type { JournalEntry } from '../../../../src-main/core/journal';
import { translator } from '../../../../src-main/i18n/translate';
import { createFixture, onlineDayOne, type Fixture } from '../ceremony-fixture';

const DAY = 24 * 3600_000;
const entry = (seq: number, event: string, data: JournalEntry['data']): JournalEntry => ({
  seq,
  time: '2026-12-07T10:00:00.000Z',
  actor: 'Ana',
  event,
  data,
  prev: '0'.repeat(64),
  hash: 'f'.repeat(64),
});
const read = (seq: number, tokenExpiresAt: (string | null)[]): JournalEntry =>
  entry(seq, 'parameters.read', { keys: tokenExpiresAt.map((at) => ({ tokenExpiresAt: at })) });
const confirmed = (seq: number): JournalEntry => entry(seq, 'witness.confirmed', { artefact: 'bundle', index: 0 });

describe('the KMS’s time an air-gapped journal shows', () => {
  it('is the newest token issue (expiry less 24 hours) among the parameters read, or this computer’s time when later', () => {
    const now = new Date('2026-12-07T12:00:00.000Z');
    expect(journalKmsTime([], now)).toEqual(now);
    const entries = [
      read(3, ['2026-12-09T12:00:00.000Z', null]),
      confirmed(4),
      read(9, ['2026-12-08T18:00:00.000Z']),
      confirmed(10),
    ];
    expect(journalKmsTime(entries, now)).toEqual(new Date('2026-12-08T12:00:00.000Z'));
    expect(journalKmsTime(entries, new Date('2026-12-10T00:00:00.000Z'))).toEqual(new Date('2026-12-10T00:00:00.000Z'));
  });

  it('leaves out a bundle no witness confirmed (its digest refused): its tokens prove nothing of the KMS', () => {
    const now = new Date('2026-12-07T12:00:00.000Z');
    const refused = entry(4, 'witness.refused', { artefact: 'bundle', index: 0 });
    expect(journalKmsTime([read(3, ['2031-01-01T00:00:00.000Z']), refused], now)).toEqual(now);
  });
});

describe('an old parameters bundle brought back after newer ones were read', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await createFixture();
  });
  afterEach(async () => {
    await f.close();
  });

  it('is refused as expired by the KMS’s clock, though this computer’s says its tokens are valid', async () => {
    const plan = f.plan(['AES_256']);
    const { params } = await onlineDayOne(f, plan);
    const bundle = await readBundle(params, { now: new Date() });
    if (bundle.kind !== 'import-parameters') throw new Error('kind');
    const expiry = (bundle.keys[0]?.importToken?.expiry?.expiresAt ?? '') as string;
    const journal = await f.journal('airgap.jsonl');
    // A newer bundle read in an earlier session: its tokens were issued an hour after these expired.
    await journal.append('Ana', 'parameters.read', {
      keys: [{ tokenExpiresAt: new Date(Date.parse(expiry) + DAY + 3600_000).toISOString() }],
    });
    await journal.append('Ben', 'witness.confirmed', { artefact: 'bundle', index: 0 });
    const air = await f.airgap(journal, plan);
    await air.checkNetwork();
    const refusal = await air.readParametersBundle(params).then(
      () => undefined,
      (error: unknown) => toProblem(error),
    );
    expect(refusal?.code).toBe('BUNDLE_TOKEN_EXPIRED');
    expect(translator('en').problem(refusal as NonNullable<typeof refusal>).message).toContain(
      'minutes ago by the KMS’s clock, as the import tokens it issued for parameters this journal read since show); the KMS would refuse it',
    );
    expect(translator('zh-CN').problem(refusal as NonNullable<typeof refusal>).message).toContain('按 KMS 的时钟');
    expect(journal.entries.some((e) => e.event.startsWith('material.'))).toBe(false);
  }, 90_000);

  it('a genuine bundle is read after a bundle whose digest the witnesses refused, whatever that one’s tokens say', async () => {
    const plan = f.plan(['AES_256']);
    const { params } = await onlineDayOne(f, plan);
    const journal = await f.journal('airgap.jsonl');
    // A bundle not the online side's (its digest refused): its tokens "issued" years ahead.
    await journal.append('Ana', 'parameters.read', { keys: [{ tokenExpiresAt: '2031-01-01T00:00:00.000Z' }] });
    await journal.append('Ben', 'witness.refused', { artefact: 'bundle', index: 0, code: 'DIGEST_MISMATCH' });
    const air = await f.airgap(journal, plan);
    await air.checkNetwork();
    const refusal = await air.readParametersBundle(params).then(
      () => undefined,
      (error: unknown) => toProblem(error).code,
    );
    expect(refusal).toBeUndefined();
  }, 90_000);
});
