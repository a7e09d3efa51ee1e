/**
 * What the connection step shows when opening the online journal traced an earlier session's sends
 * with no answer recorded (core/ceremony/online/unrecorded-traces.ts): the same facts the command
 * line prints as its session starts, each key named by its alias (the renderer sees no journal).
 */
import type { JournaledKey } from '../../core/ceremony/online/types';
import { unrecordedTracesFrom } from '../../core/ceremony/online/unrecorded-traces';
import type { JournalEntry } from '../../core/journal';
import type { Connection } from '../contract';

/** Every trace journaled from entry `fromSeq` on, with plain copies of its lists; `keys` names each key. */
export function unrecordedSessionsView(
  entries: readonly JournalEntry[],
  fromSeq: number,
  keys: readonly JournaledKey[],
): Connection['unrecordedSessions'] {
  const byId = new Map(keys.map((k) => [k.keyId, k]));
  return unrecordedTracesFrom(entries, fromSeq).map((trace) => ({
    seq: trace.seq,
    reason: { key: trace.reason.key, ...(trace.reason.values ? { values: { ...trace.reason.values } } : {}) },
    keys: trace.keyIds.map((keyId) => {
      const key = byId.get(keyId);
      return key
        ? { keyId, alias: key.alias, replicaOf: key.replicaOf, region: key.region }
        : { keyId, alias: keyId, replicaOf: null, region: '' };
    }),
    creates: trace.creates.map((c) => ({ ...c })),
  }));
}
