/**
 * The online side's journal events and their data. The journal is the online workstation's
 * durable record: a later process (another day) rebuilds the ceremony from it (state.ts).
 * No event carries key material; the import token is recorded because the wrapped-material
 * bundle cites only its SHA-256 and the import needs the token itself (it is not key material).
 */
import { z } from 'zod';
import { phraseOrSentenceSchema, phraseSchema } from '../../../i18n/phrase';
import { KEY_SPECS, WRAPPING_ALGORITHMS } from '../../crypto/key-spec';
import { custodyArrangementSchema } from '../../bundle/custody-arrangement';
import { WRAPPED_DIGEST_SOURCES } from './wrapped-digest-sources';

export const ONLINE_EVENTS = {
  started: 'ceremony.started',
  session: 'ceremony.session-started',
  /**
   * Written by a session before its own start when the session before it sent imports and recorded
   * no answer to them (a kill, a power cut, a journal that could not be written): unrecorded-session.ts.
   */
  sessionUnrecorded: 'ceremony.session-unrecorded',
  connected: 'kms.connected',
  /** A connection to a replica's region/project (the ceremony's own connection is kms.connected). */
  replicaConnected: 'kms.replica-connected',
  /** A replica connection refused before anything was sent: not the endpoint/project the credentials may reach there. */
  replicaRefused: 'kms.replica-refused',
  /** The plan's keys, journaled as a create step starts (again when it is run again after a stop). */
  keysPlanned: 'keys.planned',
  keyCreated: 'key.created',
  /** The wrapping algorithm asked for from now on (e.g. RSAES_OAEP_SHA_1 for an HSM that does OAEP only with SHA-1). */
  wrappingAlgorithmChosen: 'wrapping-algorithm.chosen',
  /**
   * The keys the next import parameters are fetched for, when not every key waiting for them (the
   * officer chose some: one source of material at a time, material-sources.ts), or again every one
   * after such a choice. Absent: every key waiting (parameters-round.ts).
   */
  parametersKeysChosen: 'parameters.keys-chosen',
  parametersFetched: 'parameters.fetched',
  /** An answer's wrapping key refused at fetch (weak, or one Huawei's import would refuse): nothing issued. */
  parametersRefused: 'parameters.refused',
  parametersWritten: 'parameters.bundle-written',
  wrappedChecked: 'wrapped-bundle.checked',
  /** A wrapped-material bundle refused before anything was sent: no digest from the receipt, a digest that differs, or a failed check. */
  wrappedRefused: 'wrapped-bundle.refused',
  /** A wrap of another air-gapped journal than the ceremony's earlier one, imported on the officer's explicit word (an override). */
  otherAirGapJournalAccepted: 'wrapped-bundle.other-journal-accepted',
  /**
   * A key of a checked bundle left out of its import, journaled before the check: it holds material
   * imported with parameters issued after this bundle's (a later wrap of some keys only).
   */
  wrappedKeySkipped: 'wrapped-bundle.key-skipped',
  imported: 'key.imported',
  /** `online status` read every key's state (describe-key), before proving them. */
  statusRead: 'key.status-read',
  verified: 'key.verified',
  verifyFailed: 'key.verify-failed',
  /**
   * The officer's acknowledgement that deleting a key's imported material loses it, journaled right
   * before the delete request goes out: until key.material-deleted, that deletion may have reached the KMS.
   */
  lossAcknowledged: 'material.loss-acknowledged',
  materialDeleted: 'key.material-deleted',
  /** describe-key found an imported AES key back in Pending import (its material expired or was deleted outside Keyferry). */
  materialLapsed: 'key.material-lapsed',
  /** Before an import: per key, the expiry the bundle requests, the plan's, and the one used (an override, or bundle and plan differ). */
  expiryChosen: 'import.expiry-chosen',
  stepFailed: 'step.failed',
  /**
   * Written (fsynced) just before an import-key-material request goes out, after describe-key found
   * the key Pending import. Until key.imported, or a refusal the KMS gave to that request, it says an
   * import of this ceremony may have reached the KMS: a process killed after sending leaves only this.
   */
  importSending: 'key.import-sending',
  /**
   * Written (fsynced) just before a create-key request goes out. Until the key's key.created, it says
   * this ceremony may have created a key under that alias there: a run stopped after sending leaves
   * only this, and only such a key may be taken back by the next run (planned-keys.ts).
   */
  createSending: 'key.create-sending',
  /**
   * A plan left out the alias of a create sent and never answered, and the KMS holds a key of
   * another spec or usage under it: not that create's key (it never took effect), seen and left
   * alone (unrecorded-create.ts). A warning, journaled as the create step starts.
   */
  leftAloneUnderDroppedAlias: 'key.left-alone-under-dropped-alias',
  /** A KMS call sent again after a throttling answer (or, for a read, a passing failure), before the wait. */
  kmsRetried: 'kms.retried',
  receiptWritten: 'receipt.written',
  /** The receipt could not be written (its folder missing, read-only, full): the import stands; a rerun writes it. */
  receiptFailed: 'receipt.failed',
  /** After verification: every key of a replica group holds the group's one material, and how that was proven. */
  replicaGroupProven: 'replica-group.proven',
  /** After verification: a replica group whose keys do not all hold the bundle's material (a refusal). */
  replicaGroupRefused: 'replica-group.refused',
} as const;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const startedData = z.object({
  ceremonyId: z.string(),
  title: z.string(),
  operator: z.string(),
  witnesses: z.array(z.string()),
  side: z.literal('online'),
  rehearsal: z.boolean(),
  wrappingAlgorithm: z.enum(WRAPPING_ALGORITHMS),
  expiry: z.string(),
});

