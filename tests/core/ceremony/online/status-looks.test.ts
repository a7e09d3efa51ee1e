import { describe, expect, it } from 'vitest';
import { laterLooks } from '../../../../src-main/core/ceremony/online/status-looks';
import type { JournalEntry } from '../../../../src-main/core/journal';

const entry = (seq: number, event: string): JournalEntry =>
  ({
    seq,
    event,
    actor: 'Ana',
    ts: '2026-12-06T10:00:00.000Z',
    data: {},
    prev: '',
    hash: '',
  }) as unknown as JournalEntry;

describe('laterLooks', () => {
  it('counts the sessions of entries that only looked at the keys', () => {
    const events = ['ceremony.session-started', 'kms.connected', 'key.status-read', 'key.verified'];
    expect(laterLooks([...events, ...events, 'kms.retried'].map((e, i) => entry(i + 1, e)))).toEqual({ sessions: 2 });
  });

  it('is undefined for nothing, or when any entry did more than look (an import, a deletion, a failed proof, a stop)', () => {
    expect(laterLooks([])).toBeUndefined();
    for (const other of ['key.imported', 'key.material-deleted', 'key.verify-failed', 'ceremony.interrupted'])
      expect(laterLooks([entry(1, 'ceremony.session-started'), entry(2, other)])).toBeUndefined();
  });

  it('is undefined for a session that read no key states: another step refused or stopped before it journaled anything', () => {
    const look = ['ceremony.session-started', 'kms.connected', 'key.status-read', 'key.verified'];
    const connectedOnly = ['ceremony.session-started', 'kms.connected', 'kms.retried'];
    expect(laterLooks([...look, ...connectedOnly].map((e, i) => entry(i + 1, e)))).toBeUndefined();
    expect(laterLooks(connectedOnly.map((e, i) => entry(i + 1, e)))).toBeUndefined();
    // Entries that do not start with a session are not a later run's.
    expect(laterLooks(['key.status-read', 'key.verified'].map((e, i) => entry(i + 1, e)))).toBeUndefined();
  });
});
