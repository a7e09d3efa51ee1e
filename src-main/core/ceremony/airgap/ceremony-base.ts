/**
 * What the air-gapped ceremonies (the air-gapped side and the custody restore) have in common:
 * their options, the step guard, the ceremony record, the network check, the witnesses'
 * confirmations (one value per witness per artefact) and writing the wrapped-material bundle. Each ceremony keeps its own
 * material vault (private to it) and its own states and steps.
 *
 * Like its subclasses, this module must never reach a network client (a test scans the import
 * graph of the workflows): no KMS client, no node:http/https/net/tls.
 */
import path from 'node:path';
import { withdrawWrappedBundle, type CustodyArrangement, type ImportParameters } from '../../bundle';
import { refuseJournalOfOtherCeremony } from '../../bundle/ceremony-facts';
import { KeyferryError, toProblem, type ProblemDetails } from '../../errors';
import { problemData } from '../../journal';
import type { Phrase } from '../../../i18n/phrase';
import { receiptBaseName } from '../../receipt';
import {
  airGapDestinations,
  journalPlanExpiryOverrides,
  preflightJournaled,
  requestedExpiryText,
  type AirGapDestinations,
  type PlanExpiryOverride,
} from './preflight';
import { writeWrapped, type WrappedKey, type WrittenWrappedBundle } from './wrap';
import {
  airGapRecord,
  checkNetworkJournaled,
  confirmArtefactJournaled,
  type AirGapPeople,
  type ConfirmationSource,
} from './steps';
import type { CeremonyRecord } from '../shared/ceremony-record';
import type { MaterialExpiry } from '../shared/ceremony-plan';
import { expiryText, keyExpiries, type KeyExpiry } from '../shared/planned-expiry';
import type { ArtefactToConfirm, WitnessConfirmations } from './witness-confirmations';
import type { MaterialAuditObserver } from './material-vault';
import type { InterfaceList, NetworkCheckResult } from '../shared/network-check';
import type { ProgressListener } from '../shared/progress';
import type { StepGuard } from '../shared/step-guard';
import type { SharedAirGapStepId } from '../shared/allowed-steps';
import type { ReceiptLanguage } from '../../receipt/language';
import type { WrittenCeremonyReceipt } from '../shared/journaled-receipt';
import { writeAirGapReceipt, type AirGapReceiptFacts } from './receipt';

export interface AirGapWorkflowOptions extends AirGapPeople {
  readonly clock?: () => Date;
  readonly onProgress?: ProgressListener;
  /** Network interfaces to check instead of this machine's (tests). */
  readonly interfaces?: InterfaceList;
  /**
   * TEST ONLY: receives copies of every plaintext secret (material, temporary keys) so a test can
   * prove none reached a file. Never wired in the CLI or the app.
   */
  readonly onMaterialForAudit?: MaterialAuditObserver;
}

/** How a stopped session ended: what was wiped and whether a written bundle was withdrawn. */
export interface AbandonReport {
  /** The state the session had reached when it stopped. */
  readonly state: string;
  readonly wipedKeys: number;
  /** The wrapped-bundle folder marked ABANDONED (no receipt names it), if one was written. */
  readonly withdrawnBundle: string | null;
  /** Set when a written bundle could not be withdrawn: the folder to delete by hand. */
  readonly deleteByHand: string | null;
  /** Custodian folders whose files of this session (shares, slips, backup) were removed. */
  readonly withdrawnCustody: readonly string[];
  /** Custody files of this session that could not be removed: to delete by hand. */
  readonly custodyByHand: readonly string[];
}

/** What a stop did with the custody files its session wrote (custody-split.ts withdrawCustodySplit). */
export type CustodyWithdrawal = Pick<AbandonReport, 'withdrawnCustody' | 'custodyByHand'>;

/**
 * Why a session stopped: a failure, a signal (the officer pressed Ctrl-C, or the system stopped it),
 * or, in the app, the officer confirmed leaving the ceremony (closing the window, or another screen).
 */
