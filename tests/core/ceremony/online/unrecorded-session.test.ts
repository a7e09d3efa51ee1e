/**
 * The trace of an online session that ended with imports sent and no answer recorded (a kill, a
 * power cut, a journal that could not be written): derived from what the journal holds, and only
 * that. A send is answered on record by the key's import, or by a recorded failure of that import
 * (a refusal, or its answer lost in transit); only the journal's last session is looked at (an
 * earlier one was looked at when the session after it started).
 */
import { describe, expect, it } from 'vitest';
import { unrecordedSessionEntry } from '../../../../src-main/core/ceremony/online/unrecorded-session';
import type { JournalEntry, JsonObject } from '../../../../src-main/core/journal';

/** Entries numbered from 1, with only what the rule reads (event and data). */
function journal(...events: readonly (readonly [string, JsonObject?])[]): JournalEntry[] {
  return events.map(([event, data = {}], i) => ({
    seq: i + 1,
    time: '2026-12-04T10:00:00.000Z',
    actor: 'Ana',
    event,
    data,
    prev: '0'.repeat(64),
    hash: '0'.repeat(64),
  }));
}

const token = { importTokenSha256: 'a'.repeat(64) };
const sending = (keyId: string) => ['key.import-sending', { keyId, ...token }] as const;
const session = ['ceremony.session-started'] as const;

describe('the trace of a session that sent imports and recorded no answer', () => {
  it('names the session, its entries, and each key whose import has no answer on record', () => {
    const entries = journal(['ceremony.started'], session, ['kms.connected'], sending('k1'), sending('k2'), [
      'key.imported',
      { keyId: 'k2' },
    ]);
    expect(unrecordedSessionEntry(entries, 'Ana')).toEqual({
      actor: 'Ana',
      event: 'ceremony.session-unrecorded',
      data: {
        reasonPhrase: { key: 'journal.reason.sent-unrecorded', values: { session: 2, from: 2, to: 6, count: 1 } },
        keyIds: ['k1'],
      },
    });
  });

  it('says nothing when every import sent has its answer or its failure recorded', () => {
    const failed = { step: 'import-key-material', keyId: 'k2', code: 'KMS_IMPORT_OUTCOME_UNKNOWN' };
    const entries = journal(['ceremony.started'], sending('k1'), ['key.imported', { keyId: 'k1' }], sending('k2'), [
      'step.failed',
      failed,
    ]);
    expect(unrecordedSessionEntry(entries, 'Ana')).toBeUndefined();
  });

  it('looks at the last session only, and a failure of another step is no answer', () => {
    expect(unrecordedSessionEntry(journal(['ceremony.started'], sending('k1'), session), 'Ana')).toBeUndefined();
    const describeFailed = ['step.failed', { step: 'describe-key', keyId: 'k1', code: 'KMS_UNREACHABLE' }] as const;
    const trace = unrecordedSessionEntry(journal(['ceremony.started'], sending('k1'), describeFailed), 'Ana');
    expect(trace?.data?.keyIds).toEqual(['k1']);
  });
});
