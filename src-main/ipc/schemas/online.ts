/** The online workstation's channels: connection, keys, parameters, the wrapped bundle, import. */
import { z } from 'zod';
import { custodyArrangementSchema } from '../../core/bundle/custody-arrangement';
import { MAX_PLANNED_KEYS, MAX_REPLICAS_PER_KEY } from '../../core/ceremony/shared/plan-limits';
import { journaledKeyIdSchema } from '../../core/identifiers';
import { problemSchema } from '../problem';
import { KMS_STATE_NAMES } from '../../i18n/kms-state-names';
import { WRAPPED_DIGEST_SOURCES } from '../../core/ceremony/online/wrapped-digest-sources';
import {
  keyAliasSchema,
  keyIdSchema,
  keySpecSchema,
  keyUsageSchema,
  materialExpirySchema,
  pathSchema,
  personNameSchema,
  projectIdSchema,
  regionSchema,
  timeTextSchema,
  wrappingAlgorithmSchema,
  ipcPhraseSchema,
  ipcWarningSchema,
  unrecordedSessionsSchema,
  writtenBundleSchema,
  onlineStepSchema,
} from './common';
import { namedKeySchema, recordedCustodySchema } from './key-status';

/** What `online.connect` and `rehearsal.start` answer: where we are connected, never with what. */
export const connectionSchema = z.object({
  endpoint: z.string(),
  region: z.string(),
  projectId: z.string(),
  keysVisible: z.number().int().nonnegative(),
  accessKeyHint: z.string().nullable(),
  rehearsal: z.boolean(),
  ceremonyId: z.string(),
  step: onlineStepSchema,
  /** A rehearsal: the simulator's other regions and their projects, for rehearsing replica groups. */
  replicaRegions: z.array(z.object({ region: z.string(), projectId: z.string() })).optional(),
  /** What opening the journal traced first (see the schema). */
  unrecordedSessions: unrecordedSessionsSchema,
});
export type Connection = z.output<typeof connectionSchema>;

/** A remembered-credentials profile name: short, lowercase, safe as a file name. */
const credentialsProfileSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a profile name is 1-64 of a-z 0-9 - (not starting with -)');

/**
 * Cloud credentials as typed in (connect) and as the vault remembers them. No zod messages: a
 * refusal names the field and rule through the catalogue (IPC_BAD_REQUEST, CREDENTIALS_INVALID).
 */
export const cloudCredentialsInputSchema = z.strictObject({
  /** 8-128 letters and digits. */
  accessKeyId: z.string().regex(/^[A-Za-z0-9]{8,128}$/),
  /** 8-256 characters without spaces. */
  secretAccessKey: z.string().regex(/^\S{8,256}$/),
  /** 1-16384 characters without spaces. */
  securityToken: z
    .string()
    .regex(/^\S{1,16384}$/)
    .optional(),
});

export const connectRequestSchema = z.strictObject({
  region: regionSchema,
  projectId: projectIdSchema,
  /** Optional explicit endpoint (https; http only on loopback). Default: the region's. */
  endpoint: z.string().min(1).max(2048).optional(),
  /** Optional PEM file of extra CA certificates. */
  caFile: pathSchema.optional(),
  /** Left out: keep using the credentials already held in the main process. */
  credentials: cloudCredentialsInputSchema.optional(),
  /** Remember the typed-in credentials on this computer (OS-encrypted) once the connection works. */
  remember: z.boolean().optional(),
  /** Connect with the credentials remembered on this computer instead of typed-in ones. */
  useRemembered: z.boolean().optional(),
  /** Which remembered set (default `default`). */
  profile: credentialsProfileSchema.optional(),
});

export const credentialsProfileRequestSchema = z
  .strictObject({ profile: credentialsProfileSchema.optional() })
  .optional();

/** What `credentials.status` and `credentials.forget` answer: never the secret key or a token. */
export const credentialsStatusSchema = z.object({
  profile: z.string(),
  /** `reason`: why the OS offers no vault here, as a problem (code + values; the screens render it). */
  vault: z.object({ available: z.boolean(), reason: problemSchema.nullable() }),
  remembered: z
    .object({
      endpoint: z.string().nullable(),
      region: z.string(),
      projectId: z.string(),
      /** The access key ID's last 4 characters only. */
      accessKeyIdLast4: z.string().max(4),
      savedAt: z.string(),
    })
    .nullable(),
  /** Set when a remembered copy exists but cannot be read back on this computer. */
  unreadable: problemSchema.nullable(),
});
export type CredentialsStatus = z.output<typeof credentialsStatusSchema>;

