import os from 'node:os';
import { describe, expect, it } from 'vitest';
import {
  parseMillisecondsOption,
  parsePerSecondOption,
  parseWholeNumberOption,
} from '../../src-main/cli/number-option';
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

  it('kms-sim --latency takes 60ms, 2s or bare milliseconds; --throttle takes 20/s or a bare count', () => {
    const ms = { min: 0, max: 60_000 };
    expect(parseMillisecondsOption('--latency', '60ms', ms, 0)).toBe(60);
    expect(parseMillisecondsOption('--latency', '2s', ms, 0)).toBe(2000);
    expect(parseMillisecondsOption('--latency', '60', ms, 0)).toBe(60);
    expect(parseMillisecondsOption('--latency', undefined, ms, 0)).toBe(0);
    for (const text of ['61s', '60 m', '-5ms', 'fast', '1.5s']) {
      expect(() => parseMillisecondsOption('--latency', text, ms, 0)).toThrow(
        `--latency "${text}" is not a time from 0 ms to 60000 ms.`,
      );
    }
    const rate = { min: 1, max: 100_000 };
    expect(parsePerSecondOption('--throttle', '20/s', rate, 0)).toBe(20);
    expect(parsePerSecondOption('--throttle', '20', rate, 0)).toBe(20);
    for (const text of ['0/s', '20/m', 'lots', '20 /s']) {
      expect(() => parsePerSecondOption('--throttle', text, rate, 0)).toThrow(
        `--throttle "${text}" is not a rate from 1 to 100000 requests a second.`,
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
