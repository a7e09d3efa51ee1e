import { describe, expect, it } from 'vitest';
import { isLookEntry, laterLooks } from '../../../../src-main/core/ceremony/online/status-looks';
import type { JournalEntry } from '../../../../src-main/core/journal';

const entry = (seq: number, event: string, data: Record<string, string> = {}): JournalEntry =>
  ({
    seq,
    event,
    actor: 'Ana',
    ts: '2026-12-06T10:00:00.000Z',
    data,
    prev: '',
    hash: '',
  }) as unknown as JournalEntry;

describe('laterLooks', () => {
  it('counts the sessions of entries that only looked at the keys', () => {
    const events = ['ceremony.session-started', 'kms.connected', 'key.status-read', 'key.verified'];
    expect(laterLooks([...events, ...events, 'kms.retried'].map((e, i) => entry(i + 1, e)))).toEqual({
      sessions: 2,
      unfinished: 0,
    });
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

  it('counts a session that changed nothing before it ended: its connection failed, or a status stopped while proving', () => {
    const look = ['ceremony.session-started', 'kms.connected', 'key.status-read', 'key.verified'].map((e, i) =>
      entry(i + 1, e),
    );
    // A trial: the KMS could not be reached for one status; the receipt's check said NOT OK for ever after.
    const unreachable = [
      entry(5, 'ceremony.session-started'),
      entry(6, 'kms.retried'),
      entry(7, 'step.failed', { step: 'connect', code: 'KMS_CONNECTION_REFUSED' }),
    ];
    expect(laterLooks([...look, ...unreachable])).toEqual({ sessions: 2, unfinished: 1 });
    // Ctrl-C while a status proved the keys it had read.
    const stopped = [...look.map((e) => entry(e.seq + 7, e.event)), entry(12, 'ceremony.interrupted')];
    expect(laterLooks([...look, ...unreachable, ...stopped])).toEqual({ sessions: 3, unfinished: 2 });
  });

  it('does not count a failure after the connection, nor a stop of a session that read no key states', () => {
    const failedLater = [
      entry(1, 'ceremony.session-started'),
      entry(2, 'kms.connected'),
      entry(3, 'step.failed', { step: 'import', code: 'KMS.2601' }),
    ];
    expect(laterLooks(failedLater)).toBeUndefined();
    // A stop after connecting only: another step (parameters being fetched, say) may have been under way.
    const stoppedEarly = [
      entry(1, 'ceremony.session-started'),
      entry(2, 'kms.connected'),
      entry(3, 'ceremony.interrupted'),
    ];
    expect(laterLooks(stoppedEarly)).toBeUndefined();
    expect(isLookEntry(entry(1, 'key.verified'))).toBe(true);
    expect(isLookEntry(entry(1, 'step.failed'))).toBe(false);
  });
});
