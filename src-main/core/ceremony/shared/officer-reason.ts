/**
 * An officer's reason to go past a check (wrap again while an earlier bundle is importable, one
 * person handing over several shares): one line as typed, journaled and printed on the receipt.
 * Zod alone, so the IPC contract checks the app's field with the same rule.
 */
import { z } from 'zod';

export const OFFICER_REASON_MAX = 200;

export const officerReasonSchema = z
  .string()
  .trim()
  .min(1)
  .max(OFFICER_REASON_MAX)
  .regex(/^[^\p{Cc}\p{Cf}]+$/u);
