/**
 * A create run again after a send of it the journal holds no answer to: the send's entry and that of
 * the trace naming it are what the found key (key.created `sent`) or the create sent again
 * (key.create-sending `retryOfSeq`, `unrecordedSeq`) journals. A send answered by its key, or by a
 * failure of that create naming the alias, is no unanswered send.
 */
import { describe, expect, it } from 'vitest';
import { createRetryData, unrecordedCreateOf } from '../../../../src-main/core/ceremony/online/unrecorded-create';
import { journalEntries } from '../../../helpers/journal-entries';

const journal = (...events: readonly (readonly [string, Record<string, unknown>])[]) => journalEntries(events);

const started = ['ceremony.started', {}] as const;
const sending = ['key.create-sending', { alias: 'pay/a' }] as const;
const trace = [
  'ceremony.session-unrecorded',
  {
    reasonPhrase: { key: 'journal.reason.app-closed' },
    keyIds: [],
    creates: [{ alias: 'pay/a', seq: 2 }],
  },
] as const;

describe('the unanswered send of a create run again', () => {
  it('names the last send with no answer and the trace that named it', () => {
    expect(unrecordedCreateOf(journal(started, sending, trace), 'pay/a')).toEqual({ seq: 2, unrecordedSeq: 3 });
    expect(unrecordedCreateOf(journal(started, sending), 'pay/a')).toEqual({ seq: 2 });
    expect(createRetryData({ seq: 2, unrecordedSeq: 3 })).toEqual({ retryOfSeq: 2, unrecordedSeq: 3 });
    expect(createRetryData(undefined)).toEqual({});
  });

  it('finds none for another place, or a send answered by its key or by a failure naming the alias', () => {
    expect(unrecordedCreateOf(journal(started, sending), 'pay/a@cn-east-3/p2')).toBeUndefined();
    const created = [
      'key.created',
      { keyId: 'k', alias: 'pay/a', spec: 'AES_256', usage: 'ENCRYPT_DECRYPT', description: '' },
    ] as const;
    expect(unrecordedCreateOf(journal(started, sending, created), 'pay/a')).toBeUndefined();
    const refused = ['step.failed', { step: 'create-key', keyId: null, alias: 'pay/a', code: 'KMS.0101' }] as const;
    expect(unrecordedCreateOf(journal(started, sending, refused), 'pay/a')).toBeUndefined();
  });
});
