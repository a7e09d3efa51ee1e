/**
 * Remembered credentials: the officer may keep the online workstation's cloud credentials on this
 * computer, and then only through the desktop app's credential vault (Electron's safeStorage, i.e.
 * the OS keychain). Without the desktop app (tests, CLI) remembering is refused in plain words.
 * Only the endpoint, region, project and the access key ID's last 4 characters ever leave here;
 * the log records that credentials were remembered, recalled or forgotten, never their values.
 */
import { KeyferryError } from '../../core/errors';
import { bindingOf, type CredentialBinding } from '../../core/kms/credential-binding';
import { AkSkCredentials } from '../../core/kms/credentials';
import type { CredentialsStatus } from '../contract';
import type { CredentialVault, RememberedCredentials } from '../desktop-services';
import type { HandlersFor } from './channel-handler';
import type { CeremonySession } from './session';

export const DEFAULT_CREDENTIALS_PROFILE = 'default';

function vaultOf(session: CeremonySession): CredentialVault | undefined {
  return session.context.desktop?.credentialVault;
}

function noDesktopVault(): KeyferryError {
  return new KeyferryError('CREDENTIALS_VAULT_UNAVAILABLE', { reason: 'noDesktop' });
}

/** The vault, or a plain refusal when there is none or the OS offers no real encryption. */
export function requireCredentialVault(session: CeremonySession): CredentialVault {
  const vault = vaultOf(session);
  if (!vault) throw noDesktopVault();
  if (!vault.isAvailable().available)
    throw new KeyferryError('CREDENTIALS_VAULT_UNAVAILABLE', { reason: 'noEncryption' });
  return vault;
}

/** Stores `credentials` for `profile` in the vault (the caller checked the vault first). */
export async function rememberCredentials(
  session: CeremonySession,
  vault: CredentialVault,
  profile: string,
  credentials: RememberedCredentials,
): Promise<void> {
  await vault.remember(profile, credentials);
  session.context.log.info('credentials.remembered', { profile });
}

/**
 * The remembered credentials of `profile` as KMS credentials, with the connection they were
 * remembered for (they are bound to it); refuses when there are none.
 */
export async function recallCredentials(
  session: CeremonySession,
  profile: string,
): Promise<{ credentials: AkSkCredentials; binding: CredentialBinding }> {
  const recalled = await requireCredentialVault(session).recall(profile);
  if (!recalled) {
    throw new KeyferryError('CREDENTIALS_NOT_REMEMBERED', { profile });
  }
  session.context.log.info('credentials.recalled', { profile });
  const credentials = new AkSkCredentials({
    accessKeyId: recalled.accessKeyId,
    secretKey: recalled.secretAccessKey,
    ...(recalled.securityToken ? { securityToken: recalled.securityToken } : {}),
  });
  const binding = bindingOf({
    region: recalled.region,
    projectId: recalled.projectId,
    ...(recalled.endpoint ? { endpoint: recalled.endpoint } : {}),
  });
  return { credentials, binding };
}

async function describeRemembered(session: CeremonySession, profile: string): Promise<CredentialsStatus> {
  const vault = vaultOf(session);
  const state = vault?.isAvailable() ?? { available: false, reason: noDesktopVault().toProblem() };
  const base = { profile, vault: { available: state.available, reason: state.reason ?? null } };
  if (!vault || !state.available) return { ...base, remembered: null, unreadable: null };
  try {
    const recalled = await vault.recall(profile);
    if (!recalled) return { ...base, remembered: null, unreadable: null };
    return {
      ...base,
      remembered: {
        endpoint: recalled.endpoint ?? null,
        region: recalled.region,
        projectId: recalled.projectId,
        accessKeyIdLast4: recalled.accessKeyId.slice(-4),
        savedAt: recalled.savedAt,
      },
      unreadable: null,
    };
  } catch (error) {
    if (!(error instanceof KeyferryError)) throw error;
    return { ...base, remembered: null, unreadable: error.toProblem() };
  }
}

type RememberedChannel = 'credentialsStatus' | 'forgetCredentials';

export function rememberedCredentialsHandlers(session: CeremonySession): HandlersFor<RememberedChannel> {
  return {
    credentialsStatus: async (request) => {
      session.requireMode('online');
      return describeRemembered(session, request?.profile ?? DEFAULT_CREDENTIALS_PROFILE);
    },

    forgetCredentials: async (request) => {
      session.requireMode('online');
      const profile = request?.profile ?? DEFAULT_CREDENTIALS_PROFILE;
      const vault = vaultOf(session);
      if (!vault) throw noDesktopVault();
      // Forgetting needs no encryption: it works even where the keystore has gone away.
      const existed = await vault.forget(profile);
      session.context.log.info('credentials.forgotten', { profile, existed });
      return describeRemembered(session, profile);
    },
  };
}
