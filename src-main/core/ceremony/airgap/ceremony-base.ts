/**
 * What the air-gapped ceremonies (the air-gapped side and the custody restore) have in common:
 * their options, the step guard, the ceremony record, the network check, the witnesses'
 * confirmations (one value per witness per artefact), the preflight (session-preflight.ts),
 * writing the wrapped-material bundle (wrapped-bundle-writer.ts) and the receipt (receipt-step.ts),
 * and stopping (session-stop.ts). Each ceremony keeps its own material vault (private to it) and
 * its own states and steps.
 *
 * Like its subclasses, this module must never reach a network client (a test scans the import
 * graph of the workflows): no KMS client, no node:http/https/net/tls.
 */
import type { CustodyArrangement, ImportParameters } from '../../bundle';
import { refuseJournalOfOtherCeremony } from '../../bundle/ceremony-facts';
import { KeyferryError } from '../../errors';
import { receiptBaseName } from '../../receipt';
import type { AirGapDestinations, PlanExpiryOverride } from './preflight';
import { SessionPreflight, type PreflightedStep } from './session-preflight';
import type { WrappedKey, WrappedKeySummary, WrittenWrappedBundle } from './wrap';
import { WrappedBundleWriter } from './wrapped-bundle-writer';
import { writeSessionReceipt, type ReceiptStepFacts, type ReceiptStepOptions } from './receipt-step';
import {
  airGapRecord,
  checkNetworkJournaled,
  journalAirGapSessionStart,
  confirmArtefactJournaled,
  wrapThenWipe,
  type AirGapPeople,
  type ConfirmationSource,
} from './steps';
import type { CeremonyRecord } from '../shared/ceremony-record';
import type { MaterialExpiry } from '../shared/ceremony-plan';
import { keyExpiries, type KeyExpiry } from '../shared/planned-expiry';
import type { ArtefactToConfirm, WitnessConfirmations } from './witness-confirmations';
import type { MaterialAuditObserver, MaterialVault } from './material-vault';
import type { AirGapHsmMaterial } from './hsm-material';
import type { InterfaceList, NetworkCheckResult } from '../shared/network-check';
import type { ProgressListener } from '../shared/progress';
import type { StepGuard } from '../shared/step-guard';
import type { SharedAirGapStepId } from '../shared/allowed-steps';
import type { WrittenCeremonyReceipt } from '../shared/journaled-receipt';
import {
  stopAirGapSession,
  type AbandonReport,
  type MaterialUnderWay,
  type SessionPausePoint,
  type StopCause,
  type StopUndo,
  type WipedMaterial,
} from './session-stop';
import { closeUnfinishedSession, type ClosingChecked, type UnfinishedSessionReport } from './unfinished-session';
import { receiptNumbering } from './receipt-session';
import { RESTORE_PURPOSE } from './receipt-session';

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
  /** What the app checked before the journal opened, when it ends with a session unfinished: journaled with its closing. */
  readonly closingChecked?: ClosingChecked;
  /** TEST ONLY (cli/test-pause.ts): awaited where a stop or a closing can be killed in a test. */
  readonly pause?: (point: SessionPausePoint) => Promise<void>;
}

/** The states every air-gapped ceremony passes through (each adds its own in between). */
type SharedState = 'new' | 'network-checked' | 'fingerprints-confirmed' | 'wrapped' | 'bundle-written' | 'finished';

export abstract class AirGapCeremonyBase<S extends string, K extends string> {
  protected readonly options: AirGapWorkflowOptions;
  protected readonly guard: StepGuard<S, K | SharedAirGapStepId>;
  protected readonly now: () => Date;
  #network: NetworkCheckResult | undefined;
  protected currentCeremonyId = '';
  /** The import-parameters bundle folder read (undefined: none, or console files): the preflight writes nothing into it. */
  protected parametersBundleFolder: string | undefined;
  protected confirmations: WitnessConfirmations | undefined;
  protected wrapped: WrappedKey[] = [];
  /** The journal seq of this session's start: makes the receipt's file name unique per session. */
  protected sessionSeq = 0;
  /** Where this session may write (session-preflight.ts). */
  readonly #preflight: SessionPreflight;
  /** This session's wrapped bundle (wrapped-bundle-writer.ts). */
  readonly #bundle: WrappedBundleWriter;
  /** The bundle or receipt write under way: a stop waits for it before deciding what to withdraw. */
  #writing: Promise<unknown> = Promise.resolve();
  /** The outcome of the first stop: a second one (an interrupt racing a failure) reports the same. */
  #stopped: Promise<AbandonReport> | undefined;
  #unfinishedEarlier: UnfinishedSessionReport | null = null;
  /** What the session is for, as its start journals it (`custody-restore` for a restore; none for a wrap). */
  #purpose: typeof RESTORE_PURPOSE | undefined;

