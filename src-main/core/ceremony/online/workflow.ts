/**
 * The online side of a ceremony, step by step: connect, create the external keys, fetch the
 * import parameters, write the import-parameters bundle; later (another process, another day)
 * check the wrapped-material bundle against what the KMS issued, import, verify, write the
 * receipt; delete symmetric material on request. Every step is journaled, and the journal is
 * the state: `OnlineCeremony.open` on an existing journal continues where it stopped.
 * Methods return plain values (ids, fingerprints, states, file names); no key bytes exist here.
 */
import type { WrappingAlgorithm } from '../../crypto/key-spec';
import type {
  CheckedBundleSummary,
  CreatedKey,
  ImportedKeySummary,
  IssuedSummary,
  JournaledKey,
  KeyStatus,
  OnlineSessionShown,
  WrittenParametersBundle,
} from './types';
import { KeyferryError } from '../../errors';
import type { WrittenCeremonyReceipt } from '../shared/journaled-receipt';
import type { MaterialExpiry, PlannedKey } from '../shared/ceremony-plan';
import { distinctTargets } from './replica-connections';
import { OnlineSessionConnection } from './session-connection';
import { proveReplicaGroups } from './replica-proof';
import type { KeyProof } from './key-proof';
import { onlineStepContext, refuseStep, refusingStep, type OnlineStepContext } from './step-context';
import { refuseParametersBeforeProof } from './status-next-steps';
import { chooseParametersRound, type FetchParametersOptions } from './parameters-choice';
import { materialSourcesOf } from './material-sources';
import { groupMaterialHolders } from './group-material';
import { bundlePlanOf, type BundlePlan } from './bundle-plan';
import { importedCustodyOf } from './recorded-custody';
import { ONLINE_EVENTS } from './events';
import {
  PLAN_REFUSALS,
  plannedKeysNotCreated,
  requireCreateStep,
  startDifference,
  type PlannedKeyNotCreated,
} from './planned-keys';
import { expiryText } from '../shared/planned-expiry';
import type { OnlineCredentialBinding } from './credential-source';
import { openOnlineJournal, type OnlineCeremonyOptions } from './open-journal';
import {
  checkWrappedBundleStep,
  type CheckedSession,
  type WrappedBundleCheckOptions,
  type WrappedBundleProof,
} from './wrapped-check-step';
import { importCheckedMaterial } from './import-steps';
import {
  createExternalKeys,
  fetchIssuedParameters,
  preflightParametersFolder,
  writeParametersBundleStep,
} from './parameters-steps';
import { writeOnlineReceiptStep } from './receipt';
import { requireBundleCheck } from './material-lost-refusal';
import {
  deletableMaterialWarning,
  deleteAcknowledgedMaterial,
  type DeletionAcknowledgement,
  type DeletionWarning,
} from './loss-acknowledgement';
import {
  applyOnlineEntry,
  awaitsNewParameters,
  replayOnlineJournal,
  holdsImportedMaterial,
  type OnlineCeremonyState,
  type OnlineKeyState,
  type OnlineStep,
  type RecordedCustody,
} from './state';
import { onlineStepFromState, type CheckedInSession } from './step-from-state';
import {
  journaledKeys,
  journalLapse,
  noticeLapsedMaterial,
  proveImportedKeys,
  placeOf,
  readKeyStatuses,
} from './key-status';
import { StepGuard, stepOutOfOrder, type CeremonyStepName } from '../shared/step-guard';
import { ONLINE_STEP_FROM, type OnlineStepId, type StepFacts } from '../shared/allowed-steps';
import { hasReached, ONLINE_STEPS } from '../shared/ceremony-states';
import type { ReceiptLanguage } from '../../receipt/language';

export type { OnlineCeremonyStart } from './open-journal';
export type { WrappedBundleProof } from './wrapped-check-step';
export type { CredentialSource, OnlineCredentialBinding } from './credential-source';

/** What a look at the keys may do while the journal cannot be written (OnlineCeremony.lookWithoutJournal). */
export type UnjournaledLook = Pick<
  OnlineCeremony,
  | 'ceremonyId'
  | 'step'
  | 'connect'
  | 'status'
  | 'keys'
  | 'importedCustody'
  | 'materialSourcesOf'
  | 'groupMaterialHolders'
  | 'bundlePlan'
>;

