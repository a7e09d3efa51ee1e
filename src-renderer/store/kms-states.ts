/**
 * The KMS state of each key as the app last read it, and when: from the key list (step 2), the key
 * states read in step 7 and the proofs of the verify step, whichever answered last. An import changes
 * what the KMS holds, so the states read before it are dropped for its keys (never shown as current).
 */
import { kmsStateNumber } from '../../src-main/i18n/kms-state';

export interface KmsStateReading {
  /** The KMS's state number as text ("5"), for the catalogue's KEY_STATE select; an unknown name as it is. */
  readonly state: string;
  /** When main read it (the session's clock). */
  readonly readAt: string;
  /** When its material expires ("never": null), when that reading said; absent when it did not (a proof). */
  readonly materialExpiresAt?: string | null;
}

export type KmsStateReadings = Readonly<Record<string, KmsStateReading>>;

/** `readings` with each of `keys` read at `readAt` (a state as its number or its name). */
export function withReadStates(
  readings: KmsStateReadings,
  keys: readonly {
    readonly keyId: string;
    readonly state: number | string;
    readonly materialExpiresAt?: string | null;
  }[],
  readAt: string,
): KmsStateReadings {
  const next = { ...readings };
  for (const { keyId, state, materialExpiresAt } of keys)
    next[keyId] = {
      state: typeof state === 'number' ? String(state) : kmsStateNumber(state),
      readAt,
      ...(materialExpiresAt !== undefined ? { materialExpiresAt } : {}),
    };
  return next;
}

/** `readings` without the keys of `keyIds` (what was read of them no longer holds). */
export function withoutReadStates(readings: KmsStateReadings, keyIds: Iterable<string>): KmsStateReadings {
  const next = { ...readings };
  for (const keyId of keyIds) delete next[keyId];
  return next;
}
