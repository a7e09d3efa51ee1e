/**
 * Times as people type them, one parser each for the simulator's clock options (`kms-sim advance
 * --by/--to`, `--start-at`) and a material expiry (a plan's `materialExpiry`, `--expires`):
 * a duration is whole numbers with d, h, m or s, in that order (`90d`, `25h`, `1d12h`, `45m10s`),
 * at most ten years; a date-time is ISO 8601 with its time zone (`2030-01-31T00:00:00Z`), never
 * local time.
 */

/** The longest duration accepted: ten years of 366 days. */
export const MAX_DURATION_MS = 10 * 366 * 24 * 60 * 60 * 1000;

const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 } as const;
const DURATION = /^(?:\d{1,6}d)?(?:\d{1,7}h)?(?:\d{1,9}m)?(?:\d{1,10}s)?$/;

/** `text` as milliseconds, or undefined when it is not a duration (or is longer than `maxMs`). */
export function parseDuration(text: string, maxMs: number = MAX_DURATION_MS): number | undefined {
  if (text === '' || !DURATION.test(text)) return undefined;
  let total = 0;
  for (const [, n, unit] of text.matchAll(/(\d+)([dhms])/g)) total += Number(n) * UNIT_MS[unit as keyof typeof UNIT_MS];
  return total <= maxMs ? total : undefined;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** True when `text` is written as a date-time with its zone (whether or not that moment exists). */
export function hasDateTimeForm(text: string): boolean {
  return DATE_TIME.test(text);
}

/**
 * An ISO 8601 date-time with its zone as epoch ms, or undefined when `text` is not one. A day the
 * month does not have (`2030-02-31`) or hour 24 is refused: Date.parse would roll it into the next
 * month or day, and an expiry typed wrong must not become another moment quietly.
 */
export function parseZonedDateTime(text: string): number | undefined {
  if (!DATE_TIME.test(text)) return undefined;
  const [year, month, day, hour] = text.slice(0, 13).split(/[-T]/).map(Number) as [number, number, number, number];
  const calendarDay = new Date(Date.UTC(year, month - 1, day));
  if (calendarDay.getUTCMonth() !== month - 1 || calendarDay.getUTCDate() !== day || hour > 23) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : at;
}
