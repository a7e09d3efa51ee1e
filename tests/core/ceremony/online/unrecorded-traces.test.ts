/**
 * The traces a session journaled as it opened (`ceremony.session-unrecorded`), read back for what
 * the command line prints and the app shows: only from the session's first entry on (an earlier
 * session's trace was said then), each with its entry, its reason, the keys of its imports and the
 * creates (alias, a replica's region, the send's entry); an entry not of that form is not a trace.
 */
import { describe, expect, it } from 'vitest';
import { unrecordedTracesFrom } from '../../../../src-main/core/ceremony/online/unrecorded-traces';
import type { JsonObject } from '../../../../src-main/core/journal';
import { journalEntries } from '../../../helpers/journal-entries';

const reason = (key: string) => ({ key, values: { session: 2, from: 2, to: 3, count: 1 } });
const trace = (data: JsonObject) => ['ceremony.session-unrecorded', data] as const;

describe('the traces a session journaled as it opened', () => {
  it('names each from the given entry on, imports by key and creates by alias, place and send', () => {
    const entries = journalEntries([
      ['ceremony.started', {}],
      trace({ reasonPhrase: reason('journal.reason.sent-unrecorded'), keyIds: ['k0'] }),
      ['ceremony.session-started', {}],
      trace({ reasonPhrase: reason('journal.reason.sent-unrecorded'), keyIds: ['k1', 'k2'] }),
      trace({
        reasonPhrase: reason('journal.reason.sent-unrecorded-creates'),
        keyIds: [],
        creates: [
          { alias: 'app/two', seq: 3 },
          { alias: 'app/two', region: 'r2', projectId: 'p2', seq: 3 },
        ],
      }),
      trace({ keyIds: ['not a trace: no reason'] }),
    ]);
    expect(unrecordedTracesFrom(entries, 3)).toEqual([
      { seq: 4, reason: reason('journal.reason.sent-unrecorded'), keyIds: ['k1', 'k2'], creates: [] },
      {
        seq: 5,
        reason: reason('journal.reason.sent-unrecorded-creates'),
        keyIds: [],
        creates: [
          { alias: 'app/two', seq: 3 },
          { alias: 'app/two', region: 'r2', seq: 3 },
        ],
      },
    ]);
    expect(unrecordedTracesFrom(entries, 7)).toEqual([]);
  });
});
