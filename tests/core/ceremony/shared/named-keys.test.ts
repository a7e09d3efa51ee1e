/** Keys named in a refusal: alias and key id each, as one list the reader's language joins. */
import { describe, expect, it } from 'vitest';
import { namedKeysValue } from '../../../../src-main/core/ceremony/shared/named-keys';
import { translator } from '../../../../src-main/i18n/translate';

describe('namedKeysValue', () => {
  it('names each key by alias and id, in English and Chinese', () => {
    const value = namedKeysValue([
      { alias: 'app/db', keyId: 'k-1' },
      { alias: 'app/logs', keyId: 'k-2' },
    ]);
    const values = { keyId: 'x', reason: 'unknown', aliasKeysList: namedKeysValue([]), count: 2, keysList: value };
    expect(
      translator('en').problem({ code: 'PARAMETERS_KEY_NOT_WAITING', message: '', nextStep: '', values }).nextStep,
    ).toBe('Choose among the keys waiting for parameters: app/db (k-1), app/logs (k-2).');
    expect(
      translator('zh-CN').problem({ code: 'PARAMETERS_KEY_NOT_WAITING', message: '', nextStep: '', values }).nextStep,
    ).toContain('app/db (k-1)');
  });
});
