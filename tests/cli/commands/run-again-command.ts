/** Test helper: the command a stopped `online import` offers to run again, as the officer would paste it. */
import { expect } from 'vitest';
import { nextCommand } from '../../integration/pasted-shell';

/** The words after `keyferry` of the command the "run the same import" line gives. */
export function runAgainCommand(out: string): string[] {
  const line = out.split('\n').find((l) => l.includes('run the same import'));
  expect(line, `no run-again line in:\n${out}`).toBeDefined();
  return nextCommand(`Next: ${(line as string).slice((line as string).indexOf('keyferry '))}`);
}