/** A ceremony stopped by `error`: its English text as the reason, its code and values for the receipts. */
export function problemCause(error: unknown): StopCause {
  const problem = toProblem(error);
  return { reason: problem.message, problem };
}

export interface StopCause {
  /** Why, in English as it is recorded (older readers print it). */
  readonly reason: string;
  /** Why, as a catalogue phrase: receipts print it in their own language. */
  readonly phrase?: Phrase;
  /** The problem that stopped the ceremony: its code and values are journaled for the receipts. */
  readonly problem?: ProblemDetails;
  readonly signal?: 'SIGINT' | 'SIGTERM' | 'SIGHUP';
  readonly left?: 'window-closed' | 'ceremony-left';
}

/** The steps that need the preflight first (messages name them). */
type PreflightedStep = 'generate' | 'load' | 'hsm' | 'restore' | 'split' | 'bundle' | 'receipt';

export { expiryText } from '../shared/planned-expiry';

/** The states every air-gapped ceremony passes through (each adds its own in between). */
type SharedState = 'new' | 'network-checked' | 'fingerprints-confirmed' | 'wrapped' | 'bundle-written' | 'finished';

export abstract class AirGapCeremonyBase<S extends string, K extends string> {
  protected readonly options: AirGapWorkflowOptions;
  protected readonly guard: StepGuard<S, K | SharedAirGapStepId>;
  protected readonly now: () => Date;
  #network: NetworkCheckResult | undefined;
  protected currentCeremonyId = '';
  protected confirmations: WitnessConfirmations | undefined;
  protected wrapped: WrappedKey[] = [];
  protected bundle: WrittenWrappedBundle | undefined;
  /** Writes the staged bundle's manifest (after the receipt). */
  #completeBundle: (() => Promise<WrittenWrappedBundle>) | undefined;
  /** The journal seq of this session's start: makes the receipt's file name unique per session. */
  protected sessionSeq = 0;
  /** Where this session will write, once the preflight passed. */
  protected checkedDestinations: AirGapDestinations | undefined;
  /** Each key's expiry fixed by the preflight (undefined: the one given when the bundle is written). */
  #requestedExpiries: ReadonlyMap<string, MaterialExpiry> | undefined;
  /** The bundle or receipt write under way: a stop waits for it before deciding what to withdraw. */
  #writing: Promise<unknown> = Promise.resolve();
  /** The outcome of the first stop: a second one (an interrupt racing a failure) reports the same. */
  #stopped: Promise<AbandonReport> | undefined;

  protected constructor(options: AirGapWorkflowOptions, guard: StepGuard<S, K | SharedAirGapStepId>) {
    this.options = options;
    this.guard = guard;
    this.now = options.clock ?? (() => new Date());
  }

  protected sharedState(state: SharedState): S {
    return state as string as S;
  }

  get state(): S {
    return this.guard.state;
  }

  /** The ceremony of the parameters (the wrapped bundle and the receipt carry it). */
  get ceremonyId(): string {
    return this.currentCeremonyId;
  }

  /**
   * One journal, one ceremony: an air-gapped journal that already read the parameters of ceremony
   * A refuses a bundle of ceremony B (AIRGAP_JOURNAL_OTHER_CEREMONY), so a receipt never seals, and
   * lists the deviations of, another ceremony's history. Sessions of the same ceremony (retries, a
   * restore continuing the journal) go on as before.
   */
  protected refuseOtherCeremony(ceremonyId: string): void {
    refuseJournalOfOtherCeremony(this.options.journal, ceremonyId);
  }

