/**
 * The air-gapped preflight after finished wraps (repeated-wrap-preflight.ts), on a real journal: a
 * wrap while an earlier bundle can be imported is refused before any folder is checked unless the
 * officer gives a reason; a repeated wrap let through is journaled once per session, when its
 * material is first made (never by the preflight alone).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportParameters } from '../../../../src-main/core/bundle';
import type { EarlierWrap } from '../../../../src-main/core/ceremony/airgap/earlier-wraps';
import {
  RepeatedWrapPreflight,
  type RepeatedWrapContext,
} from '../../../../src-main/core/ceremony/airgap/repeated-wrap-preflight';
import { openJournal, type Journal } from '../../../../src-main/core/journal';

const NOW = new Date('2026-12-01T22:00:00.000Z');

function earlierWrap(tokensUntil: string | null): EarlierWrap {
  return {
    session: 1,
    bundleDigest: 'd'.repeat(64),
    folder: '/media/wrapped-1',
    receipt: 'receipt-air-gapped-KF-1.txt',
    custody: null,
    tokensUntil,
  };
}

let dir: string;
let journal: Journal;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-repeated-wrap-'));
  journal = await openJournal(path.join(dir, 'airgap.jsonl'), { create: true });
});
afterEach(async () => {
  await journal.close();
  await rm(dir, { recursive: true, force: true });
});

function context(earlier: readonly EarlierWrap[]): RepeatedWrapContext {
  // One key the KMS holds no material for yet: new material is possible, so a reason is needed.
  const key = { keyId: '4e1b0c2a-2f4d-4c6e-9a8b-0c1d2e3f4a54', keySpec: 'AES_256' } as unknown as ImportParameters;
  return { journal, operator: 'Officer', earlier, kmsNow: NOW, parameters: [key] };
}

const events = (): string[] => journal.entries.map((e) => e.event);

describe('the preflight after finished wraps', () => {
  it('runs the folder check alone when nothing was wrapped before', async () => {
    const preflight = new RepeatedWrapPreflight();
    expect(await preflight.check(context([]), undefined, () => Promise.resolve('checked'))).toBe('checked');
    expect(preflight.grounds).toBeNull();
    await preflight.journalBeforeMaterial(journal, 'Officer', false);
    expect(events()).toEqual([]);
  });

  it('refuses before the folders are checked while an earlier bundle can be imported and no reason was given', async () => {
    const preflight = new RepeatedWrapPreflight();
    let folders = 0;
    const refused = await preflight
      .check(context([earlierWrap('2026-12-02T10:00:00.000Z')]), undefined, () => Promise.resolve(++folders))
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(refused).toMatchObject({ code: 'WRAP_AGAIN_NOT_CHOSEN', values: { count: 1, last: 1 } });
    expect(folders).toBe(0);
    expect(events()).toEqual(['wrap.repeated-refused']);
    expect(preflight.grounds).toBeNull();
  });

  it('with a reason, checks the folders; the repeated wrap is journaled once, before material, with the last reason', async () => {
    const preflight = new RepeatedWrapPreflight();
    const earlier = [earlierWrap('2026-12-02T10:00:00.000Z')];
    await preflight.check(context(earlier), 'The media were lost', () => Promise.resolve([]));
    await preflight.check(context(earlier), 'The media of session 1 were lost', () => Promise.resolve([]));
    expect(preflight.grounds).toBe('reason');
    // A session that stops here (a witness's refusal, Ctrl-C) made nothing: no override journaled.
    expect(events()).toEqual([]);
    await preflight.journalBeforeMaterial(journal, 'Officer', false);
    await preflight.journalBeforeMaterial(journal, 'Officer', false);
    expect(events()).toEqual(['wrap.repeated']);
    expect(journal.entries[0]?.data).toMatchObject({
      grounds: 'reason',
      wrapAgainReason: 'The media of session 1 were lost',
    });
  });

  it('journals nothing when the folder check fails, and lets a wrap after lapsed tokens go on without a reason', async () => {
    const preflight = new RepeatedWrapPreflight();
    const earlier = [earlierWrap('2026-12-01T09:00:00.000Z')];
    const failed = await preflight
      .check(context(earlier), undefined, () => Promise.reject(new Error('folder missing')))
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failed).toBeInstanceOf(Error);
    await preflight.journalBeforeMaterial(journal, 'Officer', false);
    expect(events()).toEqual([]);
    await preflight.check(context(earlier), undefined, () => Promise.resolve([]));
    expect(preflight.grounds).toBe('tokensExpired');
    await preflight.journalBeforeMaterial(journal, 'Officer', false);
    expect(events()).toEqual(['wrap.repeated']);
  });

  it('refuses a reason that is not one before anything else', async () => {
    const preflight = new RepeatedWrapPreflight();
    const refused = await preflight
      .check(context([earlierWrap(null)]), ' ', () => Promise.resolve([]))
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(refused).toMatchObject({ code: 'WRAP_AGAIN_REASON_INVALID' });
    expect(events()).toEqual([]);
  });
});
