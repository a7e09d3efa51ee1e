/**
 * What the air-gapped ceremonies (the air-gapped side and the custody restore) have in common:
 * their options, the step guard, the ceremony record, the network check, the witnesses'
 * fingerprint confirmations and writing the wrapped-material bundle. Each ceremony keeps its own
 * material vault (private to it) and its own states and steps.
 *
 * Like its subclasses, this module must never reach a network client (a test scans the import
 * graph of the workflows): no KMS client, no node:http/https/net/tls.
 */
import { writeWrapped, type WrappedKey, type WrittenWrappedBundle } from './airgap-wrap';
import { airGapRecord, checkNetworkJournaled, confirmFingerprintJournaled, type AirGapPeople } from './airgap-steps';
import type { CeremonyRecord } from './ceremony-record';
import type { MaterialExpiry } from './ceremony-plan';
import type { FingerprintConfirmations, FingerprintToConfirm } from './fingerprint-confirmation';
import type { MaterialAuditObserver } from './material-vault';
import type { InterfaceList, NetworkCheckResult } from './network-check';
import type { ProgressListener } from './progress';
import type { StepGuard } from './step-guard';

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

/** The states every air-gapped ceremony passes through (each adds its own in between). */
type SharedState = 'new' | 'network-checked' | 'fingerprints-confirmed' | 'wrapped' | 'bundle-written';

/** The states from which the fingerprint steps may run, which differ per ceremony. */
export interface FingerprintSteps<S extends string> {
  readonly show: readonly S[];
  readonly confirm: readonly S[];
}

export abstract class AirGapCeremonyBase<S extends string> {
  protected readonly options: AirGapWorkflowOptions;
  protected readonly guard: StepGuard<S>;
  protected readonly now: () => Date;
  readonly #fingerprintSteps: FingerprintSteps<S>;
  #network: NetworkCheckResult | undefined;
  protected currentCeremonyId = '';
  protected confirmations: FingerprintConfirmations | undefined;
  protected wrapped: WrappedKey[] = [];
  protected bundle: WrittenWrappedBundle | undefined;

  protected constructor(options: AirGapWorkflowOptions, guard: StepGuard<S>, fingerprintSteps: FingerprintSteps<S>) {
    this.options = options;
    this.guard = guard;
    this.now = options.clock ?? (() => new Date());
    this.#fingerprintSteps = fingerprintSteps;
  }

  /** `states` typed as this ceremony's: every ceremony has the shared states. */
  protected shared(...states: SharedState[]): S[] {
    return states as string[] as S[];
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

  /** The ceremony record (complete once the parameters were read). */
  get record(): CeremonyRecord {
    return airGapRecord(this.options, this.currentCeremonyId, this.#network);
  }

  /**
   * Step 1: refuses a live network (AIRGAP_NETWORK_LIVE) unless `allowNetwork`; an override is
   * journaled as a warning. May be repeated until the parameters are read.
   */
  async checkNetwork(options: { allowNetwork?: boolean } = {}): Promise<NetworkCheckResult> {
    this.guard.require('check the network', this.shared('new', 'network-checked'));
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

  /** The wrapping-key fingerprints to compare aloud, grouped, with who confirmed each so far. */
  fingerprints(): FingerprintToConfirm[] {
    this.guard.require('show the fingerprints', this.#fingerprintSteps.show);
    return this.confirmations?.list() ?? [];
  }

  /**
   * `witness` typed back a fingerprint after comparing it aloud with the online workstation's.
   * Journaled with the witness as actor. When every fingerprint is confirmed, the step is done.
   */
  async confirmFingerprint(
    witness: string,
    typedFingerprint: string,
  ): Promise<{ confirmed: FingerprintToConfirm; remaining: number }> {
    this.guard.require('confirm a fingerprint', this.#fingerprintSteps.confirm);
    const outcome = await confirmFingerprintJournaled(
      this.confirmations as FingerprintConfirmations,
      this.options.journal,
      witness,
      typedFingerprint,
    );
    if (outcome.remaining === 0) this.guard.advance(this.sharedState('fingerprints-confirmed'));
    return outcome;
  }

  /** Writes the wrapped-material bundle into the new folder `dir` and verifies it. */
  async writeWrappedBundle(dir: string, options: { expiry?: MaterialExpiry } = {}): Promise<WrittenWrappedBundle> {
    this.guard.require('write the wrapped-material bundle', this.shared('wrapped'));
    this.bundle = await writeWrapped(
      dir,
      this.currentCeremonyId,
      this.wrapped,
      options.expiry ?? { kind: 'never' },
      this.options,
      this.now(),
    );
    this.guard.advance(this.sharedState('bundle-written'));
    return this.bundle;
  }
}