  /** The ceremony record (complete once the parameters were read). */
  get record(): CeremonyRecord {
    return airGapRecord(this.options, this.currentCeremonyId, this.#network);
  }

  /**
   * Step 1: refuses a live network (AIRGAP_NETWORK_LIVE) unless `allowNetwork`; an override is
   * journaled as a warning. May be repeated until the parameters are read.
   */
  async checkNetwork(options: { allowNetwork?: boolean } = {}): Promise<NetworkCheckResult> {
    this.guard.require('checkNetwork');
    const result = await checkNetworkJournaled(
      this.options.journal,
      this.options.operator,
      options.allowNetwork,
      this.options.interfaces,
    );
    this.#network = result;
    this.guard.advance(this.sharedState('network-checked'));
    return result;
  }

  /**
   * What the witnesses confirm, with who has typed each value so far: for a bundle, the bundle
   * (its digest hidden until every witness typed it); for console files, each wrapping key.
   */
  artefactsToConfirm(): ArtefactToConfirm[] {
    this.guard.require('showArtefacts');
    return this.confirmations?.list() ?? [];
  }

  /**
   * `witness` typed back the value read aloud from the online workstation (the import-parameters
   * bundle digest; a wrapping-key fingerprint for console files), for artefact `index` (default:
   * the one it matches, else their next). Journaled with the witness as actor; a wrong value is
   * refused and journaled. When every witness has confirmed every artefact, the step is done.
   * `source` 'rehearsal-online-side' (the rehearsal confirming for each witness) only in a rehearsal.
   */
  async confirmArtefact(
    witness: string,
    typed: string,
    options: { index?: number; source?: ConfirmationSource } = {},
  ): Promise<{ confirmed: ArtefactToConfirm; remaining: number }> {
    this.guard.require('confirmArtefact');
    const source = options.source ?? 'witness-typed';
    if (source === 'rehearsal-online-side' && !this.options.rehearsal)
      throw new KeyferryError('WITNESS_SOURCE_REFUSED', {});
    const outcome = await confirmArtefactJournaled(
      this.confirmations as WitnessConfirmations,
      this.options.journal,
      witness,
      typed,
      { source, ...(options.index === undefined ? {} : { index: options.index }) },
    );
    if (outcome.remaining === 0) this.guard.advance(this.sharedState('fingerprints-confirmed'));
    return outcome;
  }

  /** The receipt's file-name suffix for this session (unique per session in one journal). */
  protected abstract receiptSuffix(): string;

  /** The receipt's file names without extension, e.g. `receipt-air-gapped-<id>-session-2` (the journal's second session). */
  receiptBaseName(): string {
    return receiptBaseName({ side: 'air-gapped', ceremonyId: this.currentCeremonyId }, this.receiptSuffix());
  }

  /**
   * The preflight of every place this session will write to, for `keys`: refuses (journaled)
   * before any material exists when a folder is missing, not empty, not writable, on the wrong
   * volume or short of room. When the request names the expiry (each key's plan, or one for every
   * AES key), each key's is fixed here (`bundleExpiry`: the bundle's one planned expiry, formats
   * 1-3) and an override of a key's plan is journaled; the overrides are returned.
   */
  protected async preflightFor(
    keys: readonly ImportParameters[],
    request: AirGapDestinations,
    bundleExpiry: string | null = null,
  ): Promise<PlanExpiryOverride[]> {
    const destinations = airGapDestinations(request, keys, this.receiptBaseName());
    const requested = requestedExpiryText(request);
    await preflightJournaled(
      this.options.journal,
      this.options.operator,
      destinations,
      request.allowSameVolume ?? false,
      requested ? { bundleExpiry: requested } : {},
    );
    this.checkedDestinations = {
      ...request,
      wrappedBundle: path.resolve(request.wrappedBundle),
      receiptFolder: path.resolve(request.receiptFolder),
      ...(request.custodianFolders ? { custodianFolders: request.custodianFolders.map((f) => path.resolve(f)) } : {}),
    };
    const expiries = this.expiriesFor(keys, request, bundleExpiry);
    this.#requestedExpiries = expiries ? new Map(expiries.map((e) => [e.keyId, e.requested])) : undefined;
    return expiries ? journalPlanExpiryOverrides(this.options.journal, this.options.operator, expiries) : [];
  }

  /** Each key's expiry under `request` (undefined when the request leaves it to the bundle's writing). */
  protected expiriesFor(
    keys: readonly ImportParameters[],
    request: AirGapDestinations,
    bundleExpiry: string | null,
  ): KeyExpiry[] | undefined {
    const { materialExpiry } = request;
    if (materialExpiry === undefined) return undefined;
    return keyExpiries(keys, bundleExpiry, materialExpiry === 'plan' ? undefined : materialExpiry);
  }

  /** The destinations that passed the preflight in this session, if any. */
  get preflighted(): AirGapDestinations | undefined {
    return this.checkedDestinations;
  }

  /**
   * The core's own guard (not only a disabled button): material is produced, and anything is
   * written, only after the preflight passed in this session (PREFLIGHT_REQUIRED).
   */
  protected requirePreflight(step: PreflightedStep): AirGapDestinations {
    if (!this.checkedDestinations) throw new KeyferryError('PREFLIGHT_REQUIRED', { step });
    return this.checkedDestinations;
  }

  /** `dir` must be the folder the preflight checked for `role` (PREFLIGHT_FOLDER_DIFFERS). */
  protected requirePreflightedFolder(role: 'bundle' | 'receipt' | 'custodian', dir: string, checked: string): void {
    const given = path.resolve(dir);
    if (given !== checked) throw new KeyferryError('PREFLIGHT_FOLDER_DIFFERS', { role, folder: given, checked });
  }

  /**
   * Ends a session that will not finish: wipes what is held (`wipe`), journals the stop (an
   * interrupt as such), and withdraws a wrapped bundle that was written but that no receipt names,
   * so the online side refuses it. Safe in any state; a finished session is left as it is.
   */
  protected stopSession(
    cause: StopCause,
    wipe: () => number,
    withdrawCustody?: () => Promise<CustodyWithdrawal>,
  ): Promise<AbandonReport> {
    this.#stopped ??= this.#stop(cause, wipe, withdrawCustody);
    return this.#stopped;
  }

  async #stop(
    cause: StopCause,
    wipe: () => number,
    withdrawCustody?: () => Promise<CustodyWithdrawal>,
  ): Promise<AbandonReport> {
    this.guard.stop();
    const wipedKeys = wipe();
    await this.#writing.catch(() => undefined);
    const state = this.guard.state;
    const report = {
      state,
      wipedKeys,
      withdrawnBundle: null,
      deleteByHand: null,
      withdrawnCustody: [],
      custodyByHand: [],
    };
    if (state === 'finished') return report;
    const { journal, operator } = this.options;
    if (cause.signal || cause.left)
      await journal.append(operator, 'ceremony.interrupted', {
        ...(cause.signal ? { signal: cause.signal } : {}),
        ...(cause.left ? { left: cause.left } : {}),
        state,
        wipedKeys,
      });
    let withdrawnBundle: string | null = null;
    let deleteByHand: string | null = null;
    if (this.bundle) {
      try {
        const withdrawn = await withdrawWrappedBundle(this.bundle.dir, {
          reason: cause.reason,
          at: this.now(),
          journal: journal.path,
        });
        withdrawnBundle = withdrawn.dir;
        await journal.append(operator, 'wrapped-bundle.withdrawn', {
          folder: withdrawn.dir,
          manifestSha256: this.bundle.manifestSha256,
          marker: path.basename(withdrawn.marker),
          manifestRenamed: withdrawn.manifestRenamed,
          manifestWritten: withdrawn.manifestWritten,
        });
      } catch (error) {
        deleteByHand = this.bundle.dir;
        await journal.append(operator, 'wrapped-bundle.withdraw-failed', {
          folder: this.bundle.dir,
          manifestSha256: this.bundle.manifestSha256,
          ...problemData(toProblem(error)),
        });
      }
    }
    const custody = (await withdrawCustody?.()) ?? { withdrawnCustody: [], custodyByHand: [] };
    await journal.append(operator, 'ceremony.abandoned', {
      ...(cause.problem ? problemData(cause.problem) : {}),
      reason: cause.reason,
      ...(cause.phrase ? { reasonPhrase: { ...cause.phrase } } : {}),
      wipedKeys,
      state,
      ...(withdrawnBundle ? { withdrawnBundle } : {}),
    });
    return { state, wipedKeys, withdrawnBundle, deleteByHand, ...custody };
  }

