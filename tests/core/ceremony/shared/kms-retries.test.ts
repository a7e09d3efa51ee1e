import { describe, expect, it } from 'vitest';
import { kmsRetriesIn } from '../../../../src-main/core/ceremony/shared/kms-retries';
import type { JournalEntry } from '../../../../src-main/core/journal';
import { ONLINE_EVENTS } from '../../../../src-main/core/ceremony/online/events';

const entry = (seq: number, event: string, data: Record<string, unknown> = {}): JournalEntry =>
  ({ seq, event, actor: 'Ana', time: '2026-12-06T10:00:00.000Z', data, prev: '', hash: '' }) as unknown as JournalEntry;

describe('kmsRetriesIn', () => {
  const entries = [
    entry(1, 'kms.retried', { throttled: true, delayMs: 1500 }),
    entry(2, 'kms.retried', { throttled: false, delayMs: 400 }),
    entry(3, 'key.imported'),
    entry(4, 'kms.retried', { throttled: true, delayMs: 700 }),
  ];

  it('counts every retry, the throttled ones and their waits', () => {
    expect(kmsRetriesIn(entries)).toEqual({ count: 3, throttled: 2, throttledWaitMs: 2200 });
  });

  it('reads the event the online side journals', () => {
    expect(kmsRetriesIn([entry(1, ONLINE_EVENTS.kmsRetried, { throttled: true })]).throttled).toBe(1);
  });

  it('counts from an entry on (one run of a journal)', () => {
    expect(kmsRetriesIn(entries, 3)).toEqual({ count: 1, throttled: 1, throttledWaitMs: 700 });
    expect(kmsRetriesIn([entry(1, 'key.imported')])).toEqual({ count: 0, throttled: 0, throttledWaitMs: 0 });
  });
});
