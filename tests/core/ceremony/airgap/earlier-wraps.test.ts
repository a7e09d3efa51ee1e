/**
 * Which sessions of an air-gapped journal finished a wrap (src-main/core/ceremony/airgap/earlier-wraps.ts):
 * only a completed bundle counts (an abandoned or unreceipted one never), each with its own session's
 * custody set and receipt, and online sessions are not counted.
 */
import { describe, expect, it } from 'vitest';
import { finishedWraps } from '../../../../src-main/core/ceremony/airgap/earlier-wraps';
import type { JournalEntry } from '../../../../src-main/core/journal';

const D1 = '1'.repeat(64);
const D2 = '2'.repeat(64);
const B1 = 'b'.repeat(64);

function journal(events: [string, Record<string, unknown>][]): JournalEntry[] {
  return events.map(([event, data], i) => ({
    seq: i + 1,
    time: '2026-12-01T10:00:00.000Z',
    actor: 'Ana',
    event,
    data: data as JournalEntry['data'],
    prev: '0'.repeat(64),
    hash: '0'.repeat(64),
  }));
}

describe('finishedWraps', () => {
  it('lists each completed bundle with its session, receipt and custody set; skips what did not finish', () => {
    const entries = journal([
      ['ceremony.session-started', { side: 'air-gapped' }],
      [
        'custody.split',
        {
          format: 'custody-set',
          backupDigest: B1,
          threshold: 2,
          total: 2,
          holders: [
            { shareIndex: 1, custodian: '赵敏' },
            { shareIndex: 2, custodian: 'Eli' },
          ],
        },
      ],
      ['wrapped-bundle.written', { folder: '/m/w1', manifestSha256: D1 }],
      ['receipt.written', { textFile: 'receipt-1.txt' }],
      ['wrapped-bundle.completed', { folder: '/m/w1', manifestSha256: D1 }],
      // Stopped after the bundle was staged: withdrawn, never completed.
      ['ceremony.session-started', { side: 'air-gapped' }],
      ['custody.split', { backupDigest: 'c'.repeat(64), holders: [] }],
      ['wrapped-bundle.written', { folder: '/m/w2', manifestSha256: D2 }],
      ['ceremony.abandoned', { reason: 'stopped by SIGINT' }],
      ['ceremony.session-started', { side: 'air-gapped' }],
      ['receipt.written', { textFile: 'receipt-3.txt' }],
      ['wrapped-bundle.completed', { folder: '/m/w3', manifestSha256: D2 }],
    ]);
    expect(finishedWraps(entries)).toEqual([
      {
        session: 1,
        bundleDigest: D1,
        folder: '/m/w1',
        receipt: 'receipt-1.txt',
        custody: { backupDigest: B1, custodians: ['赵敏', 'Eli'] },
      },
      { session: 3, bundleDigest: D2, folder: '/m/w3', receipt: 'receipt-3.txt', custody: null },
    ]);
  });

  it('is empty for a journal whose sessions never completed a bundle', () => {
    const entries = journal([
      ['ceremony.session-started', { side: 'air-gapped' }],
      ['preflight.refused', { code: 'PREFLIGHT_FOLDER_NOT_EMPTY' }],
      ['ceremony.session-started', { side: 'online' }],
    ]);
    expect(finishedWraps(entries)).toEqual([]);
  });
});
