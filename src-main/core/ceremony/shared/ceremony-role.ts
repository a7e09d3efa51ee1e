/**
 * A person's part in running a ceremony: its operator, one of its witnesses, or neither. One
 * source for the check that flags a share's presenter at a restore who also runs or checks the
 * ceremony (restore/presenters.ts), for the journal, the IPC contract and the screens.
 * Renderer-safe: only the pure person-key rule.
 */
import { personKey } from '../../person-key';

export const CEREMONY_ROLES = ['operator', 'witness', 'none'] as const;

export type CeremonyRole = (typeof CEREMONY_ROLES)[number];

/** The ceremony's operator and witnesses, as its session names them. */
export interface CeremonyPeople {
  readonly operator: string;
  readonly witnesses: readonly string[];
}

/** `name`'s part in the ceremony of `people` (names compare as one person: personKey). */
export function ceremonyRoleOf(name: string, people: CeremonyPeople): CeremonyRole {
  const who = personKey(name);
  if (who === personKey(people.operator)) return 'operator';
  return people.witnesses.some((w) => personKey(w) === who) ? 'witness' : 'none';
}
