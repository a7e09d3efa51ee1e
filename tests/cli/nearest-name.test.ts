/**
 * The name an officer meant: within two edits (one for short names), a swap of neighbouring letters
 * counting as one, case aside; nothing when none is that close or two are equally close.
 */
import { describe, expect, it } from 'vitest';
import { nearestName } from '../../src-main/cli/nearest-name';

const OPTIONS = ['journal', 'bundle', 'expect-digest', 'expires', 'concurrency', 'out'];

describe('the name meant by a misspelt one', () => {
  it('finds a missing, extra, wrong or swapped letter, in any case', () => {
    expect(nearestName('jurnal', OPTIONS)).toBe('journal');
    expect(nearestName('journall', OPTIONS)).toBe('journal');
    expect(nearestName('JOURNAL', OPTIONS)).toBe('journal');
    expect(nearestName('expect-digets', OPTIONS)).toBe('expect-digest');
    expect(nearestName('bnudle', OPTIONS)).toBe('bundle');
  });

  it('says nothing when no name is close, or two are equally close', () => {
    expect(nearestName('witness', OPTIONS)).toBeUndefined();
    expect(nearestName('x', OPTIONS)).toBeUndefined();
    // Short names allow one edit only: "ot" is "out" less a letter, "xy" is nothing.
    expect(nearestName('ot', OPTIONS)).toBe('out');
    expect(nearestName('xy', OPTIONS)).toBeUndefined();
    expect(nearestName('expire', ['expires', 'expired'])).toBeUndefined();
  });
});
