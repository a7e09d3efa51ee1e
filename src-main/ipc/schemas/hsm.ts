/**
 * The HSM (PKCS#11) material source's channels: the tokens a module shows, and the token chosen
 * with its capability check. Renderer-safe: zod only. The PIN travels in one request only
 * (`airgap.use-hsm`) and has no field in any answer; nothing secret does.
 */
import { z } from 'zod';
import { problemValuesSchema } from '../problem';
import { crashedObjectsSchema } from './airgap';
import { check, keyIdSchema, keySpecSchema, pathSchema, sha256HexSchema, wrappingAlgorithmSchema } from './common';

/**
 * The vendor's PKCS#11 library: an absolute path to a shared library (.so, .so.N, .dll, .dylib).
 * Main loads it (native code), so nothing else is accepted even from the app's own renderer.
 */
const modulePathSchema = pathSchema.refine(
  (value) => /\.(so(\.\d+)*|dll|dylib)$/i.test(value),
  check('pkcs11Library', 'must be a PKCS#11 shared library (.so, .dll or .dylib)'),
);

export const hsmModuleRequestSchema = z.strictObject({ modulePath: modulePathSchema });

const mechanismSupportSchema = z.object({
  name: z.string(),
  present: z.boolean(),
  minKeySize: z.number().nullable(),
  maxKeySize: z.number().nullable(),
});

export const hsmTokenSchema = z.object({
  slotId: z.string(),
  slotDescription: z.string(),
  label: z.string(),
  manufacturer: z.string(),
  model: z.string(),
  serial: z.string(),
  firmware: z.string(),
  hardware: z.string(),
  initialized: z.boolean(),
  pin: z.enum(['ok', 'notSet', 'countLow', 'finalTry', 'locked']),
  /** The mechanisms a ceremony uses, each present or missing, with its key-size range. */
  mechanisms: z.array(mechanismSupportSchema),
  mechanismCount: z.number().int().nonnegative(),
});
export type HsmTokenView = z.output<typeof hsmTokenSchema>;

/** What `hsm info` shows: the module and every slot holding a token. Needs no PIN. */
export const hsmTokenListSchema = z.object({
  modulePath: z.string(),
  module: z.object({ manufacturer: z.string(), description: z.string(), version: z.string(), cryptoki: z.string() }),
  tokens: z.array(hsmTokenSchema),
});
export type HsmTokenList = z.output<typeof hsmTokenListSchema>;

/** A token's user PIN: typed in a password field, sent in this one request, used for C_Login, kept nowhere. */
const pinSchema = z.string().min(1).max(256);

export const useHsmRequestSchema = z.strictObject({
  modulePath: modulePathSchema,
  /** The token's label or serial number. */
  token: z.string().trim().min(1).max(64),
  pin: pinSchema,
  /**
   * Use keys already in the token instead of generating: each key by the label given here, a key
   * without one by CKA_ID = its KMS key id (what Keyferry gives the keys it generates).
   */
  existingKeys: z
    .strictObject({ labels: z.record(keyIdSchema, z.string().trim().min(1).max(128)).optional() })
    .optional(),
  /** Rehearsal only: accept a CKM_AES_KEY_WRAP_PAD that zero-fills (journaled as a deviation). */
  acceptZeroFilledPad: z.literal(true).optional(),
});

/** One spec's result: can this token do it, with which mechanisms, or why not (a catalogue problem). */
const specCapabilitySchema = z.object({
  spec: keySpecSchema,
  ok: z.boolean(),
  mechanisms: z.array(z.string()),
  problem: z
    .object({ code: z.string(), message: z.string(), nextStep: z.string(), values: problemValuesSchema.optional() })
    .nullable(),
});

const tokenIdentitySchema = z.object({
  module: z.string(),
  manufacturer: z.string(),
  model: z.string(),
  serial: z.string(),
  firmware: z.string(),
  label: z.string(),
});

/** The capability check of one wrapping algorithm: the trials, then each spec's result. */
const capabilityCheckSchema = z.object({
  algorithm: wrappingAlgorithmSchema,
  /** The OAEP trial wrap: null when it decrypted to the trial key, else what the token answered. */
  oaepFailure: z.string().nullable(),
  keyWrapMechanism: z.string().nullable(),
  /** `zero-filled`: SoftHSM's AES_KEY_WRAP_PAD, not RFC 5649-exact (a rehearsal may accept it). */
  keyWrapFraming: z.enum(['exact', 'zero-filled', 'missing']),
  kcvMethod: z.enum(['check-value', 'ecb']).nullable(),
  specs: z.array(specCapabilitySchema),
});
export type HsmCapabilityCheckView = z.output<typeof capabilityCheckSchema>;

export const hsmCapabilitySchema = z.object({
  token: tokenIdentitySchema,
  checks: z.array(capabilityCheckSchema),
  /** True when every spec can be done: the material step may produce the material in the token. */
  accepted: z.boolean(),
  /** Keys already in the token are used (found by label or key id) instead of generated ones. */
  existingKeys: z.boolean(),
  /** The zero-filled AES_KEY_WRAP_PAD was accepted for this rehearsal (journaled as a deviation). */
  zeroFilledPadAccepted: z.boolean(),
  /** The objects a crashed session left in the token, destroyed or named (null: none were left, or the check was refused). */
  crashedObjects: crashedObjectsSchema.nullable(),
});
export type HsmCapabilityView = z.output<typeof hsmCapabilitySchema>;

/**
 * The custody restore of HSM material: the token the air-gapped journal recorded is opened with
 * the PIN (this one request), each recorded token object found and proven, nothing unwrapped.
 */
export const restoreFromHsmRequestSchema = z.strictObject({
  modulePath: modulePathSchema,
  /** The token's label or serial number; its serial must be the one the air-gapped journal recorded. */
  token: z.string().trim().min(1).max(64),
  pin: pinSchema,
  /** The air-gapped journal that recorded the material; default: the ceremony folder's, if there. */
  airGapJournal: pathSchema.optional(),
  /** Rehearsal only: accept a CKM_AES_KEY_WRAP_PAD that zero-fills (journaled as a deviation). */
  acceptZeroFilledPad: z.literal(true).optional(),
});

export const hsmRestoredSchema = z.object({
  token: tokenIdentitySchema,
  checks: z.array(capabilityCheckSchema),
  /** Every key of the fresh bundle: its token object and the check the HSM computed, equal to the journaled one. */
  keys: z.array(
    z.object({
      keyId: z.string(),
      spec: keySpecSchema,
      objectLabel: z.string(),
      keyCheckValue: z.string().nullable(),
      publicKeyFingerprint: sha256HexSchema.nullable(),
      /** The journal entry that recorded the object. */
      recordedSeq: z.number().int().nonnegative(),
    }),
  ),
  /** The file name of the air-gapped journal the objects were recorded in. */
  recordedIn: z.string(),
  proof: z.object({ key: z.literal('hsm.restore.proven'), values: z.object({ count: z.number().int() }) }),
});
export type HsmRestoredView = z.output<typeof hsmRestoredSchema>;
