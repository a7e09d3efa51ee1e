/** The simulator clock's options: durations and zoned date-times in, a readable offset out. */
import { describe, expect, it } from 'vitest';
import {
  formatOffset,
  parseDateTimeOption,
  parseDurationOption,
  parseStartAtOption,
} from '../../src-main/cli/clock-options';

const H = 3_600_000;

describe('simulator clock options', () => {
  it('reads durations of whole d, h, m and s, up to ten years', () => {
    expect(parseDurationOption('--by', '25h')).toBe(25 * H);
    expect(parseDurationOption('--by', '1d12h')).toBe(36 * H);
    expect(parseDurationOption('--by', '90m30s')).toBe(90 * 60_000 + 30_000);
    expect(parseDurationOption('--by', '3660d')).toBe(3660 * 24 * H);
    for (const bad of ['', '1x', '-5h', '1.5h', 'h', '12h1d', '3661d'])
      expect(() => parseDurationOption('--by', bad)).toThrow(/--by ".*" is not a duration/);
  });

  it('reads date-times only with their zone, never local time', () => {
    expect(parseDateTimeOption('--to', '2027-03-01T09:00:00Z')).toBe(Date.UTC(2027, 2, 1, 9));
    expect(parseDateTimeOption('--to', '2027-03-01T17:00+08:00')).toBe(Date.UTC(2027, 2, 1, 9));
    for (const bad of ['2027-03-01T09:00:00', '2027-03-01', 'tomorrow', '2027-13-01T00:00:00Z'])
      expect(() => parseDateTimeOption('--to', bad)).toThrow(/is not a date-time with its time zone/);
  });

  it('--start-at takes either, a duration counting from now', () => {
    const now = Date.UTC(2026, 10, 30);
    expect(parseStartAtOption('--start-at', '+30d', now)).toBe(now + 30 * 24 * H);
    expect(parseStartAtOption('--start-at', '25h', now)).toBe(now + 25 * H);
    expect(parseStartAtOption('--start-at', '2027-01-01T00:00:00Z', now)).toBe(Date.UTC(2027, 0, 1));
    expect(() => parseStartAtOption('--start-at', 'yesterday', now)).toThrow(/nor a duration/);
  });

  it('prints offsets people read', () => {
    expect(formatOffset(0)).toBe('0s');
    expect(formatOffset(25 * H)).toBe('1d 1h 0m');
    expect(formatOffset(45 * 60_000 + 10_000)).toBe('45m 10s');
    expect(formatOffset(-2 * H)).toBe('-2h 0m');
  });
});
