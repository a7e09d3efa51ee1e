/**
 * Moments as Keyferry prints them, the same on receipts, in messages and on the CLI: the
 * workstation's wall clock with its offset (and zone name) in the reader's language, then the same
 * moment in UTC; a workstation that keeps UTC prints it once. Never raw ISO 8601.
 * Renderer-safe: imports nothing but a type.
 */
import type { Translator } from './translate';

/** A wall clock: a moment, the offset from UTC there, and the IANA zone name when known. */
export interface WallClock {
  readonly at: Date;
  /** Offset from UTC at `at`, in minutes (east positive: UTC+02:00 → 120). */
  readonly utcOffsetMinutes: number;
  /** IANA zone name when known, e.g. `Europe/Berlin`. */
  readonly timeZone?: string;
}

type MomentLocale = 'en' | 'zh-CN' | 'en-XA';

/** `2025-03-01 09:30:00 UTC` */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function zoneOf(clock: WallClock): string {
  const offset = clock.utcOffsetMinutes;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** `2025-03-01 10:30:00 UTC+01:00 (Europe/Berlin)`: the workstation's wall clock and offset. */
function formatLocal(clock: WallClock): string {
  const wall = new Date(clock.at.getTime() + clock.utcOffsetMinutes * 60_000)
    .toISOString()
    .slice(0, 19)
    .replace('T', ' ');
  const zone = zoneOf(clock);
  return clock.timeZone ? `${wall} ${zone} (${clock.timeZone})` : `${wall} ${zone}`;
}

/** Chinese long dates (`2025年3月1日`) of a wall clock's digits: made at the first Chinese moment, then kept. */
let chineseDate: Intl.DateTimeFormat | undefined;

/**
 * The wall clock in `locale`'s own date form: English keeps `formatLocal`'s digits; Chinese
 * writes `2025年3月1日 10:30:05 UTC+01:00（Europe/Berlin）`. The offset is always printed.
 */
export function formatLocalIn(locale: MomentLocale, clock: WallClock): string {
  if (locale !== 'zh-CN') return formatLocal(clock);
  const wall = new Date(clock.at.getTime() + clock.utcOffsetMinutes * 60_000);
  chineseDate ??= new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeZone: 'UTC' });
  const date = chineseDate.format(wall);
  const time = wall.toISOString().slice(11, 19);
  return `${date} ${time} ${zoneOf(clock)}${clock.timeZone ? `（${clock.timeZone}）` : ''}`;
}

/**
 * This workstation's zone name. Asking makes a date formatter, which costs more than the rest of a
 * moment (a 100-key receipt asks for every entry it dates), so in Node, where the zone changes only
 * with the TZ variable, the answer is kept until TZ changes; elsewhere (the renderer) it is asked anew.
 */
function workstationZone(): string {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  if (env === undefined) return Intl.DateTimeFormat().resolvedOptions().timeZone;
  const tz = env.TZ;
  if (keptZone === undefined || keptZone.tz !== tz) {
    keptZone = { tz, zone: Intl.DateTimeFormat().resolvedOptions().timeZone };
  }
  return keptZone.zone;
}
let keptZone: { readonly tz: string | undefined; readonly zone: string } | undefined;

/** This workstation's clock at `at`. */
export function workstationClock(at: Date = new Date()): WallClock {
  return { at, utcOffsetMinutes: -at.getTimezoneOffset(), timeZone: workstationZone() };
}

/** Zones' offset formatters, made once per zone: making one costs far more than formatting with it. */
const OFFSET_FORMATS = new Map<string, Intl.DateTimeFormat | undefined>();
const MAX_OFFSET_FORMATS = 64;

/** The formatter of `timeZone`'s offset (undefined when the zone is unknown here). */
function offsetFormat(timeZone: string): Intl.DateTimeFormat | undefined {
  if (OFFSET_FORMATS.has(timeZone)) return OFFSET_FORMATS.get(timeZone);
  let format: Intl.DateTimeFormat | undefined;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  } catch {
    format = undefined;
  }
  if (OFFSET_FORMATS.size >= MAX_OFFSET_FORMATS) OFFSET_FORMATS.clear();
  OFFSET_FORMATS.set(timeZone, format);
  return format;
}

/** Offset from UTC of IANA zone `timeZone` at `at`, in minutes (undefined when the zone is unknown here). */
function offsetIn(timeZone: string, at: Date): number | undefined {
  try {
    const name = offsetFormat(timeZone)
      ?.formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value;
    const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? '');
    if (!match) return undefined;
    return match[1] ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  } catch {
    return undefined;
  }
}

/**
 * The clock of `zone` (a receipt's workstation) at another moment `at` (a journal entry's): its
 * zone's offset then (summer time differs), or the zone's fixed offset when its name is not known.
 */
function clockAt(zone: WallClock, at: Date): WallClock {
  const offset = zone.timeZone ? offsetIn(zone.timeZone, at) : undefined;
  return { ...zone, at, utcOffsetMinutes: offset ?? zone.utcOffsetMinutes };
}

const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Universal', 'Etc/Zulu', 'Zulu']);

/** True when the clock keeps UTC itself (its local time would repeat the UTC one). */
function keepsUtc(clock: WallClock): boolean {
  return clock.utcOffsetMinutes === 0 && (clock.timeZone === undefined || UTC_ZONES.has(clock.timeZone));
}

/**
 * `2026-12-02 12:13:15 UTC+08:00 (Asia/Shanghai) (2026-12-02 04:13:15 UTC)`, in Chinese
 * `2026年12月2日 12:13:15 UTC+08:00（Asia/Shanghai）（2026-12-02 04:13:15 UTC）`; on a workstation
 * that keeps UTC, `2026-12-02 04:13:15 UTC` alone. `clock` defaults to this workstation's at `at`.
 */
export function momentText(locale: MomentLocale, at: Date | number | string, clock?: WallClock): string {
  const moment = new Date(at);
  if (Number.isNaN(moment.getTime())) return String(at);
  const wall = clock ? clockAt(clock, moment) : workstationClock(moment);
  const utc = formatUtc(moment);
  if (keepsUtc(wall)) return utc;
  const local = formatLocalIn(locale, wall);
  return locale === 'zh-CN' ? `${local}（${utc}）` : `${local} (${utc})`;
}

/**
 * An expiry (or any "never or a moment" value) as the officer reads it: the catalogue's
 * lower-case "never" (`expiry.never-lower`), else `momentText` in the translator's language.
 */
export function neverOrMoment(tr: Pick<Translator, 'locale' | 't'>, at: 'never' | Date | number | string): string {
  return at === 'never' ? tr.t('expiry.never-lower') : momentText(tr.locale, at);
}
