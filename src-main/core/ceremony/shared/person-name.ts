/** Names of the people in a ceremony (operator, witnesses, custodians), as they sign the sheet. */
import { z } from 'zod';
import { KeyferryError } from '../../errors';

/** 1-100 characters, no control or format characters (they also become journal actors). */
export const personName = z
  .string()
  .trim()
  .min(1, 'a name cannot be empty')
  .max(100, 'a name is at most 100 characters')
  .regex(/^[^\p{Cc}\p{Cf}]+$/u, 'a name cannot contain control characters');

/** Checks the operator and witnesses of a ceremony: valid names, at least one witness, all different people. */
export function checkCeremonyPeople(
  operator: string,
  witnesses: readonly string[],
): { operator: string; witnesses: string[] } {
  const parsed = z
    .object({ operator: personName, witnesses: z.array(personName).min(1, 'name at least one witness').max(20) })
    .safeParse({ operator, witnesses });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new KeyferryError(
      'CEREMONY_PEOPLE_INVALID',
      `The people of the ceremony are not valid: ${issue?.path.join('.') || 'names'}: ${issue?.message ?? 'invalid'}.`,
      'Name the operator and every witness (different people, plain names).',
    );
  }
  const all = [parsed.data.operator, ...parsed.data.witnesses].map((p) => p.toLowerCase());
  if (new Set(all).size !== all.length) {
    throw new KeyferryError(
      'CEREMONY_PEOPLE_INVALID',
      'The operator and the witnesses must all be different people.',
      'Name each person once: one operator, and witnesses who are not the operator.',
    );
  }
  return parsed.data;
}
