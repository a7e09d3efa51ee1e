/** Names of the people in a ceremony (operator, witnesses, custodians), as they sign the sheet. */
import { z } from 'zod';

/** 1-100 characters, no control or format characters (they also become journal actors). */
export const personName = z
  .string()
  .trim()
  .min(1, 'a name cannot be empty')
  .max(100, 'a name is at most 100 characters')
  .regex(/^[^\p{Cc}\p{Cf}]+$/u, 'a name cannot contain control characters');
