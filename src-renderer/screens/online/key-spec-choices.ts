/** The key specs a person may plan, from the one key spec table (through the contract). */
import { KEY_SPECS, KEY_SPEC_TABLE, type KeySpecName } from '../../../src-main/ipc/contract';

const HINTS = { symmetric: 'symmetric, encrypt and decrypt', ec: 'sign and verify', rsa: null } as const;

export const SPECS: ReadonlyArray<{ value: KeySpecName; label: string }> = KEY_SPECS.map((value) => {
  const hint = HINTS[KEY_SPEC_TABLE[value].kind];
  return { value, label: hint ? `${value} (${hint})` : value };
});

/** The usage a newly planned key of `spec` starts with. */
export function defaultUsage(spec: KeySpecName): 'ENCRYPT_DECRYPT' | 'SIGN_VERIFY' {
  return KEY_SPEC_TABLE[spec].defaultUsage;
}
