/** The air-gapped workstation's channels: network, parameters, witnesses' confirmations, material, wrap. */
import { z } from 'zod';
import {
  check,
  keyIdSchema,
  keySpecSchema,
  materialExpirySchema,
  pathSchema,
  personNameSchema,
  personNameAsTypedSchema,
  sha256HexSchema,
  timeTextSchema,
  wrappingAlgorithmSchema,
  ipcWarningSchema,
  ipcPhraseSchema,
} from './common';
import { wrapAgainReasonSchema } from '../../core/ceremony/airgap/wrap-again-reason';
import { TOKEN_OBJECT_CLASSES } from '../../core/hsm/token-object-class';
import { journaledKeyIdSchema } from '../../core/identifiers';

const tokenObjectSchema = z.object({
  // As the journal reader takes it: a crashed session's objects are named whatever key id their entry says.
  keyId: journaledKeyIdSchema,
  label: z.string().max(256),
  objectId: z.string().regex(/^[0-9a-f]{0,512}$/),
  objectClass: z.enum(TOKEN_OBJECT_CLASSES),
});

/**
 * The HSM token objects a session that did not finish had generated (core token-objects-cleanup.ts):
 * destroyed, or left in the token with the command that deletes each by hand, and why (a problem's
 * code and values; null: the session ended without stopping).
 */
const tokenObjectsSchema = z.object({
  tokenLabel: z.string().max(64),
  tokenSerial: z.string().max(64),
  destroyed: z.array(tokenObjectSchema),
  left: z.array(tokenObjectSchema.extend({ command: z.string().max(2000) })),
  problem: z
    .object({ code: z.string().max(80), values: z.record(z.string(), z.union([z.string(), z.number()])) })
    .nullable(),
});

/**
 * What the HSM check did with the token objects a crashed session left in the chosen token (core
 * crashed-objects-destroy.ts): destroyed once proven, or not, each with the problem saying why
 * (HSM_LEFT_OBJECT_UNPROVEN, HSM_LEFT_OBJECT_STILL_UNPROVEN) and the command that deletes it by hand.
 */
export const crashedObjectsSchema = z.object({
  tokenLabel: z.string().max(64),
  tokenSerial: z.string().max(64),
  destroyed: z.array(tokenObjectSchema),
  /** The `hsm.objects-destroyed` journal entries that recorded them. */
  destroyedIn: z.array(z.number().int().nonnegative()),
  unproven: z.array(
    tokenObjectSchema.extend({
      command: z.string().max(2000),
      problem: z.object({
        code: z.string().max(80),
        values: z.record(z.string(), z.union([z.string(), z.number()])),
      }),
    }),
  ),
});
export type CrashedObjectsView = z.output<typeof crashedObjectsSchema>;

/**
 * A refusal of the token check after it destroyed such objects carries what it destroyed in its
 * values (core destroyed-before-refusal.ts); the step reads it there to say it before the refusal.
 */
export {
  destroyedBeforeRefusal,
  type DestroyedBeforeRefusal,
} from '../../core/ceremony/airgap/destroyed-before-refusal';

/**
 * What a session that did not finish left on the media (core session-stop.ts AbandonReport): its
 * unreceipted bundle withdrawn (marked ABANDONED.txt) or to delete by hand, its custody files
 * removed from the custodians' folders or to delete by hand, its HSM token objects destroyed or to
 * delete by hand.
 */
export const withdrawalSchema = z.object({
  /** A written bundle no receipt names, withdrawn (marked ABANDONED.txt), or null. */
  withdrawnBundle: z.string().nullable(),
  /** A written bundle that could not be withdrawn: delete it by hand. */
  deleteByHand: z.string().nullable(),
  /** Custodian folders whose files of the session (shares, slips, backup) were removed. */
  withdrawnCustody: z.array(z.string()),
  /** Custody files of the session that could not be removed: delete them by hand. */
  custodyByHand: z.array(z.string()),
  /** The HSM token objects it had generated: destroyed, or to delete by hand (absent: none). */
  tokenObjects: tokenObjectsSchema.optional(),
});
export type WithdrawalView = z.output<typeof withdrawalSchema>;

/**
 * The journal's earlier session that ended without stopping (a crash, a power cut), closed when
 * this session started (core unfinished-session.ts): which session and entries, and what of it was
 * withdrawn.
 */
