/**
 * The ceremony of this app session, as the handlers hold it: the setup (people, folder), the
 * online workflow with its KMS client (and the simulator in rehearsal), the air-gapped workflow,
 * and the receipts written. Only plain facts leave this object; credentials and workflow
 * internals stay here, in the main process.
 */
import path from 'node:path';
import type { AbandonReport, StopCause } from '../../core/ceremony/airgap/session-stop';
import type { ProblemDetails } from '../../core/errors';
import { phraseOf } from '../../i18n/phrase';
import type { AirGapDestinations, PlanExpiryOverride } from '../../core/ceremony/airgap/preflight';
import type { AirGapCeremony } from '../../core/ceremony/airgap/workflow';
import type { ArtefactToConfirm } from '../../core/ceremony/airgap/witness-confirmations';
import { UNFINISHED_AIR_GAP_STATES, UNFINISHED_RESTORE_STATES } from '../../core/ceremony/shared/ceremony-states';
import type { MaterialAuditObserver } from '../../core/ceremony/airgap/material-vault';
import type { InterfaceList } from '../../core/ceremony/shared/network-check';
import type { OnlineCeremony } from '../../core/ceremony/online/workflow';
import type { RestoreCeremony } from '../../core/ceremony/restore/workflow';
import type { CeremonyProgress } from '../../core/ceremony/shared/progress';
import { KeyferryError } from '../../core/errors';
import type { WrappingAlgorithm } from '../../core/crypto/key-spec';
import type { PaperSize } from '../../core/receipt/paper-size';
import type { ReceiptLanguage } from '../../core/receipt/receipt-languages';
import type { Journal } from '../../core/journal';
import type { KmsClient } from '../../core/kms/client';
import type { CredentialBinding } from '../../core/kms/credential-binding';
import type { KmsCredentials } from '../../core/kms/credentials';
import type { KmsSimulator } from '../../core/kms-simulator/index';
import type { CustodyPlan, LeavableSide, RecordKind, KeyferryMode, WrittenReceiptView } from '../contract';
import type { HandlerContext } from '../context';
import { requireMode } from '../mode';

/** Test and embedding hooks for the ceremony handlers (HandlerOptions.ceremony). */
export interface CeremonyHooks {
  /** TEST ONLY: copies of every plaintext secret the air-gapped workflow holds (see MaterialVault). */
  readonly onMaterialForAudit?: MaterialAuditObserver;
  /** TEST ONLY: the rehearsal simulator once it runs (tests move its clock). */
  readonly onSimulatorStarted?: (simulator: KmsSimulator) => void;
  /** Interfaces the air-gap check sees instead of this machine's (tests). */
  readonly interfaces?: () => InterfaceList;
  /** Where a rehearsal's folder is created when none is chosen (default: the OS temp folder). */
  readonly rehearsalRoot?: string;
}

export interface CeremonySetupRecord {
  readonly title: string;
  readonly operator: string;
  readonly witnesses: readonly string[];
  readonly folder: string;
  /** An online journal already existed in `folder`: the online side continues that ceremony. */
  readonly continuesOnlineJournal: boolean;
  /** The paper receipts are printed on: journaled with each side's ceremony record, the PDFs' page size. */
  readonly paperSize: PaperSize;
  /**
   * The language of receipts and custody slips for a new journal: the one chosen on the setup
   * screen, else the app's; journaled with each side's ceremony record.
   */
  readonly receiptLanguage: ReceiptLanguage;
  /** The one the officer chose on the setup screen (undefined: none; a journal's own is kept then). */
  readonly receiptLanguageChosen: ReceiptLanguage | undefined;
  /** What the KMS wraps the import with (the online side's start). */
  readonly wrappingAlgorithm: WrappingAlgorithm;
  /** The ceremony's material expiry for AES keys, as given ("never", "90d", a date-time): resolved when the online side starts. */
  readonly materialExpiry: string;
}

export interface OnlineSide {
  readonly ceremony: OnlineCeremony;
  readonly kms: KmsClient;
  /** The connections of replica regions/projects opened for this ceremony (closed with `kms`). */
  readonly replicas?: { close(): void };
  readonly connection: {
    readonly endpoint: string;
    readonly region: string;
    readonly projectId: string;
    readonly accessKeyHint: string | null;
    readonly rehearsal: boolean;
  };
}

/** What passed the preflight of an air-gapped ceremony: every later write goes exactly there. */
export interface PreflightPlan extends AirGapDestinations {
  readonly custody?: CustodyPlan;
  /** The AES keys whose loss after the expiry was acknowledged (journaled). */
  readonly noBackupKeyIds: readonly string[];
  /** The material is planned to come from an HSM: the token keeps it, no loss to acknowledge. */
  readonly materialFromHsm?: boolean;
  /** The keys' planned expiries the chosen one overrides (journaled by the core); none when it is the plan. */
  readonly expiryOverrides?: readonly PlanExpiryOverride[];
}

