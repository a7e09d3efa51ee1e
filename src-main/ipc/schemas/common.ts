/**
 * Schemas shared by the ceremony channels (see ../contract.ts). Renderer-safe: zod only.
 * Everything that crosses IPC is plain values: fingerprints, digests, states, file names.
 * Key bytes have no field anywhere in these schemas.
 */
import { z } from 'zod';
import { KEY_SPECS, WRAPPING_ALGORITHMS } from '../../core/key-spec-table';
import { RECORD_KINDS } from '../../core/ceremony-sides';
import { phraseShape } from '../../i18n/phrase-shape';
import { AIR_GAP_STATES, ONLINE_STEPS } from '../../core/ceremony/shared/ceremony-states';

/** The specs of the one key spec table (src-main/core/key-spec-table.ts). */
export const keySpecSchema = z.enum(KEY_SPECS);
export type KeySpecName = z.output<typeof keySpecSchema>;
export const wrappingAlgorithmSchema = z.enum(WRAPPING_ALGORITHMS);
export const keyUsageSchema = z.enum(['ENCRYPT_DECRYPT', 'SIGN_VERIFY']);

/** 64 lower-case hex digits. */
export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);
/** An ISO 8601 time produced by the main process. */
export const timeTextSchema = z.string().min(1).max(40);
/** Identifiers have one definition (core/identifiers.ts, zod only, renderer-safe). */
export { ceremonyIdSchema, keyAliasSchema, keyIdSchema, projectIdSchema, regionSchema } from '../../core/identifiers';

/** The schemas' own checks, by name: a refused request names the one it broke (`problem.IPC_BAD_REQUEST`). */
export const REQUEST_CHECKS = [
  'absolutePath',
  'controlCharacters',
  'pkcs11Library',
  'shareOrTyped',
  'custodyCounts',
  'hsmCustody',
] as const;
export type RequestCheck = (typeof REQUEST_CHECKS)[number];

/**
 * A refinement's issue: `rule` is what a refused request names (the router turns it into
 * `problem.IPC_BAD_REQUEST` in the reader's language); `message` is only for the log.
 */
export function check(
  rule: RequestCheck,
  message: string,
  path?: string[],
): { message: string; params: { rule: string }; path?: string[] } {
  return { message, params: { rule }, ...(path ? { path } : {}) };
}

/**
 * An absolute path typed or picked in the UI. Main checks it again (exists, right kind, no
 * link where none is expected) before it is used.
 */
export const pathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine(
    (value) => !/[\u0000-\u001f\u007f]/.test(value),
    check('controlCharacters', 'must not contain control characters'),
  )
  .refine((value) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(value), check('absolutePath', 'must be an absolute path'));

/** A person's name as it goes on the sign-off sheet: the core's one rule (zod only, renderer-safe). */
export { personName as personNameSchema } from '../../core/ceremony/shared/person-name-shape';

/**
 * A person's name as typed, bounded only in length: main checks it with the command line's rule
 * (custodians: checkCustodianNames; operator and witnesses: checkCeremonyPeople), whose refusal
 * names an invisible character pasted with it. Refused here, it was said only as a field "not in
 * the expected form".
 */
export const personNameAsTypedSchema = z.string().max(400);

/**
 * Which record a journal or receipt belongs to: the online side, the air-gapped side, or a
 * custody restore ceremony (on the air-gapped workstation, with its own journal).
 */
export const recordKindSchema = z.enum(RECORD_KINDS);
export type RecordKind = z.output<typeof recordKindSchema>;

/** When imported symmetric material expires: never, or at an instant in the future. */
export const materialExpirySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('never') }),
  z.strictObject({ kind: z.literal('at'), at: z.iso.datetime({ offset: true }) }),
]);
export type MaterialExpiryChoice = z.output<typeof materialExpirySchema>;

/**
 * A written receipt: its files and digests, and its plain-text twin for the on-screen preview.
 * The HTML stays in the main process, which prints exactly the file it wrote.
 */
export const writtenReceiptSchema = z.object({
  side: recordKindSchema,
  folder: z.string(),
  htmlFile: z.string(),
  textFile: z.string(),
  htmlSha256: sha256HexSchema,
  textSha256: sha256HexSchema,
  journalHead: sha256HexSchema,
  journalCount: z.number().int().nonnegative(),
  /** The plain-text receipt (the .txt twin, as written), for the preview. */
  text: z.string().max(1_000_000),
});
export type WrittenReceiptView = z.output<typeof writtenReceiptSchema>;

/** A warning (code + values, i18n/warning.ts) as it crosses IPC; the screen renders it with `warningText`. */
export const ipcWarningSchema = z
  .object({
    code: z.string().min(1).max(100),
    values: z.record(z.string().max(100), z.union([z.string().max(4000), z.number()])),
  })
  .strict();

/** A bundle written to media: where, its manifest digest (plain and grouped) and any warnings. */
export const writtenBundleSchema = z.object({
  dir: z.string(),
  folderName: z.string(),
  manifestSha256: sha256HexSchema,
  manifestSha256Grouped: z.string(),
  keyIds: z.array(z.string()),
  warnings: z.array(ipcWarningSchema),
});

/**
 * Which steps a session may run now and which are done, computed in main from the ceremony's
 * step table (core/ceremony/shared/allowed-steps.ts): the renderer asks these (`canRun`) and
 * never compares states itself.
 */
export function stepAvailabilitySchema<K extends string>(steps: readonly K[]) {
  const step = z.enum(steps as [K, ...K[]]);
  return { allowedSteps: z.array(step), doneSteps: z.array(step) };
}

/**
 * A catalogue phrase (message key + plain values) as it crosses IPC, e.g. a key's proof. Main built
 * it from a checked journal phrase (i18n/phrase.ts checks the key against the catalogue); the
 * contract checks only its shape, so it stays zod-only, and the screen renders it with
 * `phraseText`, which shows an unknown key as it is.
 */
export const ipcPhraseSchema = phraseShape(z.string().min(1).max(200));

/** An IPC phrase, or the English sentence a journal of an earlier format recorded in its place. */
export const ipcPhraseOrSentenceSchema = z.union([z.string().max(2000), ipcPhraseSchema]);

/**
 * What opening the online journal traced first (`ceremony.session-unrecorded`): an earlier session
 * sent imports (keys, named by alias) or creates (alias, a replica's region, the send's entry) and
 * recorded no answer. Empty: nothing of the kind, or traced by an earlier session already.
 */
export const unrecordedSessionsSchema = z.array(
  z.object({
    seq: z.number().int().positive(),
    reason: ipcPhraseSchema,
    keys: z.array(
      z.object({ keyId: z.string(), alias: z.string(), replicaOf: z.string().nullable(), region: z.string() }),
    ),
    creates: z.array(z.object({ alias: z.string(), region: z.string().optional(), seq: z.number().int() })),
  }),
);

/** The online workflow's steps (src-main/core/ceremony/online/workflow.ts). */
export const onlineStepSchema = z.enum(ONLINE_STEPS);
/** The air-gapped workflow's states (src-main/core/ceremony/airgap/workflow.ts). */
export const airGapStateSchema = z.enum(AIR_GAP_STATES);
