/**
 * The answer bookkeeping of imports sent, as the journal replay keeps it per key: a send may have
 * landed until it is recorded taken or refused; the first failure that proves nothing answers it,
 * an unknown outcome is kept as such, and a session that ends without an answer leaves none to come.
 */
import { describe, expect, it } from 'vitest';
import {
  importSentWithToken,
  recordImportFailure,
  recordImportSending,
  recordImportTaken,
  recordSessionEnded,
  type ImportSends,
} from '../../../../src-main/core/ceremony/online/import-answers';

const TOKEN = 'a'.repeat(64);

describe('import answers', () => {
  it('keeps a send as possibly landed with its token, answered by the first failure that proves nothing', () => {
    const key: ImportSends = {};
    recordImportSending(key, TOKEN, 5);
    expect(importSentWithToken(key, TOKEN)).toBe(true);
    expect(importSentWithToken(key, 'b'.repeat(64))).toBe(false);
    recordImportFailure(key, 'KMS.0101', 6);
    recordImportFailure(key, 'KMS.0101', 7);
    expect(key.importAnswer).toEqual({ code: 'KMS.0101', seq: 6, sentSeq: 5 });
    recordImportTaken(key);
    expect(importSentWithToken(key, TOKEN)).toBe(false);
    expect(key.importAnswer).toBeUndefined();
  });

  it('forgets a send the KMS refused, keeps an unknown outcome even with no send on record, and closes a session’s silence', () => {
    const refused: ImportSends = {};
    recordImportSending(refused, TOKEN, 5);
    recordImportFailure(refused, 'KMS.2606', 6);
    expect(refused.importMayHaveLanded).toBe(false);
    const unknown: ImportSends = {};
    recordImportFailure(unknown, 'KMS_IMPORT_OUTCOME_UNKNOWN', 9);
    expect(unknown).toEqual({
      importMayHaveLanded: true,
      importAnswer: { code: 'KMS_IMPORT_OUTCOME_UNKNOWN', seq: 9, sentSeq: null },
    });
    const silent: ImportSends = {};
    recordImportSending(silent, TOKEN, 3);
    recordSessionEnded([silent, refused]);
    expect(silent.importAnswer).toBeNull();
    expect(refused.importAnswer).toBeUndefined();
  });
});
