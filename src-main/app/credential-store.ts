/**
 * Cloud credentials (access key ID + secret access key) for the online mode. Held in memory for
 * the session; written to disk only when the officer opts in, and then only encrypted with the
 * OS keystore through Electron's safeStorage. Refuses to save when no real encryption is
 * available (safeStorage says so, or Linux fell back to its hard-coded "basic_text" key).
 * safeStorage is injected, so this file runs in plain Node tests.
 * The secret never shows in JSON.stringify, util.inspect or template strings.
 */
import { promises as fs } from 'node:fs';
import { inspect } from 'node:util';
import { z } from 'zod';
import { KeyferryError } from '../core/errors';
import { writeFileExclusive } from '../core/fs/durable-file';

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
export type CloudCredentialsInput = z.output<typeof cloudCredentialsInputSchema>;

const persistedFileSchema = z.strictObject({
  format: z.literal('keyferry-credentials/1'),
  savedAt: z.iso.datetime(),
  encrypted: z.base64().max(65536),
});

/** Masks an access key ID to its first and last 4 characters. */
export function accessKeyHint(accessKeyId: string): string {
  return accessKeyId.length <= 8 ? '****' : `${accessKeyId.slice(0, 4)}…${accessKeyId.slice(-4)}`;
}

/**
 * Credentials in memory. Every part is a private field, readable only through its getter, so
 * spreading, serialising or inspecting the object shows at most the masked access key ID.
 */
export class CloudCredentials {
  readonly #accessKeyId: string;
  readonly #secretAccessKey: string;
  readonly #securityToken: string | undefined;

  constructor(input: CloudCredentialsInput) {
    this.#accessKeyId = input.accessKeyId;
    this.#secretAccessKey = input.secretAccessKey;
    this.#securityToken = input.securityToken;
  }

  get accessKeyId(): string {
    return this.#accessKeyId;
  }

  get secretAccessKey(): string {
    return this.#secretAccessKey;
  }

  get securityToken(): string | undefined {
    return this.#securityToken;
  }

  toJSON(): Record<string, string> {
    return { accessKeyId: accessKeyHint(this.accessKeyId), secretAccessKey: '[redacted]' };
  }

  toString(): string {
    return `CloudCredentials(${accessKeyHint(this.accessKeyId)}, secret redacted)`;
  }

  [inspect.custom](): string {
    return this.toString();
  }
}

export interface CredentialStatus {
  readonly held: boolean;
  readonly persisted: boolean;
  /** e.g. `HPUA…7QZK`; null when none are held. */
  readonly accessKeyHint: string | null;
}

function encryptionProblem(safeStorage: SafeStorageLike): KeyferryError | null {
  const backend = safeStorage.getSelectedStorageBackend?.();
  if (safeStorage.isEncryptionAvailable() && backend !== 'basic_text' && backend !== 'unknown') return null;
  return new KeyferryError(
    'CREDENTIALS_ENCRYPTION_UNAVAILABLE',
    'This computer offers no OS keystore encryption, so Keyferry will not save credentials on it.',
    'Use the credentials for this session only; they are forgotten when Keyferry closes.',
  );
}

/** Holds the session's credentials and their optional encrypted copy in `file`. */
export class CredentialStore {
  #held: CloudCredentials | undefined;
  #persisted = false;
  readonly #safeStorage: SafeStorageLike;
  readonly #file: string;
  readonly #now: () => Date;

  constructor(options: { safeStorage: SafeStorageLike; file: string; now?: () => Date }) {
    this.#safeStorage = options.safeStorage;
    this.#file = options.file;
    this.#now = options.now ?? (() => new Date());
  }

  status(): CredentialStatus {
    return {
      held: this.#held !== undefined,
      persisted: this.#persisted,
      accessKeyHint: this.#held ? accessKeyHint(this.#held.accessKeyId) : null,
    };
  }

  /** The credentials for this session, if any. */
  current(): CloudCredentials | undefined {
    return this.#held;
  }

  /** Validates and holds `input`; with `persist`, also saves it encrypted (or refuses). */
  async set(input: unknown, options: { persist: boolean }): Promise<CredentialStatus> {
    const parsed = cloudCredentialsInputSchema.safeParse(input);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || 'credentials'))];
      throw new KeyferryError(
        'CREDENTIALS_INVALID',
        `The credentials are not in the expected form (${fields.join(', ')}).`,
        'Copy the access key ID and secret access key again from the cloud console.',
      );
    }
    const credentials = new CloudCredentials(parsed.data);
    if (options.persist) {
      const refusal = encryptionProblem(this.#safeStorage);
      if (refusal) throw refusal;
      const encrypted = this.#safeStorage.encryptString(JSON.stringify(parsed.data)).toString('base64');
      const record = { format: 'keyferry-credentials/1', savedAt: this.#now().toISOString(), encrypted };
      await fs.rm(this.#file, { force: true });
      await writeFileExclusive(this.#file, `${JSON.stringify(record)}\n`, { mode: 0o600 });
    }
    this.#held = credentials;
    this.#persisted = options.persist;
    return this.status();
  }

  /** Loads saved credentials, if a file exists. Returns the status either way. */
  async loadPersisted(): Promise<CredentialStatus> {
    let text: string;
    try {
      text = await fs.readFile(this.#file, 'utf8');
    } catch {
      return this.status();
    }
    const refusal = encryptionProblem(this.#safeStorage);
    if (refusal) throw refusal;
    const unreadable = new KeyferryError(
      'CREDENTIALS_UNREADABLE',
      'The saved credentials could not be read back on this computer.',
      'Forget the saved credentials and enter them again.',
    );
    let input: unknown;
    try {
      const record = persistedFileSchema.parse(JSON.parse(text));
      input = JSON.parse(this.#safeStorage.decryptString(Buffer.from(record.encrypted, 'base64')));
    } catch {
      throw unreadable;
    }
    const parsed = cloudCredentialsInputSchema.safeParse(input);
    if (!parsed.success) throw unreadable;
    this.#held = new CloudCredentials(parsed.data);
    this.#persisted = true;
    return this.status();
  }

  /** Drops the credentials from memory and deletes the saved copy. */
  async forget(): Promise<CredentialStatus> {
    this.#held = undefined;
    this.#persisted = false;
    await fs.rm(this.#file, { force: true });
    return this.status();
  }

  toJSON(): CredentialStatus {
    return this.status();
  }

  [inspect.custom](): string {
    return `CredentialStore(${JSON.stringify(this.status())})`;
  }
}
