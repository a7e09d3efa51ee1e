/**
 * Ceremony ids: `KF-YYYYMMDD-xxxxxx`, the UTC date the ceremony started and six random
 * lower-case base32 characters, short enough to read aloud and write on a sign-off sheet.
 */
import { randomBytes } from 'node:crypto';
import { KeyferryError } from '../../errors';
import { CEREMONY_ID_PATTERN } from '../../identifiers';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** A new ceremony id for a ceremony starting at `now`. */
export function newCeremonyId(now: Date = new Date()): string {
  const date = now.toISOString().slice(0, 10).replace(/-/g, '');
  const random = [...randomBytes(6)].map((b) => ALPHABET[b % 32]).join('');
  return `KF-${date}-${random}`;
}

/** Checks a ceremony id read from a file or typed by a person. */
export function parseCeremonyId(value: string): string {
  const id = value.trim();
  if (!CEREMONY_ID_PATTERN.test(id)) {
    throw new KeyferryError('CEREMONY_ID_INVALID', { id: id.slice(0, 40) });
  }
  return id;
}
