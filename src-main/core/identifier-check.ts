/** Checking one identifier typed or read from a file, with a message that names its source and rule. */
import { KeyferryError } from './errors';
import { phraseOf, phraseValue, type Phrase } from '../i18n/phrase';
import { IDENTIFIERS, type IdentifierKind } from './identifiers';

/**
 * Returns `value` when it is a valid identifier of this kind; otherwise throws IDENTIFIER_INVALID
 * naming where the value came from (an option's name, or a `credentials.from.*` phrase: a config
 * file's field, the journal) and the rule it breaks.
 */
export function checkIdentifier(kind: IdentifierKind, value: string, source: string | Phrase): string {
  if (IDENTIFIERS[kind].pattern.test(value)) return value;
  const from = typeof source === 'string' ? phraseOf('credentials.from.option', { option: source }) : source;
  throw new KeyferryError('IDENTIFIER_INVALID', { kind, value: value.slice(0, 80), sourcePhrase: phraseValue(from) });
}
