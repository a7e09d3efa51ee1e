/** Which KMS holds the ceremony's keys, read from the journal's connection entries (kms-connection.ts). */
import { describe, expect, it } from 'vitest';
import { kmsConnectionIn } from '../../../../src-main/core/ceremony/shared/kms-connection';
import type { JournalEntry } from '../../../../src-main/core/journal';
import { ONLINE_EVENTS } from '../../../../src-main/core/ceremony/online/events';

const entry = (seq: number, event: string, data: Record<string, unknown> = {}): JournalEntry =>
  ({ seq, event, actor: 'Ana', time: '2026-12-06T10:00:00.000Z', data, prev: '', hash: '' }) as unknown as JournalEntry;

const connected = (seq: number, projectId: string, accessKeyHint?: string | null) =>
  entry(seq, ONLINE_EVENTS.connected, {
    endpoint: 'https://kms.cn-north-4.myhuaweicloud.com',
    region: 'cn-north-4',
    projectId,
    keysVisible: 3,
    ...(accessKeyHint === undefined ? {} : { credentials: { source: 'environment', accessKeyHint } }),
  });

describe('kmsConnectionIn', () => {
  it('reads the last connection the online side journaled, with the access key shortened', () => {
    const entries = [
      connected(2, 'p-first', 'O68F…0EY9'),
      entry(3, 'key.created'),
      connected(9, 'p-last', 'AK12…XY34'),
    ];
    expect(kmsConnectionIn(entries)).toEqual({
      endpoint: 'https://kms.cn-north-4.myhuaweicloud.com',
      region: 'cn-north-4',
      projectId: 'p-last',
      accessKeyHint: 'AK12…XY34',
    });
  });

  it('says no access key for a token or where none was recorded, and nothing without a connection', () => {
    expect(kmsConnectionIn([connected(1, 'p', null)])?.accessKeyHint).toBeNull();
    expect(kmsConnectionIn([connected(1, 'p')])?.accessKeyHint).toBeNull();
    expect(kmsConnectionIn([entry(1, 'ceremony.started')])).toBeUndefined();
    // A damaged entry is not taken for a connection.
    expect(kmsConnectionIn([entry(1, ONLINE_EVENTS.connected, { endpoint: 5 })])).toBeUndefined();
  });
});
