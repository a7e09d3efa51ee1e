/**
 * A person's name as it goes on the sign-off sheet (operator, witnesses, custodians, who presents a
 * share): the one rule, for the core's plan and people checks and for the IPC contract. Renderer-safe:
 * zod only.
 */
import { z } from 'zod';

/** 1-100 characters, no control or format characters (they also become journal actors). */
export const personName = z
  .string()
  .trim()
  .min(1, 'a name cannot be empty')
  .max(100, 'a name is at most 100 characters')
  .regex(/^[^\p{Cc}\p{Cf}]+$/u, 'a name cannot contain control characters');
