/**
 * Every IPC channel between the renderer and the main process: its name, its request schema and
 * its response schema. The single source of truth: the router validates against it, the
 * preload builds `window.keyferry` from it, and the UI gets its types from it.
 *
 * Renderer-safe (type-checked by tsconfig.web.json): imports zod and ./problem only, never a
 * node module. To add a channel: add one `defineChannel` entry to `channels`, then one handler in
 * handlers.ts (the compiler lists what is missing). The renderer calls it as
 * `window.keyferry.<key>(request)` and always gets a `Result`, never an exception.
 */
import { z } from 'zod';
import * as airgap from './schemas/airgap';
import * as ceremony from './schemas/ceremony';
import * as common from './schemas/common';
import * as hsm from './schemas/hsm';
import * as keyStatus from './schemas/key-status';
import * as online from './schemas/online';
import * as records from './schemas/records';
import * as restore from './schemas/restore';

export { problemSchema, resultSchema, type Problem, type Result } from './problem';
// The one key spec table: the screens offer what the core can do (tests/core/key-spec-table.test.ts).
export { KEY_SPECS, KEY_SPEC_TABLE, WRAPPING_ALGORITHMS } from '../core/key-spec-table';
export { DEFAULT_PAPER_SIZE, PAPER_SIZES } from '../core/receipt/paper-size';
export { RECEIPT_LANGUAGES } from '../core/receipt/receipt-languages';
// What each session may run now comes in its view (allowedSteps, doneSteps), computed in main from these tables.
export type { AirGapStepId, OnlineStepId, RestoreStepId } from '../core/ceremony/shared/allowed-steps';
// The one hex grouping: the screens show digests as the CLI, receipts and slips print them.
export { groupHex, groupHexLines } from '../core/hex-groups';
export { OFFICERS_WORD_REFUSALS } from '../core/ceremony/online/officers-word';
export { KEY_STATE_FILTERS, kmsStateOfFilter } from './schemas/online';
// The ceremony channels' schemas live in ./schemas (one file per area); their types are re-exported.
export type * from './schemas/airgap';
export type * from './schemas/ceremony';
export type * from './schemas/common';
export type * from './schemas/hsm';
export type * from './schemas/online';
export type * from './schemas/records';
export type * from './schemas/restore';

/** One channel: the IPC name (e.g. `app.info`), what the renderer may send, what main answers. */
export interface ChannelDefinition<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly request: Req;
  readonly response: Res;
}

/** Declares a channel. Request schemas should be strict objects: unknown keys are refused. */
function defineChannel<Req extends z.ZodType, Res extends z.ZodType>(
  name: string,
  request: Req,
  response: Res,
): ChannelDefinition<Req, Res> {
  return Object.freeze({ name, request, response });
}

/** A channel that takes no input: the renderer may pass nothing or `{}`. */
const noRequest = z.strictObject({}).optional();

/** The three ways Keyferry runs (DESIGN.md, "Two machines, one app"). Chosen in the UI at start. */
const keyferryModeSchema = z.enum(['rehearsal', 'online', 'air-gapped']);
export type KeyferryMode = z.output<typeof keyferryModeSchema>;

export const appInfoSchema = z.strictObject({
  name: z.string(),
  version: z.string(),
  /** Build identifier (commit or build date), `development` when run from sources. */
  build: z.string(),
  platform: z.string(),
  arch: z.string(),
  /** `null` until the officer has chosen a mode. */
  mode: keyferryModeSchema.nullable(),
  runtime: z.strictObject({ node: z.string(), electron: z.string().nullable(), chrome: z.string().nullable() }),
});
export type AppInfo = z.output<typeof appInfoSchema>;

/** i18n/locale.ts's LOCALES and the pseudo-locale (spelled here: the contract imports zod only; a test keeps them equal). */
export const displayLocaleSchema = z.enum(['en', 'zh-CN', 'en-XA']);

/** The language of the screens, told to main so its own pickers, menu and dialogs speak it (handlers/language.ts). */
const languageRequestSchema = z.strictObject({
  locale: displayLocaleSchema,
  /** The officer chose it on the start screen (remembered), rather than the screens taking the system's. */
  chosen: z.boolean(),
});
const languageSchema = z.strictObject({
  locale: displayLocaleSchema,
  /** Kept for the next start (a chosen language, and the app could store it). */
  remembered: z.boolean(),
});

