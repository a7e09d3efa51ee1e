/** Ceremony ids: KF-<date>-<random>, made and read back; anything else refused. */
import { describe, expect, it } from 'vitest';
import { newCeremonyId, parseCeremonyId } from '../../../../src-main/core/ceremony/shared/ceremony-id';
import { GENERATED_CEREMONY_ID_PATTERN } from '../../../../src-main/core/identifiers';

const now = new Date('2025-03-01T09:00:00Z');

describe('ceremony id', () => {
  it('is KF-date-random and parses back', () => {
    const id = newCeremonyId(now);
    expect(id).toMatch(/^KF-20250301-[a-z2-7]{6}$/);
    // What tells a journal named after a made id (ceremony-facts.ts) knows it as made.
    expect(id).toMatch(GENERATED_CEREMONY_ID_PATTERN);
    expect(parseCeremonyId(` ${id} `)).toBe(id);
    expect(newCeremonyId(now)).not.toBe(id);
    expect(() => parseCeremonyId('KF:stream')).toThrow(/not a ceremony id/);
    expect(() => parseCeremonyId('../KF-20250301-abcdef')).toThrow(/not a ceremony id/);
  });
});
