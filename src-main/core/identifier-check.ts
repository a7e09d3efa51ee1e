/** Checking one identifier typed or read from a file, with a message that names its source and rule. */
import { KeyferryError } from './errors';
import { IDENTIFIERS, type IdentifierKind } from './identifiers';

/**
 * Returns `value` when it is a valid identifier of this kind; otherwise throws IDENTIFIER_INVALID
 * naming where the value came from (an option, a file field) and the rule it breaks.
 */
export function checkIdentifier(kind: IdentifierKind, value: string, source: string): string {
  if (IDENTIFIERS[kind].pattern.test(value)) return value;
  throw new KeyferryError('IDENTIFIER_INVALID', { kind, value: value.slice(0, 80), source });
}
