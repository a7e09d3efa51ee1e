/**
 * The answers of the app's look at the keys in the KMS: the proofs of the keys holding material
 * (`online.verify`, and within `online.status`), and the key states with what is next for each key
 * not finished, as `online status` says it.
 */
import { z } from 'zod';
import { ipcPhraseSchema, keySpecSchema, onlineStepSchema, timeTextSchema } from './common';
import { REFUSAL_CLOCKS, REFUSED_IMPORT_KINDS } from '../../core/ceremony/online/refusal-kinds';

/**
 * Where a key lives and its replica group: `region`/`projectId` (a primary's are the ceremony's
 * connection's), `replicaOf` the group's primary key id (null for a primary or a key alone).
 */
const keyPlaceShape = {
  region: z.string(),
  projectId: z.string(),
  replicaOf: z.string().nullable(),
};
export const verifiedSchema = z.object({
  allVerified: z.boolean(),
  keys: z.array(
    z.object({ keyId: z.string(), spec: keySpecSchema, keyState: z.string(), ok: z.boolean(), proof: ipcPhraseSchema }),
  ),
});
/**
 * The answer of `online.verify`: the proofs, and when main read them (the session's clock: a
 * rehearsal's simulator's), so a screen says when the KMS states it shows were read.
 */
export const verifyAnswerSchema = verifiedSchema.extend({ checkedAt: timeTextSchema });
/** A key as a next-step line names it: alias and key id, and a replica's region. */
export const namedKeySchema = z.object({
  keyId: z.string(),
  alias: z.string(),
  replicaOf: z.string().nullable(),
  region: z.string(),
});
/** The custody copy the online journal recorded for a material, as its messages say it (recorded-custody.ts). */
export const recordedCustodySchema = z.object({
  /** none, shares, hsmToken, materialFiles or unknown (recorded-custody.ts). */
  custody: z.string().max(20),
  seq: z.number().int(),
  threshold: z.number().int(),
  total: z.number().int(),
  custodiansList: z.string(),
  token: z.string(),
  /** The custody set of shares: named (format version 5 of the wrapped bundle) or unnamed; its tag, or ''. */
  set: z.enum(['named', 'unnamed']),
  setTag: z.string().max(8),
});
/** A key sent an import whose answer on record proves nothing: its code and entry, and the entry of the send (null: none on record). */
const answeredKeySchema = namedKeySchema.extend({
  answer: z.object({ code: z.string(), seq: z.number().int(), sentSeq: z.number().int().nullable() }),
});
/** Whose clock the app judges a ceremony by: a rehearsal's simulator's (tests and officers move it forward), else this computer's. */
export const CEREMONY_CLOCKS = ['computer', 'simulator'] as const;
export type CeremonyClock = (typeof CEREMONY_CLOCKS)[number];

/**
 * An import of a checked wrapped bundle refused so that the same import would be refused again
 * (core/ceremony/online/refused-imports.ts): its kind, the bundle, the check's and the refusal's
 * entries, the code, whose clock an expiry refusal went by, and the expiry a replica group holds.
 */
const refusedImportSchema = z.object({
  kind: z.enum(REFUSED_IMPORT_KINDS),
  folder: z.string(),
  seq: z.number().int(),
  refusedSeq: z.number().int(),
  code: z.string().max(64),
  by: z.enum(REFUSAL_CLOCKS),
  heldIso: z.string().max(40),
});
/**
 * The keys' states as the KMS answered; the keys holding material proven at any step, as `online
 * status` proves them (null: no key holds material); and what is next for each key not finished
 * (core/ceremony/online/status-next-steps.ts), as `online status` says it.
 */
