import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseWholeNumberOption } from '../../src-main/cli/number-option';
import { keyferry } from '../integration/cli-in-process';

describe('whole-number CLI options', () => {
  it('takes a number in range, the fallback when absent, and refuses anything else by name and range', () => {
    expect(parseWholeNumberOption('--concurrency', '4', { min: 1, max: 32 }, 8)).toBe(4);
    expect(parseWholeNumberOption('--concurrency', undefined, { min: 1, max: 32 }, 8)).toBe(8);
    for (const text of ['0', '33', '-1', '4.5', 'eight', '', '1e3']) {
      expect(() => parseWholeNumberOption('--concurrency', text, { min: 1, max: 32 }, 8)).toThrow(
        `--concurrency "${text}" is not a whole number from 1 to 32.`,
      );
    }
  });

  it('online create-key --concurrency 0 stops before any connection with that sentence and what to give', async () => {
    const run = await keyferry(
      [
        'online',
        'create-key',
        '--journal',
        'j.jsonl',
        '--alias',
        'a',
        '--spec',
        'AES_256',
        '--operator',
        'Ana',
        '--witness',
        'Ben',
        '--region',
        'cn-north-4',
        '--project-id',
        'p',
        '--concurrency',
        '0',
      ],
      { cwd: os.tmpdir() },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--concurrency "0" is not a whole number from 1 to 32.');
    expect(run.stderr).toContain('Give --concurrency a whole number from 1 to 32.');
  });
});
