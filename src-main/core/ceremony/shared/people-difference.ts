/**
 * Whether a run is made by the people a record names (the online journal, or the import-parameters
 * bundle that carries the journal's people): the same operator and the same witnesses, in any order.
 * Names compare exactly, case included: every journal entry is made in its actor's name and every
 * receipt asks those people to sign (DESIGN.md rule 7: nobody acts for another).
 */
import { looseNameKey } from '../../person-key';

/** The operator and witnesses of a ceremony. */
export interface CeremonyPeople {
  readonly operator: string;
  readonly witnesses: readonly string[];
}

/** Which role differs, with both sides' names in it (witnesses sorted); see peopleDifference. */
interface PeopleDifference {
  readonly role: 'operator' | 'witnesses';
  readonly recorded: readonly string[];
  readonly given: readonly string[];
  /** A name given that differs from a recorded one only in case, accents or spacing, and that one. */
  readonly meant?: { readonly given: string; readonly recorded: string };
}

/** The first of `given` not among `recorded` but equal to one of them once case, accents and spacing are set aside. */
function looselyMeant(recorded: readonly string[], given: readonly string[]): PeopleDifference['meant'] {
  for (const name of given) {
    if (recorded.includes(name)) continue;
    const match = recorded.find((r) => looseNameKey(r) === looseNameKey(name));
    if (match !== undefined) return { given: name, recorded: match };
  }
  return undefined;
}

/** `names` trimmed and sorted, as two lists of witnesses compare (and are shown side by side). */
export function sortedNames(names: readonly string[]): string[] {
  return names.map((n) => n.trim()).sort((a, b) => a.localeCompare(b));
}

/** The role where `given` is not `recorded` (the operator first), else undefined. */
export function peopleDifference(recorded: CeremonyPeople, given: CeremonyPeople): PeopleDifference | undefined {
  const [recordedOperator, givenOperator] = [recorded.operator.trim(), given.operator.trim()];
  if (recordedOperator !== givenOperator) {
    const meant = looselyMeant([recordedOperator], [givenOperator]);
    return { role: 'operator', recorded: [recordedOperator], given: [givenOperator], ...(meant ? { meant } : {}) };
  }
  const [recordedWitnesses, givenWitnesses] = [sortedNames(recorded.witnesses), sortedNames(given.witnesses)];
  if (recordedWitnesses.join('\n') === givenWitnesses.join('\n')) return undefined;
  const meant = looselyMeant(recordedWitnesses, givenWitnesses);
  return { role: 'witnesses', recorded: recordedWitnesses, given: givenWitnesses, ...(meant ? { meant } : {}) };
}
