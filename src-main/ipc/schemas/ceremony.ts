/** Ceremony setup and the session overview the UI refreshes after every step. Renderer-safe. */
import { z } from 'zod';
import { AIR_GAP_STEP_IDS, ONLINE_STEP_IDS } from '../../core/ceremony/shared/allowed-steps';
import { PAPER_SIZES } from '../../core/receipt/paper-size';
import { RECEIPT_LANGUAGES } from '../../core/receipt/receipt-languages';
import { problemSchema } from '../problem';
import { earlierWrapSchema, parametersOverviewSchema, preflightSchema } from './airgap';
import { restoreSessionSchema, stoppedSessionSchema } from './restore';
import { onlineShownSchema } from './online';
import {
  airGapStateSchema,
  onlineStepSchema,
  keySpecSchema,
  pathSchema,
  personNameAsTypedSchema,
  recordKindSchema,
  sha256HexSchema,
  stepAvailabilitySchema,
  wrappingAlgorithmSchema,
  writtenReceiptSchema,
  ipcPhraseOrSentenceSchema,
  ipcPhraseSchema,
  unrecordedSessionsSchema,
} from './common';

/** The receipt paper (core/receipt/paper-size.ts, the one list). */
export const paperSizeSchema = z.enum(PAPER_SIZES);

/** English, Chinese, or both side by side (core/receipt/receipt-languages.ts). */
export const receiptLanguageSchema = z.enum(RECEIPT_LANGUAGES);

export const ceremonySetupRequestSchema = z.strictObject({
  title: z.string().trim().min(1, 'give the ceremony a title').max(200),
  /** As typed: main checks them as the command line checks --operator and --witness (checkCeremonyPeople). */
  operator: personNameAsTypedSchema,
  witnesses: z.array(personNameAsTypedSchema).min(1, 'name at least one witness').max(20),
  /** Where the journals and receipts are kept. Optional in rehearsal mode (a fresh temp folder). */
  folder: pathSchema.optional(),
  /** The paper receipts are printed on; A4 when left out. */
  paperSize: paperSizeSchema.optional(),
  /** The language of receipts and custody slips (journaled); left out: the journal’s own, else the app’s. */
  receiptLanguage: receiptLanguageSchema.optional(),
  /**
   * What the KMS wraps the import with (online side; journaled with the online start). SHA-256
   * when left out; RSAES_OAEP_SHA_1 for an HSM that does OAEP only with SHA-1 (SoftHSM 2.6).
   */
  wrappingAlgorithm: wrappingAlgorithmSchema.optional(),
  /**
   * The ceremony's material expiry for AES keys without their own (online side; journaled with the
   * online start): "never", a duration from key creation ("90d") or a date-time with its zone, as a
   * plan's `materialExpiry`; main checks it with the plan's rule. Never when left out.
   */
  materialExpiry: z.string().trim().min(1).max(64).optional(),
});

export const ceremonySetupSchema = z.object({
  title: z.string(),
  operator: z.string(),
  witnesses: z.array(z.string()),
  folder: z.string(),
  /** File names of the two journals inside `folder`. */
  onlineJournal: z.string(),
  airGapJournal: z.string(),
  /** An online journal already exists there: the online side continues that ceremony. */
  continuesOnlineJournal: z.boolean(),
  paperSize: paperSizeSchema,
  /** The language of a new journal's receipts: the one chosen, else the app's. */
  receiptLanguage: receiptLanguageSchema,
  /**
   * The one the officer chose on the setup screen; null: none, and a journal continued keeps its
   * own. The screen shows only this as chosen (sending the shown default would replace the journal's).
   */
  receiptLanguageChosen: receiptLanguageSchema.nullable(),
  wrappingAlgorithm: wrappingAlgorithmSchema,
  /** The ceremony's material expiry for AES keys as given ("never", "90d", a date-time); resolved when the online side starts. */
  materialExpiry: z.string(),
});
export type CeremonySetup = z.output<typeof ceremonySetupSchema>;

const ceremonyKeySchema = z.object({
  keyId: z.string(),
  alias: z.string(),
  spec: keySpecSchema,
  imported: z.boolean(),
  /** An import was sent to the KMS and its answer is not recorded: the next import asks the KMS before sending it again. */
  importSentUnrecorded: z.boolean(),
  /** An import was sent (entry `sentSeq`) and answered with a failure that does not prove a refusal (its code, journal entry): the next import asks the KMS first too. */
  importAnswerUnproven: z.object({ code: z.string(), seq: z.number(), sentSeq: z.number().nullable() }).nullable(),
  /** The imported AES material expired in the KMS; the key waits for the same material again. */
  lapsed: z.boolean(),
  /** "never" or the ISO time recorded at the last import; null before any import. */
  expiresAt: z.string().nullable(),
  verified: z.boolean(),
  /** A `proof.key.*` phrase; the English sentence of a journal written before proofs were phrases. */
  proof: ipcPhraseOrSentenceSchema.nullable(),
  /** Where the key lives; `replicaOf`: its replica group's primary (null: a primary or a key alone). */
  region: z.string(),
  projectId: z.string(),
  replicaOf: z.string().nullable(),
  /** How the key's replica group was proven to hold one material; null: not proven yet, or no group. */
  groupProof: z.enum(['public-key-equal', 'kcv-of-wrapped-material']).nullable(),
});

