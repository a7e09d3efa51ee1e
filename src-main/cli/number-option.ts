/** Whole-number CLI options (ports, milliseconds, counts), refused with the option's name and range. */
import { KeyferryError } from '../core/errors';

/** Parses `text` given to `option`; `fallback` when the option was not given. */
export function parseWholeNumberOption(
  option: string,
  text: string | undefined,
  range: { readonly min: number; readonly max: number },
  fallback: number,
): number {
  if (text === undefined) return fallback;
  const value = /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= range.min && value <= range.max)) {
    throw new KeyferryError('CLI_BAD_NUMBER', { option, text: text.slice(0, 40), min: range.min, max: range.max });
  }
  return value;
}

type Range = { readonly min: number; readonly max: number };

/** `text` matching `pattern` (group 1 the number, group 2 its unit), scaled by `scale(unit)`; refused with `code` otherwise. */
function parseNumberWithUnit(
  code: 'CLI_BAD_DURATION' | 'CLI_BAD_RATE',
  option: string,
  text: string,
  pattern: RegExp,
  scale: (unit: string | undefined) => number,
  range: Range,
): number {
  const match = pattern.exec(text.trim());
  const value = match ? Number(match[1]) * scale(match[2]) : Number.NaN;
  if (!(value >= range.min && value <= range.max)) {
    throw new KeyferryError(code, { option, text: text.slice(0, 40), min: range.min, max: range.max });
  }
  return value;
}

/** Milliseconds given as `60ms`, `2s` or a bare `60` (ms), within `range` (ms); `fallback` when absent. */
export function parseMillisecondsOption(
  option: string,
  text: string | undefined,
  range: Range,
  fallback: number,
): number {
  if (text === undefined) return fallback;
  return parseNumberWithUnit(
    'CLI_BAD_DURATION',
    option,
    text,
    /^(\d{1,9})(ms|s)?$/,
    (u) => (u === 's' ? 1000 : 1),
    range,
  );
}

/** A rate given as `20/s` or a bare `20` (per second), within `range`; `fallback` when absent. */
export function parsePerSecondOption(option: string, text: string | undefined, range: Range, fallback: number): number {
  if (text === undefined) return fallback;
  return parseNumberWithUnit('CLI_BAD_RATE', option, text, /^(\d{1,9})(\/s)?$/, () => 1, range);
}
