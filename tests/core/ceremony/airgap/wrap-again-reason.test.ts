/**
 * The officer's reason to wrap again (src-main/core/ceremony/airgap/wrap-again-reason.ts): the one rule the
 * core and the IPC contract both check, so what the app's field accepts is what the CLI's option accepts.
 */
import { describe, expect, it } from 'vitest';
import {
  WRAP_AGAIN_REASON_MAX,
  wrapAgainReasonSchema,
} from '../../../../src-main/core/ceremony/airgap/wrap-again-reason';
import { airGapPreflightRequestSchema } from '../../../../src-main/ipc/schemas/airgap';

describe('the reason to wrap again', () => {
  it('is one trimmed line of 1 to 200 characters, in any script', () => {
    expect(wrapAgainReasonSchema.parse('  USB stick with the first bundle lost ')).toBe(
      'USB stick with the first bundle lost',
    );
    expect(wrapAgainReasonSchema.parse('第一个包的 U 盘丢失')).toBe('第一个包的 U 盘丢失');
    expect(wrapAgainReasonSchema.safeParse('x'.repeat(WRAP_AGAIN_REASON_MAX)).success).toBe(true);
  });

  it('refuses an empty reason, a longer one, a second line and invisible characters', () => {
    for (const bad of [
      '',
      '   ',
      'x'.repeat(WRAP_AGAIN_REASON_MAX + 1),
      'lost\nsecond line',
      'lost\u202e',
      'lo\u200bst',
    ])
      expect(wrapAgainReasonSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('is the rule the IPC contract checks the app’s field with', () => {
    const preflight = (wrapAgain: string) =>
      airGapPreflightRequestSchema.safeParse({ folder: '/media/usb/w', wrapAgain });
    expect(preflight(' media lost ').data?.wrapAgain).toBe('media lost');
    expect(preflight('lost\nsecond line').success).toBe(false);
    expect(preflight('x'.repeat(WRAP_AGAIN_REASON_MAX + 1)).success).toBe(false);
  });
});
