/**
 * What the credential vault (./credential-vault.ts) needs from Electron's safeStorage, the shape of
 * cloud credentials it accepts, and the rule for when it must refuse to save: no OS keystore
 * encryption, or Linux's hard-coded "basic_text" key (which protects nothing).
 * safeStorage is injected, so this runs in plain Node tests.
 */
import { z } from 'zod';
import { KeyferryError } from '../../core/errors';

/** The subset of Electron's `safeStorage` used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron; `basic_text` means a hard-coded key, i.e. no protection. */
  getSelectedStorageBackend?(): string;
}

export const cloudCredentialsInputSchema = z.strictObject({
  accessKeyId: z.string().regex(/^[A-Za-z0-9]{8,128}$/, 'an access key ID is 8-128 letters and digits'),
  secretAccessKey: z.string().regex(/^\S{8,256}$/, 'a secret access key is 8-256 characters without spaces'),
  securityToken: z
    .string()
    .regex(/^\S{1,8192}$/)
    .optional(),
});

/** Why credentials may not be saved here (no OS encryption, or Linux's `basic_text`), or null. */
export function encryptionProblem(safeStorage: SafeStorageLike): KeyferryError | null {
  const backend = safeStorage.getSelectedStorageBackend?.();
  if (safeStorage.isEncryptionAvailable() && backend !== 'basic_text' && backend !== 'unknown') return null;
  return new KeyferryError('CREDENTIALS_ENCRYPTION_UNAVAILABLE');
}
