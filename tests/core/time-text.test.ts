/**
 * Times as officers type them (a plan's materialExpiry, --expires, the simulator's clock options):
 * durations in d/h/m/s order up to ten years, date-times only with their zone, and nothing that
 * Date.parse would quietly turn into another moment.
 */
import { describe, expect, it } from 'vitest';
import { MAX_DURATION_MS, parseDuration, parseZonedDateTime } from '../../src-main/core/time-text';

const DAY = 86_400_000;

describe('parseDuration', () => {
  it('reads whole units in d, h, m, s order', () => {
    expect(parseDuration('90d')).toBe(90 * DAY);
    expect(parseDuration('36h')).toBe(36 * 3_600_000);
    expect(parseDuration('1d12h')).toBe(DAY + 12 * 3_600_000);
    expect(parseDuration('45m10s')).toBe(45 * 60_000 + 10_000);
  });

  it('refuses other forms and more than ten years', () => {
    for (const text of ['', '90', 'd', '12h1d', '1.5d', ' 90d', '90D', '-1d', '90 days', 'P90D'])
      expect(parseDuration(text), text).toBeUndefined();
    expect(parseDuration(`${Math.floor(MAX_DURATION_MS / DAY)}d`)).toBe(Math.floor(MAX_DURATION_MS / DAY) * DAY);
    expect(parseDuration(`${Math.floor(MAX_DURATION_MS / DAY) + 1}d`)).toBeUndefined();
    expect(parseDuration('2h', 3_600_000)).toBeUndefined();
  });
});

describe('parseZonedDateTime', () => {
  it('reads a date-time with its zone as the moment it names', () => {
    expect(parseZonedDateTime('2030-01-31T00:00:00Z')).toBe(Date.UTC(2030, 0, 31));
    expect(parseZonedDateTime('2030-01-31T08:00+08:00')).toBe(Date.UTC(2030, 0, 31));
    expect(parseZonedDateTime('2028-02-29T12:30:15.250Z')).toBe(Date.UTC(2028, 1, 29, 12, 30, 15, 250));
  });

  it('refuses local time, dates alone and days or hours the calendar does not have', () => {
    for (const text of [
      '2030-01-31T00:00:00',
      '2030-01-31',
      '2030-02-31T00:00:00Z',
      '2029-02-29T00:00:00Z',
      '2030-04-31T00:00:00Z',
      '2030-13-01T00:00:00Z',
      '2030-01-01T24:00:00Z',
      '2030-01-00T00:00:00Z',
      'tomorrow',
    ])
      expect(parseZonedDateTime(text), text).toBeUndefined();
  });
});
