import { describe, expect, it } from 'vitest';
import { StepGuard } from '../../../../src-main/core/ceremony/shared/step-guard';

describe('step guard', () => {
  it('refuses a step from the wrong state with the next step, and changes nothing', () => {
    const guard = new StepGuard<'a' | 'b'>('test', 'a', { a: 'Do A first.', b: 'Do B.' });
    expect(() => guard.require('wrap', ['b'])).toThrow(/Cannot wrap now: the test ceremony is at "a"/);
    try {
      guard.require('wrap', ['b']);
    } catch (error) {
      expect(error).toMatchObject({ code: 'CEREMONY_STEP_OUT_OF_ORDER', nextStep: 'Do A first.' });
    }
    expect(guard.state).toBe('a');
    guard.require('go', ['a']);
    guard.advance('b');
    expect(guard.state).toBe('b');
  });
});
