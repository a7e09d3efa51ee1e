/**
 * namedKeyPhrase: a key named as online status names it, in either language: a primary by alias and
 * key id, a replica with its region too (its alias is its primary's).
 */
import { describe, expect, it } from 'vitest';
import { namedKeyPhrase } from '../../../../src-main/core/ceremony/online/named-key-phrase';
import { english, translator } from '../../../../src-main/i18n/translate';

describe('namedKeyPhrase', () => {
  it('names a replica with its region and a primary without, in English and in Chinese', () => {
    const replica = namedKeyPhrase({
      alias: 'g/aes',
      keyId: 'k-2',
      target: { region: 'cn-south-1', projectId: 'p2' },
    });
    expect(english.message(replica)).toBe('g/aes (k-2, the replica in cn-south-1)');
    expect(translator('zh-CN').message(replica)).toBe('g/aes（k-2，位于 cn-south-1 的副本）');
    expect(english.message(namedKeyPhrase({ alias: 'g/aes', keyId: 'k-1' }))).toBe('g/aes (k-1)');
  });
});