export const unfinishedSessionSchema = withdrawalSchema.extend({
  session: z.number().int().positive(),
  fromSeq: z.number().int().positive(),
  toSeq: z.number().int().positive(),
  /** Its ceremony.interrupted entry when a stop came before it could journal its end (not a crash); null: none. */
  interruptedSeq: z.number().int().positive().nullable(),
  /** Its own stop had begun and was cut short: what that stop withdrew was not withdrawn again. */
  stopCutShort: z.boolean(),
  /** The entry of its closing begun earlier and cut short, run again now (null: closed now, whole). */
  resumedSeq: z.number().int().positive().nullable(),
  /**
   * Each custodian folder whose files it wrote are NOT withdrawn, one per holder (share, custodian,
   * folder, why, what to delete), as the journal and the command line say it.
   */
  notWithdrawn: z.array(ipcPhraseSchema),
  /** The receipt files it printed, voided (renamed NAME.void): they name the bundle withdrawn. */
  voidedReceipts: z.array(z.string().max(255)).max(8),
  /** It was killed after its receipt and before its bundle's manifest: the bundle never became whole. */
  beforeManifest: z.boolean(),
});
export type UnfinishedSessionView = z.output<typeof unfinishedSessionSchema>;

export const airGapNetworkSchema = z.object({
  state: z.enum(['offline', 'network-present']),
  /** One plain line in English (the journal's). */
  summary: z.string(),
  /** The same line as a catalogue message: what the screen shows, in its language. */
  message: z.discriminatedUnion('key', [
    z.object({ key: z.literal('network.offline') }),
    z.object({ key: z.literal('network.overridden'), values: z.object({ interfacesList: z.string() }) }),
  ]),
  /** True when a live network was accepted (rehearsal mode only). */
  overridden: z.boolean(),
  liveInterfaces: z.array(
    z.object({ name: z.string(), family: z.string(), address: z.string(), linkLocal: z.boolean() }),
  ),
  /** An earlier session of the journal that ended without stopping, closed before this one started (null: none). */
  earlierSession: unfinishedSessionSchema.nullable(),
  /** The parameters bundle folder that closing was checked against, which the parameters step then reads (null: none). */
  checkedParameters: z.string().nullable().optional(),
});

export const folderRequestSchema = z.strictObject({ folder: pathSchema });

/**
 * The network check that opens the air-gapped side; when its journal ends with a session unfinished,
 * what that session's closing is checked against first: the parameters bundle to wrap now, or the
 * officer's choice of console files (core/ceremony/airgap/unfinished-before-opening.ts).
 */
export const airGapCheckRequestSchema = z
  .strictObject({
    beforeClosing: z
      .union([z.strictObject({ parametersFolder: pathSchema }), z.strictObject({ consoleFiles: z.literal(true) })])
      .optional(),
  })
  .optional();

/** The console's raw files for one key (no bundle): the wrapping key file and ImportToken.b64. */
export const consoleFilesRequestSchema = z.strictObject({
  keys: z
    .array(
      z.strictObject({
        keyId: keyIdSchema,
        spec: keySpecSchema,
        wrappingAlgorithm: wrappingAlgorithmSchema.optional(),
        wrappingKeyFile: pathSchema,
        importTokenFile: pathSchema,
      }),
    )
    .min(1)
    .max(20),
});

/**
 * What the witnesses confirm: the import-parameters bundle (one value, its digest), or for the
 * console's files each wrapping key (its fingerprint). Every witness types it for themselves.
 */
export const artefactToConfirmSchema = z.object({
  index: z.number().int().nonnegative(),
  kind: z.enum(['import-parameters-bundle', 'wrapping-key']),
  keyIds: z.array(z.string()),
  /** Each covered key's wrapping-key fingerprint, for those who want to compare them too. */
  fingerprints: z.array(z.object({ keyId: z.string(), fingerprint: sha256HexSchema, grouped: z.string() })),
  /** The value to type, grouped: a bundle digest only once every witness typed it (else null). */
  shown: z.string().nullable(),
  confirmedBy: z.array(z.string()),
  /** Witnesses who have not typed it yet: every witness confirms for themselves. */
  pending: z.array(z.string()),
});
export type ArtefactToConfirmView = z.output<typeof artefactToConfirmSchema>;

