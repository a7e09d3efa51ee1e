/**
 * The air-gapped side of a ceremony, step by step: check the network, read the import
 * parameters, record each witness's confirmation of the bundle digest (heard from the online
 * workstation; per wrapping-key fingerprint for console files), produce
 * the material (generate or load), split it for custody (optional), wrap it, write the
 * wrapped-material bundle, write the receipt. Each method is one step returning plain values
 * (fingerprints, file names, states), never key bytes, so a UI can drive it over IPC.
 *
 * This module and everything it imports must never reach a network client (a test scans the
 * import graph): no KMS client, no node:http/https/net/tls.
 */
import type { WrapOnMedia } from './wraps-on-media';
import { checkWrapsBesideOutput, type ReadNaming } from './named-journal';
import type { ConsoleFilesInput, CustodyArrangement, ImportParameters } from '../../bundle';
import { tokenNamed } from '../../hsm/hsm-token';
import { KeyferryError, isKeyferryError, toProblem } from '../../errors';
import { problemData } from '../../journal';
import { kmsTimeAtLeast } from '../shared/kms-time';
import { journalKmsTime } from './journal-kms-time';
import { boundMaterialFor } from '../../bundle/bound-material';
import { finishedWraps, type EarlierWrap, type RepeatedWrapGrounds } from './earlier-wraps';
import type { CustodyRequest, CustodyResult } from './custody-split';
import { CustodySplitStep } from './custody-split-step';
import { NoBackupAcknowledgements, unbackedAesKeys, type UnbackedKey } from './no-backup-acknowledgement';
import { RepeatedWrapPreflight } from './repeated-wrap-preflight';
import { AirGapMaterialStep, type MaterialSummary } from './produce-material';
import { everyKeyHasMaterial, materialIdOf } from './replica-groups';
import {
  readBundleParameters,
  readConsoleParameters,
  type AcceptedParameters,
  type ParametersOverview,
  type ParametersReader,
} from './parameters-overview';
import type { WrittenCeremonyReceipt } from '../shared/journaled-receipt';
import type { WrappedKeySummary } from './wrap';
import { AirGapCeremonyBase, type AirGapWorkflowOptions } from './ceremony-base';
import { wipedMaterialOf, type AbandonReport, type MaterialUnderWay, type StopCause } from './session-stop';
import type { AirGapDestinations, PlanExpiryOverride } from './preflight';
import type { CeremonyRecord } from '../shared/ceremony-record';
import { newCeremonyId } from '../shared/ceremony-id';
import { MaterialVault } from './material-vault';
import { sessionCustody } from './session-custody';
import {
  boundRefusalJournaled,
  evidenceByKey,
  generateRefusal,
  proveBoundMaterial,
  type GenerateRefusal,
} from './bound-material';
import type { AirGapHsmMaterial } from './hsm-material';
import type { HsmSourceSummary } from './hsm-token-check';
import type { HsmSourceRequest } from './hsm-source-request';
import { openHsmSource } from './hsm-source-step';
import { discardTokenObjectsJournaled } from './token-objects-cleanup';
import type { CrashedObjectsCleanup } from './crashed-objects-destroy';
import { checkCeremonyPeople } from '../shared/person-name';
import { StepGuard } from '../shared/step-guard';
import { AIR_GAP_STEP_FROM, type AirGapStepId } from '../shared/allowed-steps';
import { AIR_GAP_STATES, hasReached, type AirGapState } from '../shared/ceremony-states';
import type { ReceiptStepOptions } from './receipt-step';
import { SessionReceiptNumber } from './receipt-number';

export type { ParametersOverview } from './parameters-overview';