/** A KMS state's name as a filter value: "Pending import" → "pending-import". */
type FilterOf<Name extends string> = Name extends `${infer First} ${infer Rest}`
  ? `${Lowercase<First>}-${FilterOf<Rest>}`
  : Lowercase<Name>;
type KmsStateName = (typeof KMS_STATE_NAMES)[keyof typeof KMS_STATE_NAMES];
const filterOf = <Name extends KmsStateName>(name: Name) => name.toLowerCase().replace(/ /g, '-') as FilterOf<Name>;

/**
 * The key-state filters of the key list, in the order the screen offers them: all, then every KMS
 * state of the one table (i18n/kms-state.ts KMS_STATE_NAMES), by number, so the filter offers
 * exactly the states a key can have.
 */
export const KEY_STATE_FILTERS = ['all', ...Object.values(KMS_STATE_NAMES).map(filterOf)] as [
  'all',
  ...FilterOf<KmsStateName>[],
];

/** The KMS state number a filter asks for ("pending-import" → 5); undefined for 'all'. */
export function kmsStateOfFilter(filter: KeyStateFilter): number | undefined {
  const found = Object.entries(KMS_STATE_NAMES).find(([, name]) => filterOf(name) === filter);
  return found ? Number(found[0]) : undefined;
}
export const keyStateFilterSchema = z.enum(KEY_STATE_FILTERS);
export type KeyStateFilter = z.output<typeof keyStateFilterSchema>;

const kmsKeySchema = z.object({
  keyId: z.string(),
  alias: z.string().nullable(),
  spec: z.string().nullable(),
  origin: z.string().nullable(),
  state: z.number().int(),
  stateName: z.string(),
  materialExpiresAt: timeTextSchema.nullable(),
  /** The key belongs to the ceremony of this session. */
  inCeremony: z.boolean(),
});
export const keyListSchema = z.object({
  filter: keyStateFilterSchema,
  keys: z.array(kmsKeySchema),
  checkedAt: timeTextSchema,
});
export type KmsKeyView = z.output<typeof kmsKeySchema>;

/** A replica of a planned key: the same material in a key of this region/project (not the ceremony's own). */
const replicaTargetSchema = z.strictObject({ region: regionSchema, projectId: projectIdSchema });

export const plannedKeySchema = z.strictObject({
  alias: keyAliasSchema,
  spec: keySpecSchema,
  usage: keyUsageSchema.optional(),
  description: z.string().max(255).optional(),
  /** A replica group: the same material in a key of each region/project listed (at most 8; core checks the rest). */
  replicas: z.array(replicaTargetSchema).max(8).optional(),
  /**
   * This AES key's own material expiry, as a plan writes it: "never", a duration from creation
   * ("90d") or a date-time with its zone; absent: the ceremony's. The core's plan parser checks it
   * (refused for RSA/EC keys, or in the past), as for `online create-key --plan`.
   */
  materialExpiry: z.string().trim().min(1).max(64).optional(),
});

