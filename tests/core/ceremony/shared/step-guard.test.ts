import { describe, expect, it } from 'vitest';
import { StepGuard } from '../../../../src-main/core/ceremony/shared/step-guard';

const TABLE = {
  wrap: { from: ['b'], to: null, doing: 'wrap' },
  go: { from: ['a'], to: 'b', doing: 'go' },
} as const;

describe('step guard', () => {
  it('refuses a step from the wrong state with the next step, and changes nothing', () => {
    const guard = new StepGuard<'a' | 'b', keyof typeof TABLE>('test', 'a', { a: 'Do A first.', b: 'Do B.' }, TABLE);
    expect(() => guard.require('wrap')).toThrow(/Cannot wrap now: the test ceremony is at "a"/);
    try {
      guard.require('wrap');
    } catch (error) {
      expect(error).toMatchObject({ code: 'CEREMONY_STEP_OUT_OF_ORDER', nextStep: 'Do A first.' });
    }
    expect(guard.state).toBe('a');
    guard.require('go');
    guard.advance('b');
    expect(guard.state).toBe('b');
    guard.stop();
    expect(() => guard.require('wrap')).toThrow(expect.objectContaining({ code: 'CEREMONY_STOPPED' }));
  });
});
