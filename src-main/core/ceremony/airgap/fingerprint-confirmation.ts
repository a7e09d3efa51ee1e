/**
 * Witness confirmation of wrapping-key fingerprints. People read the grouped hex aloud on both
 * machines; a witness confirms by typing the fingerprint back (whole, any spacing, any case).
 * Keys that share a wrapping key share its fingerprint, so one confirmation covers them all.
 * A confirmation that does not match exactly is refused: a partial match proves nothing.
 * Every named witness confirms every fingerprint for themselves: a fingerprint counts as
 * confirmed only once each witness has typed it (nobody confirms for another, nobody is skipped).
 */
import { groupHex } from '../../hex-groups';
import { KeyferryError } from '../../errors';

/** One wrapping-key fingerprint people must compare, the keys it covers and who confirmed it. */
export interface FingerprintToConfirm {
  /** 64 lower-case hex digits (SHA-256 of the wrapping key's DER). */
  readonly fingerprint: string;
  /** The same, grouped for reading aloud: "AB12 CD34 …". */
  readonly grouped: string;
  readonly keyIds: readonly string[];
  readonly confirmedBy: readonly string[];
  /** The witnesses who have not typed it yet (the step is done when this is empty everywhere). */
  readonly pending: readonly string[];
}

/** Strips spaces, colons and dashes and lower-cases: "AB12 CD34" and "ab:12:cd:34" compare equal. */
export function normalizeFingerprint(typed: string): string {
  return typed.replace(/[\s:-]/g, '').toLowerCase();
}

export class FingerprintConfirmations {
  readonly #witnesses: readonly string[];
  readonly #keysByFingerprint = new Map<string, string[]>();
  readonly #confirmedBy = new Map<string, string[]>();

  /** `fingerprintOfKey`: keyId → wrapping-key fingerprint; `witnesses`: who may confirm. */
  constructor(fingerprintOfKey: ReadonlyMap<string, string>, witnesses: readonly string[]) {
    this.#witnesses = witnesses;
    for (const [keyId, fingerprint] of fingerprintOfKey) {
      this.#keysByFingerprint.set(fingerprint, [...(this.#keysByFingerprint.get(fingerprint) ?? []), keyId]);
      this.#confirmedBy.set(fingerprint, []);
    }
  }

  list(): FingerprintToConfirm[] {
    return [...this.#keysByFingerprint].map(([fingerprint, keyIds]) => ({
      fingerprint,
      grouped: groupHex(fingerprint),
      keyIds: [...keyIds],
      confirmedBy: [...(this.#confirmedBy.get(fingerprint) ?? [])],
      pending: this.#pending(fingerprint),
    }));
  }

  #pending(fingerprint: string): string[] {
    const by = this.#confirmedBy.get(fingerprint) ?? [];
    return this.#witnesses.filter((w) => !by.includes(w));
  }

  /**
   * Records that `witness` typed back `typed`. Refuses an unknown witness, an incomplete
   * fingerprint and one that matches no wrapping key of the bundle.
   */
  confirm(witness: string, typed: string): FingerprintToConfirm {
    const name = this.#witnesses.find((w) => w === witness.trim());
    if (!name) {
      throw new KeyferryError('WITNESS_UNKNOWN', {
        witness: witness.trim().slice(0, 100),
        witnesses: this.#witnesses.join(', '),
      });
    }
    const clean = normalizeFingerprint(typed);
    if (!/^[0-9a-f]{64}$/.test(clean)) {
      throw new KeyferryError(
        'FINGERPRINT_INCOMPLETE',
        'The fingerprint typed back is not a whole SHA-256 fingerprint (64 hex digits).',
        'Type the whole fingerprint as the screen shows it, all sixteen groups of four.',
      );
    }
    const keyIds = this.#keysByFingerprint.get(clean);
    if (!keyIds) {
      throw new KeyferryError(
        'FINGERPRINT_MISMATCH',
        `The fingerprint ${groupHex(clean)} typed back by ${name} matches no wrapping key in the bundle.`,
        'Stop. Compare the fingerprints shown on both workstations digit by digit; if they differ, the bundle is not what the KMS issued: fetch new parameters.',
      );
    }
    const by = this.#confirmedBy.get(clean) ?? [];
    if (!by.includes(name)) by.push(name);
    this.#confirmedBy.set(clean, by);
    return {
      fingerprint: clean,
      grouped: groupHex(clean),
      keyIds: [...keyIds],
      confirmedBy: [...by],
      pending: this.#pending(clean),
    };
  }

  /** Fingerprints some witness has not confirmed yet (each witness confirms each one). */
  unconfirmed(): FingerprintToConfirm[] {
    return this.list().filter((f) => f.pending.length > 0);
  }
}
