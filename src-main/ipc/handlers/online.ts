/**
 * The online workstation's channels. Each handler translates one IPC request into one call of
 * the online workflow (src-main/core/ceremony/online/workflow.ts) and returns its plain answer.
 * The credentials typed in the UI become a KMS client here and are never sent back.
 */
import path from 'node:path';
import { parseCeremonyPlan } from '../../core/ceremony/shared/ceremony-plan';
import { causeValues, isKeyferryError, KeyferryError } from '../../core/errors';
import { accessKeyHint } from '../../core/kms/access-key-hint';
import { KmsClient } from '../../core/kms/client';
import { replicaKmsClients } from '../../core/ceremony/online/replica-connections';
import { everyKeyVerified } from '../../core/ceremony/online/key-status';
import {
  bindingOf,
  requireBoundConnection,
  type BoundCredentialSource,
  type CredentialBinding,
} from '../../core/kms/credential-binding';
import { AkSkCredentials } from '../../core/kms/credentials';
import type { KeyState } from '../../core/kms/types';
import type { KmsCredentials } from '../../core/kms/credentials';
import { problemData } from '../../core/journal';
import type { CredentialSource } from '../../core/ceremony/online/workflow';
import { phraseOf } from '../../i18n/phrase';
import { kmsStateOfFilter, type ValidRequest } from '../contract';
import type { HandlersFor } from './channel-handler';
import { refuseOtherConnection } from './recorded-connection';
import { connectOnline } from './ceremony-setup';
import {
  DEFAULT_CREDENTIALS_PROFILE,
  recallCredentials,
  rememberCredentials,
  requireCredentialVault,
} from './remembered-credentials';
import { keyStatusView } from './key-status';
import { writtenParametersView } from './written-parameters';
import { checkedBundleView } from './online-shown';
import { materialExpiry, resolveImportExpiryHandler } from './material-expiry';
import { readPlanFileHandler } from './plan-file';
import { readSmallFile, freshFolderInside } from './paths';
import { storeReceipt } from './receipt';
import type { CeremonySession } from './session';

type OnlineChannel =
  | 'connectKms'
  | 'listKeys'
  | 'readPlanFile'
  | 'createKeys'
  | 'fetchParameters'
  | 'writeParametersBundle'
  | 'checkWrappedBundle'
  | 'resolveImportExpiry'
  | 'importMaterial'
  | 'verifyKeys'
  | 'keyStatus'
  | 'deletionWarning'
  | 'deleteMaterial'
  | 'writeOnlineReceipt';

const MAX_CA_FILE_BYTES = 1024 * 1024;

type ConnectRequest = ValidRequest<'connectKms'>;

/** Credentials for one connection: where they came from and what they are bound to. */
interface ChosenCredentials {
  readonly credentials: KmsCredentials;
  /** Journaled with the connection (never a secret). */
  readonly source: CredentialSource;
  /** Remembered or session credentials: the connection they may be used for (checked before sending). */
  readonly bound?: { readonly from: BoundCredentialSource; readonly binding: CredentialBinding };
}

/** The credentials to connect with: typed in, remembered on this computer, or held for the session. */
async function connectionCredentials(session: CeremonySession, request: ConnectRequest): Promise<ChosenCredentials> {
  const given = request.credentials;
  if (request.useRemembered && (given || request.remember)) {
    throw new KeyferryError('CREDENTIALS_CHOICE_UNCLEAR');
  }
  if (request.remember) {
    if (!given) {
      throw new KeyferryError('CREDENTIALS_REMEMBER_NEEDS_ENTRY');
    }
    requireCredentialVault(session); // refuse before connecting, not after
  }
  if (request.useRemembered) {
    const profile = request.profile ?? DEFAULT_CREDENTIALS_PROFILE;
    const { credentials, binding } = await recallCredentials(session, profile);
    return {
      credentials,
      source: phraseOf('credentials.source.remembered', { profile }),
      bound: { from: { kind: 'remembered', name: profile }, binding },
    };
  }
  if (given) {
    const credentials = new AkSkCredentials({
      accessKeyId: given.accessKeyId,
      secretKey: given.secretAccessKey,
      ...(given.securityToken ? { securityToken: given.securityToken } : {}),
    });
    return { credentials, source: phraseOf('credentials.source.entered') };
  }
  if (!session.credentials || !session.credentialBinding) {
    throw new KeyferryError('CREDENTIALS_MISSING', { where: 'app' });
  }
  return {
    credentials: session.credentials,
    source: phraseOf('credentials.source.entered'),
    bound: { from: { kind: 'session' }, binding: session.credentialBinding },
  };
}

