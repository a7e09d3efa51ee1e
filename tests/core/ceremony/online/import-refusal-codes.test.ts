/**
 * An import failure proves a refusal (the send did not take effect) only for the KMS's own refusals
 * of that request and Keyferry's refusals after describe-key found the key still Pending import;
 * a lost answer, KMS.0101, KMS.0310 or an unnamed HTTP 400 prove nothing.
 */
import { describe, expect, it } from 'vitest';
import { refusedImportRequest } from '../../../../src-main/core/ceremony/online/import-refusal-codes';

describe('import failures that prove the KMS refused the request', () => {
  it('takes KMS.26xx, KMS.0309, KMS.0311 and the refusals made after the key was seen still Pending import', () => {
    for (const code of [
      'KMS.2601',
      'KMS.2606',
      'KMS.0309',
      'KMS.0311',
      'KMS_IMPORT_TOKEN_EXPIRED',
      'KMS_IMPORT_NOT_APPLIED',
    ])
      expect(refusedImportRequest(code), code).toBe(true);
  });

  it('takes nothing else as proof', () => {
    for (const code of ['KMS.0310', 'KMS.0101', 'HTTP_400', 'KMS_IMPORT_OUTCOME_UNKNOWN', 'KMS.2600x', 'xKMS.2601'])
      expect(refusedImportRequest(code), code).toBe(false);
  });
});