export class AirGapCeremony extends AirGapCeremonyBase<AirGapState, AirGapStepId> {
  readonly #vault: MaterialVault;
  readonly #material: AirGapMaterialStep;
  #parametersSource = '';
  #overview: ParametersOverview | null = null;
  #parameters: ImportParameters[] = [];
  /** A bundle's naming of the journal to wrap in, held to the wraps beside the output folder at the preflight. */
  #naming: ReadNaming | undefined;
  /** The custody split (optional step 5): its holders and the files it wrote. */
  readonly #custody = new CustodySplitStep();
  /** Why this session's wrap after finished ones was let through (journaled once as `wrap.repeated`, before material). */
  readonly #repeatedWrap = new RepeatedWrapPreflight();
  #hsm: AirGapHsmMaterial | null = null;
  /** The expiries the officer acknowledged losing AES material at, if they did. */
  readonly #noBackup = new NoBackupAcknowledgements();
  /** Keys whose material was loaded from a file the officer keeps (not generated here). */
  readonly #loadedFromFile = new Set<string>();
  /** The plan's AES material expiry from the bundle (`never` or ISO; null for console files). */
  #planExpiry: string | null = null;
  /** This session's number among the journal's air-gapped sessions (1, 2, 3 …): its receipt's name. */
  readonly #receiptNumber = new SessionReceiptNumber(() => ({
    ceremonyId: this.currentCeremonyId,
    entries: this.options.journal.entries,
    startedSeq: this.sessionSeq,
  }));
  #crashedObjects: CrashedObjectsCleanup | null = null;

  private constructor(options: AirGapWorkflowOptions) {
    super(options, new StepGuard<AirGapState, AirGapStepId>('airgap', 'new', AIR_GAP_STEP_FROM));
    this.#vault = new MaterialVault(options.onMaterialForAudit);
    this.#material = new AirGapMaterialStep(this.#vault, options.journal, options.operator, options.onProgress);
  }

  /** Opens the air-gapped side on `journal` (new or continued) and journals who is present. */
  static async start(input: AirGapWorkflowOptions): Promise<AirGapCeremony> {
    const options = { ...input, ...checkCeremonyPeople(input.operator, input.witnesses) };
    const ceremony = new AirGapCeremony(options);
    await ceremony.openSession();
    ceremony.#receiptNumber.fromJournal();
    return ceremony;
  }

  // Step 1, the network check: checkNetwork() (base).

  /**
   * Step 2: reads and verifies an import-parameters bundle folder (`shownAs`: the folder as the
   * officer gave it, naming a refused file in it; default `dir`). Parameters naming another journal
   * than this one are refused unless `journalLost` gives the officer's reason (named-journal.ts).
   */
  async readParametersBundle(
    dir: string,
    shownAs?: string,
    options: { journalLost?: string | undefined; onMedia?: readonly WrapOnMedia[] } = {},
  ): Promise<ParametersOverview> {
    this.guard.require('readParameters');
    const reader = { ...this.#parametersReader(), journalLost: options.journalLost, onMedia: options.onMedia };
    return this.#accept(await readBundleParameters(reader, dir, shownAs));
  }

  /** Step 2 (alternative): the console's raw files, one key each, for a ceremony without a bundle. */
  async readConsoleFiles(
    inputs: readonly ConsoleFilesInput[],
    ceremonyId = newCeremonyId(this.now()),
  ): Promise<ParametersOverview> {
    this.guard.require('readParameters');
    return this.#accept(await readConsoleParameters(this.#parametersReader(), inputs, ceremonyId));
  }

  #parametersReader(): ParametersReader {
    const { journal, operator, witnesses, title } = this.options;
    return {
      journal,
      operator,
      witnesses,
      title,
      now: this.now,
      refuseOtherCeremony: (id) => this.refuseOtherCeremony(id),
    };
  }

  #accept({ keys, overview, confirmations, naming }: AcceptedParameters): ParametersOverview {
    this.#overview = overview;
    this.#naming = naming;
    this.currentCeremonyId = overview.ceremonyId;
    this.#parametersSource = overview.source;
    // Console files are not a bundle: nothing to keep the preflight's folders out of.
    this.parametersBundleFolder = overview.manifestSha256 ? overview.source : undefined;
    this.#parameters = keys;
    this.#planExpiry = overview.planExpiry;
    this.confirmations = confirmations;
    this.guard.advance('parameters-read');
    return overview;
  }

  // Step 3, the witnesses' confirmations: artefactsToConfirm() and confirmArtefact() (base).

  /**
   * Step 3b, before any material exists: checks the wrapped-bundle folder, the receipt folder and
   * (for custody) every custodian folder; see preflightFor. May be repeated until material exists.
   * After a finished wrap whose bundle can still be imported, refused (journaled) unless
   * `wrapAgain` gives the officer's reason (repeated-wrap-preflight.ts); a repeated wrap is journaled
   * once, when this session first makes or loads material.
   * The receipt's session number is picked here past the numbers the receipt folder holds (another
   * journal's receipts of this ceremony are skipped, not refused), and again when it is written.
   */
  async preflight(request: AirGapDestinations, options: { wrapAgain?: string } = {}): Promise<PlanExpiryOverride[]> {
    this.guard.require('preflight');
    const { journal, operator } = this.options;
    await checkWrapsBesideOutput(this.#naming, request.wrappedBundle, journal).catch((error: unknown) =>
      error instanceof KeyferryError ? this.#refuseAtPreflight(error) : Promise.reject(error),
    );
    await this.#receiptNumber.pickIn(request.receiptFolder);
    await this.#refusePastExpiry(request);
    const context = {
      journal,
      operator,
      earlier: this.earlierWraps,
      kmsNow: this.kmsTime(),
      parameters: this.#parameters,
    };
    return this.#repeatedWrap.check(context, options.wrapAgain, () =>
      this.preflightFor(this.#parameters, request, this.#planExpiry),
    );
  }

  /** Journals `preflight.refused` for `error`, as the destinations' preflight does (preflight.ts), then throws it. */
  async #refuseAtPreflight(error: KeyferryError): Promise<never> {
    await this.options.journal.append(this.options.operator, 'preflight.refused', problemData(toProblem(error)));
    throw error;
  }

  /**
   * Material for an expiry already past, by this computer's clock or by the KMS's as the bundle's
   * import tokens show it (kms-time.ts), could never be imported (KMS.2602): refused (journaled,
   * `preflight.refused`) before any folder is checked or material exists. Not for a key bound to
   * the material the KMS holds (a re-import), whose own refusals and lapse steps say more.
   */
  async #refusePastExpiry(request: AirGapDestinations): Promise<void> {
    const now = this.kmsTime().getTime();
    // Named in the refusal: the KMS's time when the tokens show it ahead of this computer's clock.
    const clockBehind = now > this.now().getTime();
    // A key bound to the material the KMS holds has its own refusals first (fresh material refused:
    // bound-material.ts), and its lapse steps already ask for --expires.
    const bound = new Set(
      this.#parameters.filter((p) => boundMaterialFor(p, this.#parameters) !== undefined).map((p) => p.keyId),
    );
    const expiries = this.expiriesFor(this.#parameters, request, this.#planExpiry) ?? [];
    const past = expiries.find(
      (e) => !bound.has(e.keyId) && e.requested.kind === 'at' && e.requested.at.getTime() <= now,
    );
    if (past?.requested.kind !== 'at') return;
    await this.#refuseAtPreflight(
      new KeyferryError('EXPIRY_IN_PAST', {
        reason: clockBehind ? 'wrapKms' : 'wrap',
        keyId: past.keyId,
        at: past.requested.at.getTime(),
        now,
      }),
    );
  }

  /**
   * The KMS's time as the bundle's import tokens, and those of every parameters bundle this journal
   * read, prove it (the newest token's issue time), or this computer's when that is later
   * (kms-time.ts, journal-kms-time.ts). The session decides by it which earlier bundles can
   * still be imported, whether an expiry has passed, and (the CLI) where `--expires 30d` counts from.
   */
  kmsTime(): Date {
    return kmsTimeAtLeast(journalKmsTime(this.options.journal.entries, this.now()), this.#parameters);
  }

  /** Why this session wraps again after finished wraps (null: it is the first, or not preflighted yet). */
  get repeatedWrap(): RepeatedWrapGrounds | null {
    return this.#repeatedWrap.grounds;
  }

  /** The wraps this journal finished before this session (earlier-wraps.ts), oldest first. */
  get earlierWraps(): readonly EarlierWrap[] {
    return finishedWraps(this.options.journal.entries.filter((e) => e.seq < this.sessionSeq));
  }

  /**
   * Before material exists: the officer acknowledges that the AES material of this ceremony will
   * expire in the KMS at `expiresAt` (each moment the keys' expiries name) with no custody copy, so
   * it cannot be imported again after that (DESIGN rule 8; no-backup-acknowledgement.ts). Journaled
   * as a possible loss, naming each key it covers; the receipt lists it.
   */
  async acknowledgeNoBackup(expiresAt: string | readonly string[]): Promise<void> {
    this.guard.require('acknowledgeNoBackup');
    const unbacked = this.preflighted ? this.unbackedAesKeys(this.preflighted) : [];
    await this.#noBackup.acknowledge(expiresAt, unbacked, this.options.journal, this.options.operator);
  }

  /**
   * Step 3c (HSM ceremonies), before any material exists: opens the token with the PIN and runs
   * the capability check for every key, destroys what crashed sessions provably left in the token
   * (crashed-objects-destroy.ts), and finds the keys already in the token the officer chose (a key
   * several objects answer is refused naming them); journaled; refused up front when the token cannot do it.
   * From then on the material is produced and wrapped inside the HSM.
   */
  async useHsm(request: HsmSourceRequest): Promise<HsmSourceSummary> {
    this.guard.require('useHsm');
    const planned = this.requirePreflight('hsm');
    const earlier = this.#hsm;
    this.#hsm = null;
    const { hsm, crashedObjects } = await openHsmSource(
      earlier,
      request,
      this.#parameters,
      planned,
      this.currentCeremonyId,
      this.options,
    );
    this.#crashedObjects = crashedObjects;
    this.#hsm = hsm;
    return hsm.summary;
  }

  /** What useHsm did with the objects crashed sessions left in the token (crashed-objects-destroy.ts); null: none were left. */
  get crashedObjects(): CrashedObjectsCleanup | null {
    return this.#crashedObjects;
  }

  /**
   * Whether fresh material (generating, in software or in the HSM) is refused now, and why: the
   * keys still without material that the KMS already bound to material (MATERIAL_BOUND_GENERATE_REFUSED);
   * null when generating is allowed. The one place that decides it: `refuseFreshMaterialForBound`
   * and `generateMaterial` ask it, and the app's state view carries it to the screen.
   */
  generateRefusal(): GenerateRefusal | null {
    const hsm = this.#hsm;
    if (hsm?.selectsExisting) return null;
    const todo = this.#parameters.filter((p) => !this.#vault.has(materialIdOf(p)) && !hsm?.has(materialIdOf(p)));
    return generateRefusal(this.#parameters, todo);
  }

  /**
   * Refuses fresh material for a key the KMS already bound to material (see generateRefusal;
   * journaled `material.refused`). Generating checks it too; a caller that knows material will be
   * generated asks as soon as the parameters are read, so no witness types a digest for a session
   * that cannot end in an import.
   */
  async refuseFreshMaterialForBound(): Promise<void> {
    const refusal = this.generateRefusal();
    if (refusal)
      await boundRefusalJournaled(this.options, 'generate', () => {
        throw refusal.problem;
      });
  }

  /** Step 4: generates fresh material for every key that has none yet (progress per key), in the HSM when one is used. */
  async generateMaterial(): Promise<MaterialSummary[]> {
    this.guard.require('generateMaterial');
    this.#refuseMaterialAfterSplit('generated');
    const hsm = this.#hsm;
    // A key the KMS bound to material takes only that material: refused before anything is generated.
    await this.refuseFreshMaterialForBound();
    this.#noBackup.require(this.unbackedAesKeys(this.requirePreflight('generate')));
    await this.#repeatedWrap.journalBeforeMaterial(this.options.journal, this.options.operator, !!hsm?.selectsExisting);
    let result: MaterialSummary[];
    if (hsm) {
      result = await boundRefusalJournaled(this.options, 'hsm', () =>
        hsm.produce(this.#parameters, this.currentCeremonyId, this.options),
      );
      await proveBoundMaterial(this.options, this.#parameters, evidenceByKey(result), 'hsm');
    } else {
      result = await this.#material.generate(this.#parameters);
    }
    this.#advanceIfMaterialComplete();
    return result;
  }

  /** Step 4 (alternative): loads existing material for one key from `file`. */
  /**
   * Material made or loaded once the custody split wrote its shares would replace what they back (a
   * review's app loaded other material after the split: the KMS got it, the receipt named the shares).
   */
  #refuseMaterialAfterSplit(source: 'generated' | 'file'): void {
    if (this.#custody.done) throw new KeyferryError('MATERIAL_AFTER_CUSTODY_SPLIT', { source });
  }

  async loadMaterialFile(keyId: string, file: string, passphrase?: string): Promise<MaterialSummary> {
    this.guard.require('loadMaterial');
    this.#refuseMaterialAfterSplit('file');
    this.requirePreflight('load');
    if (this.#hsm) throw new KeyferryError('HSM_SOURCE_CHOSEN', {});
    await this.refuseMaterialOnCustodianVolume(file);
    await this.#repeatedWrap.journalBeforeMaterial(this.options.journal, this.options.operator, true);
    const result = await boundRefusalJournaled(this.options, 'file', () =>
      this.#material.loadFile(this.#parameters, keyId, file, passphrase),
    );
    await proveBoundMaterial(this.options, this.#parameters, evidenceByKey([result]), 'file');
    this.#loadedFromFile.add(result.keyId);
    this.#advanceIfMaterialComplete();
    return result;
  }

  /**
   * The AES keys whose material, under `planned`, would be generated here and kept nowhere, each
   * with the moment (ISO) it expires in the KMS: its requested expiry is a moment, no custody
   * folders, no HSM, no material loaded from the officer's own file. The keys a no-backup
   * acknowledgement must cover (empty when none is needed).
   */
  unbackedAesKeys(planned: AirGapDestinations): UnbackedKey[] {
    if (this.#hsm || (planned.custodianFolders?.length ?? 0) > 0) return [];
    const expiries = this.expiriesFor(this.#parameters, planned, this.#planExpiry) ?? [];
    return unbackedAesKeys(this.#parameters, expiries, (id) => this.#vault.has(id));
  }

  #advanceIfMaterialComplete(): void {
    if (everyKeyHasMaterial(this.#parameters, (id) => this.#vault.has(id) || this.#hsm?.has(id) === true)) {
      this.guard.advance('material-ready');
    }
  }

  /** Optional step 5: splits each key's material M-of-N, one share folder per custodian. */
  async splitCustody(request: CustodyRequest): Promise<CustodyResult[]> {
    this.guard.require('splitCustody');
    if (this.#hsm) throw new KeyferryError('HSM_CUSTODY_IS_TOKEN', { token: tokenNamed(this.#hsm.summary.token) });
    const planned = this.requirePreflight('split').custodianFolders ?? [];
    this.#custody.check(request, planned);
    const { journal, operator, onProgress } = this.options;
    // A stop arriving meanwhile waits for the split, then removes what it wrote (withdraw-custody.ts).
    return this.whileWriting(async () => {
      // A folder changed since the preflight is a refusal the receipt lists (possible tampering).
      await this.recheckCustodianFolders().catch(async (error: unknown) => {
        if (isKeyferryError(error) && error.code === 'CUSTODIAN_FOLDER_CHANGED')
          await journal.append(operator, 'custody.split-refused', problemData(toProblem(error))).catch(() => undefined);
        throw error;
      });
      return this.#custody.split(request, {
        ceremonyId: this.currentCeremonyId,
        parameters: this.#parameters,
        vault: this.#vault,
        journal,
        operator,
        language: this.options.receiptLanguage ?? 'en',
        slipContext: { title: this.options.title, splitAt: this.now() },
        ...(onProgress ? { onProgress } : {}),
      });
    });
  }

  /** Step 6: wraps every key's material, then wipes the material from memory. */
  async wrap(): Promise<WrappedKeySummary[]> {
    this.guard.require('wrap');
    const custodians = this.preflighted?.custodianFolders?.length ?? 0;
    // Custody was the reason no loss had to be acknowledged: wrapping (and wiping) before the split would lose it.
    if (custodians > 0 && !this.#custody.done) throw new KeyferryError('CUSTODY_PLANNED_NOT_SPLIT', { custodians });
    return this.wrapEveryKey(this.#parameters, this.#hsm, this.#vault);
  }

  // Step 7, writing the wrapped-material bundle: writeWrappedBundle() (base).

  /** Step 8: writes the receipt (HTML and text) into `dir`; the ceremony is then finished. */
  async writeReceipt(dir: string, options: ReceiptStepOptions = {}): Promise<WrittenCeremonyReceipt> {
    return this.#receiptNumber.writeUnder(dir, async () => {
      const receipt = await this.writeSessionReceipt(dir, options, () => ({
        record: this.#record(),
        parameters: this.#parameters,
        custody: this.#custody.receiptCustody(),
      }));
      // Finished: the token objects stay (the custody copy); the session kept open for a stop closes.
      this.#hsm?.close();
      return receipt;
    });
  }

  /**
   * Material is generated (or read from the HSM) only once every witness confirmed; once it is ready,
   * the wrap wipes each key's material as soon as it is wrapped, so a stop may find none left to wipe.
   */
  protected materialUnderWay(state: AirGapState): MaterialUnderWay {
    if (state === 'fingerprints-confirmed') return 'generating';
    return hasReached(AIR_GAP_STATES, state, 'material-ready') ? 'wrapping' : 'nothing';
  }

  /**
   * Abandons the ceremony (a failure, or an interrupt): wipes any material held or still being
   * generated, journals the stop and withdraws a written bundle no receipt names (safe in any state).
   */
  async abandon(cause: string | StopCause): Promise<AbandonReport> {
    const hsm = this.#hsm;
    const { journal, operator } = this.options;
    try {
      return await this.stopSession(
        typeof cause === 'string' ? { reason: cause } : cause,
        () => {
          const held = this.#vault.keyIds;
          this.#vault.close();
          return wipedMaterialOf(held, this.#parameters);
        },
        {
          withdrawCustody: () => this.#custody.withdraw(journal, operator),
          // Only once the stop knows the ceremony did not finish (token-objects-cleanup.ts).
          discardTokenObjects: async () => (hsm ? discardTokenObjectsJournaled(hsm, journal, operator) : null),
        },
      );
    } finally {
      if (this.#hsm === hsm) this.#hsm = null;
      try {
        hsm?.close();
      } catch {
        // A session the token already ended (pulled out) has nothing left to close; the stop's report stands.
      }
    }
  }

  /** The n of `session-<n>`: the n-th air-gapped session of this journal (receipt-session.ts). */
  protected receiptNumber(): number {
    return this.#receiptNumber.value;
  }

  protected custodyArrangement(): CustodyArrangement {
    return sessionCustody({
      hsmToken: this.#hsm?.summary.token ?? null,
      split: this.#custody.arrangement(),
      parameters: this.#parameters,
      loadedFromFile: this.#loadedFromFile,
      noBackupAcknowledged: this.#noBackup.given,
    });
  }

  #record(): CeremonyRecord {
    return { ...this.record, id: this.currentCeremonyId };
  }

  /** Where the parameters came from (folder or "console files"). */
  /** The parameters as read (null before): a reloaded window shows them, and the witnesses' step, again. */
  get parametersOverview(): ParametersOverview | null {
    return this.#overview;
  }

  get parametersSource(): string {
    return this.#parametersSource;
  }
}