/**
 * Refuses (before anything is sent) remembered or session credentials for a connection other than
 * the one they are bound to; the refusal is journaled when the ceremony's journal has begun.
 */
async function requireBound(session: CeremonySession, chosen: ChosenCredentials, wanted: CredentialBinding) {
  if (!chosen.bound) return;
  try {
    requireBoundConnection(chosen.bound.from, chosen.bound.binding, wanted, () => phraseOf('credentials.from.form'));
  } catch (error) {
    const journal = session.onlineJournal;
    if (journal && journal.count > 0 && error instanceof KeyferryError) {
      await journal.append('system', 'credentials.refused', problemData(error)).catch(() => undefined);
    }
    throw error;
  }
}

/** Remembers the credentials that just worked; the connection stands even if this fails. */
async function rememberAfterConnecting(
  session: CeremonySession,
  request: ConnectRequest,
  given: NonNullable<ConnectRequest['credentials']>,
): Promise<void> {
  const profile = request.profile ?? DEFAULT_CREDENTIALS_PROFILE;
  try {
    await rememberCredentials(session, requireCredentialVault(session), profile, {
      region: request.region,
      projectId: request.projectId,
      ...(request.endpoint ? { endpoint: request.endpoint } : {}),
      accessKeyId: given.accessKeyId,
      secretAccessKey: given.secretAccessKey,
      ...(given.securityToken ? { securityToken: given.securityToken } : {}),
    });
  } catch (error) {
    const inner = isKeyferryError(error) ? error : new KeyferryError('INTERNAL', { detail: 'the vault failed' });
    session.context.log.warn('credentials.remember-failed', { profile, code: inner.code });
    throw new KeyferryError('CREDENTIALS_REMEMBER_FAILED', causeValues(inner));
  }
}

