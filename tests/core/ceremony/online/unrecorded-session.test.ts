/**
 * The trace of an online session that ended with imports or creates sent and no answer recorded (a
 * kill, a power cut, a journal that could not be written): derived from what the journal holds, and
 * only that. An import is answered on record by the key's import, or by a recorded failure of that
 * import (a refusal, or its answer lost in transit); a create by the alias's key.created, or by a
 * recorded failure of that create naming the alias. Every session is looked at: a send no earlier
 * trace names is traced, whichever session sent it, once.
 */
import { describe, expect, it } from 'vitest';
import { unrecordedSessionEntries } from '../../../../src-main/core/ceremony/online/unrecorded-session';
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
    expect(unrecordedSessionEntries(entries, 'Ana')).toEqual([
      {
        actor: 'Ana',
        event: 'ceremony.session-unrecorded',
        data: {
          reasonPhrase: { key: 'journal.reason.sent-unrecorded', values: { session: 2, from: 2, to: 6, count: 1 } },
          keyIds: ['k1'],
        },
      },
    ]);
  });

  it('a session that journaled its stop after the send (Ctrl-C, the app left) is said to be stopped, naming that entry', () => {
    const stopped = ['ceremony.interrupted', { signal: 'SIGINT', stop: 'between-steps' }] as const;
    const entries = journal(['ceremony.started'], session, sending('k1'), stopped, session);
    expect(unrecordedSessionEntries(entries, 'Ana')[0]?.data?.reasonPhrase).toEqual({
      key: 'journal.reason.sent-stopped',
      values: { session: 2, from: 2, to: 4, count: 1, stop: 4 },
    });
    // A stop journaled before the send (and another session after) is not how the sending session ended.
    const before = journal(['ceremony.started'], stopped, session, sending('k1'));
    expect(unrecordedSessionEntries(before, 'Ana')[0]?.data?.reasonPhrase).toEqual({
      key: 'journal.reason.sent-unrecorded',
      values: { session: 2, from: 3, to: 4, count: 1 },
    });
    const create = ['key.create-sending', { alias: 'app/one' }] as const;
    const left = ['ceremony.abandoned', { reason: 'left' }] as const;
    const creates = unrecordedSessionEntries(journal(['ceremony.started'], create, left), 'Ana');
    expect(creates[0]?.data?.reasonPhrase).toMatchObject({ key: 'journal.reason.sent-stopped-creates' });
  });

  it('says nothing when every import sent has its answer or its failure recorded', () => {
    const failed = { step: 'import-key-material', keyId: 'k2', code: 'KMS_IMPORT_OUTCOME_UNKNOWN' };
    const entries = journal(['ceremony.started'], sending('k1'), ['key.imported', { keyId: 'k1' }], sending('k2'), [
      'step.failed',
      failed,
    ]);
    expect(unrecordedSessionEntries(entries, 'Ana')).toEqual([]);
  });

  it('traces a send of an earlier session the sessions after it never looked at, and a failure of another step is no answer', () => {
    // Session 2 of 4 sent; sessions 3 and 4 did not touch k1 and wrote no trace (an older Keyferry opened them).
    const entries = journal(['ceremony.started'], session, sending('k1'), session, session);
    const traces = unrecordedSessionEntries(entries, 'Ana');
    expect(traces.map((t) => t.data)).toEqual([
      {
        reasonPhrase: { key: 'journal.reason.sent-unrecorded', values: { session: 2, from: 2, to: 3, count: 1 } },
        keyIds: ['k1'],
      },
    ]);
    const describeFailed = ['step.failed', { step: 'describe-key', keyId: 'k1', code: 'KMS_UNREACHABLE' }] as const;
    const trace = unrecordedSessionEntries(journal(['ceremony.started'], sending('k1'), describeFailed), 'Ana');
    expect(trace[0]?.data?.keyIds).toEqual(['k1']);
  });

  it('traces a send once: a later session says nothing of a send an earlier trace names', () => {
    const traced = [
      'ceremony.session-unrecorded',
      { reasonPhrase: { key: 'journal.reason.app-closed' }, keyIds: ['k1'] } as JsonObject,
    ] as const;
    expect(
      unrecordedSessionEntries(journal(['ceremony.started'], sending('k1'), traced, session, session), 'Ana'),
    ).toEqual([]);
    // Sent again after the trace and again unanswered: traced again, as the later session's.
    const again = journal(['ceremony.started'], sending('k1'), traced, session, sending('k1'), session);
    expect(unrecordedSessionEntries(again, 'Ana').map((t) => t.data?.keyIds)).toEqual([['k1']]);
  });
});

