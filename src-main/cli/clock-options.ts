/**
 * Times and durations for the simulator's clock options (`kms-sim --start-at`, `kms-sim advance
 * --by/--to`): a duration is whole numbers with d, h, m or s (`25h`, `30d`, `1d12h`, at most ten
 * years); a date-time is ISO 8601 with its time zone (`2027-03-01T09:00:00Z`), never local time.
 */
import { KeyferryError } from '../core/errors';
import { MAX_CLOCK_MOVE_MS } from '../core/kms-simulator/clock-control';

const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 } as const;
const DURATION = /^(?:\d{1,6}d)?(?:\d{1,7}h)?(?:\d{1,9}m)?(?:\d{1,10}s)?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

function invalid(option: string, text: string, accepts: 'duration' | 'date' | 'either'): KeyferryError {
  return new KeyferryError('SIM_CLOCK_OPTION_INVALID', { option, text: text.slice(0, 40), accepts });
}

/** A duration in ms, or undefined when `text` is not one. */
function durationMs(text: string): number | undefined {
  if (text === '' || !DURATION.test(text)) return undefined;
  let total = 0;
  for (const [, n, unit] of text.matchAll(/(\d+)([dhms])/g)) total += Number(n) * UNIT_MS[unit as keyof typeof UNIT_MS];
  return total <= MAX_CLOCK_MOVE_MS ? total : undefined;
}

/** `--by`: a duration in ms. */
export function parseDurationOption(option: string, text: string): number {
  const ms = durationMs(text.trim());
  if (ms === undefined) throw invalid(option, text, 'duration');
  return ms;
}

/** `--to`: an ISO 8601 date-time with its zone, as epoch ms. */
export function parseDateTimeOption(option: string, text: string, accepts: 'date' | 'either' = 'date'): number {
  const trimmed = text.trim();
  const at = DATE_TIME.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(at)) throw invalid(option, text, accepts);
  return at;
}

/** `--start-at`: a date-time, or a duration from `now` (`+30d` or `30d`). */
export function parseStartAtOption(option: string, text: string, now: number): number {
  const trimmed = text.trim();
  const ms = durationMs(trimmed.startsWith('+') ? trimmed.slice(1) : trimmed);
  return ms !== undefined ? now + ms : parseDateTimeOption(option, trimmed, 'either');
}

/** An offset people read: `1d 1h 0m`, `45m 10s`, `0s`; negative with a leading minus. */
export function formatOffset(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let rest = Math.round(Math.abs(ms) / 1000);
  const parts: string[] = [];
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
  ] as const) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 || parts.length > 0) parts.push(`${n}${unit}`);
  }
  if (parts.length < 2) parts.push(`${rest}s`);
  return sign + parts.join(' ');
}