export function onlineHandlers(session: CeremonySession): HandlersFor<OnlineChannel> {
  const workflow = () => {
    session.requireMode('online', 'rehearsal');
    return session.requireOnline().ceremony;
  };
  return {
    connectKms: async (request) => {
      session.requireMode('online');
      session.requireSetup();
      const chosen = await connectionCredentials(session, request);
      const wanted = bindingOf({
        region: request.region,
        projectId: request.projectId,
        ...(request.endpoint ? { endpoint: request.endpoint } : {}),
      });
      await requireBound(session, chosen, wanted);
      const { credentials } = chosen;
      const extraCaPem = request.caFile
        ? (await readSmallFile(request.caFile, 'caCertificates', MAX_CA_FILE_BYTES)).toString('utf8')
        : undefined;
      if (extraCaPem !== undefined && !extraCaPem.includes('-----BEGIN CERTIFICATE-----')) {
        throw new KeyferryError('CA_FILE_NOT_PEM', { file: request.caFile ?? '', where: 'app' });
      }
      const kms = new KmsClient({
        projectId: request.projectId,
        region: request.region,
        credentials,
        ...(request.endpoint ? { endpoint: request.endpoint } : {}),
        ...(extraCaPem ? { extraCaPem } : {}),
        now: () => session.context.now(),
      });
      // One KMS per ceremony: the region, project and endpoint the journal records, or none yet.
      await refuseOtherConnection(session.journalPath('online'), session.onlineJournal?.entries, {
        endpoint: kms.endpoint.origin,
        region: request.region,
        projectId: request.projectId,
      });
      const hint = credentials.kind === 'aksk' ? accessKeyHint(credentials.accessKeyId) : null;
      const binding = chosen.bound?.binding ?? wanted;
      // Replica groups: the same credentials reach each replica's region beside this endpoint.
      const replicas = replicaKmsClients({
        projectId: request.projectId,
        credentials,
        endpoint: kms.endpoint.origin,
        ...(extraCaPem ? { extraCaPem } : {}),
        now: () => session.context.now(),
      });
      const connection = await connectOnline(
        session,
        kms,
        request.region,
        {
          endpoint: kms.endpoint.origin,
          region: request.region,
          projectId: request.projectId,
          accessKeyHint: hint,
          rehearsal: false,
        },
        { source: chosen.source, ...binding, accessKeyHint: hint },
        replicas,
      );
      session.credentials = credentials;
      session.credentialBinding = binding;
      if (request.remember && request.credentials) {
        await rememberAfterConnecting(session, request, request.credentials);
      }
      return connection;
    },

    listKeys: async ({ filter }) => {
      session.requireMode('online', 'rehearsal');
      const { kms, ceremony } = session.requireOnline();
      const state = kmsStateOfFilter(filter) as KeyState | undefined;
      const ours = new Set(ceremony.keys().map((k) => k.keyId));
      const keys = await kms.listKeys(state === undefined ? {} : { state });
      return {
        filter,
        checkedAt: session.now().toISOString(),
        keys: keys.map((k) => ({
          keyId: k.keyId,
          alias: k.alias ?? null,
          spec: k.spec ?? null,
          origin: k.origin ?? null,
          state: k.state,
          stateName: k.stateName,
          materialExpiresAt: k.materialExpiresAt?.toISOString() ?? null,
          inCeremony: ours.has(k.keyId),
        })),
      };
    },

    readPlanFile: readPlanFileHandler(session),

    createKeys: async ({ keys }) => {
      const ceremony = workflow();
      const setup = session.requireSetup();
      const plan = parseCeremonyPlan(
        { title: setup.title, operator: setup.operator, witnesses: [...setup.witnesses], keys },
        session.now(),
      );
      const created = await ceremony.createKeys(plan.keys);
      return {
        keys: created.map(({ keyId, alias, spec, usage, materialExpiry, replicaOf, region, projectId }) => ({
          keyId,
          alias,
          spec,
          usage,
          materialExpiry,
          ...(replicaOf ? { replicaOf, region, projectId } : {}),
        })),
      };
    },

    fetchParameters: async (request) => ({
      keys: await workflow().fetchParameters({
        ...(request?.wrappingAlgorithm ? { wrappingAlgorithm: request.wrappingAlgorithm } : {}),
        ...(request?.keyIds ? { keyIds: request.keyIds } : {}),
        surface: 'app',
      }),
    }),

    writeParametersBundle: async ({ folder }) => {
      const ceremony = workflow();
      const dir = await freshFolderInside(folder, `import-parameters-${ceremony.ceremonyId}`, 'parametersTarget');
      return writtenParametersView(ceremony, await ceremony.writeParametersBundle(dir));
    },

    checkWrappedBundle: async ({ folder, expectedDigest, digestSource, acceptOtherAirGapJournal }) => {
      const ceremony = workflow();
      if (digestSource === 'rehearsal-air-gapped-side' && session.context.mode.current() !== 'rehearsal') {
        throw new KeyferryError('WRAPPED_DIGEST_SOURCE_REFUSED');
      }
      // The core refuses an empty digest, one of another form and one that differs, before the KMS.
      const checked = await ceremony.checkWrappedBundle(
        path.resolve(folder),
        { expectedDigest, source: digestSource },
        { ...(acceptOtherAirGapJournal ? { acceptOtherAirGapJournal } : {}), shownAs: folder.trim() },
      );
      return checkedBundleView(checked);
    },

    resolveImportExpiry: resolveImportExpiryHandler(session),

    importMaterial: async ({ expiry }) => {
      const ceremony = workflow();
      // No expiry: each key's material expires as its bundle requests. One given: an override (journaled).
      const override = expiry ? materialExpiry(expiry, session.now()) : undefined;
      const imported = await ceremony.importMaterial(override ? { expiry: override } : {});
      return { keys: imported.map((k) => ({ ...k })) };
    },

    verifyKeys: async () => {
      const ceremony = workflow();
      const proofs = await ceremony.verifyKeys();
      return {
        allVerified: everyKeyVerified(proofs, ceremony.keys()),
        keys: proofs,
        checkedAt: session.now().toISOString(),
      };
    },

    keyStatus: async () => {
      const ceremony = workflow();
      // Open whenever the online side is (connectOnline opens it first).
      if (!session.onlineJournal) throw new KeyferryError('KMS_NOT_CONNECTED');
      // The ceremony's clock: in a rehearsal the simulator's (moved forward to rehearse a later day), as the import judges by.
      return keyStatusView(ceremony, session.onlineJournal, {
        now: session.now(),
        clock: session.simulator ? 'simulator' : 'computer',
      });
    },

    deletionWarning: async ({ keyId }) => workflow().deletionWarning(keyId),

    deleteMaterial: async ({ keyId, acknowledgeLoss, confirmedKeyId }) =>
      workflow().deleteMaterial(keyId, {
        lossAcknowledged: acknowledgeLoss,
        where: 'app',
        ...(confirmedKeyId !== undefined ? { confirmedKeyId } : {}),
      }),

    writeOnlineReceipt: async () => {
      const ceremony = workflow();
      const written = await ceremony.writeReceipt(session.requireSetup().folder);
      return storeReceipt(session, 'online', written);
    },
  };
}