const networkAddressSchema = z.strictObject({
  address: z.string(),
  family: z.enum(['IPv4', 'IPv6']),
  cidr: z.string().nullable(),
  /** 169.254.0.0/16 or fe80::/10: not routable, but still proof of a live link. */
  linkLocal: z.boolean(),
});

const networkInterfaceSchema = z.strictObject({
  name: z.string(),
  /** Loopback and other host-only interfaces. */
  internal: z.boolean(),
  /** The interface holds at least one address (the OS lists only such interfaces). */
  up: z.boolean(),
  addresses: z.array(networkAddressSchema),
});

export const networkStatusSchema = z.strictObject({
  /** `online` as soon as any non-internal interface holds an address (conservative on purpose). */
  summary: z.enum(['offline', 'online']),
  interfaces: z.array(networkInterfaceSchema),
  /** The non-internal interfaces that make the machine `online`, for the warning text. */
  liveInterfaces: z.array(z.string()),
  checkedAt: z.iso.datetime(),
});
export type NetworkStatus = z.output<typeof networkStatusSchema>;

export const modeChoiceSchema = z.strictObject({
  mode: keyferryModeSchema,
  /**
   * `app-only`: the window may load nothing but app://keyferry/ (every mode).
   * `offline`: additionally Chromium's offline emulation is on and open connections were closed
   * (air-gapped mode). Either way the guard is in place before this answer is sent.
   */
  networkGuard: z.enum(['app-only', 'offline']),
});

const removableVolumeSchema = z.strictObject({
  /** The volume label, or the mount folder's name when the volume has none. */
  label: z.string(),
  mountPoint: z.string(),
  freeBytes: z.number().nonnegative(),
  totalBytes: z.number().nonnegative(),
  /** The current user can create files there (false for read-only media). */
  writable: z.boolean(),
  /** e.g. /dev/sdb1 or E: when known. */
  device: z.string().optional(),
  /** Two folders with the same id are on the same volume. */
  volumeId: z.string().optional(),
});

export const volumeListSchema = z.strictObject({
  volumes: z.array(removableVolumeSchema),
  checkedAt: z.iso.datetime(),
});
export type VolumeList = z.output<typeof volumeListSchema>;

