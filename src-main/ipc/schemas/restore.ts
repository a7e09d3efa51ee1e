/**
 * The custody restore ceremony's channels (air-gapped workstation): custodians present their
 * shares, the material is rebuilt and proven in memory, and wrapped for fresh import parameters
 * of the same key. Renderer-safe. Shares and material have no field here; only indexes,
 * custodians, checksums printed on the slips, and check values.
 */
import { z } from 'zod';
import { RESTORE_STATES } from '../../core/ceremony/shared/ceremony-states';
import { RESTORE_STEP_IDS } from '../../core/ceremony/shared/allowed-steps';
import { officerReasonSchema } from '../../core/ceremony/shared/officer-reason';
import { CEREMONY_ROLES } from '../../core/ceremony/shared/ceremony-role';
import { problemSchema } from '../problem';
import { artefactToConfirmSchema, preflightSchema, withdrawalSchema } from './airgap';
import {
  check,
  keySpecSchema,
  pathSchema,
  personNameSchema,
  recordKindSchema,
  sha256HexSchema,
  stepAvailabilitySchema,
  timeTextSchema,
  ipcPhraseSchema,
  ipcWarningSchema,
} from './common';

/** The restore workflow's states (src-main/core/ceremony/restore/workflow.ts). */
export const restoreStateSchema = z.enum(RESTORE_STATES);

/** The fresh parameters as read; the bundle digest is not among them (the witnesses type it as heard). */
export const restoreParametersSchema = z.object({
  ceremonyId: z.string(),
  keys: z.array(
    z.object({
      keyId: z.string(),
      spec: keySpecSchema,
      wrappingKeyFingerprint: sha256HexSchema,
      tokenExpiresAt: timeTextSchema.nullable(),
      /** The key's planned material expiry ("never" or an ISO time; bundle format 4: its own); null when none is recorded. */
      plannedExpiry: z.string().nullable(),
    }),
  ),
  warnings: z.array(ipcWarningSchema),
  /** The material expiry the bundle records ("never" or an ISO time); null when an older Keyferry wrote none. */
  materialExpiry: z.string().nullable(),
  /** What every witness confirms before any share is presented: the bundle (its digest hidden until all typed it). */
  confirmations: z.array(artefactToConfirmSchema),
});
export type RestoreParametersView = z.output<typeof restoreParametersSchema>;

/** What leaving did: the state reached, the keys wiped, and what of the session was withdrawn. */
export const leftCeremonySchema = withdrawalSchema.extend({
  /** The state the ceremony had reached. */
  state: z.string(),
  wipedKeys: z.number().int().nonnegative(),
});
export type LeftCeremonyView = z.output<typeof leftCeremonySchema>;

/**
 * A session on the air-gapped workstation that stopped (the witnesses could not confirm:
 * handlers/witnesses-stop.ts): why, as the step's problem, and what the stop wiped and withdrew;
 * whether the journal took the stop. No step of it may run (allowedSteps is empty), and the network
 * check starts a new session. Null while it runs.
 */
export const stoppedSessionSchema = z
  .strictObject({ problem: problemSchema, report: leftCeremonySchema, journaled: z.boolean() })
  .nullable();

export const restoreSessionSchema = z.object({
  state: restoreStateSchema,
  ...stepAvailabilitySchema(RESTORE_STEP_IDS),
  ceremonyId: z.string(),
  /** What passed the preflight in this restore ceremony (null before). */
  preflight: preflightSchema.nullable(),
  /** Shares or material are held, a bundle waits for its receipt, or a step is under way. */
  unfinished: z.boolean(),
  /** The fresh parameters read (null before), with who has confirmed them: a reloaded window shows them again. */
  parameters: restoreParametersSchema.nullable(),
  /** The restore stopped as the air-gapped side does (its witnesses could not confirm); null while it runs. */
  stopped: stoppedSessionSchema,
});

/**
 * The expiry the restored bundle requests, as chosen on the screen: the material's original
 * expiry, never, a date-time or a duration from now (main decides with the CLI's rule,
 * core/ceremony/restore/restored-expiry.ts: when the material had an expiry, one must be chosen).
 */
const restoreExpirySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('original') }),
  z.strictObject({ kind: z.literal('never') }),
  z.strictObject({ kind: z.literal('at'), at: z.iso.datetime({ offset: true }) }),
  z.strictObject({ kind: z.literal('in'), duration: z.string().trim().min(2).max(32) }),
]);
export type RestoreExpiryChoice = z.output<typeof restoreExpirySchema>;

export const restorePreflightRequestSchema = z.strictObject({
  folder: pathSchema,
  expiry: restoreExpirySchema.optional(),
});

/** The custody backup handed over: its file, or its text typed or pasted from the printout (or its QR scans). */
export const presentBackupRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('file'), file: pathSchema }),
  z.strictObject({ kind: z.literal('typed'), typed: z.string().min(1).max(8_000_000) }),
]);

/** The backup as journaled: its name, ceremony, digest and number of materials (never its contents). */
export const presentedBackupSchema = z.object({
  file: z.string(),
  ceremonyId: z.string(),
  digest: sha256HexSchema,
  keys: z.number().int(),
  source: z.enum(['file', 'typed']),
});
export type PresentedBackupView = z.output<typeof presentedBackupSchema>;

/** One share handed over: its file, or the lines typed from its printed slip (exactly one). */
export const presentShareRequestSchema = z
  .strictObject({
    presentedBy: personNameSchema,
    /** The operator's reason to let one person hand over several shares (journaled as an override); none: refused. */
    severalSharesReason: officerReasonSchema.optional(),
    file: pathSchema.optional(),
    typed: z.string().min(1).max(20_000).optional(),
  })
  .refine(
    (r) => (r.file === undefined) !== (r.typed === undefined),
    check('shareOrTyped', 'give either the share file or the typed slip lines, not both'),
  );

export const presentedShareSchema = z.object({
  ceremonyId: z.string(),
  /** null for a share of a ceremony custody set (one share covers every key). */
  keyId: z.string().nullable(),
  shareIndex: z.number().int(),
  threshold: z.number().int(),
  total: z.number().int(),
  custodian: z.string(),
  presentedBy: z.string(),
  source: z.enum(['file', 'typed']),
  /** As printed on the slip: a truncated hash of the share, not the share. */
  shareChecksum: z.string(),
  /** Shares presented so far. */
  presented: z.number().int(),
  /** Not the share's recorded custodian, or the operator or a witness (journaled as an override); null when neither. */
  concern: z.object({ notCustodian: z.boolean(), role: z.enum(CEREMONY_ROLES) }).nullable(),
  /** Every share this presenter handed over, when more than one (allowed by the operator's reason). */
  severalShares: z.array(z.number().int()),
});
export type PresentedShareView = z.output<typeof presentedShareSchema>;

/** One key the restore rebuilt: its check value, and for a replica the primary whose material it holds. */
const rebuiltKeySchema = z.object({
  keyId: z.string(),
  spec: keySpecSchema,
  keyCheckValue: z.string().nullable(),
  publicKeyFingerprint: sha256HexSchema.nullable(),
  /** A replica's primary: the custody set records the group's one material (and its check) under it. */
  replicaOf: z.string().optional(),
});

export const restoredKeySchema = z.object({
  keyId: z.string(),
  spec: keySpecSchema,
  splitCeremonyId: z.string(),
  shareIndexes: z.array(z.number().int()),
  threshold: z.number().int(),
  total: z.number().int(),
  keyCheckValue: z.string().nullable(),
  publicKeyFingerprint: sha256HexSchema.nullable(),
  /** What was proven (a `proof.restore.*` phrase, rendered in the screen's language). */
  proof: ipcPhraseSchema,
  /** Every key rebuilt (a custody set restores the whole bundle; per-key shares, the one key above). */
  keys: z.array(rebuiltKeySchema),
});
export type RestoredKeyView = z.output<typeof restoredKeySchema>;

export const abandonedSchema = z.object({ abandoned: z.literal(true) });

/** The ceremonies a person can leave half-way: the two on the air-gapped workstation (every record kind but the online side). */
const leavableSideSchema = recordKindSchema.exclude(['online']);
export type LeavableSide = z.output<typeof leavableSideSchema>;

/** Leaving a ceremony that holds material or has a step under way (window closed, another screen). */
export const leaveCeremonyRequestSchema = z.strictObject({
  side: leavableSideSchema,
  reason: z.enum(['window-closed', 'ceremony-left']),
});