export const createKeysRequestSchema = z.strictObject({
  keys: z.array(plannedKeySchema).min(1).max(MAX_PLANNED_KEYS),
});
/** Read a ceremony plan file (JSON, as `keyferry online create-key --plan` reads it); main parses and checks it. */
export const readPlanRequestSchema = z.strictObject({ file: pathSchema });
/** A plan field the setup also decides, and what each says (as text: names joined by ", ", an ISO date-time). */
const planDifferenceSchema = z.object({
  field: z.enum(['title', 'operator', 'witnesses', 'wrappingAlgorithm', 'materialExpiry']),
  /** The value, or (witnesses) the names sorted, for the screen to list as its language lists names. */
  plan: z.union([z.string(), z.array(z.string())]),
  setup: z.union([z.string(), z.array(z.string())]),
});
/** The keys of a plan file, checked with the CLI's schema, for the create form (nothing is created yet). */
export const planFileSchema = z.object({
  /** The file's name (without its folder), as read. */
  fileName: z.string(),
  keys: z.array(
    z.object({
      alias: z.string(),
      spec: keySpecSchema,
      usage: keyUsageSchema,
      description: z.string(),
      /** The same material in a key of each of these regions/projects (empty: a key alone). */
      replicas: z.array(replicaTargetSchema),
      /**
       * This AES key's own material expiry ("never" or an ISO time, a duration resolved as read), or
       * the plan's where that differs from the setup's; absent: the ceremony's.
       */
      materialExpiry: z.string().optional(),
    }),
  ),
  /** Where the plan and this ceremony's setup disagree: the setup stands, only the keys are taken. */
  differences: z.array(planDifferenceSchema),
});
export type PlanFileView = z.output<typeof planFileSchema>;
export const createdKeysSchema = z.object({
  /** Primaries first, then each replica (with `replicaOf`, `region`, `projectId`). */
  keys: z.array(
    z.object({
      keyId: z.string(),
      alias: z.string(),
      spec: keySpecSchema,
      usage: keyUsageSchema,
      /** "never" or the ISO time its material is planned to expire (its own, else the ceremony's; never for RSA/EC). */
      materialExpiry: z.string(),
      replicaOf: z.string().optional(),
      region: z.string().optional(),
      projectId: z.string().optional(),
    }),
  ),
});

const issuedSchema = z.object({
  keyId: z.string(),
  alias: z.string(),
  spec: keySpecSchema,
  wrappingAlgorithm: wrappingAlgorithmSchema,
  wrappingKeyFingerprint: z.string(),
  wrappingKeyFingerprintGrouped: z.string(),
  importTokenSha256: z.string(),
  tokenExpiresAt: timeTextSchema,
});
export const issuedListSchema = z.object({ keys: z.array(issuedSchema) });

/**
 * Fetch import parameters; `wrappingAlgorithm`: ask for this one from now on (journaled when it
 * differs), e.g. RSAES_OAEP_SHA_1 after the air-gapped HSM refused OAEP with SHA-256; `keyIds`: for
 * these keys only (one source of material: the session's `materialSources`).
 */
export const fetchParametersRequestSchema = z
  .strictObject({
    wrappingAlgorithm: wrappingAlgorithmSchema.optional(),
    keyIds: z
      .array(journaledKeyIdSchema)
      .min(1)
      .max(MAX_PLANNED_KEYS * (1 + MAX_REPLICAS_PER_KEY))
      .optional(),
  })
  .optional();
export type IssuedView = z.output<typeof issuedSchema>;

/** Write a bundle: a new folder is created inside `folder` (never an existing one reused). */
export const bundleDestinationSchema = z.strictObject({ folder: pathSchema });

/**
 * The import-parameters bundle written, and its keys that take material imported before (null:
 * none, fresh material is wrapped): `own`, keys whose own material lapsed or was deleted; `group`,
 * keys never imported that take their group's material, each `member` with the `holder` outside the
 * round that holds it (core group-material.ts: the primary, or a replica); and
 * the custody copy the journal recorded for that material: the way on is its restore, not fresh material.
 * `taken`: false when no key takes this bundle (the bundle plan's warning says to destroy it): it is
 * not to be carried to the air-gapped workstation.
 */
export const writtenParametersSchema = writtenBundleSchema.extend({
  taken: z.boolean(),
  materialBefore: z
    .object({
      own: z.array(namedKeySchema),
      group: z.array(z.object({ member: namedKeySchema, holder: namedKeySchema })),
      custody: recordedCustodySchema,
    })
    .nullable(),
});
export type WrittenParametersView = z.output<typeof writtenParametersSchema>;

