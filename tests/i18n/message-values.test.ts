/**
 * src-main/i18n/message-values.ts is generated from the English catalogue (scripts/message-values.ts)
 * and is what the type checker checks `t('key', values)` against: it must be what the script writes
 * now. The `@ts-expect-error` lines below must stay errors, or the type check fails
 * (tests/i18n/typed-keys.test.ts has the basic cases).
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { selectedProblem } from '../../src-main/core/errors';
import { translator } from '../../src-main/i18n/translate';
import { MESSAGE_VALUES_FILE, REGENERATE_COMMAND, messageValuesSource } from '../../scripts/message-values';

function compileTimeChecks(): void {
  const { t } = translator('en');
  // A date takes a Date or epoch milliseconds; a plain value a string or a number.
  t('app.mode-badge', { mode: 'rehearsal' });
  // @ts-expect-error a select value is a string, not a number
  t('app.mode-badge', { mode: 1 });
  // @ts-expect-error a misspelt value name does not compile
  t('activity.running', { acton: 'Wrap' });
  // @ts-expect-error a message without values takes none
  t('activity.dismiss', { extra: 1 });
  // A value named only inside a select branch is still checked (WRAPPING_KEY_WEAK: bits inside `size {…}`).
  selectedProblem('WRAPPING_KEY_WEAK', { fingerprint: 'ab12', weakness: 'size', bits: 1024 });
  // @ts-expect-error a value inside a branch keeps its kind
  selectedProblem('WRAPPING_KEY_WEAK', { fingerprint: 'ab12', weakness: 'size', bits: {} });
}

describe('the message-values table', () => {
  it('is what scripts/message-values.ts writes from the English catalogue now', async () => {
    const written = await readFile(MESSAGE_VALUES_FILE, 'utf8');
    expect(
      written === messageValuesSource(),
      `src-main/i18n/message-values.ts is out of date with the English catalogue: run ${REGENERATE_COMMAND} and commit the file`,
    ).toBe(true);
    expect(typeof compileTimeChecks).toBe('function');
  });
});