  protected constructor(options: AirGapWorkflowOptions, guard: StepGuard<S, K | SharedAirGapStepId>) {
    this.options = options;
    this.guard = guard;
    this.now = options.clock ?? (() => new Date());
    this.#preflight = new SessionPreflight(options);
    this.#bundle = new WrappedBundleWriter(this.#preflight, options);
  }

  /**
   * Opens this session on its journal: an earlier session that ended without stopping (a crash, a
   * power cut) is first journaled and what it wrote withdrawn (unfinished-session.ts), then the
   * start is journaled (`purpose` for a restore); its entry number becomes `sessionSeq`.
   */
  protected async openSession(purpose?: typeof RESTORE_PURPOSE): Promise<void> {
    this.#purpose = purpose;
    this.#unfinishedEarlier = await closeUnfinishedSession(
      this.options.journal,
      this.options.operator,
      this.now(),
      this.options.closingChecked,
      this.options.pause,
    );
    this.sessionSeq = (await journalAirGapSessionStart(this.options, purpose)).seq;
  }

  /** The earlier session this one found ended without stopping, and what was withdrawn of it (null: none). */
  get unfinishedEarlier(): UnfinishedSessionReport | null {
    return this.#unfinishedEarlier;
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

  /** This session's receipt number (receipt-session.ts): unique per session in one journal. */
  protected abstract receiptNumber(): number;

  /** The receipt's file-name suffix for this session, `session-<n>`. */
  protected receiptSuffix(): string {
    return `session-${this.receiptNumber()}`;
  }

  /** What material work `state` allows to be under way when a stop finds nothing finished held (the stop line says it). */
  protected abstract materialUnderWay(state: S): MaterialUnderWay;

  /** The receipt's file names without extension, e.g. `receipt-air-gapped-<id>-session-2` (the journal's second session). */
  receiptBaseName(): string {
    return receiptBaseName({ side: 'air-gapped', ceremonyId: this.currentCeremonyId }, this.receiptSuffix());
  }

  /**
   * The preflight of every place this session will write to, for `keys` (session-preflight.ts).
   * When the request names the expiry (each key's plan, or one for every AES key), each key's is
   * fixed here (`bundleExpiry`: the bundle's one planned expiry, formats 1-3) and an override of a
   * key's plan is journaled; the overrides are returned.
   */
  protected preflightFor(
    keys: readonly ImportParameters[],
    request: AirGapDestinations,
    bundleExpiry: string | null = null,
  ): Promise<PlanExpiryOverride[]> {
    return this.#preflight.run(
      keys,
      request,
      this.receiptBaseName(),
      () => this.expiriesFor(keys, request, bundleExpiry),
      this.parametersBundleFolder,
    );
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
    return this.#preflight.destinations;
  }

  /** Material is produced, and anything written, only after the preflight passed (PREFLIGHT_REQUIRED). */
  protected requirePreflight(step: PreflightedStep): AirGapDestinations {
    return this.#preflight.require(step);
  }

  /** A material file on a checked custodian folder's volume, refused before it is read (MATERIAL_ON_CUSTODIAN_VOLUME). */
  protected refuseMaterialOnCustodianVolume(file: string): Promise<void> {
    return this.#preflight.refuseMaterialOnCustodianVolume(file);
  }

  /** The custodian folders still as the preflight found them, right before the split writes (CUSTODIAN_FOLDER_CHANGED). */
  protected recheckCustodianFolders(): Promise<void> {
    return this.#preflight.recheckCustodianFolders();
  }

  /**
   * Ends a session that will not finish (session-stop.ts): wipes what is held (`wipe`), journals
   * the stop, withdraws a wrapped bundle written but named by no receipt and undoes the rest
   * (`undo`: custody files, HSM token objects). Safe in any state; a second stop (an interrupt
   * racing a failure) reports what the first did.
   */
  protected stopSession(cause: StopCause, wipe: () => WipedMaterial, undo?: StopUndo): Promise<AbandonReport> {
    const { journal, operator } = this.options;
    this.#stopped ??= stopAirGapSession(
      {
        guard: this.guard,
        journal,
        operator,
        now: this.now,
        restore: this.#purpose === RESTORE_PURPOSE,
        writing: () => this.#writing,
        bundle: () => this.#bundle.bundle,
        underWay: (state) => this.materialUnderWay(state as S),
        ...(this.options.pause ? { pause: this.options.pause } : {}),
      },
      cause,
      wipe,
      undo,
    );
    return this.#stopped;
  }

  /**
   * The wrap step of both air-gapped ceremonies: wraps every key of `keys` inside `hsm` when the
   * material is a token's, else from `vault` (each material wiped after its last wrap); the session
   * is then wrapped. The token is closed afterwards unless this session generated objects in it:
   * those stay reachable until the receipt finishes the ceremony, so a stop before can destroy them.
   */
  protected async wrapEveryKey(
    keys: readonly ImportParameters[],
    hsm: AirGapHsmMaterial | null,
    vault: MaterialVault,
  ): Promise<WrappedKeySummary[]> {
    if (hsm) {
      try {
        this.wrapped = await hsm.wrapAll(keys, this.options);
      } finally {
        if (!hsm.holdsCreated) hsm.close();
      }
    } else {
      this.wrapped = await wrapThenWipe(keys, vault, this.options);
    }
    this.guard.advance(this.sharedState('wrapped'));
    return this.wrapped.map((w) => w.summary);
  }

  /**
   * Step 7: writes the wrapped-material bundle into the new folder `dir`, all but its manifest
   * (wrapped-bundle-writer.ts). `options.expiry`: the one expiry for every AES key when the
   * preflight left it open; when the preflight named one it must be that one, and absent when it
   * asked for each key's plan.
   */
  async writeWrappedBundle(dir: string, options: { expiry?: MaterialExpiry } = {}): Promise<WrittenWrappedBundle> {
    this.guard.require('writeBundle');
    return this.whileWriting(async () => {
      const content = {
        ceremonyId: this.currentCeremonyId,
        wrapped: this.wrapped,
        custody: this.custodyArrangement(),
        now: this.now(),
      };
      const bundle = await this.#bundle.write(dir, content, options.expiry);
      this.guard.advance(this.sharedState('bundle-written'));
      return bundle;
    });
  }

  /** Who keeps a copy of this session's material (written into the wrapped bundle's manifest). */
  protected abstract custodyArrangement(): CustodyArrangement;

  /**
   * The last step of both air-gapped ceremonies (receipt-step.ts): writes the receipt (HTML and
   * text) into `dir`, the folder the preflight checked, then completes the bundle it names; the
   * ceremony is then finished. `facts` (asked for once the step is allowed) are what the ceremony
   * alone knows.
   */
  protected writeSessionReceipt(
    dir: string,
    options: ReceiptStepOptions,
    facts: () => Pick<ReceiptStepFacts, 'record' | 'parameters' | 'custody' | 'replacedLapsedPlans'>,
  ): Promise<WrittenCeremonyReceipt> {
    this.guard.require('writeReceipt');
    const now = this.now();
    return this.whileWriting(async () => {
      const receipt = await writeSessionReceipt(
        dir,
        { preflight: this.#preflight, bundle: this.#bundle, journal: this.options.journal },
        () => ({
          ...(options.language ? { language: options.language } : {}),
          ...facts(),
          wrapped: this.wrapped.map((w) => w.summary),
          now,
          nameSuffix: this.receiptSuffix(),
          numbering: receiptNumbering(this.options.journal, this.sessionSeq, this.receiptNumber()),
        }),
        options.beforeManifest,
      );
      this.guard.advance(this.sharedState('finished'));
      return receipt;
    });
  }

  /** Runs a write step so that a stop arriving meanwhile waits for it (and then sees its outcome). */
  protected whileWriting<T>(write: () => Promise<T>): Promise<T> {
    const running = write();
    this.#writing = running;
    return running;
  }
}
