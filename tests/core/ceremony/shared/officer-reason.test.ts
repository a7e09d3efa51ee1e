/**
 * An officer's reason to go past a check (officer-reason.ts): one line as typed, the same rule for
 * `--wrap-again`, `--one-person-several-shares` and the app's fields.
 */
import { describe, expect, it } from 'vitest';
import { OFFICER_REASON_MAX, officerReasonSchema } from '../../../../src-main/core/ceremony/shared/officer-reason';
import { wrapAgainReasonSchema } from '../../../../src-main/core/ceremony/airgap/wrap-again-reason';

describe("an officer's reason", () => {
  it('is one trimmed line of 1 to 200 characters with no control or format characters', () => {
    expect(officerReasonSchema.parse('  the board agreed by letter  ')).toBe('the board agreed by letter');
    expect(officerReasonSchema.safeParse(' ').success).toBe(false);
    expect(officerReasonSchema.safeParse('x'.repeat(OFFICER_REASON_MAX)).success).toBe(true);
    expect(officerReasonSchema.safeParse('x'.repeat(OFFICER_REASON_MAX + 1)).success).toBe(false);
    expect(officerReasonSchema.safeParse('two\nlines').success).toBe(false);
    expect(officerReasonSchema.safeParse('bidi \u202e override').success).toBe(false);
  });

  it('is the rule the wrap-again reason follows', () => {
    expect(wrapAgainReasonSchema).toBe(officerReasonSchema);
  });
});