export const keyCreatedData = z.object({
  keyId: z.string(),
  alias: z.string(),
  spec: z.enum(KEY_SPECS),
  usage: z.enum(['ENCRYPT_DECRYPT', 'SIGN_VERIFY']),
  description: z.string(),
  /** A replica: the key id of its group's primary, and the region/project it was created in. */
  replicaOf: z.string().optional(),
  region: z.string().optional(),
  projectId: z.string().optional(),
  /** True: not created by this call but found in the KMS, created by an attempt stopped before its answer was journaled. */
  foundInKms: z.literal(true).optional(),
  /** A key found: the entry of the send that created it (key.create-sending) and of the trace that named it (unrecorded-create.ts). */
  sent: z.object({ seq: z.number(), unrecordedSeq: z.number().optional() }).optional(),
  /** AES: the key's planned material expiry ('never' or ISO; its own or the plan's). Absent: asymmetric, or journals before 2026-12 (the plan's). */
  plannedExpiry: z.string().optional(),
});

export const wrappingAlgorithmChosenData = z.object({
  from: z.enum(WRAPPING_ALGORITHMS),
  to: z.enum(WRAPPING_ALGORITHMS),
});

export const parametersKeysChosenData = z.object({ keyIds: z.array(z.string()).min(1) });

export const keysPlannedData = z.object({
  keys: z.array(
    z.object({
      alias: z.string(),
      spec: z.enum(KEY_SPECS),
      usage: z.enum(['ENCRYPT_DECRYPT', 'SIGN_VERIFY']),
      replicas: z.array(z.object({ region: z.string(), projectId: z.string() })),
    }),
  ),
});

export const parametersFetchedData = z.object({
  keyId: z.string(),
  wrappingAlgorithm: z.enum(WRAPPING_ALGORITHMS),
  wrappingKeyFingerprint: sha256,
  importTokenSha256: sha256,
  importToken: z.string(),
  tokenExpiresAt: z.string(),
  /** The wrapping key, base64 SPKI DER (public): the bundle can be written in a later session. */
  wrappingPublicKey: z.string(),
  region: z.string(),
  projectId: z.string(),
});

export const parametersWrittenData = z.object({
  folder: z.string(),
  manifestSha256: sha256,
  keyIds: z.array(z.string()),
});
export const importedData = z.object({
  keyId: z.string(),
  expiresAt: z.string().nullable(),
  importTokenSha256: sha256,
  confirmation: z.string(),
});
export const verifiedData = z.object({
  keyId: z.string(),
  keyState: z.string(),
  /** A `proof.key.*` phrase; journals written before 2026-12 hold its English sentence. */
  proof: phraseOrSentenceSchema,
  publicKeyFingerprint: sha256.nullable(),
});
export const keyIdData = z.object({ keyId: z.string() });
/** A `statusRead` entry's keys as the KMS described them (what the state reads of it). */
export const statusReadData = z.object({ keys: z.array(z.object({ keyId: z.string(), keyState: z.string() })) });
/** A `lossAcknowledged` entry that is a deletion of a key's imported material (loss-acknowledgement.ts). */
export const deletionAcknowledgedData = z.object({ keyId: z.string(), action: z.literal('delete-imported-material') });
/** An import about to be sent; `retryOfSeq`: the resend within a run of the send at that entry, its answer lost and the key still Pending import. */
export const importSendingData = z.object({
  keyId: z.string(),
  importTokenSha256: sha256,
  retryOfSeq: z.number().optional(),
});