  /**
   * Writes the wrapped-material bundle into the new folder `dir`, all but its manifest: the folder
   * becomes a bundle only when the receipt naming its digest has been written (completeBundle), so
   * a stop in between, even a SIGKILL, leaves nothing `online import` accepts.
   */
  /**
   * `options.expiry`: the one expiry for every AES key when the preflight left it open; when the
   * preflight named one it must be that one, and absent when it asked for each key's plan.
   */
  async writeWrappedBundle(dir: string, options: { expiry?: MaterialExpiry } = {}): Promise<WrittenWrappedBundle> {
    this.guard.require('writeBundle');
    const planned = this.requirePreflight('bundle');
    this.requirePreflightedFolder('bundle', dir, planned.wrappedBundle);
    const preflighted = requestedExpiryText(planned);
    const given = options.expiry === undefined && preflighted === 'plan' ? 'plan' : expiryText(options.expiry);
    if (preflighted !== undefined && preflighted !== given)
      throw new KeyferryError('PREFLIGHT_EXPIRY_DIFFERS', { planned: preflighted, given });
    const perKey = this.#requestedExpiries;
    const one = options.expiry ?? { kind: 'never' };
    return this.whileWriting(async () => {
      const staged = await writeWrapped(
        dir,
        this.currentCeremonyId,
        this.wrapped,
        (keyId) => perKey?.get(keyId) ?? one,
        this.custodyArrangement(),
        this.options,
        this.now(),
      );
      this.bundle = staged.bundle;
      this.#completeBundle = staged.complete;
      this.guard.advance(this.sharedState('bundle-written'));
      return staged.bundle;
    });
  }

