/**
 * What the credential vault (./credential-vault.ts) needs from Electron's safeStorage, the shape of
 * cloud credentials it accepts (ipc/schemas/online.ts, the same as a connection takes), and the rule for when it must refuse to save: no OS keystore
 * encryption, or Linux's hard-coded "basic_text" key (which protects nothing).
 * safeStorage is injected, so this runs in plain Node tests.
 */
import { KeyferryError } from '../../core/errors';

/** The subset of Electron's `safeStorage` used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron; `basic_text` means a hard-coded key, i.e. no protection. */
  getSelectedStorageBackend?(): string;
}

/** Why credentials may not be saved here (no OS encryption, or Linux's `basic_text`), or null. */
export function encryptionProblem(safeStorage: SafeStorageLike): KeyferryError | null {
  const backend = safeStorage.getSelectedStorageBackend?.();
  if (safeStorage.isEncryptionAvailable() && backend !== 'basic_text' && backend !== 'unknown') return null;
  return new KeyferryError('CREDENTIALS_ENCRYPTION_UNAVAILABLE');
}
