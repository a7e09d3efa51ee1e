/**
 * A SHA-256 digest typed by a person (read aloud from a screen, or copied from a printed
 * receipt): 64 hex digits, in sixteen groups of four. Spaces, colons, dashes and case do not
 * matter. A typing slip is located by group, without revealing the digest it was compared
 * with: a person who could read the right value off an error message would prove nothing.
 */
import { KeyferryError } from '../errors';

export const DIGEST_GROUPS = 16;
const GROUP_DIGITS = 4;

/** Strips spaces, colons and dashes and lower-cases: "AB12 CD34" and "ab:12:cd:34" compare equal. */
export function normalizeTypedHex(typed: string): string {
  return typed.replace(/[\s:-]/g, '').toLowerCase();
}

/** `what` names the digest in messages, e.g. "the wrapped-material bundle's digest". */
export interface TypedDigestSubject {
  readonly what: string;
  /** Where the person finds the right value, e.g. 'under "Seals" on the air-gapped receipt'. */
  readonly where: string;
}

/** A typed character as a message may show it: itself when printable ASCII, else its code point. */
function shownCharacter(ch: string): string {
  return /^[\x21-\x7e]$/.test(ch)
    ? `"${ch}"`
    : `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function invalid(message: string, subject: TypedDigestSubject): KeyferryError {
  return new KeyferryError(
    'DIGEST_TYPED_INVALID',
    message,
    `Type ${subject.what} as shown ${subject.where}: sixteen groups of four hex digits (0-9, a-f); spaces and case do not matter.`,
  );
}

/**
 * Checks the form of a typed digest and returns it as 64 lower-case hex digits. Refuses, saying
 * where, an empty entry, a character that is not a hex digit, a group that is not four digits
 * long (when typed in groups) and a wrong number of digits.
 */
export function parseTypedDigest(typed: string, subject: TypedDigestSubject): string {
  const trimmed = typed.trim();
  if (trimmed === '') {
    throw new KeyferryError(
      'DIGEST_TYPED_EMPTY',
      `Nothing was typed for ${subject.what}; it cannot be skipped.`,
      `Type ${subject.what} as shown ${subject.where}.`,
    );
  }
  const groups = trimmed.split(/[\s:-]+/).filter((g) => g !== '');
  for (const [i, group] of groups.entries()) {
    const bad = /[^0-9a-fA-F]/.exec(group);
    if (bad) {
      const where = groups.length > 1 ? `group ${i + 1}` : `position ${bad.index + 1}`;
      throw invalid(
        `The typed ${subject.what} has ${shownCharacter(bad[0])} in ${where}, which is not a hex digit (0-9, a-f).`,
        subject,
      );
    }
  }
  const digits = groups.join('').toLowerCase();
  if (digits.length === DIGEST_GROUPS * GROUP_DIGITS) return digits;
  const odd = groups.length > 1 ? groups.findIndex((g) => g.length !== GROUP_DIGITS) : -1;
  if (odd >= 0) {
    throw invalid(
      `Group ${odd + 1} of the typed ${subject.what} has ${(groups[odd] as string).length} digits; every group has four (${groups.length} groups were typed, a digest has ${DIGEST_GROUPS}).`,
      subject,
    );
  }
  throw invalid(
    `The typed ${subject.what} has ${digits.length} hex digits; a SHA-256 digest has ${DIGEST_GROUPS * GROUP_DIGITS} (${DIGEST_GROUPS} groups of four).`,
    subject,
  );
}

/** The 1-based numbers of the groups of four in which two 64-digit digests differ. */
export function differingGroups(typed: string, actual: string): number[] {
  const groups: number[] = [];
  for (let g = 0; g < DIGEST_GROUPS; g++) {
    const at = g * GROUP_DIGITS;
    if (typed.slice(at, at + GROUP_DIGITS) !== actual.slice(at, at + GROUP_DIGITS)) groups.push(g + 1);
  }
  return groups;
}

/** A typing slip changes one or two groups; more differing groups mean another digest altogether. */
export const SLIP_GROUPS = 2;

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
export function typedGroup(typed: string, n: number): string {
  return typed.slice((n - 1) * GROUP_DIGITS, n * GROUP_DIGITS).toUpperCase();
}

/**
 * One sentence saying where a typed digest differs from `against` (e.g. "the bundle's digest"),
 * without the real value: "Group 7 of 16 differs from the bundle's digest: you typed 3F2A
 * there." for a slip, "12 of 16 groups differ from the bundle's digest." for another digest.
 */
export function describeDifference(
  comparison: Extract<TypedDigestComparison, { matches: false }>,
  against: string,
): string {
  const { differing, typed } = comparison;
  if (!comparison.slip) return `${differing.length} of ${DIGEST_GROUPS} groups differ from ${against}.`;
  const one = differing.length === 1;
  return `${one ? 'Group' : 'Groups'} ${differing.join(' and ')} of ${DIGEST_GROUPS} ${one ? 'differs' : 'differ'} from ${against}: you typed ${differing.map((n) => typedGroup(typed, n)).join(' and ')} there.`;
}