export interface RestoreSide {
  readonly ceremony: RestoreCeremony;
  readonly journal: Journal;
  /** Abandoned by the operator: its steps are refused until a new restore ceremony starts. */
  readonly abandoned?: boolean;
  plan?: PreflightPlan;
  /** Set once the session stopped (the witnesses could not confirm): no step runs in it; the next network check starts a new one. */
  stopped?: StoppedAirGap;
}

/**
 * A session on the air-gapped workstation (the air-gapped side's or a custody restore's) that stopped
 * on its own (witnesses-stop.ts): why, and what the stop wiped and withdrew.
 */
export interface StoppedAirGap {
  readonly problem: ProblemDetails;
  readonly report: AbandonReport;
  /** Whether the journal took the stop (`ceremony.abandoned`); not when its medium failed. */
  readonly journaled: boolean;
  /** Who had confirmed what when it stopped (a stopped ceremony lists nothing any more): its screens show them still. */
  readonly confirmations: readonly ArtefactToConfirm[];
}

export interface AirGapSide {
  readonly ceremony: AirGapCeremony;
  readonly journal: Journal;
  readonly rehearsal: boolean;
  plan?: PreflightPlan;
  /** Set once the session stopped (the witnesses could not confirm): no step runs in it; the next network check starts a new one. */
  stopped?: StoppedAirGap;
  /** The parameters bundle folder the closing of an unfinished earlier session was checked against (the parameters step offers it). */
  readonly checkedParameters?: string;
}

/** Why a ceremony was left: the window closed, or the officer went to another screen. */
type LeaveReason = 'window-closed' | 'ceremony-left';

/** Why, as journaled: the English text older readers print, and the phrase receipts print in their language. */
const LEAVE_REASONS: Readonly<Record<LeaveReason, StopCause>> = {
  'window-closed': {
    reason: 'the officer closed the Keyferry window and confirmed abandoning the ceremony',
    phrase: phraseOf('journal.reason.window-closed'),
  },
  'ceremony-left': {
    reason: 'the officer left the ceremony for another screen and confirmed abandoning it',
    phrase: phraseOf('journal.reason.ceremony-left'),
  },
};
const APP_CLOSED: StopCause = { reason: 'Keyferry closed', phrase: phraseOf('journal.reason.app-closed') };

export const JOURNAL_FILES: Readonly<Record<RecordKind, string>> = {
  online: 'online-journal.jsonl',
  'air-gapped': 'air-gapped-journal.jsonl',
  'custody-restore': 'custody-restore-journal.jsonl',
};

export class CeremonySession {
  setup: CeremonySetupRecord | undefined;
  online: OnlineSide | undefined;
  /** Open from the first connection attempt on, so retries continue one journal. */
  onlineJournal: Journal | undefined;
  /**
   * The first entry this session added to the online journal: what opening it traced of earlier
   * sessions (`ceremony.session-unrecorded`) is from here on, read back for every view of the session.
   */
  onlineJournalOpenedFrom: number | undefined;
  /** The KMS credentials of this session: held here only, never sent back. */
  credentials: KmsCredentials | undefined;
  /** The connection `credentials` first worked with: they are used for no other. */
  credentialBinding: CredentialBinding | undefined;
  simulator: KmsSimulator | undefined;
  airGap: AirGapSide | undefined;
  /** The custody restore ceremony running on this (air-gapped) workstation, if any. */
  restore: RestoreSide | undefined;
  /** The receipts written: what the UI sees, and the HTML kept here for printing. */
  readonly receipts = new Map<RecordKind, { readonly view: WrittenReceiptView; readonly html: string }>();
  lastWrappedDigest: string | null = null;
  /** The folder of the last path picked in a native dialog in this ceremony (where the next one opens). */
  lastPickedFolder: string | null = null;
  #tasks = 0;
  readonly #running = new Map<LeavableSide, number>();

  constructor(
    readonly context: HandlerContext,
    readonly hooks: CeremonyHooks,
  ) {}

  /** The ceremony's clock: the simulator's in rehearsal (tests move it), else the app's. */
  now(): Date {
    return this.simulator ? new Date(this.simulator.clock.now()) : this.context.now();
  }

  /** Throws unless the mode is one of `allowed`; returns it. */
  requireMode(...allowed: KeyferryMode[]): KeyferryMode {
    return requireMode(this.context.mode, ...allowed);
  }

