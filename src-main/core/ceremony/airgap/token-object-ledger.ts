/**
 * The token objects an HSM session generated, recorded as each came to exist (the key whose
 * material it holds named), so that a stop before the ceremony finished, or a key whose material
 * failed, destroys exactly those by their handles in the still-open session (the PIN is not kept,
 * so no later session could log in to do it). A stop also ends generating.
 */
import {
  destroyTokenObjects,
  type CreatedTokenObject,
  type HsmSession,
  type TokenObjectRecord,
  type TokenObjectsDiscarded,
} from '../../hsm';

/** A token object a ceremony generated, with the key whose material it holds. */
export interface KeyTokenObject extends TokenObjectRecord {
  readonly keyId: string;
}

export class TokenObjectLedger {
  /** Every token object this session generated, recorded as it came to exist (keyId: the key it holds). */
  #created: (CreatedTokenObject & KeyTokenObject)[] = [];
  /** Set once the session stopped: nothing more is generated (a generation still under way is refused). */
  #stopped = false;

  /** Records `object`, made for the material of `keyId`, the moment it exists. */
  record(object: CreatedTokenObject, keyId: string): void {
    this.#created.push({ ...object, keyId });
  }

  /** True while the session holds token objects it generated. */
  get holdsCreated(): boolean {
    return this.#created.length > 0;
  }

  /** True once the session stopped (discard without a key). */
  get stopped(): boolean {
    return this.#stopped;
  }

  /**
   * Destroys, in `session`, the recorded objects (only `keyId`'s when given; without it the session
   * stopped and generates nothing more). Each object is reported with the key it held; null when
   * there were none.
   */
  discard(session: HsmSession, keyId?: string): TokenObjectsDiscarded<KeyTokenObject> | null {
    if (keyId === undefined) this.#stopped = true;
    const chosen = this.#created.filter((o) => keyId === undefined || o.keyId === keyId);
    if (chosen.length === 0) return null;
    this.#created = this.#created.filter((o) => !chosen.includes(o));
    return destroyTokenObjects(session, chosen);
  }
}