  /** Who keeps a copy of this session's material (written into the wrapped bundle's manifest). */
  protected abstract custodyArrangement(): CustodyArrangement;

  /**
   * The last step of both air-gapped ceremonies: writes the receipt (HTML and text) into `dir`, the
   * folder the preflight checked, then completes the bundle it names; the ceremony is then finished.
   * `facts` (asked for once the step is allowed) are what the ceremony alone knows.
   */
  protected writeSessionReceipt(
    dir: string,
    options: { readonly language?: ReceiptLanguage },
    facts: () => Pick<AirGapReceiptFacts, 'record' | 'parameters' | 'custody'>,
  ): Promise<WrittenCeremonyReceipt> {
    this.guard.require('writeReceipt');
    this.requirePreflightedFolder('receipt', dir, this.requirePreflight('receipt').receiptFolder);
    const known = facts();
    const now = this.now();
    return this.whileWriting(async () => {
      const receipt = await writeAirGapReceipt(dir, {
        ...(options.language ? { language: options.language } : {}),
        ...known,
        wrapped: this.wrapped.map((w) => w.summary),
        bundle: this.bundle as WrittenWrappedBundle,
        journal: this.options.journal,
        now,
        nameSuffix: this.receiptSuffix(),
      });
      await this.completeBundle();
      this.guard.advance(this.sharedState('finished'));
      return receipt;
    });
  }

  /** After the receipt is written: writes the bundle's manifest and verifies the bundle from disk. */
  protected async completeBundle(): Promise<void> {
    // The step guard admits the receipt only in 'bundle-written', so the bundle was staged.
    const complete = this.#completeBundle as () => Promise<WrittenWrappedBundle>;
    this.bundle = await complete();
  }

  /** Runs a write step so that a stop arriving meanwhile waits for it (and then sees its outcome). */
  protected whileWriting<T>(write: () => Promise<T>): Promise<T> {
    const running = write();
    this.#writing = running;
    return running;
  }
}