describe('the trace of a session that sent creates and recorded no answer', () => {
  const createSending = (alias: string, place = {}) => ['key.create-sending', { alias, ...place }] as const;
  const created = (alias: string, place = {}) =>
    [
      'key.created',
      { keyId: `id-${alias}`, alias, spec: 'AES_256', usage: 'ENCRYPT_DECRYPT', description: '', ...place },
    ] as const;
  const replica = { region: 'cn-east-3', projectId: 'p2' };

  it('names each alias whose create has no answer on record, with the entry of its send', () => {
    const entries = journal(
      ['ceremony.started'],
      createSending('pay/a'),
      created('pay/a'),
      createSending('pay/b'),
      createSending('pay/a', replica),
    );
    expect(unrecordedSessionEntries(entries, 'Ana')).toEqual([
      {
        actor: 'Ana',
        event: 'ceremony.session-unrecorded',
        data: {
          reasonPhrase: {
            key: 'journal.reason.sent-unrecorded-creates',
            values: { session: 1, from: 1, to: 5, count: 2 },
          },
          keyIds: [],
          creates: [
            { alias: 'pay/b', seq: 4 },
            { alias: 'pay/a', ...replica, seq: 5 },
          ],
        },
      },
    ]);
  });

  it('takes a create answered by its key, or by a failure of that create naming its alias', () => {
    const refused = ['step.failed', { step: 'create-key', keyId: null, alias: 'pay/b', code: 'KMS.0101' }] as const;
    const entries = journal(
      ['ceremony.started'],
      createSending('pay/a', replica),
      createSending('pay/b'),
      created('pay/a', { replicaOf: 'id-x', ...replica }),
      refused,
    );
    expect(unrecordedSessionEntries(entries, 'Ana')).toEqual([]);
    // A failed create that names no alias (a refusal before sending, or a journal before 2026-12-04) answers none.
    const unnamed = ['step.failed', { step: 'create-key', keyId: null, code: 'KMS.0101' }] as const;
    const left = unrecordedSessionEntries(journal(['ceremony.started'], createSending('pay/b'), unnamed), 'Ana');
    expect(left[0]?.data?.creates).toEqual([{ alias: 'pay/b', seq: 2 }]);
  });

  it('traces an unanswered create of session 2 of 4 once, beside the imports of another session', () => {
    const entries = journal(['ceremony.started'], session, createSending('pay/b'), session, sending('k1'), session);
    const traces = unrecordedSessionEntries(entries, 'Ana').map((t) => t.data);
    expect(traces.map((d) => (d?.reasonPhrase as { values: unknown }).values)).toEqual([
      { session: 2, from: 2, to: 3, count: 1 },
      { session: 3, from: 4, to: 5, count: 1 },
    ]);
    expect(traces.map((d) => [d?.keyIds, d?.creates])).toEqual([
      [[], [{ alias: 'pay/b', seq: 3 }]],
      [['k1'], undefined],
    ]);
    const afterTrace = [
      ...entries,
      ...journal(...unrecordedSessionEntries(entries, 'Ana').map((t) => [t.event, t.data] as const)),
    ];
    const renumbered = afterTrace.map((e, i) => ({ ...e, seq: i + 1 }));
    expect(unrecordedSessionEntries([...renumbered, ...journal(session)], 'Ana')).toEqual([]);
  });
});