export const keyStatusListSchema = z.object({
  /** When main read the states (the session's clock, as `online.list-keys` and `online.verify` say it). */
  checkedAt: timeTextSchema,
  /** Whose clock the import tokens and Keyferry's own expiry refusals were judged by. */
  clock: z.enum(CEREMONY_CLOCKS),
  keys: z.array(
    z.object({
      keyId: z.string(),
      alias: z.string(),
      spec: keySpecSchema,
      keyState: z.string(),
      materialExpiresAt: timeTextSchema.nullable(),
      ...keyPlaceShape,
    }),
  ),
  proofs: verifiedSchema.nullable(),
  next: z.object({
    /** Material deleted on request: its round, and the custody copy the journal recorded (recorded-custody.ts). */
    deleted: z.array(
      namedKeySchema.extend({
        spec: keySpecSchema,
        round: z.enum(['parameters', 'later']),
        custody: recordedCustodySchema,
      }),
    ),
    /** Material lapsed: the expiry recorded at import ("never" or ISO), its round, and the custody copy the journal recorded (recorded-custody.ts). */
    lapsed: z.array(
      namedKeySchema.extend({
        spec: keySpecSchema,
        expiresAt: z.string().nullable(),
        round: z.enum(['parameters', 'later']),
        custody: recordedCustodySchema,
      }),
    ),
    /** Keys holding material not proven, and keys waiting for fresh parameters behind them (status-next-steps.ts proveFirst); `step`: where the ceremony stands. */
    proveFirst: z
      .object({ prove: z.array(namedKeySchema), lost: z.array(namedKeySchema), step: onlineStepSchema })
      .nullable(),
    rounds: z.array(
      z.object({
        stage: z.enum(['wrap', 'import']),
        folder: z.string(),
        seq: z.number().int(),
        keys: z.array(namedKeySchema),
        /** Its import refused for its expiry or its replica group's held expiry: the same bundle with another expiry is next. */
        refused: refusedImportSchema.nullable(),
        /** The custody copy recorded at the import of its keys' material (recorded-custody.ts): what the air-gapped side restores from. */
        custody: recordedCustodySchema,
      }),
    ),
    /** Sent an import (entry `seq`) with no answer recorded, still Pending import: it did not take effect. */
    notTaken: z.array(z.object({ folder: z.string(), seq: z.number().int(), keys: z.array(namedKeySchema) })),
    sentUnrecorded: z.object({ keys: z.array(namedKeySchema), folders: z.array(z.string()) }),
    /** Enabled after an import answered by a failure that proved nothing: each key with that answer (code, entry, the send's entry). */
    unproven: z.object({ keys: z.array(answeredKeySchema), folders: z.array(z.string()) }),
    /** Such an answer on record, the key still Pending import: it did not take effect (one group per bundle; null: none known). */
    answeredNotTaken: z.array(z.object({ folder: z.string().nullable(), keys: z.array(answeredKeySchema) })),
    foreign: z.array(namedKeySchema),
    missing: z.array(namedKeySchema),
    /** The import tokens of `missing`: the earliest expiry (ms since the epoch), whether it passed, and whose clock showed a lapse; null: none known. */
    missingTokens: z.object({ until: z.number(), lapsed: z.boolean(), by: z.enum(['kms', 'computer']) }).nullable(),
    /** The import of `missing` refused for their expiry or their tokens: the same import would be refused again. */
    missingRefused: refusedImportSchema.nullable(),
    /**
     * The import-parameters bundle written for every key of `missing` since their import (entry `seq`):
     * its wrap is next, unless `blocked` (the bundle plan fetches those keys anew: it also holds a key
     * that took its material elsewhere); null: none.
     */
    missingWrap: z
      .object({
        folder: z.string(),
        seq: z.number().int(),
        blocked: z.boolean(),
        /** Written after a key of the ceremony took an import (else before any). */
        since: z.boolean(),
        /** The last wrapped bundle refused after it was written. */
        refused: z
          .object({
            seq: z.number().int(),
            code: z.string(),
            folder: z.string(),
            /** The refusal's values and recorded text, from which the screen says it in words. */
            values: z.record(z.string(), z.union([z.string(), z.number()])),
            reason: z.string(),
            /** `reason` is an older build's recorded text (no values of today's words fit): said as such. */
            recorded: z.boolean(),
          })
          .nullable(),
      })
      .nullable(),
    /** Whether the ceremony has replica groups (a key of `missing` may leave one incomplete). */
    groups: z.boolean(),
    /**
     * No key holds imported material and nothing else is to say of any key: the ceremony's step, and
     * the refusal of the import of the wrap of the bundle written last (refusedBeforeImport); null
     * once anything was imported or sent.
     */
    beforeImport: z
      .object({
        step: onlineStepSchema,
        refused: refusedImportSchema.nullable(),
        /**
         * The last wrapped bundle refused as carrying material exposed (wrapped under a wrapping key
         * the KMS did not issue): its folder and entry, its custody set's tag (null: none named), and
         * whether parameters were written after it (exposed-material.ts exposureToSay); null: none.
         */
        exposed: z
          .object({
            seq: z.number().int(),
            folder: z.string(),
            setTag: z.string().max(16).nullable(),
            parametersAfter: z.boolean(),
          })
          .nullable(),
        /**
         * The bundle plan (core/ceremony/online/bundle-plan.ts, what online params warns and online
         * status says): each bundle a waiting key takes (`wrap`: a wrap of it checked here, to import),
         * the bundles no key takes (destroyed), the keys fetched anew; null when one bundle serves
         * every key waiting and none is to be destroyed.
         */
        plan: z
          .object({
            takes: z.array(
              z.object({
                folder: z.string(),
                digest: z.string(),
                seq: z.number().int(),
                keys: z.array(namedKeySchema),
                wrap: z.object({ folder: z.string(), seq: z.number().int() }).nullable(),
              }),
            ),
            destroy: z.array(z.object({ folder: z.string(), digest: z.string() })),
            fresh: z.array(namedKeySchema),
          })
          .nullable(),
      })
      .nullable(),
    /**
     * Their tokens lapsed: the keys of `missing` never imported whose replica group's material another
     * member holds (core/ceremony/online/group-material.ts), each with that holder and its recorded custody copy.
     */
    groupMaterial: z.array(
      z.object({ member: namedKeySchema, holder: namedKeySchema, custody: recordedCustodySchema }),
    ),
  }),
});
