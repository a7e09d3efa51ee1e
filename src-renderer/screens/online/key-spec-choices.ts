/** The key specs a person may plan, from the one key spec table (through the contract). */
import { KEY_SPECS, KEY_SPEC_TABLE, type KeySpecName } from '../../../src-main/ipc/contract';
import type { Translator } from '../../../src-main/i18n/translate';

export const SPECS: ReadonlyArray<{ value: KeySpecName; kind: string }> = KEY_SPECS.map((value) => ({
  value,
  kind: KEY_SPEC_TABLE[value].kind,
}));

/** The spec choices labelled in a language (the spec name itself is never translated). */
export function specOptions(t: Translator['t']): ReadonlyArray<{ value: KeySpecName; label: string }> {
  return SPECS.map(({ value, kind }) => ({ value, label: t('keys.spec-option', { spec: value, kind }) }));
}

/** The usage a newly planned key of `spec` starts with. */
export function defaultUsage(spec: KeySpecName): 'ENCRYPT_DECRYPT' | 'SIGN_VERIFY' {
  return KEY_SPEC_TABLE[spec].defaultUsage;
}
