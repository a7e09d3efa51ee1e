/**
 * The desktop's credential vault: remembered cloud credentials, one file per profile in
 * `<userData>/credentials/`, each holding only what safeStorage (the OS keychain) encrypted.
 * Nothing is written when the OS offers no real encryption (see security/keychain-policy.ts). A new file
 * is written with writeFileExclusive; a replacement is written exclusively beside it, then
 * renamed over it and the folder fsynced, so a crash leaves the old copy or the new, never half.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { KeyferryError } from '../core/errors';
import { fsyncDirectory, writeFileExclusive } from '../core/fs/durable-file';
import type { CredentialVault, RecalledCredentials, RememberedCredentials } from '../ipc/desktop-services';
import { cloudCredentialsInputSchema } from '../ipc/schemas/online';
import { encryptionProblem, type SafeStorageLike } from './security/keychain-policy';
import { pathExists } from '../core/fs/path-exists';

const FORMAT = 'keyferry-remembered-credentials/1';
const PROFILE = /^[a-z0-9][a-z0-9-]{0,63}$/;

const vaultFileSchema = z.strictObject({
  format: z.literal(FORMAT),
  savedAt: z.iso.datetime(),
  encrypted: z.base64().max(65536),
});

/** What is encrypted: the credentials and the connection they were used for. */
const rememberedSchema = cloudCredentialsInputSchema.extend({
  region: z.string().min(1).max(64),
  projectId: z.string().min(1).max(64),
  endpoint: z.string().min(1).max(2048).optional(),
});

type RememberedField = keyof z.infer<typeof rememberedSchema>;
const REMEMBERED_FIELDS = new Set<string>(Object.keys(rememberedSchema.shape));

/** The remembered field a refusal names (`other` for anything else, e.g. an unknown key). */
function invalidField(path: PropertyKey | undefined): RememberedField | 'other' {
  return typeof path === 'string' && REMEMBERED_FIELDS.has(path) ? (path as RememberedField) : 'other';
}

/** The vault file of `profile` inside `folder`; refuses names that could leave the folder. */
export function vaultFileOf(folder: string, profile: string): string {
  if (!PROFILE.test(profile)) {
    throw new KeyferryError('CREDENTIALS_PROFILE_INVALID');
  }
  return path.join(folder, `${profile}.json`);
}

/** Writes `text` to `file`: exclusively when new, else exclusively beside it and renamed over it. */
export async function replaceFileAtomically(file: string, text: string): Promise<void> {
  if (!(await pathExists(file))) {
    await writeFileExclusive(file, text, { mode: 0o600 });
    return;
  }
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFileExclusive(temporary, text, { mode: 0o600 });
  try {
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw new KeyferryError(
      'CREDENTIALS_NOT_SAVED',
      { errno: (error as NodeJS.ErrnoException).code ?? 'error' },
      { cause: error },
    );
  }
  await fsyncDirectory(path.dirname(file));
}

/** A vault over `safeStorage` (Electron's, in the app) storing files in `folder`. */
export function createCredentialVault(options: {
  safeStorage: SafeStorageLike;
  folder: string;
  now?: () => Date;
}): CredentialVault {
  const { safeStorage, folder } = options;
  const now = options.now ?? (() => new Date());
  const requireEncryption = () => {
    const refusal = encryptionProblem(safeStorage);
    if (refusal) throw refusal;
  };
  const unreadable = () => new KeyferryError('CREDENTIALS_UNREADABLE');
  return {
    isAvailable: () => {
      const refusal = encryptionProblem(safeStorage);
      return refusal ? { available: false, reason: refusal.toProblem() } : { available: true };
    },

    remember: async (profile, credentials: RememberedCredentials) => {
      const file = vaultFileOf(folder, profile);
      requireEncryption();
      const parsed = rememberedSchema.safeParse(credentials);
      if (!parsed.success) {
        // The field, never its value (a secret) nor zod's English.
        const field = invalidField(parsed.error.issues[0]?.path[0]);
        throw new KeyferryError('CREDENTIALS_INVALID', { field });
      }
      const encrypted = safeStorage.encryptString(JSON.stringify(parsed.data)).toString('base64');
      const record = { format: FORMAT, savedAt: now().toISOString(), encrypted };
      await fs.mkdir(folder, { recursive: true, mode: 0o700 });
      await replaceFileAtomically(file, `${JSON.stringify(record)}\n`);
    },

    recall: async (profile): Promise<RecalledCredentials | null> => {
      const file = vaultFileOf(folder, profile);
      let text: string;
      try {
        text = await fs.readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw unreadable();
      }
      requireEncryption();
      try {
        const record = vaultFileSchema.parse(JSON.parse(text));
        const plain = safeStorage.decryptString(Buffer.from(record.encrypted, 'base64'));
        return { ...rememberedSchema.parse(JSON.parse(plain)), savedAt: record.savedAt };
      } catch {
        throw unreadable();
      }
    },

    forget: async (profile) => {
      const file = vaultFileOf(folder, profile);
      const existed = await pathExists(file);
      await fs.rm(file, { force: true });
      if (existed) await fsyncDirectory(folder);
      return existed;
    },
  };
}