export class OnlineCeremony {
  readonly #options: OnlineCeremonyOptions;
  readonly #guard: StepGuard<OnlineStep, OnlineStepId>;
  readonly #now: () => Date;
  #state: OnlineCeremonyState;
  #checked: CheckedSession | undefined;
  /** The keys #checked holds material for and the journal entry of that check (the step rule reads it). */
  #checkedInSession: CheckedInSession | undefined;
  /** What this session fetched, wrote and checked last: a reloaded window shows it again. */
  #shown: OnlineSessionShown = { issued: [], parameters: null, checked: null };
  readonly #ctx: OnlineStepContext;
  /** The session's KMS connections: its own and its replicas' (session-connection.ts). */
  readonly #connection: OnlineSessionConnection;

  /**
   * `journaled` false: a look while the journal cannot be written (lookWithoutJournal): nothing is
   * appended, and the state stays what the journal holds.
   */
  private constructor(options: OnlineCeremonyOptions, state: OnlineCeremonyState, journaled = true) {
    this.#options = options;
    this.#now = options.clock ?? (() => new Date());
    this.#state = state;
    this.#guard = new StepGuard('online', onlineStepFromState(state), ONLINE_STEP_FROM, () => this.stepFacts);
    const connection = new OnlineSessionConnection({ kms: options.kms, region: options.region }, options.replicaKms);
    this.#connection = connection;
    this.#ctx = onlineStepContext(options, state, {
      kmsFor: (key) => connection.kmsFor(key),
      now: this.#now,
      journaled,
      settle: () => this.#settle(),
    });
  }

  /**
   * The ceremony as its journal holds it, to look at its keys in the KMS while that journal cannot
   * be written (its medium full or read-only): connect and describe-key only, nothing appended, not
   * even a session. Only what reads is offered; every fact it returns is the KMS's answer now or the
   * journal's as it stands, and the caller must say that the look is not journaled.
   */
  static lookWithoutJournal(options: OnlineCeremonyOptions): UnjournaledLook {
    const state = replayOnlineJournal(options.journal.entries);
    if (!state) throw new KeyferryError('CEREMONY_NOT_STARTED');
    const ceremony = new OnlineCeremony(options, state, false);
    return {
      ceremonyId: ceremony.ceremonyId,
      step: ceremony.step,
      connect: (credentials) => ceremony.connect(credentials),
      status: () => ceremony.status(),
      keys: () => ceremony.keys(),
      importedCustody: (...keyIds) => ceremony.importedCustody(...keyIds),
      materialSourcesOf: (keyIds) => ceremony.materialSourcesOf(keyIds),
      groupMaterialHolders: (keyIds) => ceremony.groupMaterialHolders(keyIds),
      bundlePlan: () => ceremony.bundlePlan(),
    };
  }

  /**
   * Starts a new ceremony on an empty journal (needs `start`), or continues the one the journal
   * holds (its facts win; `start` is then ignored).
   */
  static async open(options: OnlineCeremonyOptions): Promise<OnlineCeremony> {
    return new OnlineCeremony(options, await openOnlineJournal(options));
  }

  get ceremonyId(): string {
    return this.#state.ceremonyId;
  }

  /**
   * Moves the guard to where the journal and this session's check say the ceremony stands: the
   * same rule a later session replays (step-from-state.ts), after every journal entry.
   */
  #settle(): void {
    this.#guard.advance(onlineStepFromState(this.#state, this.#checkedInSession));
  }

  /** A wrapped bundle checked in this session (undefined: none, or no longer the one to import). */
  #setChecked(session: CheckedSession | undefined): void {
    this.#checked = session;
    if (!session) this.#shown = { ...this.#shown, checked: null };
    this.#checkedInSession = session && {
      keyIds: session.keys.map((c) => c.key.keyId),
      seq: this.#state.wrappedCheckedSeq ?? 0,
    };
    this.#settle();
  }

  /** Where the ceremony stands (guards every step). */
  get step(): OnlineStep {
    return this.#guard.state;
  }

  /** The facts of the journal beside the step that let a step run from it (allowed-steps.ts `alsoFrom`). */
  get stepFacts(): StepFacts {
    return new Set(this.#state.parametersWrittenSeq === undefined ? [] : ['parametersBundleWrittenBefore']);
  }

  /**
   * The parameters this session fetched last, the bundle it wrote of them and the wrapped bundle it
   * checked (null: none, or replaced by a later fetch): what the screens showed, for a reloaded window.
   */
  get shown(): OnlineSessionShown {
    return this.#shown;
  }

  /** What the next fetch of import parameters asks the KMS for: the plan's, or the one chosen since. */
  get wrappingAlgorithm(): WrappingAlgorithm {
    return this.#state.wrappingAlgorithm;
  }

  get operator(): string {
    return this.#state.operator;
  }

  get witnesses(): readonly string[] {
    return this.#state.witnesses;
  }

  /** The keys of the journaled plan a create step stopped before creating (planned-keys.ts). */
  keysNotCreated(): PlannedKeyNotCreated[] {
    return plannedKeysNotCreated(this.#state);
  }

  /** The keys as the journal knows them (no KMS call): see JournaledKey. */
  keys(): JournaledKey[] {
    return journaledKeys(this.#ctx);
  }

  /**
   * Which bundle each key waiting for material takes, which bundles are to be destroyed and which
   * keys need fresh parameters (bundle-plan.ts), now: what the parameters warnings say too.
   */
  bundlePlan(): BundlePlan {
    return bundlePlanOf(this.#state, this.#ctx.journalEntries(), this.#now());
  }

  /**
   * The custody copy of the material last imported into `keyIds` (the first of them with one on
   * record), as the journal recorded it at that import (undefined: unknown): recorded-custody.ts.
   */
  importedCustody(...keyIds: string[]): RecordedCustody | undefined {
    return importedCustodyOf(this.#state.keys, keyIds);
  }

  /**
   * Of the keys `keyIds`, those whose next round takes their replica group's material, never fresh
   * material (group-material.ts), each with the member holding it: as the journal knows them.
   */
  groupMaterialHolders(keyIds: readonly string[]): { member: JournaledKey; holder: JournaledKey }[] {
    const journaled = new Map(this.keys().map((k) => [k.keyId, k]));
    return groupMaterialHolders(keyIds, this.#state.keys).flatMap(({ memberId, holderId }) => {
      const member = journaled.get(memberId);
      const holder = journaled.get(holderId);
      return member && holder ? [{ member, holder }] : [];
    });
  }

  #requireConnected(step: CeremonyStepName): void {
    this.#connection.require(step);
  }

  /**
   * Step 1 (every session): tests the endpoint and credentials with list-keys. `credentials` says
   * where they came from and what they are bound to (journaled; never a secret).
   */
  async connect(
    credentials?: OnlineCredentialBinding,
  ): Promise<{ endpoint: string; projectId: string; region: string; keysVisible: number }> {
    return this.#connection.connect(this.#ctx, credentials);
  }

  /**
   * Step 2: creates one external key (Pending import) per planned key, and one per replica in its
   * region/project (each region/project connected and journaled first, so an unreachable one
   * refuses the step before any key exists). `planTitle`: the title of the plan file the keys come
   * from (not a default made up from options), which tells another ceremony's plan from keys added late.
   */
  async createKeys(planned: readonly PlannedKey[], given: { readonly planTitle?: string } = {}): Promise<CreatedKey[]> {
    try {
      requireCreateStep(() => this.#guard.require('createKeys'), this.#state, planned, given.planTitle);
    } catch (error) {
      // A plan refused for what it lists is journaled (the receipt's Deviations say it, as other refusals).
      if (error instanceof KeyferryError && PLAN_REFUSALS.has(error.code))
        await refuseStep(this.#ctx, 'create-key', null, error);
      throw error;
    }
    this.#requireConnected('createKeys');
    const targets = distinctTargets(planned.flatMap((k) => (k.replicas ?? []).map((target) => ({ target }))));
    // Journaled like the other replica refusals, so the receipt's Deviations and the journal say it.
    const ownTarget = this.#connection.ownTargetRefusal(targets);
    if (ownTarget) await refuseStep(this.#ctx, 'connect', null, ownTarget);
    const start = this.#options.start;
    const differs =
      start &&
      startDifference(
        this.#state,
        { ...start, materialExpiry: expiryText(start.materialExpiry) },
        planned,
        this.#now(),
      );
    if (differs) await refuseStep(this.#ctx, 'create-key', null, differs);
    await this.#connection.connectReplicas(this.#ctx, targets);
    return createExternalKeys(this.#ctx, planned);
  }

  /**
   * Step 3: fetches a wrapping key and import token for every key still waiting for material.
   * After an import it first asks the KMS whether imported AES material lapsed (expired): such
   * keys wait for the same material again (restored from custody) and get fresh parameters.
   * `wrappingAlgorithm`: ask for this one from now on instead of the plan's (journaled), e.g. after
   * the air-gapped HSM was found to do OAEP only with SHA-1. `keyIds`: fetch for these keys only
   * (journaled; each must wait for material): keys whose material comes from different places go
   * one source at a time, and without a choice such a round is refused before anything is fetched
   * (material-sources.ts; `surface` words that refusal's next step).
   */
  async fetchParameters(options: FetchParametersOptions = {}): Promise<IssuedSummary[]> {
    this.#guard.require('fetchParameters');
    // A key that lost its material takes the ceremony back to 'keys-created': still after an import.
    const afterImport =
      hasReached(ONLINE_STEPS, this.#guard.state, 'imported') ||
      [...this.#state.keys.values()].some(awaitsNewParameters);
    if (afterImport) {
      this.#requireConnected('fetchImportParameters');
      await noticeLapsedMaterial(this.#ctx, (key) => journalLapse(this.#ctx, key));
      if ([...this.#state.keys.values()].every((k) => holdsImportedMaterial(k))) {
        throw new KeyferryError('NOTHING_TO_IMPORT');
      }
    }
    this.#requireConnected('fetchImportParameters');
    // Refused with nothing fetched (proof first, a chosen key that waits for nothing, a round of
    // mixed sources): journaled as the step's failure, so the journal and receipt show the attempt.
    await refusingStep(this.#ctx, 'get-parameters-for-import', async () => {
      if (afterImport) refuseParametersBeforeProof(this.keys(), this.#ctx.journalEntries());
      await chooseParametersRound(this.#ctx, options.keyIds, options.surface ?? 'cli');
    });
    const chosen = options.wrappingAlgorithm;
    if (chosen !== undefined && chosen !== this.#state.wrappingAlgorithm) {
      await this.#ctx.journal(ONLINE_EVENTS.wrappingAlgorithmChosen, {
        from: this.#state.wrappingAlgorithm,
        to: chosen,
      });
    }
    const issued = await fetchIssuedParameters(this.#ctx);
    // A bundle checked against the earlier tokens no longer matches what the KMS issued: check again.
    this.#setChecked(undefined);
    this.#shown = { issued, parameters: null, checked: null };
    return issued;
  }

  /**
   * Checks the folder step 4 will write to (new or empty, writable, room), with no KMS call: the
   * CLI runs it before connecting, so a wrong --out costs no fresh tokens.
   */
  async preflightParametersBundle(dir: string): Promise<void> {
    await preflightParametersFolder(this.#ctx, dir);
  }

  /**
   * Keys by where their material comes from (material-sources.ts), each source's keys in the
   * journal's order: one fetch of parameters each. `keyIds`: these keys (e.g. those the KMS shows
   * lapsed, which the journal records only at the next fetch); absent: every key waiting for material.
   */
  materialSourcesOf(keyIds?: readonly string[]): ReturnType<typeof materialSourcesOf> {
    return materialSourcesOf(this.#state.keys, keyIds);
  }

  /**
   * Step 4: writes the latest parameters of every key of the round (the keys waiting, or those
   * chosen) into the new folder `dir`; `signal`: a stop, which ends the write and removes what it wrote.
   */
  async writeParametersBundle(dir: string, signal?: AbortSignal): Promise<WrittenParametersBundle> {
    this.#guard.require('writeParameters');
    const written = await writeParametersBundleStep(this.#ctx, dir, signal);
    this.#shown = { ...this.#shown, parameters: written };
    return written;
  }

  /**
   * Step 5: reads the wrapped-material bundle in `dir` and checks it against what the KMS issued
   * (journal): ceremony, keys, specs, token hashes, wrapping-key fingerprints, token expiry.
   * `proof` is required: the digest typed from the air-gapped receipt (or, in a rehearsal, the
   * one its own air-gapped side wrote); a bundle with another digest is refused and journaled
   * before it is read further, so a swapped bundle never reaches the KMS.
   */
  async checkWrappedBundle(
    dir: string,
    proof: WrappedBundleProof,
    options: WrappedBundleCheckOptions = {},
  ): Promise<CheckedBundleSummary> {
    // Out of order (e.g. a ceremony already finished) is a refusal of this bundle too: journaled.
    const checking = checkWrappedBundleStep(
      this.#ctx,
      dir,
      proof,
      () => requireBundleCheck(() => this.#guard.require('checkWrappedBundle'), this.#state),
      options,
    );
    const { session, summary } = await checking.catch((error: unknown) => {
      // The officer's latest check was of another bundle, and refused: the one checked before is no
      // longer what the screens show, so nothing of it is imported until it is checked again (once
      // all of it holds material, it stays: the receipt names it).
      if (this.#guard.state === 'material-checked') this.#setChecked(undefined);
      throw error;
    });
    this.#setChecked(session);
    this.#shown = { ...this.#shown, checked: { ...summary, digestSource: proof.source } };
    return summary;
  }

  /**
   * Step 6: imports every checked key not imported yet, each with the material expiry its
   * wrapped-material bundle requests; `expiry` is an explicit override (journaled) for symmetric
   * material (asymmetric material never expires). A past expiry is refused before any import.
   * `signal`: a stop (Ctrl-C), after which no further import request goes out.
   */
  async importMaterial(options: { expiry?: MaterialExpiry; signal?: AbortSignal } = {}): Promise<ImportedKeySummary[]> {
    this.#guard.require('importMaterial');
    this.#requireConnected('importKeyMaterial');
    if (!this.#checked) throw new KeyferryError('WRAPPED_NOT_CHECKED_IN_SESSION');
    return importCheckedMaterial(this.#ctx, this.#checked, options.expiry, options.signal);
  }

  /**
   * Step 7: proves every imported key works (see key-proof.ts). Keys that fail are journaled as
   * such and returned with ok=false; the ceremony reaches "verified" only when all pass.
   */
  async verifyKeys(options: { readonly anyStep?: boolean } = {}): Promise<KeyProof[]> {
    // `anyStep`: online status proves the keys holding material while others wait for their next round.
    if (!options.anyStep) this.#guard.require('verifyKeys');
    this.#requireConnected('verifyTheImportedKeys');
    const proofs = await proveImportedKeys(this.#ctx);
    // Replica groups: every member holds the group's one material (see replica-proof.ts); a group
    // with a member holding other material is journaled and refused.
    await proveReplicaGroups(this.#ctx, proofs);
    return proofs;
  }

  /**
   * describe-key for every key of the ceremony (any step, once connected). An imported AES key
   * found back in Pending import is journaled as lapsed: it then waits for the same material again.
   */
  async status(): Promise<KeyStatus[]> {
    this.#requireConnected('readTheKeyStates');
    const { statuses, lapsed } = await readKeyStatuses(this.#ctx);
    for (const key of lapsed) await journalLapse(this.#ctx, key);
    return statuses;
  }

  /**
   * What deleting the imported material of `keyId` would lose, as the journal recorded its custody
   * copy (no KMS call, nothing journaled): the app shows it before it offers the deletion.
   */
  deletionWarning(keyId: string): DeletionWarning {
    return deletableMaterialWarning(keyId, this.#state.keys);
  }

  /**
   * Deletes the imported material of one AES key once `acknowledgement` accepts what that loses
   * (loss-acknowledgement.ts). Asymmetric material cannot be deleted (KMS rule).
   */
  async deleteMaterial(
    keyId: string,
    acknowledgement: DeletionAcknowledgement = { lossAcknowledged: false },
  ): Promise<{ keyId: string; keyState: string }> {
    this.#guard.require('deleteMaterial');
    this.#requireConnected('deleteImportedKeyMaterial');
    return deleteAcknowledgedMaterial(this.#ctx, keyId, acknowledgement);
  }

  /** Step 8: writes the online receipt into `dir` (needs the bundle checked in this session). */
  async writeReceipt(
    dir: string,
    options: { readonly language?: ReceiptLanguage } = {},
  ): Promise<WrittenCeremonyReceipt> {
    this.#guard.require('writeReceipt');
    if (!this.#checked) {
      throw stepOutOfOrder({ reason: 'bundleNotRead' });
    }
    const facts = {
      ...(options.language ? { language: options.language } : {}),
      state: this.#state,
      app: this.#options.app,
      bundle: { dir: this.#checked.dir, digest: this.#checked.digest },
      journal: this.#options.journal,
      now: this.#now(),
      placeOf: (key: OnlineKeyState) => placeOf(this.#ctx, key),
    };
    return writeOnlineReceiptStep(dir, facts, this.#ctx.journal, (entries) => {
      for (const entry of entries) applyOnlineEntry(this.#state, entry);
      this.#settle();
    });
  }
}
