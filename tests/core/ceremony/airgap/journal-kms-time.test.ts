/**
 * The KMS's time as an air-gapped journal shows it (core/ceremony/airgap/journal-kms-time.ts): the
 * newest token issued among the parameters bundles it read. An old parameters bundle brought back
 * after newer ones were read is judged by it: its tokens, "valid" by this computer's clock, are
 * refused as expired by the KMS's (BUNDLE_TOKEN_EXPIRED, saying whose clock), before any witness
 * types anything and before any material exists. Real simulator, real bundle, real journal.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBundle } from '../../../../src-main/core/bundle';
import {
  journalKmsTime,
  readParametersAtJournalTime,
} from '../../../../src-main/core/ceremony/airgap/journal-kms-time';
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

/**
 * Online day one, and a journal `name` that read and confirmed a newer bundle (its tokens issued an
 * hour after these expired) of the same keys, or of `otherKeyId` instead.
 */
async function newerBundleRead(f: Fixture, name: string, otherKeyId?: string) {
  const plan = f.plan(['AES_256']);
  const { params } = await onlineDayOne(f, plan);
  const bundle = await readBundle(params, { now: new Date() });
  if (bundle.kind !== 'import-parameters') throw new Error('kind');
  const expiry = (bundle.keys[0]?.importToken?.expiry?.expiresAt ?? '') as string;
  const keyId = otherKeyId ?? (bundle.keys[0]?.keyId as string);
  const journal = await f.journal(name);
  const newerUntil = new Date(Date.parse(expiry) + DAY + 3600_000);
  await journal.append('Ana', 'parameters.read', {
    source: '/media/params-2',
    keys: [{ keyId, tokenExpiresAt: newerUntil.toISOString() }],
  });
  await journal.append('Ben', 'witness.confirmed', { artefact: 'bundle', index: 0 });
  return { plan, params, journal, newerUntil };
}

/** The problem reading the parameters bundle in `dir` raises, after the network check (undefined: read). */
async function refusalOf(
  side: { checkNetwork(): Promise<unknown>; readParametersBundle(dir: string): Promise<unknown> },
  dir: string,
) {
  await side.checkNetwork();
  return side.readParametersBundle(dir).then(
    () => undefined,
    (error: unknown) => toProblem(error),
  );
}

describe('an old parameters bundle brought back after newer ones were read', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await createFixture();
  });
  afterEach(async () => {
    await f.close();
  });

  it('is refused as expired by the KMS’s clock, though this computer’s says its tokens are valid', async () => {
    // A newer bundle read in an earlier session: its tokens were issued an hour after these expired.
    const { plan, params, journal, newerUntil } = await newerBundleRead(f, 'airgap.jsonl');
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
    // The way on is the newer bundle this journal read (its tokens still valid), not fresh parameters.
    const said = translator('en').problem(refusal as NonNullable<typeof refusal>);
    expect(said.message).toContain('the KMS would refuse it: nothing is to be wrapped from this bundle.');
    expect(said.nextStep).toContain(
      'This journal read a newer import-parameters bundle at entry 1, from /media/params-2, and a witness confirmed its digest; its import tokens are valid until',
    );
    expect(said.nextStep).toContain('Use that bundle instead of this one');
    expect(said.nextStep).toContain(`${newerUntil.toISOString().slice(0, 19).replace('T', ' ')} UTC`);
    expect(translator('zh-CN').problem(refusal as NonNullable<typeof refusal>).nextStep).toContain(
      '本日志已在条目 1 读取了一个更新的导入参数包（来自 /media/params-2）',
    );
    expect(journal.entries.some((e) => e.event.startsWith('material.'))).toBe(false);
  }, 90_000);

  it('names no newer bundle that holds other keys: a read of params for some keys only is no way on for these', async () => {
    const { plan, params, journal } = await newerBundleRead(f, 'airgap.jsonl', '00000000-0000-4000-8000-000000000000');
    const refusal = await refusalOf(await f.airgap(journal, plan), params);
    expect(refusal).toMatchObject({
      code: 'BUNDLE_TOKEN_EXPIRED',
      values: { tokensClock: 'journal', newerBundle: 'none' },
    });
    const said = translator('en').problem(refusal as NonNullable<typeof refusal>);
    expect(said.message).toContain('the KMS would refuse it, so fetch new parameters.');
    expect(said.nextStep).not.toContain('/media/params-2');
  }, 90_000);

  it('is refused as expired by a custody restore too, whose journal read newer parameters: the wrap’s rule', async () => {
    const { plan, params, journal } = await newerBundleRead(f, 'restore.jsonl');
    const refusal = await refusalOf(await f.restore(journal, plan), params);
    expect(refusal).toMatchObject({
      code: 'BUNDLE_TOKEN_EXPIRED',
      values: { tokensClock: 'journal', newerBundle: 'valid' },
    });
    expect(journal.entries.filter((e) => e.event === 'parameters.read')).toHaveLength(1);
  }, 90_000);

  it('brought back a day later, expired by this computer’s own clock, names the newer bundle whose tokens still live', async () => {
    // The usual case: the older stick comes back after its 24 hours; this computer's clock is right,
    // so the journal's KMS time is not ahead of it, and the newer bundle read here is still the way on.
    const { params, journal, newerUntil } = await newerBundleRead(f, 'airgap.jsonl');
    const now = new Date(newerUntil.getTime() - 3600_000);
    const refusal = await readParametersAtJournalTime(params, journal.entries, now, 'airgap').then(
      () => undefined,
      (error: unknown) => toProblem(error),
    );
    expect(refusal).toMatchObject({
      code: 'BUNDLE_TOKEN_EXPIRED',
      values: { tokensClock: 'machine', newerBundle: 'valid', newerSeq: 1, newerSource: '/media/params-2' },
    });
    const said = translator('en').problem(refusal as NonNullable<typeof refusal>);
    expect(said.message).toContain(
      'minutes ago by this machine’s clock); the KMS would refuse it: nothing is to be wrapped',
    );
    expect(said.nextStep).toContain(
      'This journal read a newer import-parameters bundle at entry 1, from /media/params-2',
    );
    // Once the newer bundle's tokens ran out too, fresh parameters are the way on, as before.
    const later = await readParametersAtJournalTime(
      params,
      journal.entries,
      new Date(newerUntil.getTime() + 60_000),
      'airgap',
    ).then(
      () => undefined,
      (error: unknown) => toProblem(error),
    );
    expect(later).toMatchObject({
      code: 'BUNDLE_TOKEN_EXPIRED',
      values: { tokensClock: 'machine', newerBundle: 'none' },
    });
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
