/** Test helper: the command a stopped `online import` offers to run again, as the officer would paste it. */
import { expect } from 'vitest';
import { nextCommand, printedMediaFolder } from '../../integration/pasted-shell';

/**
 * The words after `keyferry` of the command the "run the same import" line gives, its bundle named
 * on the media (`MEDIA/…`), MEDIA replaced by the folder the line after it names, as the officer types it.
 */
export function runAgainCommand(out: string): string[] {
  const lines = out.split('\n');
  const at = lines.findIndex((l) => l.includes('run the same import'));
  expect(at, `no run-again line in:\n${out}`).toBeGreaterThanOrEqual(0);
  const line = lines[at] as string;
  expect(line).toMatch(/ --bundle MEDIA\/\S+ /);
  const media = printedMediaFolder(lines[at + 1] ?? '');
  return nextCommand(`Next: ${line.slice(line.indexOf('keyferry '))}`).map((w) =>
    w.startsWith('MEDIA/') ? `${media}/${w.slice('MEDIA/'.length)}` : w,
  );
}
