/**
 * The officer's reason to wrap again while an earlier bundle of the journal can still be imported
 * (earlier-wraps.ts): one line as typed, journaled and printed on the receipt. Zod alone, so the
 * IPC contract checks the app's field with the same rule.
 */
import { z } from 'zod';

export const WRAP_AGAIN_REASON_MAX = 200;

export const wrapAgainReasonSchema = z
  .string()
  .trim()
  .min(1)
  .max(WRAP_AGAIN_REASON_MAX)
  .regex(/^[^\p{Cc}\p{Cf}]+$/u);
