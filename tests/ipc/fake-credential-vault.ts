/**
 * TEST ONLY: an in-memory credential vault for the handler tests. The real vault
 * (src-main/app/credential-vault.ts) needs Electron's safeStorage, i.e. an OS keychain, which
 * cannot run under plain Node; this stands in for it so the handlers' logic is tested. It keeps
 * copies (never the caller's objects) and can be told the OS offers no encryption.
 */
import type {
  CredentialVault,
  DesktopServices,
  RecalledCredentials,
  RememberedCredentials,
} from '../../src-main/ipc/desktop-services';
import { KeyferryError } from '../../src-main/core/errors';

export interface FakeCredentialVault extends CredentialVault {
  /** What is stored, per profile (for assertions). */
  readonly stored: Map<string, RecalledCredentials>;
  /** Makes isAvailable() answer "no" with the real vault's refusal (false: available again). */
  setUnavailable(unavailable: boolean): void;
  /** Makes recall() refuse like the real vault given a copy another keychain wrote (CREDENTIALS_UNREADABLE). */
  setUnreadable(unreadable: boolean): void;
}

export function fakeCredentialVault(now: () => Date = () => new Date()): FakeCredentialVault {
  const stored = new Map<string, RecalledCredentials>();
  let unavailable = false;
  let unreadable = false;
  const refuseIfUnavailable = () => {
    if (unavailable) throw new Error('fake vault unavailable');
  };
  return {
    stored,
    setUnavailable: (value) => {
      unavailable = value;
    },
    setUnreadable: (value) => {
      unreadable = value;
    },
    isAvailable: () =>
      unavailable
        ? { available: false, reason: new KeyferryError('CREDENTIALS_ENCRYPTION_UNAVAILABLE').toProblem() }
        : { available: true },
    remember: async (profile, credentials: RememberedCredentials) => {
      refuseIfUnavailable();
      stored.set(profile, { ...credentials, savedAt: now().toISOString() });
    },
    recall: async (profile) => {
      const found = stored.get(profile);
      if (!found) return null;
      refuseIfUnavailable();
      if (unreadable) throw new KeyferryError('CREDENTIALS_UNREADABLE');
      return { ...found };
    },
    forget: async (profile) => stored.delete(profile),
  };
}

/** Desktop services whose only working part is `vault`; the others fail loudly if a test reaches them. */
export function desktopWithVault(vault: CredentialVault): DesktopServices {
  const notHere = async (): Promise<never> => {
    throw new Error('not provided by this test');
  };
  return { choosePath: notHere, printReceipt: notHere, saveReceiptPdf: notHere, credentialVault: vault };
}