/** The parameters as read; the bundle digest is not among them (the witnesses type it as heard). */
export const parametersOverviewSchema = z.object({
  ceremonyId: z.string(),
  source: z.string(),
  keys: z.array(
    z.object({
      keyId: z.string(),
      alias: z.string(),
      spec: keySpecSchema,
      wrappingAlgorithm: z.string(),
      wrappingKeyFingerprint: sha256HexSchema,
      importTokenSha256: sha256HexSchema.nullable(),
      tokenExpiresAt: timeTextSchema.nullable(),
      /** This key's planned material expiry (its own, else the bundle's one): never or an ISO time; null: no plan. */
      plannedExpiry: z.union([z.literal('never'), timeTextSchema]).nullable(),
      /** A replica: its group's primary, whose material it gets (generated once, wrapped per key). */
      replicaOf: z.string().nullable(),
      /** Where the KMS key lives (null for console files). */
      region: z.string().nullable(),
      projectId: z.string().nullable(),
      /** Bound at an earlier import: only that material (this KCV or public-key SHA-256) can be wrapped. */
      bound: z
        .object({
          kind: z.enum(['kcv', 'spki']),
          value: z.string(),
          importedSeq: z.number().int().positive(),
        })
        .nullable(),
    }),
  ),
  confirmations: z.array(artefactToConfirmSchema),
  warnings: z.array(ipcWarningSchema),
  /** The plan's AES material expiry from the bundle: never or an ISO time; null for console files. */
  planExpiry: z.union([z.literal('never'), timeTextSchema]).nullable(),
});
export type ParametersOverview = z.output<typeof parametersOverviewSchema>;

export const confirmationListSchema = z.object({ confirmations: z.array(artefactToConfirmSchema) });

export const confirmAsWitnessRequestSchema = z.strictObject({
  witness: personNameSchema,
  /** The whole value as the witness typed it (any spacing, any case). */
  typed: z.string().min(1).max(300),
  /** Which artefact (index in the list); default: the one the value matches, else the witness's next. */
  artefact: z.number().int().nonnegative().max(100).optional(),
});
export const confirmationSchema = z.object({
  confirmed: artefactToConfirmSchema,
  /** Confirmations still missing (witnesses × artefacts). */
  remaining: z.number().int().nonnegative(),
});

export const materialSummarySchema = z.object({
  keyId: z.string(),
  spec: keySpecSchema,
  source: z.enum(['generated', 'file', 'hsm']),
  publicKeyFingerprint: sha256HexSchema.nullable(),
  keyCheckValue: z.string().nullable(),
  /** HSM material: the label of the token object that holds it (the custody copy). */
  objectLabel: z.string().optional(),
});
export type MaterialView = z.output<typeof materialSummarySchema>;
export const materialListSchema = z.object({ keys: z.array(materialSummarySchema) });

export const loadMaterialRequestSchema = z.strictObject({
  keyId: keyIdSchema,
  file: pathSchema,
  /** For an encrypted PEM private key; used once in main, never stored or sent back. */
  passphrase: z.string().min(1).max(1024).optional(),
});

const custodyPlanSchema = z
  .strictObject({
    m: z.number().int().min(2).max(16),
    n: z.number().int().min(2).max(16),
    /** As typed: the preflight checks them as the command line checks --custodian (checkCustodianNames). */
    custodians: z.array(personNameAsTypedSchema).min(2).max(16),
    folders: z.array(pathSchema).min(2).max(16),
    /** Rehearsal only: accept custodian folders on one volume (journaled as a warning). */
    allowSameVolume: z.boolean().optional(),
  })
  .refine(
    (r) => r.m <= r.n && r.custodians.length === r.n && r.folders.length === r.n,
    check('custodyCounts', 'M must not exceed N, with one custodian and one folder per share'),
  );
export type CustodyPlan = z.output<typeof custodyPlanSchema>;

/**
 * The air-gapped side's preflight, before any material exists: where the bundle goes (a new
 * folder inside `folder`), the expiry it requests, the custody split (custodian folders are
 * checked too), and, when AES material with an expiry would be kept nowhere, the officer's
 * acknowledgement of that loss (journaled). Everything later is written exactly as planned here.
 */