/** Every channel, keyed by the name of its function on `window.keyferry`. */
export const channels = {
  appInfo: defineChannel('app.info', noRequest, appInfoSchema),
  setLanguage: defineChannel('app.language', languageRequestSchema, languageSchema),
  networkStatus: defineChannel('network.status', noRequest, networkStatusSchema),
  chooseMode: defineChannel('mode.choose', z.strictObject({ mode: keyferryModeSchema }), modeChoiceSchema),
  listVolumes: defineChannel('media.listVolumes', noRequest, volumeListSchema),

  // Ceremony setup and the session overview (src-main/ipc/handlers/ceremony-setup.ts).
  setupCeremony: defineChannel('ceremony.setup', ceremony.ceremonySetupRequestSchema, ceremony.ceremonySetupSchema),
  ceremonyState: defineChannel('ceremony.state', noRequest, ceremony.ceremonyStateSchema),
  startRehearsal: defineChannel('rehearsal.start', noRequest, online.connectionSchema),
  // The rehearsal simulator's clock, read and moved forward (handlers/rehearsal-clock.ts).
  simulatorClock: defineChannel('rehearsal.clock', noRequest, ceremony.simulatorClockSchema),
  moveSimulatorClock: defineChannel(
    'rehearsal.move-clock',
    ceremony.moveSimulatorClockRequestSchema,
    ceremony.simulatorClockSchema,
  ),
  // Online workstation (handlers/online.ts).
  connectKms: defineChannel('online.connect', online.connectRequestSchema, online.connectionSchema),
  credentialsStatus: defineChannel(
    'credentials.status',
    online.credentialsProfileRequestSchema,
    online.credentialsStatusSchema,
  ),
  forgetCredentials: defineChannel(
    'credentials.forget',
    online.credentialsProfileRequestSchema,
    online.credentialsStatusSchema,
  ),
  listKeys: defineChannel(
    'online.list-keys',
    z.strictObject({ filter: online.keyStateFilterSchema }),
    online.keyListSchema,
  ),
  readPlanFile: defineChannel('online.read-plan', online.readPlanRequestSchema, online.planFileSchema),
  createKeys: defineChannel('online.create-keys', online.createKeysRequestSchema, online.createdKeysSchema),
  fetchParameters: defineChannel(
    'online.fetch-parameters',
    online.fetchParametersRequestSchema,
    online.issuedListSchema,
  ),
  writeParametersBundle: defineChannel(
    'online.write-parameters',
    online.bundleDestinationSchema,
    online.writtenParametersSchema,
  ),
  checkWrappedBundle: defineChannel(
    'online.check-wrapped',
    online.checkWrappedRequestSchema,
    online.checkedBundleSchema,
  ),
  resolveImportExpiry: defineChannel(
    'online.resolve-expiry',
    online.resolveExpiryRequestSchema,
    common.materialExpirySchema,
  ),
  importMaterial: defineChannel('online.import', online.importRequestSchema, online.importedSchema),
  verifyKeys: defineChannel('online.verify', noRequest, keyStatus.verifyAnswerSchema),
  keyStatus: defineChannel('online.status', noRequest, keyStatus.keyStatusListSchema),
  deletionWarning: defineChannel(
    'online.deletion-warning',
    online.deletionWarningRequestSchema,
    online.deletionWarningSchema,
  ),
  deleteMaterial: defineChannel(
    'online.delete-material',
    online.deleteMaterialRequestSchema,
    online.deletedMaterialSchema,
  ),
  writeOnlineReceipt: defineChannel('online.receipt', noRequest, common.writtenReceiptSchema),
  // Air-gapped workstation (handlers/air-gapped.ts).
  checkAirGap: defineChannel('airgap.check-network', airgap.airGapCheckRequestSchema, airgap.airGapNetworkSchema),
  readParametersBundle: defineChannel(
    'airgap.read-bundle',
    airgap.folderRequestSchema,
    airgap.parametersOverviewSchema,
  ),
  readConsoleFiles: defineChannel(
    'airgap.read-console-files',
    airgap.consoleFilesRequestSchema,
    airgap.parametersOverviewSchema,
  ),
  listConfirmations: defineChannel('airgap.confirmations', noRequest, airgap.confirmationListSchema),
  confirmAsWitness: defineChannel(
    'airgap.confirm-as-witness',
    airgap.confirmAsWitnessRequestSchema,
    airgap.confirmationSchema,
  ),
  generateMaterial: defineChannel('airgap.generate', noRequest, airgap.materialListSchema),
  loadMaterialFile: defineChannel(
    'airgap.load-material',
    airgap.loadMaterialRequestSchema,
    airgap.materialSummarySchema,
  ),
  preflightAirGap: defineChannel('airgap.preflight', airgap.airGapPreflightRequestSchema, airgap.preflightSchema),
  // The HSM material source (handlers/hsm-source.ts): tokens of a module; the token chosen, its capability check.
  listHsmTokens: defineChannel('hsm.tokens', hsm.hsmModuleRequestSchema, hsm.hsmTokenListSchema),
  useHsm: defineChannel('airgap.use-hsm', hsm.useHsmRequestSchema, hsm.hsmCapabilitySchema),
  wrapMaterial: defineChannel('airgap.wrap', noRequest, airgap.wrappedKeysSchema),
  writeWrappedBundle: defineChannel('airgap.write-bundle', noRequest, airgap.writtenWrappedSchema),
  writeAirGapReceipt: defineChannel('airgap.receipt', noRequest, common.writtenReceiptSchema),
  // Custody: the split (handlers/custody.ts) and the restore ceremony (handlers/custody-restore.ts).
  splitCustody: defineChannel('custody.split', noRequest, airgap.custodySplitSchema),
  restoreCheckNetwork: defineChannel('restore.check-network', noRequest, airgap.airGapNetworkSchema),
  restoreReadBundle: defineChannel('restore.read-bundle', airgap.folderRequestSchema, restore.restoreParametersSchema),
  restorePreflight: defineChannel('restore.preflight', restore.restorePreflightRequestSchema, airgap.preflightSchema),
  presentShare: defineChannel('restore.present-share', restore.presentShareRequestSchema, restore.presentedShareSchema),
  presentBackup: defineChannel(
    'restore.present-backup',
    restore.presentBackupRequestSchema,
    restore.presentedBackupSchema,
  ),
  rebuildMaterial: defineChannel('restore.rebuild', noRequest, restore.restoredKeySchema),
  restoreFromHsm: defineChannel('restore.from-hsm', hsm.restoreFromHsmRequestSchema, hsm.hsmRestoredSchema),
  restoreConfirmAsWitness: defineChannel(
    'restore.confirm-as-witness',
    airgap.confirmAsWitnessRequestSchema,
    airgap.confirmationSchema,
  ),
  restoreWrap: defineChannel('restore.wrap', noRequest, airgap.wrappedKeysSchema),
  restoreWriteBundle: defineChannel('restore.write-bundle', noRequest, airgap.writtenWrappedSchema),
  writeRestoreReceipt: defineChannel('restore.receipt', noRequest, common.writtenReceiptSchema),
  abandonRestore: defineChannel('restore.abandon', noRequest, restore.abandonedSchema),
  // Leaving a ceremony that holds material (handlers/leave-ceremony.ts): journaled like a Ctrl-C.
  leaveCeremony: defineChannel('ceremony.leave', restore.leaveCeremonyRequestSchema, restore.leftCeremonySchema),
  // Journals and receipts (handlers/journal.ts, handlers/receipt.ts), path pickers (handlers/media.ts).
  viewJournal: defineChannel('journal.view', records.sideRequestSchema, records.journalViewSchema),
  viewReceipt: defineChannel('receipt.view', records.sideRequestSchema, common.writtenReceiptSchema),
  printReceipt: defineChannel('receipt.print', records.sideRequestSchema, records.printedSchema),
  saveReceiptPdf: defineChannel('receipt.save-pdf', records.savePdfRequestSchema, records.savedPdfSchema),
  choosePath: defineChannel('dialog.choose-path', records.choosePathRequestSchema, records.chosenPathSchema),
} as const;

