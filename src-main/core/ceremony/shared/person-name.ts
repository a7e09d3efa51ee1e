/** Names of the people in a ceremony (operator, witnesses, custodians), as they sign the sheet. */
import { z } from 'zod';
import { KeyferryError } from '../../errors';
import { personName } from './person-name-shape';
import { personKey } from '../../person-key';

/** What is wrong with a name or the list of witnesses, as CEREMONY_PEOPLE_INVALID's `reason`. */
function peopleIssueReason(issue: z.ZodIssue | undefined): string {
  if (issue?.code === 'too_small') return issue.origin === 'array' ? 'noWitness' : 'empty';
  if (issue?.code === 'too_big') return issue.origin === 'array' ? 'tooManyWitnesses' : 'tooLong';
  return 'control';
}

/** A refused name as it can be shown: control and format characters written as \u escapes, at most 100 characters. */
function shownName(name: string): string {
  return name
    .slice(0, 100)
    .replace(/[\p{Cc}\p{Cf}]/gu, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

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
    // Named as people count them: "witness 2 ("…")", never the schema's 0-based path.
    const [field, at] = issue?.path ?? [];
    const index = typeof at === 'number' ? at : -1;
    const who = field === 'operator' ? 'operator' : index >= 0 ? 'witness' : 'witnesses';
    const name = field === 'operator' ? operator : index >= 0 ? (witnesses[index] ?? '') : '';
    throw new KeyferryError('CEREMONY_PEOPLE_INVALID', {
      reason: peopleIssueReason(issue),
      who,
      name: shownName(name),
      index: index + 1,
      otherIndex: 0,
      otherName: '',
    });
  }
  // The first person named twice, both as typed: "the operator ("Ana") and witness 1 (" ana")".
  const typed = [operator, ...witnesses];
  const all = [parsed.data.operator, ...parsed.data.witnesses].map(personKey);
  const again = all.findIndex((person, i) => all.indexOf(person) !== i);
  if (again >= 0) {
    const first = all.indexOf(all[again] ?? '');
    throw new KeyferryError('CEREMONY_PEOPLE_INVALID', {
      reason: 'same',
      who: first === 0 ? 'operator' : 'witness',
      name: shownName(typed[first] ?? ''),
      index: first,
      otherIndex: again,
      otherName: shownName(typed[again] ?? ''),
    });
  }
  return parsed.data;
}
