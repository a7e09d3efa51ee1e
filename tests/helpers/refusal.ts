/**
 * Test helper: the KeyferryError `run` throws, for a test to read its code, message and next step;
 * any other error is thrown on, and a run that throws nothing fails the test.
 */
import { KeyferryError } from '../../src-main/core/errors';

export function refusal(run: () => unknown): KeyferryError {
  try {
    run();
  } catch (error) {
    if (error instanceof KeyferryError) return error;
    throw error;
  }
  throw new Error('expected a refusal, but it passed');
}