/**
 * The channels that may run while a ceremony step runs: reads (state, journal, receipt, lists,
 * pickers) and leaving (which cuts a running step short, as a Ctrl-C does). Every other channel is
 * a step, printing too (a double click printed a session's receipt twice), and only one step runs
 * at a time (router.ts): a review's double click ran generate, custody split, bundle write, receipt
 * and import twice.
 */
export const CHANNELS_BESIDE_A_STEP: readonly ChannelKey[] = [
  'appInfo',
  'setLanguage',
  'networkStatus',
  'listVolumes',
  'ceremonyState',
  'simulatorClock',
  'credentialsStatus',
  'listKeys',
  'deletionWarning',
  'listConfirmations',
  'listHsmTokens',
  'leaveCeremony',
  'viewJournal',
  'viewReceipt',
  'choosePath',
];

type Channels = typeof channels;
export type ChannelKey = keyof Channels;
/** What the renderer sends on channel `C` (before validation). */
export type Request<C extends ChannelKey> = z.input<Channels[C]['request']>;
/** What a handler receives on channel `C` (after validation). */
export type ValidRequest<C extends ChannelKey> = z.output<Channels[C]['request']>;
/** The value of a successful answer on channel `C`. */
export type Response<C extends ChannelKey> = z.output<Channels[C]['response']>;

/** Progress of a long task, pushed from main to the renderer. Values only, never objects. */
export const progressEventSchema = z.object({
  taskId: z.string().min(1).max(200),
  stage: z.string().min(1).max(200),
  done: z.number().int().nonnegative().optional(),
  total: z.number().int().nonnegative().optional(),
  /** Steps that run several keys at once (online create, fetch, import, verify): the key this event is about. */
  keyId: z.string().min(1).max(200).optional(),
  /**
   * ...and whether its KMS calls started, finished or failed, or went through with the journal then
   * unable to record them (`unrecorded`); `done` counts the finished keys. Core's KeyPhase is the
   * source: handlers/session.ts passes it on, and does not compile if this list lacks one.
   */
  keyPhase: z.enum(['started', 'done', 'failed', 'unrecorded']).optional(),
  /** English fallback line; the renderer shows `code` + `values` from the catalogue when set. */
  message: z.string().max(2000),
  code: z.string().max(100).optional(),
  values: z.record(z.string().max(100), z.union([z.string().max(2000), z.number()])).optional(),
});
export type ProgressEvent = z.output<typeof progressEventSchema>;

/** The one main → renderer event channel. */
export const PROGRESS_EVENT_CHANNEL = 'keyferry.progress';
