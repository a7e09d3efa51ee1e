/**
 * A ceremony state as messages name it: the catalogue's one `ceremony.state` select, whose cases
 * are the states of core/ceremony/shared/ceremony-states.ts written in camelCase (`network-checked`
 * → `networkChecked`; tests/i18n/ceremony-state.test.ts checks every state has its words in both
 * languages). A message names a state with a `{statePhrase}` value: `ceremonyStateValue(state)`.
 * Renderer-safe (imports nothing but the phrase helpers).
 */
import { phraseOf, phraseValue, type Phrase } from './phrase';

/** `network-checked` → `networkChecked`: a state (or another journaled code) as an ICU select case. */
export function selectCase(code: string): string {
  return code.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The phrase naming `state` (a state no case knows is printed as it is). */
export function ceremonyStatePhrase(state: string): Phrase<'ceremony.state'> {
  return phraseOf('ceremony.state', { state: selectCase(state) });
}

/** `state` as a `…Phrase` message value, rendered in the message's language. */
export function ceremonyStateValue(state: string): string {
  return phraseValue(ceremonyStatePhrase(state));
}
