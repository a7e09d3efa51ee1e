/**
 * A SHA-256 digest typed by a person (read aloud from a screen, or copied from a printed
 * receipt): 64 hex digits, in sixteen groups of four. Spaces, colons, dashes and case do not
 * matter. A typing slip is located by group, without revealing the digest it was compared
 * with: a person who could read the right value off an error message would prove nothing.
 */
import { KeyferryError } from '../errors';
import { listValue } from '../../i18n/list';

const DIGEST_GROUPS = 16;
const GROUP_DIGITS = 4;

/** Which digest a person typed: names it in messages (see the catalogue's confirmations area). */
type TypedDigestSubject = 'wrapped' | 'parameters' | 'fingerprint' | 'bundle' | 'head';

/** A typed character as a message may show it: itself when printable ASCII, else its code point. */
function shownCharacter(ch: string): string {
  return /^[\x21-\x7e]$/.test(ch)
    ? `"${ch}"`
    : `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Checks the form of a typed digest and returns it as 64 lower-case hex digits. Refuses, saying
 * where (and who typed it: `witness`, when a witness did), an empty entry, a character that is not
 * a hex digit, a group that is not four digits long (when typed in groups) and a wrong number of digits.
 */
export function parseTypedDigest(typed: string, subject: TypedDigestSubject, witness?: string): string {
  const typist = witness === undefined ? { by: 'none', typist: '' } : { by: 'witness', typist: witness };
  const trimmed = typed.trim();
  if (trimmed === '') throw new KeyferryError('DIGEST_TYPED_EMPTY', { subject, ...typist });
  const groups = trimmed.split(/[\s:-]+/).filter((g) => g !== '');
  let before = 0;
  for (const [i, group] of groups.entries()) {
    const bad = /[^0-9a-fA-F]/.exec(group);
    if (bad) {
      const at = groups.length > 1 ? i + 1 : Math.floor((before + bad.index) / GROUP_DIGITS) + 1;
      throw new KeyferryError('DIGEST_TYPED_NOT_HEX', {
        subject,
        ...typist,
        character: shownCharacter(bad[0]),
        group: at,
      });
    }
    before += group.length;
  }
  const digits = groups.join('').toLowerCase();
  if (digits.length === DIGEST_GROUPS * GROUP_DIGITS) return digits;
  const odd = groups.length > 1 ? groups.findIndex((g) => g.length !== GROUP_DIGITS) : -1;
  if (odd >= 0) {
    throw new KeyferryError('DIGEST_TYPED_GROUP_LENGTH', {
      subject,
      ...typist,
      group: odd + 1,
      digits: (groups[odd] as string).length,
      groups: groups.length,
    });
  }
  throw new KeyferryError('DIGEST_TYPED_LENGTH', { subject, ...typist, digits: digits.length });
}

/** The 1-based numbers of the groups of four in which two 64-digit digests differ. */
function differingGroups(typed: string, actual: string): number[] {
  const groups: number[] = [];
  for (let g = 0; g < DIGEST_GROUPS; g++) {
    const at = g * GROUP_DIGITS;
    if (typed.slice(at, at + GROUP_DIGITS) !== actual.slice(at, at + GROUP_DIGITS)) groups.push(g + 1);
  }
  return groups;
}

/**
 * The most groups a typing slip is taken to change. Another digest altogether shares hardly a group
 * with this one (a group of four hex digits matches by chance 1 time in 65,536), so while at least
 * half the groups match, the typing is what differs: the person is asked to read and type again,
 * not told that the bundle is another. More differing groups mean another digest.
 */
export const SLIP_GROUPS = 8;

/** What the comparison of a typed digest with the real one found; the real digest is never part of it. */
export type TypedDigestComparison =
  | { readonly matches: true; readonly digest: string }
  | { readonly matches: false; readonly typed: string; readonly differing: readonly number[]; readonly slip: boolean };

/** Compares an already parsed typed digest with `actual` (64 lower-case hex digits). */
export function compareTypedDigest(typed: string, actual: string): TypedDigestComparison {
  const differing = differingGroups(typed, actual.toLowerCase());
  if (differing.length === 0) return { matches: true, digest: typed };
  return { matches: false, typed, differing, slip: differing.length <= SLIP_GROUPS };
}

/** The typed value of group `n` (1-based), upper-case as receipts print it. */
function typedGroup(typed: string, n: number): string {
  return typed.slice((n - 1) * GROUP_DIGITS, n * GROUP_DIGITS).toUpperCase();
}

/**
 * The values a message about a differing typed digest needs, without the real digest: how many
 * groups differ, which ("7" or "3, 7") and what was typed there ("3F2B" or "3F2B, 0A1C").
 */
export function differenceValues(comparison: Extract<TypedDigestComparison, { matches: false }>): {
  count: number;
  groupsList: string;
  typedList: string;
} {
  const { differing, typed } = comparison;
  return {
    count: differing.length,
    groupsList: listValue(differing),
    typedList: listValue(differing.map((n) => typedGroup(typed, n))),
  };
}
