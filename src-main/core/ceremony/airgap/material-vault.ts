/**
 * Where the air-gapped workflow keeps plaintext key material between "produce" and "wrap":
 * only as KeyMaterial (SecretBytes), one per key id, disposed as soon as it is wrapped or the
 * ceremony is abandoned. Nothing here returns key bytes.
 */
import type { KeyMaterial } from '../../crypto/key-material';
import { KeyferryError } from '../../errors';

/**
 * TEST ONLY: receives a copy of every plaintext secret the workflow holds, so a test can search
 * written files for it. Never wired in the CLI or the app. The receiver owns (and wipes) the copy.
 */
export type MaterialAuditObserver = (copy: Buffer, label: string) => void;

export class MaterialVault {
  readonly #materials = new Map<string, KeyMaterial>();
  readonly #audit: MaterialAuditObserver | undefined;
  #closed = false;

  constructor(audit?: MaterialAuditObserver) {
    this.#audit = audit;
  }

  /** Holds `material` for `keyId`, disposing any material held before for that key. */
  put(keyId: string, material: KeyMaterial): void {
    if (this.#closed) {
      // The ceremony was stopped while this material was being produced: wipe it at once.
      material.dispose();
      throw new KeyferryError('CEREMONY_STOPPED');
    }
    this.#materials.get(keyId)?.dispose();
    this.#materials.set(keyId, material);
    if (this.#audit) {
      const audit = this.#audit;
      material.secret.use((bytes) => audit(Buffer.from(bytes), `material ${keyId}`));
    }
  }

  has(keyId: string): boolean {
    return this.#materials.has(keyId);
  }

  /** The material for `keyId`; throws if none is held. */
  get(keyId: string): KeyMaterial {
    const material = this.#materials.get(keyId);
    if (!material || material.secret.disposed) {
      throw new KeyferryError('MATERIAL_NOT_HELD', { keyId });
    }
    return material;
  }

  /** Disposes (zero-fills) and forgets the material of `keyId`. */
  dispose(keyId: string): void {
    this.#materials.get(keyId)?.dispose();
    this.#materials.delete(keyId);
  }

  /** Disposes everything; safe to call more than once. */
  disposeAll(): void {
    for (const material of this.#materials.values()) material.dispose();
    this.#materials.clear();
  }

  /** Disposes everything and refuses (wiping) any material put later, e.g. a key pair still being generated when the ceremony stops. */
  close(): void {
    this.#closed = true;
    this.disposeAll();
  }

  get size(): number {
    return this.#materials.size;
  }

  /** The ids of the keys whose material is held. */
  get keyIds(): string[] {
    return [...this.#materials.keys()];
  }
}
