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
