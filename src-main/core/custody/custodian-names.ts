/**
 * Custodian names as a custody set is written with them: checked once, by the command line before
 * anything exists and again by the split itself. Reading keeps accepting what older versions wrote
 * (custodianSchema); writing also refuses format characters (zero-width space, bidi overrides, soft
 * hyphen, BOM: what a paste from a web page or a document brings along), which the wrapped bundle's
 * manifest and the journal refuse too, so a name that cannot be written is refused before material.
 */
import { KeyferryError } from '../errors';
import { custodianSchema } from './custody-share';
import { personKey } from '../person-key';

const FORMAT_CHARACTER = /\p{Cf}/u;

/** "U+200B" for the first character of `text`. */
function codePointOf(text: string): string {
  return `U+${(text.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Returns the names as they will be written (NFC, trimmed), or refuses the first unusable one
 * (CUSTODY_SET_CUSTODIAN_INVALID, naming an invisible character by its code point) or the first
 * person named twice (CUSTODY_SET_CUSTODIAN_TWICE, by personKey: case and surrounding spaces set aside;
 * both names said as typed).
 */
export function checkCustodianNames(custodians: readonly string[]): string[] {
  const names = custodians.map((c) => c.normalize('NFC').trim());
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    const format = FORMAT_CHARACTER.exec(name);
    if (format || !custodianSchema.safeParse(name).success)
      throw new KeyferryError('CUSTODY_SET_CUSTODIAN_INVALID', {
        name: name.replace(/[\p{Cc}\p{Cf}]/gu, '').slice(0, 100),
        index: i + 1,
        character: format ? codePointOf(format[0]) : 'none',
      });
    const earlier = seen.get(personKey(name));
    if (earlier !== undefined) {
      // Both as typed (spaces kept): "carol" alone hid that "Carol" and "carol " were taken for one.
      const firstName = (custodians[earlier] ?? '').normalize('NFC');
      const secondName = (custodians[i] ?? '').normalize('NFC');
      throw new KeyferryError('CUSTODY_SET_CUSTODIAN_TWICE', {
        firstName,
        secondName,
        same: firstName === secondName ? 'yes' : 'no',
        first: earlier + 1,
        second: i + 1,
      });
    }
    seen.set(personKey(name), i);
  });
  return names;
}
