/**
 * Keys and values are checked by the type checker (`npm run typecheck` compiles this file):
 * the `@ts-expect-error` lines below must stay errors, or the type check fails.
 */
import { describe, expect, it } from 'vitest';
import { KeyferryError } from '../../src-main/core/errors';
import { translator } from '../../src-main/i18n/translate';

function compileTimeChecks(): void {
  const { t } = translator('en');
  t('activity.dismiss');
  t('progress.wrap-key', { n: 1, total: 2 });
  // @ts-expect-error a misspelt key does not compile
  t('activity.dismis');
  // @ts-expect-error a missing value does not compile
  t('progress.wrap-key', { n: 1 });
  // @ts-expect-error a value of the wrong kind does not compile (plural needs a number)
  t('progress.generated', { count: 'three' });
  // @ts-expect-error a coded problem needs its values
  new KeyferryError('CLI_UNKNOWN_LANGUAGE');
  // @ts-expect-error a code that has catalogue texts no longer takes English sentences
  new KeyferryError('CLI_UNKNOWN_LANGUAGE', 'Unknown language.', 'Use en.');
  new KeyferryError('NOT_YET_IN_THE_CATALOGUE', 'Still compiles.', 'Until it gets its texts.');
}

describe('typed catalogue keys', () => {
  it('compiles only with known keys and the values each needs (see the type check)', () => {
    expect(typeof compileTimeChecks).toBe('function');
  });
});
