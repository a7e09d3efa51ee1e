/**
 * DESIGN rule 8 on the air-gapped side: AES material generated here for an expiry, with no custody
 * folders and no HSM, would be kept nowhere and could not be imported again once it expires in the
 * KMS. Such material is generated only after the officer acknowledged losing it at each moment the
 * keys' expiries name (journaled as a possible loss; the receipt lists it). Material loaded from a
 * file is the officer's own copy.
 */
import type { ImportParameters } from '../../bundle';
import { KeyferryError } from '../../errors';
import type { Journal } from '../../journal';
import type { KeyExpiry } from '../shared/planned-expiry';
import { materialIdOf } from './replica-groups';

/** An AES key whose material would be kept nowhere, and the moment (ISO) it expires in the KMS. */
export interface UnbackedKey {
  readonly keyId: string;
  readonly expiresAt: string;
}

/** The earliest of the keys' expiries (ISO; the list is not empty where it is asked). */
export function earliestExpiry(keys: readonly UnbackedKey[]): string {
  return keys.map((k) => k.expiresAt).sort()[0] ?? '';
}

/**
 * The AES keys of `keys` whose requested expiry (`expiries`) is a moment and whose material is not
 * held yet (`held`, by material id): generated here, they would be kept nowhere unless custody or
 * an HSM keeps them (the caller asks only when neither does).
 */
export function unbackedAesKeys(
  keys: readonly ImportParameters[],
  expiries: readonly KeyExpiry[],
  held: (materialId: string) => boolean,
): UnbackedKey[] {
  const byId = new Map(keys.map((p) => [p.keyId, p]));
  const unbacked: UnbackedKey[] = [];
  for (const e of expiries) {
    const p = byId.get(e.keyId);
    if (e.keySpec !== 'AES_256' || e.requested.kind !== 'at' || !p || held(materialIdOf(p))) continue;
    unbacked.push({ keyId: e.keyId, expiresAt: e.requested.at.toISOString() });
  }
  return unbacked;
}

/** The moments (ISO) at which the officer acknowledged losing AES material in one session. */
export class NoBackupAcknowledgements {
  readonly #moments = new Set<string>();

  /** Whether the officer acknowledged a loss in this session (the bundle's custody says so). */
  get given(): boolean {
    return this.#moments.size > 0;
  }

  /**
   * Records the acknowledgement of `expiresAt` (one moment or several) and journals it
   * (`material.no-backup-acknowledged`), naming each key of `unbacked` it covers.
   */
  async acknowledge(
    expiresAt: string | readonly string[],
    unbacked: readonly UnbackedKey[],
    journal: Journal,
    operator: string,
  ): Promise<void> {
    const moments = (typeof expiresAt === 'string' ? [expiresAt] : expiresAt).map((at) => new Date(at).toISOString());
    for (const at of moments) this.#moments.add(at);
    const covered = unbacked.filter((k) => moments.includes(k.expiresAt));
    await journal.append(operator, 'material.no-backup-acknowledged', {
      keyIds: covered.map((k) => k.keyId),
      expiresAt: [...moments].sort()[0] ?? null,
      ...(moments.length > 1 ? { keys: covered.map((k) => ({ ...k })) } : {}),
      // A code: receipts say it in their language (receipt.deviations.consequence).
      consequence: 'lost-after-expiry',
    });
  }

  /**
   * Refuses (MATERIAL_NO_BACKUP_UNACKNOWLEDGED, counting `unbacked`, naming the earliest moment)
   * unless every key of `unbacked` expires at an acknowledged moment.
   */
  require(unbacked: readonly UnbackedKey[]): void {
    if (unbacked.every((k) => this.#moments.has(k.expiresAt))) return;
    throw new KeyferryError('MATERIAL_NO_BACKUP_UNACKNOWLEDGED', {
      count: unbacked.length,
      expiresAt: Date.parse(earliestExpiry(unbacked)),
    });
  }
}
