/**
 * The sources of the digest that pins a wrapped-material bundle, one list for the journal, the core
 * and the app: the app's check request and the journal's check entry accept exactly these, and a
 * journal entry written before the field existed still reads.
 */
import { describe, expect, it } from 'vitest';
import { WRAPPED_DIGEST_SOURCES } from '../../../../src-main/core/ceremony/online/wrapped-digest-sources';
import { wrappedCheckedData } from '../../../../src-main/core/ceremony/online/events';
import { checkWrappedRequestSchema } from '../../../../src-main/ipc/schemas/online';

const request = (digestSource: string) => ({ folder: '/media/usb/wrapped', expectedDigest: 'AB', digestSource });
const entry = (digestSource?: string) => ({
  folder: 'wrapped',
  manifestSha256: 'a'.repeat(64),
  ...(digestSource ? { digestSource } : {}),
  keys: [],
});

describe('wrapped-bundle digest sources', () => {
  it('are the receipt typed by the operator and, in a rehearsal, the rehearsal’s own air-gapped side', () => {
    expect(WRAPPED_DIGEST_SOURCES).toEqual(['air-gapped-receipt', 'rehearsal-air-gapped-side']);
  });

  it('the app’s request and the journal’s entry take each of them and nothing else', () => {
    for (const source of WRAPPED_DIGEST_SOURCES) {
      expect(checkWrappedRequestSchema.safeParse(request(source)).success).toBe(true);
      expect(wrappedCheckedData.safeParse(entry(source)).success).toBe(true);
    }
    expect(checkWrappedRequestSchema.safeParse(request('typed-by-anyone')).success).toBe(false);
    expect(wrappedCheckedData.safeParse(entry('typed-by-anyone')).success).toBe(false);
    // Journals written before the digest was required have no source.
    expect(wrappedCheckedData.safeParse(entry()).success).toBe(true);
  });
});