export const checkWrappedRequestSchema = z.strictObject({
  folder: pathSchema,
  /** Required: the bundle digest from the air-gapped receipt, as typed (spaces and case ignored; form checked in main). */
  expectedDigest: z.string().max(200),
  /** Typed from the air-gapped receipt, or (rehearsal mode only) the digest the rehearsal's own air-gapped side wrote. */
  digestSource: z.enum(WRAPPED_DIGEST_SOURCES),
  /**
   * The officer's word for a bundle of another air-gapped journal than the ceremony's, or of none:
   * the ceremony's journal's file name as typed (main accepts it only when it is that name; journaled
   * as an override, like online import --accept-other-airgap-journal), for the bundle the refusal
   * named (its value `refusedBundleSha256`): main refuses the word for any other bundle it reads.
   */
  acceptOtherAirGapJournal: z
    .strictObject({
      typedCeremonyJournal: z.string().max(255),
      refusedBundleSha256: z.string().regex(/^[0-9a-f]{64}$/),
    })
    .optional(),
});
export const checkedBundleSchema = z.object({
  dir: z.string(),
  manifestSha256: z.string(),
  manifestSha256Grouped: z.string(),
  keys: z.array(
    z.object({
      keyId: z.string(),
      alias: z.string(),
      spec: keySpecSchema,
      publicKeyFingerprint: z.string().nullable(),
      keyCheckValue: z.string().nullable(),
      tokenExpiresAt: timeTextSchema,
      /** "never" or the ISO time the bundle requests for the material (used unless overridden). */
      requestedExpiresAt: z.string(),
      /** A replica: its group's primary, whose fingerprint or KCV it shares; null otherwise. */
      replicaOf: z.string().nullable(),
    }),
  ),
  warnings: z.array(ipcWarningSchema),
  /** Who keeps a copy of the material (M of N and custodians, HSM token, or none); null when the bundle does not say. */
  custody: custodyArrangementSchema.nullable(),
  /** Who made the material on the air-gapped side and in which journal (manifest format 3); null for older bundles. */
  madeBy: z
    .object({
      /** The kind of air-gapped session (the manifest's word: a wrap, or a custody restore). */
      purpose: z.string().max(40),
      operator: personNameSchema,
      witnesses: z.array(personNameSchema).max(20),
      journalFile: z.string().max(255),
      journalFirstEntrySha256: z.string().regex(/^[0-9a-f]{64}$/),
    })
    .nullable(),
  /** Let through on the officer's typed word (another air-gapped journal's, or none's): journaled as an override. */
  otherAirGapJournalAccepted: z.boolean(),
});
export type CheckedBundleView = z.output<typeof checkedBundleSchema>;

/**
 * What the online session fetched, wrote and checked last (empty and null: nothing yet, or replaced
 * by a later fetch), held in main: a reloaded window shows the digest to read aloud and the checked
 * bundle again, instead of a step marked done with nothing under it.
 */
export const onlineShownSchema = z.object({
  issued: issuedListSchema.shape.keys,
  parametersBundle: writtenParametersSchema.nullable(),
  checkedBundle: checkedBundleSchema.extend({ digestSource: z.enum(WRAPPED_DIGEST_SOURCES) }).nullable(),
});
export type OnlineShownView = z.output<typeof onlineShownSchema>;

/**
 * The import's material expiry as the officer typed it, in the forms `online import --expires` takes
 * ("never", a duration from now, a date-time with its zone); main reads it with the core's parser.
 */
export const resolveExpiryRequestSchema = z.strictObject({ text: z.string().max(64) });

/** `expiry` left out: each key's material expires as its wrapped-material bundle requests. */
export const importRequestSchema = z.strictObject({ expiry: materialExpirySchema.optional() });
export const importedSchema = z.object({
  keys: z.array(
    z.object({
      keyId: z.string(),
      spec: keySpecSchema,
      expiresAt: z.string(),
      requestedExpiresAt: z.string(),
      expirySource: z.enum(['bundle', 'override']),
      confirmation: z.string(),
    }),
  ),
});
/** Which key's deletion warning to read. */
export const deletionWarningRequestSchema = z.strictObject({ keyId: keyIdSchema });
/**
 * What deleting a key's imported material loses, from the custody copy the online journal recorded
 * (the command line's words), and whether the key ID must be typed (no custody copy).
 */
export const deletionWarningSchema = z.object({
  keyId: z.string(),
  warning: ipcPhraseSchema,
  keyIdToType: z.boolean(),
});
export type DeletionWarningView = z.output<typeof deletionWarningSchema>;
/**
 * Deleting material needs the person's acknowledgement of the loss the warning named, and the key ID
 * as they typed it (compared by the ceremony: needed when no custody copy was kept).
 */
export const deleteMaterialRequestSchema = z.strictObject({
  keyId: keyIdSchema,
  acknowledgeLoss: z.literal(true),
  confirmedKeyId: z.string().max(200).optional(),
});
export const deletedMaterialSchema = z.object({ keyId: z.string(), keyState: z.string() });