export const airGapPreflightRequestSchema = z
  .strictObject({
    folder: pathSchema,
    expiry: materialExpirySchema.optional(),
    custody: custodyPlanSchema.optional(),
    /** "I understand this AES material is kept nowhere and is lost for ever after its expiry." */
    acknowledgeNoBackup: z.literal(true).optional(),
    /**
     * The material will come from an HSM: its token objects are the custody copy, so no loss is
     * acknowledged and no custody shares are planned (HSM material cannot be split).
     */
    materialFromHsm: z.literal(true).optional(),
    /**
     * The officer's reason to wrap again while an earlier bundle of this journal can still be
     * imported (the session's `earlierWraps`); without it such a preflight is refused (journaled).
     */
    wrapAgain: wrapAgainReasonSchema.optional(),
  })
  .refine(
    (r) => !(r.materialFromHsm && r.custody),
    check('hsmCustody', 'HSM material cannot be split into custody shares', ['custody']),
  );

/** A wrap this journal finished before this session (core/ceremony/airgap/earlier-wraps.ts). */
export const earlierWrapSchema = z.object({
  session: z.number().int().positive(),
  bundleDigest: sha256HexSchema,
  folder: z.string(),
  receipt: z.string().nullable(),
  custody: z.object({ backupDigest: sha256HexSchema, custodians: z.array(z.string()) }).nullable(),
  /** Its material was generated in an HSM token: the token objects are its custody copy. */
  hsmCustody: z.boolean(),
  /** ISO: until when its bundle can be imported (its latest token); null: not known (counted as importable). */
  tokensUntil: z.string().nullable(),
  /** Main's answer now: its bundle can still be imported, so wrapping again needs the officer's reason. */
  importable: z.boolean(),
});
export type EarlierWrapView = z.output<typeof earlierWrapSchema>;

/** What passed the preflight: the folders that will be written and what the bundle will request. */
export const preflightSchema = z.object({
  wrappedBundle: z.string(),
  receiptFolder: z.string(),
  custodianFolders: z.array(z.string()),
  /** The one expiry every AES key requests; null: each key its own planned expiry. */
  expiry: materialExpirySchema.nullable(),
  /** The AES keys whose loss after the expiry the officer acknowledged (journaled); empty when none. */
  noBackupKeyIds: z.array(z.string()),
  /** Main's answer: the planned expiries the chosen one overrides ('never' or ISO), each naming its keys (journaled). */
  expiryOverrides: z.array(z.object({ planned: z.string(), requested: z.string(), keyIds: z.array(z.string()) })),
  /** The material is planned to come from an HSM (its token keeps it). */
  materialFromHsm: z.boolean(),
  custody: z
    .object({ m: z.number().int(), n: z.number().int(), custodians: z.array(z.string()), sameVolume: z.boolean() })
    .nullable(),
});
export type PreflightView = z.output<typeof preflightSchema>;
export const custodySplitSchema = z.object({
  keys: z.array(
    z.object({
      keyId: z.string(),
      threshold: z.number().int(),
      total: z.number().int(),
      holders: z.array(
        z.object({ shareIndex: z.number().int(), custodian: z.string(), folder: z.string(), shareFile: z.string() }),
      ),
    }),
  ),
});

export const wrappedKeysSchema = z.object({
  keys: z.array(
    z.object({
      keyId: z.string(),
      spec: keySpecSchema,
      wrappingKeyFingerprint: sha256HexSchema,
      importTokenSha256: sha256HexSchema.nullable(),
      encryptedKeyMaterialSha256: sha256HexSchema,
      encryptedPrivateKeySha256: sha256HexSchema.nullable(),
      publicKeyFingerprint: sha256HexSchema.nullable(),
      keyCheckValue: z.string().nullable(),
    }),
  ),
});
export type WrappedKeyView = z.output<typeof wrappedKeysSchema>['keys'][number];

export const writtenWrappedSchema = z.object({
  dir: z.string(),
  folderName: z.string(),
  manifestSha256: sha256HexSchema,
  manifestSha256Grouped: z.string(),
  files: z.array(z.object({ name: z.string(), size: z.number().int().nonnegative(), sha256: sha256HexSchema })),
  warnings: z.array(ipcWarningSchema),
});
export type WrittenWrappedView = z.output<typeof writtenWrappedSchema>;