  /** True once a side of the ceremony started (a journal open, a connection): its people, folder and mode are fixed. */
  started(): boolean {
    return !!(this.online || this.airGap || this.onlineJournal || (this.restore && !this.restore.abandoned));
  }

  requireSetup(): CeremonySetupRecord {
    if (!this.setup) {
      throw new KeyferryError('CEREMONY_NOT_SET_UP');
    }
    return this.setup;
  }

  requireOnline(): OnlineSide {
    if (!this.online) {
      throw new KeyferryError('KMS_NOT_CONNECTED');
    }
    return this.online;
  }

  requireAirGap(): AirGapSide {
    if (!this.airGap) {
      throw new KeyferryError('AIRGAP_NOT_STARTED');
    }
    return this.airGap;
  }

  journalPath(side: RecordKind): string {
    return path.join(this.requireSetup().folder, JOURNAL_FILES[side]);
  }

  /** The workflow's progress listener for one step call, forwarded to the UI as progress events. */
  progress(side: RecordKind): (progress: CeremonyProgress) => void {
    const taskId = `${side}-${++this.#tasks}`;
    return (p) =>
      this.context.reportProgress({
        taskId,
        stage: p.step,
        done: p.done,
        total: p.total,
        ...(p.keyId ? { keyId: p.keyId } : {}),
        ...(p.keyPhase ? { keyPhase: p.keyPhase } : {}),
        message: p.message.slice(0, 2000),
        ...(p.code ? { code: p.code } : {}),
        ...(p.values ? { values: p.values } : {}),
      });
  }

  requireRestore(): RestoreSide {
    if (!this.restore) {
      throw new KeyferryError('RESTORE_NOT_STARTED');
    }
    return this.restore;
  }

  /** Runs a step of `side`, counted as under way until it settles (leaving meanwhile warns). */
  async track<T>(side: LeavableSide, step: () => Promise<T>): Promise<T> {
    this.#running.set(side, (this.#running.get(side) ?? 0) + 1);
    try {
      return await step();
    } finally {
      this.#running.set(side, (this.#running.get(side) ?? 1) - 1);
    }
  }

  /** True when `side` has a step under way. */
  running(side: LeavableSide): boolean {
    return (this.#running.get(side) ?? 0) > 0;
  }

  /**
   * The air-gapped ceremonies that leaving now would cut short: material (or presented shares)
   * held, a bundle not yet named by a receipt, or a step under way.
   */
  unfinishedSides(): LeavableSide[] {
    const sides: LeavableSide[] = [];
    const air = this.airGap?.ceremony.state;
    if (this.running('air-gapped') || (air && UNFINISHED_AIR_GAP_STATES.includes(air))) sides.push('air-gapped');
    const restore = this.restore && !this.restore.abandoned ? this.restore.ceremony.state : undefined;
    if (this.running('custody-restore') || (restore && UNFINISHED_RESTORE_STATES.includes(restore)))
      sides.push('custody-restore');
    return sides;
  }

  /**
   * The officer confirmed leaving `side` half-way: like a Ctrl-C on the command line, what is held
   * is wiped, the stop is journaled (`ceremony.interrupted` with the reason, then
   * `ceremony.abandoned`) and an unreceipted bundle is withdrawn. The air-gapped journal is closed
   * (its lock released): the next network check starts a new session on it.
   */
  async leave(side: LeavableSide, reason: LeaveReason): Promise<AbandonReport> {
    const cause = { ...LEAVE_REASONS[reason], left: reason };
    if (side === 'air-gapped') {
      const air = this.requireAirGap();
      const report = await air.ceremony.abandon(cause);
      await air.journal.close();
      this.airGap = undefined;
      return report;
    }
    const restore = this.requireRestore();
    const report = await restore.ceremony.abandon(cause);
    this.restore = { ...restore, abandoned: true };
    return report;
  }

  /** Ends everything this session holds: wipes material, closes journals, clients, simulator. */
  async close(): Promise<void> {
    await this.airGap?.ceremony.abandon(APP_CLOSED).catch(() => undefined);
    await this.airGap?.journal.close().catch(() => undefined);
    await this.restore?.ceremony.abandon(APP_CLOSED).catch(() => undefined);
    await this.restore?.journal.close().catch(() => undefined);
    this.restore = undefined;
    this.online?.kms.close();
    this.online?.replicas?.close();
    await this.onlineJournal?.close().catch(() => undefined);
    await this.simulator?.close().catch(() => undefined);
    this.airGap = undefined;
    this.online = undefined;
    this.onlineJournal = undefined;
    this.simulator = undefined;
    this.credentials = undefined;
    this.credentialBinding = undefined;
  }
}
