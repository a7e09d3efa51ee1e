/**
 * Which earlier custody sets a new wrap of fresh material replaces whole (src-main/core/ceremony/airgap/earlier-custody-sets.ts):
 * a set is to be destroyed only when every key it backs, every member of a replica group it holds,
 * gets new material from this wrap; a set that also backs another key (its material possibly in the
 * KMS from the earlier bundle) is kept, naming that key; a key the KMS bound to material gets none.
 */
import { describe, expect, it } from 'vitest';
import type { EarlierWrap } from '../../../../src-main/core/ceremony/airgap/earlier-wraps';
import { earlierCustodySets, freshKeyIds } from '../../../../src-main/core/ceremony/airgap/earlier-custody-sets';

const wrapWith = (session: number, digest: string, keyIds: string[]): EarlierWrap => ({
  session,
  bundleDigest: String(session).repeat(64),
  folder: `/m/w${session}`,
  receipt: null,
  custody: { backupDigest: digest.repeat(64), custodians: ['Dana', 'Eli'], keyIds, aliases: new Map() },
  tokensUntil: null,
});

describe('earlierCustodySets', () => {
  it('destroys a set only when this wrap makes new material for every key it backs, and keeps one that backs another key', () => {
    const earlier = [wrapWith(1, 'a', ['k1', 'k2']), wrapWith(2, 'b', ['k2']), wrapWith(3, 'c', [])];
    // Key 2 wrapped again alone: the first set still backs key 1; a set whose keys are not known is kept.
    expect(earlierCustodySets(earlier, ['k2'])).toEqual({
      destroy: ['BBBB BBBB BBBB BBBB…'],
      keep: ['AAAA AAAA AAAA AAAA…', 'CCCC CCCC CCCC CCCC…'],
      keptKeys: [{ keyId: 'k1', alias: undefined }],
    });
    expect(earlierCustodySets(earlier.slice(0, 2), ['k1', 'k2'])).toEqual({
      destroy: ['AAAA AAAA AAAA AAAA…', 'BBBB BBBB BBBB BBBB…'],
      keep: [],
      keptKeys: [],
    });
  });

  it('keeps a set of a replica group when this wrap makes new material for the primary only', () => {
    const earlier = [wrapWith(1, 'a', ['p', 'r'])];
    expect(earlierCustodySets(earlier, ['p'])).toEqual({
      destroy: [],
      keep: ['AAAA AAAA AAAA AAAA…'],
      keptKeys: [{ keyId: 'r', alias: undefined }],
    });
    expect(earlierCustodySets(earlier, ['p', 'r']).destroy).toEqual(['AAAA AAAA AAAA AAAA…']);
  });
});

describe('freshKeyIds', () => {
  it('leaves out a key the KMS bound to material, and the members of its replica group', () => {
    const bound = {
      kind: 'key-check-value' as const,
      method: 'aes-ecb-zero-block' as const,
      keyCheckValue: 'ABCDEF',
      importedSeq: 3,
    };
    expect(
      freshKeyIds([{ keyId: 'k1' }, { keyId: 'k2', boundMaterial: bound }, { keyId: 'k3', replicaOf: 'k2' }]),
    ).toEqual(['k1']);
  });
});
