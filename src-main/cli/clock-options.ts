/**
 * Times and durations for the simulator's clock options (`kms-sim --start-at`, `kms-sim advance
 * --by/--to`): a duration is whole numbers with d, h, m or s (`25h`, `30d`, `1d12h`, at most ten
 * years); a date-time is ISO 8601 with its time zone (`2027-03-01T09:00:00Z`), never local time.
 */
import { KeyferryError } from '../core/errors';
import { parseDuration, parseZonedDateTime } from '../core/time-text';
import { MAX_CLOCK_MOVE_MS } from '../core/kms-simulator/clock-control';

function invalid(option: string, text: string, accepts: 'duration' | 'date' | 'either'): KeyferryError {
  return new KeyferryError('SIM_CLOCK_OPTION_INVALID', { option, text: text.slice(0, 40), accepts });
}

/** A duration in ms (at most the longest clock move), or undefined when `text` is not one. */
const durationMs = (text: string): number | undefined => parseDuration(text, MAX_CLOCK_MOVE_MS);

/** `--by`: a duration in ms. */
export function parseDurationOption(option: string, text: string): number {
  const ms = durationMs(text.trim());
  if (ms === undefined) throw invalid(option, text, 'duration');
  return ms;
}

/** `--to`: an ISO 8601 date-time with its zone, as epoch ms. */
export function parseDateTimeOption(option: string, text: string, accepts: 'date' | 'either' = 'date'): number {
  const at = parseZonedDateTime(text.trim());
  if (at === undefined) throw invalid(option, text, accepts);
  return at;
}

/** `--start-at`: a date-time, or a duration from `now` (`+30d` or `30d`). */
export function parseStartAtOption(option: string, text: string, now: number): number {
  const trimmed = text.trim();
  const ms = durationMs(trimmed.startsWith('+') ? trimmed.slice(1) : trimmed);
  return ms !== undefined ? now + ms : parseDateTimeOption(option, trimmed, 'either');
}

/**
 * A simulator clock's offset from this computer's as a message's `offset` and `direction`: "45m 10s
 * behind", never "-45m 10s ahead" (a simulator started with --start-at in the past).
 */
export function offsetValues(ms: number): { offset: string; direction: 'ahead' | 'behind' } {
  return { offset: formatOffset(Math.abs(ms)), direction: ms < 0 ? 'behind' : 'ahead' };
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