const onlineSessionSchema = z.object({
  rehearsal: z.boolean(),
  connected: z.boolean(),
  endpoint: z.string(),
  region: z.string(),
  projectId: z.string(),
  /** e.g. `HPUA…7QZK`; the secret key is never sent back. Null in rehearsal. */
  accessKeyHint: z.string().nullable(),
  ceremonyId: z.string(),
  title: z.string(),
  step: onlineStepSchema,
  /** What the next fetch of import parameters asks for (the setup's, or the one chosen since). */
  wrappingAlgorithm: wrappingAlgorithmSchema,
  ...stepAvailabilitySchema(ONLINE_STEP_IDS),
  keys: z.array(ceremonyKeySchema),
  /** What opening the online journal in this session traced of earlier sessions (as the connection answered). */
  unrecordedSessions: unrecordedSessionsSchema,
  /**
   * The keys waiting for material by where their material comes from (core material-sources.ts):
   * with more than one, each source's keys are fetched for on their own (the parameters step's choice).
   */
  materialSources: z.array(
    z.strictObject({ keyIds: z.array(z.string()).min(1), importedBefore: z.boolean(), phrase: ipcPhraseSchema }),
  ),
  shown: onlineShownSchema,
});
export type OnlineSession = z.output<typeof onlineSessionSchema>;

const airGapSessionSchema = z.object({
  rehearsal: z.boolean(),
  state: airGapStateSchema,
  ...stepAvailabilitySchema(AIR_GAP_STEP_IDS),
  /** Empty until the parameters were read. */
  ceremonyId: z.string(),
  parametersSource: z.string(),
  /** What passed the preflight in this session (null before): every later write goes there. */
  preflight: preflightSchema.nullable(),
  /** Material is held, a bundle waits for its receipt, or a step is under way: leaving abandons it. */
  unfinished: z.boolean(),
  /**
   * Generating fresh material is refused now, decided by the core (AirGapCeremony.generateRefusal):
   * the keys still without material that the KMS bound to material, and the problem; null: allowed.
   */
  generateRefused: z.object({ problem: problemSchema, keyIds: z.array(z.string()) }).nullable(),
  /** The wraps this journal finished before this session: a new wrap makes new material beside them. */
  earlierWraps: z.array(earlierWrapSchema),
  /** The parameters read in this session (null before), with who has confirmed them: a reloaded window shows them again. */
  overview: parametersOverviewSchema.nullable(),
  /** The session stopped (the witnesses could not confirm); null while it runs. */
  stopped: stoppedSessionSchema,
});

const receiptFilesSchema = writtenReceiptSchema.omit({ text: true });

export const ceremonyStateSchema = z.object({
  setup: ceremonySetupSchema.nullable(),
  online: onlineSessionSchema.nullable(),
  airGap: airGapSessionSchema.nullable(),
  restore: restoreSessionSchema.nullable(),
  /** The receipts written in this session (files and digests; the text comes from `receipt.view`). */
  receipts: z.object({
    online: receiptFilesSchema.nullable(),
    airGap: receiptFilesSchema.nullable(),
    custodyRestore: receiptFilesSchema.nullable(),
  }),
  /**
   * The language each journal started in this session records for its receipts and slips: what
   * they print in, which the setup screen says once it can no longer be changed (none chosen there
   * shows no choice checked).
   */
  receiptLanguagesInUse: z.array(z.object({ side: recordKindSchema, language: receiptLanguageSchema })),
  /** Rehearsal only: how far the simulator's clock was moved from real time (ms). */
  simulatorClockOffsetMs: z.number().int().nullable(),
  /** SHA-256 of the last wrapped-material bundle written on this machine (rehearsal convenience). */
  lastWrappedDigest: sha256HexSchema.nullable(),
});
export type CeremonyState = z.output<typeof ceremonyStateSchema>;

/** The most one move may advance the rehearsal simulator's clock: ten years (core's MAX_CLOCK_MOVE_MS). */
export const MAX_SIMULATOR_CLOCK_MOVE_HOURS = 10 * 366 * 24;

/** Moves the rehearsal simulator's clock forward by whole hours (never back: time does not run back). */
export const moveSimulatorClockRequestSchema = z.strictObject({
  hours: z.number().int().min(1).max(MAX_SIMULATOR_CLOCK_MOVE_HOURS),
});

/** The built-in simulator's clock in a rehearsal (handlers/rehearsal-clock.ts). */
export const simulatorClockSchema = z.strictObject({
  /** The simulator's time: what the KMS decides token and material expiry by. */
  now: z.iso.datetime(),
  /** This computer's time, which Keyferry and its journals keep. */
  computerNow: z.iso.datetime(),
  /** How far the simulator's time is ahead of this computer's (ms). */
  offsetMs: z.number().int(),
});
export type SimulatorClockView = z.output<typeof simulatorClockSchema>;