/** Where a create goes: the alias, and a replica's region and project (none for a primary). */
export const createPlaceData = z.object({
  alias: z.string(),
  region: z.string().optional(),
  projectId: z.string().optional(),
});
/**
 * A create about to be sent, with the spec and usage it asks for (journals since 2026-12-04; absent
 * in older ones); sent again after a send of it the journal holds no answer to (the key not in the
 * KMS): the entry of that send and of the trace that named it (unrecorded-create.ts).
 */
export const createSendingData = createPlaceData.extend({
  spec: z.string().optional(),
  usage: z.string().optional(),
  retryOfSeq: z.number().optional(),
  unrecordedSeq: z.number().optional(),
});
/** A key.left-alone-under-dropped-alias: the send left out (its place, entry, and the spec and usage it asked for where recorded) and the key seen under its alias. */
export const leftAloneUnderDroppedAliasData = createPlaceData.extend({
  sentSeq: z.number(),
  sentSpec: z.string().optional(),
  sentUsage: z.string().optional(),
  keyId: z.string(),
  spec: z.string(),
  usage: z.string(),
});
/**
 * A `ceremony.session-unrecorded`: why (a phrase), the keys whose import was sent and not answered,
 * and (creates, journals since 2026-12-04) each create sent and not answered: its alias, a
 * replica's region and project, and the entry of its key.create-sending.
 */
export const sessionUnrecordedData = z.object({
  reasonPhrase: phraseSchema,
  keyIds: z.array(z.string()),
  creates: z.array(createPlaceData.extend({ seq: z.number() })).optional(),
});
/** What the state reads of a failed step: which step, which key, and the problem's code. */
export const stepFailedData = z.object({ step: z.string(), keyId: z.string().nullable(), code: z.string() });
/** How a replica group was proven to hold one material (see replica-proof.ts). */
export const REPLICA_PROOF_METHODS = ['public-key-equal', 'kcv-of-wrapped-material'] as const;
export const replicaGroupProvenData = z.object({
  primaryKeyId: z.string(),
  method: z.enum(REPLICA_PROOF_METHODS),
  publicKeyFingerprint: sha256.nullable(),
  keyCheckValue: z.string().nullable(),
  members: z.array(z.object({ keyId: z.string(), region: z.string(), projectId: z.string(), keyState: z.string() })),
});
export const wrappedCheckedData = z.object({
  folder: z.string(),
  manifestSha256: sha256,
  /** Absent in journals written before the digest was required. */
  digestSource: z.enum(WRAPPED_DIGEST_SOURCES).optional(),
  /**
   * The import-parameters bundle whose tokens the wrapped bundle uses; null when no bundle the journal
   * records writing carried them (absent in journals written before 2026-12-04).
   */
  parametersBundle: z.object({ folder: z.string(), manifestSha256: sha256 }).nullable().optional(),
  /**
   * Who keeps a copy of the material, as the bundle's manifest said (null: the bundle did not say;
   * absent in journals written before it was journaled). One that no longer parses reads as unknown.
   */
  custody: custodyArrangementSchema.nullable().optional().catch(null),
  keys: z.array(
    z.object({ keyId: z.string(), publicKeyFingerprint: sha256.nullable(), keyCheckValue: z.string().nullable() }),
  ),
});
/**
 * An override: a bundle of another air-gapped journal than the ceremony's (or naming none, format
 * versions 1-2) imported on the officer's word, journaled before any later check; the journal of
 * the bundle becomes the ceremony's once that bundle's check vouches for it (THE RULE,
 * online/wrapped-bundle-makers.ts). Absent full hashes: journaled before 2026-12-02 (the grouped
 * first entry only).
 */
export const otherAirGapJournalAcceptedData = z.object({
  folder: z.string(),
  manifestSha256: sha256,
  /** The accepted bundle's journal (absent: the bundle named none). */
  airGapJournal: z.string().min(1).optional(),
  airGapJournalFirstEntrySha256: sha256.optional(),
  /** The ceremony's journal until then. */
  earlierAirGapJournal: z.string(),
  earlierAirGapJournalFirstEntrySha256: sha256.optional(),
  earlierSeq: z.number(),
});
