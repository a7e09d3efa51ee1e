/**
 * The custody restore ceremony, on the air-gapped workstation: when imported AES material has
 * expired in the KMS (the key is back in Pending import and accepts only the same bytes), the
 * custodians bring M shares, the material is rebuilt in memory, proven to be the material that
 * was split (key check value or public-key fingerprint recorded in every share), and wrapped for
 * a fresh import-parameters bundle of the same key, so the online side can import it again.
 *
 * Steps, each guarded: check the network, read the parameters bundle, every witness types the
 * bundle digest (before any share is presented: nothing is rebuilt for a bundle the witnesses did
 * not confirm), present shares (who presented which index), restore and prove, wrap, write the wrapped-material bundle, write the receipt. The journal records who presented
 * which share, the proof and the bundle; never a share or the material. Like the air-gapped
 * workflow, this module must never reach a network client.
 */
import type { CustodyArrangement, ImportParameters } from '../../bundle';
import { materialsTaken } from '../../bundle';
import type { CustodyBackup } from '../../custody/backup-file';
import type { KeyMaterial } from '../../crypto/key-material';
import type { CustodyShare } from '../../custody/custody-share';
import { isSetShare, type SetShare } from '../../custody/set-share';
import { checkHoldersMatch } from '../../custody/set-restore';
import { KeyferryError } from '../../errors';
import type { WrittenCeremonyReceipt } from '../shared/journaled-receipt';
import type { WrappedKeySummary } from '../airgap/wrap';
import { AirGapCeremonyBase, type AirGapWorkflowOptions } from '../airgap/ceremony-base';
import { wipedMaterialOf, type AbandonReport, type MaterialUnderWay, type StopCause } from '../airgap/session-stop';
import type { AirGapDestinations } from '../airgap/preflight';
import { journalKmsTime, readParametersAtJournalTime } from '../airgap/journal-kms-time';
import { refuseOtherTitleThanBundle } from '../airgap/parameters-overview';
import { RESTORE_PURPOSE } from '../airgap/receipt-session';
import { bundleArtefacts, WitnessConfirmations } from '../airgap/witness-confirmations';
import { neighbourBundles } from '../../bundle/neighbour-bundles';
import { MaterialVault } from '../airgap/material-vault';
import { SessionReceiptNumber } from '../airgap/receipt-number';
import { checkCeremonyPeople } from '../shared/person-name';
import { PresentedShares, type ShareSource } from './presented-shares';
import { sharesCustody } from './split-holders';
import { takeHandover, type PresentedHandover, type SeveralSharesOverride } from './share-handover';
import {
  journalPresentedBackup,
  parametersOverview,
  restoredCustody,
  type PresentedBackup,
  type RestoredState,
  type RestoreParametersOverview,
} from './restore-state';
import { StepGuard } from '../shared/step-guard';
import { RESTORE_STEP_FROM, type RestoreStepId } from '../shared/allowed-steps';
import { hasReached, RESTORE_STATES, type RestoreState } from '../shared/ceremony-states';
import type { ReceiptStepOptions } from '../airgap/receipt-step';
import type { AirGapHsmMaterial } from '../airgap/hsm-material';
import { restoreFromHsmToken, type HsmRestoredKeys, type HsmRestoreRequest } from './hsm-restore';
import { restoreFromKeyShares, type RestoredKey } from './per-key-restore';
import { restoreFromSetShares } from './set-share-restore';
import { lapsedPlansReplaced, planLapsed, restoredExpiries, type RestoredExpiries } from './restored-expiry';
import { kmsTimeAtLeast } from '../shared/kms-time';
import type { KeyExpiry } from '../shared/planned-expiry';
import { journalPlanExpiryOverrides, type PlanExpiryOverride } from '../airgap/preflight';

export type { HsmRestoreRequest } from './hsm-restore';

export class RestoreCeremony extends AirGapCeremonyBase<RestoreState, RestoreStepId> {
  readonly #vault: MaterialVault;
  #parameters: ImportParameters[] = [];
  #shares: PresentedShares | undefined;
  #restored: RestoredState | undefined;
  #backup: CustodyBackup | undefined;
  readonly #receiptNumber = new SessionReceiptNumber(() => ({
    ceremonyId: this.currentCeremonyId,
    entries: this.options.journal.entries,
    startedSeq: this.sessionSeq,
  }));
  #overview: RestoreParametersOverview | undefined;
  #hsmChosen = false;
  #hsm: AirGapHsmMaterial | null = null;
  /** The keys whose planned moment had passed when the preflight fixed their expiry (journaled as replaced). */
  #lapsedPlans: KeyExpiry[] = [];

  private constructor(options: AirGapWorkflowOptions) {
    super(options, new StepGuard<RestoreState, RestoreStepId>('restore', 'new', RESTORE_STEP_FROM));
    this.#vault = new MaterialVault(options.onMaterialForAudit);
  }

  /** Opens a restore ceremony on `journal` (new or continued) and journals who is present. */
  static async start(input: AirGapWorkflowOptions): Promise<RestoreCeremony> {
    const options = { ...input, ...checkCeremonyPeople(input.operator, input.witnesses) };
    const ceremony = new RestoreCeremony(options);
    await ceremony.openSession(RESTORE_PURPOSE);
    ceremony.#receiptNumber.fromJournal();
    return ceremony;
  }

  // Step 1, the network check: checkNetwork() (base).

  /** Step 2: reads and verifies the fresh import-parameters bundle (token, expiry, hashes); `shownAs` as in the air-gapped side. */
  async readParametersBundle(dir: string, shownAs?: string): Promise<RestoreParametersOverview> {
    this.guard.require('readParameters');
    // Its tokens judged by the KMS's time as this journal's confirmed parameters show it, as the wrap's are.
    const bundle = await readParametersAtJournalTime(dir, this.options.journal.entries, this.now(), 'restore', shownAs);
    this.refuseOtherCeremony(bundle.manifest.ceremonyId);
    // One ceremony, one title on its receipts: the app's setup title held to the bundle's, as the wrap's is.
    refuseOtherTitleThanBundle(bundle.manifest.ceremony?.title, this.options.title);
    const overview = parametersOverview(bundle);
    // Not refused when other people restore (years later, the ceremony's may be gone): the bundle's
    // people are journaled beside the restore's own (its session start names those).
    const people = bundle.manifest.ceremony?.people;
    await this.options.journal.append(this.options.operator, 'parameters.read', {
      ceremonyId: overview.ceremonyId,
      source: dir,
      manifestSha256: overview.manifestSha256,
      keys: overview.keys.map((k) => ({ ...k })),
      warnings: bundle.warnings,
      ...(people ? { bundlePeople: { operator: people.operator, witnesses: [...people.witnesses] } } : {}),
    });
    this.currentCeremonyId = bundle.manifest.ceremonyId;
    this.parametersBundleFolder = dir;
    this.#parameters = bundle.keys;
    this.#shares = new PresentedShares(bundle.keys);
    // What every witness confirms: the fresh bundle's digest, which binds every key's wrapping key and token.
    this.confirmations = new WitnessConfirmations(
      bundleArtefacts(
        bundle.digest,
        bundle.keys.map((p) => ({ keyId: p.keyId, fingerprint: p.wrappingKey.fingerprint })),
        // As on the air-gapped side: a value refused is looked for among the bundles beside this one.
        () => neighbourBundles(dir, shownAs ?? dir, bundle.manifest.ceremonyId),
      ),
      this.options.witnesses,
    );
    this.guard.advance('parameters-read');
    this.#overview = overview;
    return this.#overview;
  }

  /** What readParametersBundle read (the expiry a restore requests is decided from it: restored-expiry.ts). */
  get parametersOverview(): RestoreParametersOverview | undefined {
    return this.#overview;
  }

  /** What the wrapped bundle requests for each key of the bundle read, for the choice `given` (restored-expiry.ts). */
  requestedExpiries(given: string | undefined, where: 'cli' | 'app'): RestoredExpiries {
    return restoredExpiries(given, this.#parameters, this.#overview?.materialExpiry, this.#kmsNow(), where);
  }

  /**
   * The time expiries are decided at: this machine's, or the KMS's when the fresh tokens, or those of
   * parameters this journal read and confirmed before, show it is later (kmsTimeAtLeast,
   * journalKmsTime). A planned moment the KMS's clock has passed cannot be kept, even while this
   * machine's lagging clock (or a rehearsal's moved simulator clock) has not reached it.
   */
  #kmsNow(): Date {
    return kmsTimeAtLeast(journalKmsTime(this.options.journal.entries, this.now()), this.#parameters);
  }

  // Step 3, every witness types the bundle digest: artefactsToConfirm() and confirmArtefact() (base).

  /**
   * Step 4 (once per custodian): `presentedBy` hands over `share` (read from a share file or
   * typed from a slip). Checked at once (intact, this bundle's key, same split, not twice, not a
   * second share of one person unless `override` gives the officer's reason: presenters.ts);
   * a refused share is wiped and journaled as refused. A presenter who is not the share's
   * custodian, or is the operator or a witness, is journaled as an override. Ownership of `share` passes here.
   */
  async presentShare(
    share: CustodyShare | SetShare,
    presentedBy: string = share.custodian,
    source: ShareSource = 'file',
    override: SeveralSharesOverride = { where: 'cli' },
  ): Promise<PresentedHandover> {
    try {
      this.guard.require('presentShare');
      if (this.#hsmChosen) throw new KeyferryError('HSM_RESTORE_SHARES_PRESENTED', {});
    } catch (error) {
      share.share.dispose();
      throw error;
    }
    const { journal, operator, witnesses } = this.options;
    return takeHandover(
      this.#shares as PresentedShares,
      share,
      { presentedBy, source, override },
      {
        journal,
        operator,
        witnesses,
        onPresented: () => this.guard.advance('shares-presented'),
        // After the backup: a set share naming another holder than it records is refused as presented.
        check: (presented) => {
          if (this.#backup && isSetShare(presented)) checkHoldersMatch([presented], this.#backup);
        },
      },
    );
  }

  /** True once a custody backup was presented (needed before set shares can be restored). */
  get hasBackup(): boolean {
    return this.#backup !== undefined;
  }

  /**
   * Step 4b (with shares of a ceremony custody set): the backup file the custodians carry with
   * their shares (read from one custodian's copy, or typed from its printout). Refused when it
   * is not the backup the shares presented so far were made with. Journaled (digest, never its contents).
   */
  async presentBackup(
    backup: CustodyBackup,
    file: string,
    source: 'file' | 'typed' = 'file',
  ): Promise<PresentedBackup> {
    this.guard.require('presentBackup');
    const { journal, operator } = this.options;
    const shares = this.#shares as PresentedShares;
    // One entry per material: a replica takes its primary's (set-share-restore.ts).
    const bundleKeyIds = materialsTaken(this.#parameters).map((p) => p.keyId);
    const record = await journalPresentedBackup(journal, operator, shares, backup, { file, source }, bundleKeyIds);
    this.#backup = backup;
    return record;
  }

  /**
   * Step 5: rebuilds the material from the presented shares, in memory, and proves it against
   * the check recorded in every share (per-key shares) or in the backup (set shares: every key
   * of the bundle, all or none). Refuses fewer than M shares (more may still be presented)
   * and a result that does not prove (a wrong share); the shares are wiped once it succeeds.
   */
  async restore(): Promise<RestoredKey> {
    this.guard.require('restore');
    this.requirePreflight('restore');
    const shares = this.#shares as PresentedShares;
    const context = {
      parameters: this.#parameters,
      options: this.options,
      keep: (keyId: string, material: KeyMaterial) => this.#vault.put(keyId, material),
    };
    if (shares.setShares.length > 0) {
      const { result, presented } = await restoreFromSetShares(shares, { ...context, backup: this.#backup });
      this.#restored = { from: 'shares', keys: this.#parameters, result, presented };
    } else {
      const { result, key, presented } = await restoreFromKeyShares(shares, context);
      this.#restored = { from: 'shares', keys: [key], result, presented };
    }
    this.guard.advance('restored');
    return this.#restored.result;
  }

  /**
   * Steps 4-5 for HSM material (instead of shares): proves every key's token object against the
   * air-gapped journal's record (hsm-restore.ts), once the witnesses confirmed the bundle digest.
   */
  async restoreFromHsm(request: HsmRestoreRequest): Promise<HsmRestoredKeys> {
    this.guard.require('restoreFromHsm');
    this.requirePreflight('restore');
    const keys = this.#parameters;
    try {
      const { result, hsm } = await restoreFromHsmToken(request, {
        keys,
        options: this.options,
        sharesPresented: this.guard.state === 'shares-presented',
        opened: (opened) => {
          this.#hsmChosen = true;
          this.#hsm = opened;
        },
      });
      this.#restored = { from: 'hsm', keys, result, hsm };
      this.guard.advance('restored');
      return result;
    } catch (error) {
      this.#hsm = null;
      throw error;
    }
  }

  /** Step 6: wraps the rebuilt material under the key's wrapping key, then wipes it (the first key's summary). */
  async wrap(): Promise<WrappedKeySummary> {
    return (await this.wrapAll())[0] as WrappedKeySummary;
  }

  /** Step 6: wraps every rebuilt key under its wrapping key, then wipes the material. */
  async wrapAll(): Promise<WrappedKeySummary[]> {
    this.guard.require('wrap');
    const restored = this.#restored as RestoredState;
    return this.wrapEveryKey(restored.keys, restored.from === 'hsm' ? restored.hsm : null, this.#vault);
  }

  // Step 7, writing the wrapped-material bundle: writeWrappedBundle() (base).

  /**
   * Step 8: writes the restore receipt (HTML and text) into `dir`; the ceremony is then finished. Its
   * number is picked from the folder as it is now, and again when another journal's receipt took it
   * meanwhile (receipt-number.ts).
   */
  async writeReceipt(dir: string, options: ReceiptStepOptions = {}): Promise<WrittenCeremonyReceipt> {
    return this.#receiptNumber.writeUnder(dir, () =>
      this.writeSessionReceipt(dir, options, () => {
        const restored = this.#restored as RestoredState;
        const { keys } = restored;
        const custody =
          restored.from === 'shares'
            ? new Map(keys.map((k) => [k.keyId, sharesCustody(restored.result, restored.presented)]))
            : new Map();
        const replacedLapsedPlans = lapsedPlansReplaced(this.options.journal.entries);
        return { record: this.record, parameters: keys, custody, replacedLapsedPlans };
      }),
    );
  }

  /**
   * Shares are held (and material may be being rebuilt from them) once a custodian presented one;
   * the rebuilt material is wiped key by key as it is wrapped.
   */
  protected materialUnderWay(state: RestoreState): MaterialUnderWay {
    if (state === 'shares-presented') return 'rebuilding';
    return hasReached(RESTORE_STATES, state, 'restored') ? 'wrapping' : 'nothing';
  }

  /** Abandons the ceremony (a failure, or an interrupt): wipes shares and material, journals the stop, withdraws an unreceipted bundle. */
  async abandon(cause: string | StopCause): Promise<AbandonReport> {
    return this.stopSession(typeof cause === 'string' ? { reason: cause } : cause, () => {
      this.#shares?.disposeAll();
      this.#hsm?.close();
      this.#hsm = null;
      const held = this.#vault.keyIds;
      this.#vault.close();
      return wipedMaterialOf(held, this.#parameters);
    });
  }

  /**
   * Checks the wrapped-bundle and receipt folders before the shares are rebuilt into material. The
   * receipt's session number is picked here (the preflight checks that name is free) past the
   * numbers the folder holds, and again when the receipt is written (receipt-number.ts).
   */
  async preflight(request: AirGapDestinations): Promise<PlanExpiryOverride[]> {
    this.guard.require('preflight');
    await this.#receiptNumber.pickIn(request.receiptFolder);
    this.#lapsedPlans = [];
    const overrides = await this.preflightFor(this.#parameters, request, this.#overview?.materialExpiry ?? null);
    const { journal, operator } = this.options;
    await journalPlanExpiryOverrides(journal, operator, this.#lapsedPlans, 'expiry.lapsed-plan-replaced');
    return overrides;
  }

  /** As the air-gapped side's, except that a plan moment already past is replaced, not overridden (restored-expiry.ts). */
  protected override expiriesFor(
    keys: readonly ImportParameters[],
    request: AirGapDestinations,
    bundleExpiry: string | null,
  ): KeyExpiry[] | undefined {
    const expiries = super.expiriesFor(keys, request, bundleExpiry);
    const now = this.#kmsNow();
    this.#lapsedPlans = expiries?.filter((e) => e.overridden && planLapsed(e.planned, now)) ?? [];
    return expiries?.map((e) => (this.#lapsedPlans.includes(e) ? { ...e, overridden: false } : e));
  }

  /** The shares stay with their holders (split-holders.ts); an HSM token keeps the material. */
  protected custodyArrangement(): CustodyArrangement {
    return restoredCustody(this.#restored as RestoredState, this.#backup, this.options.journal.entries);
  }

  /** The n of `session-<n>`: the n-th air-gapped session of this journal, as a wrap's receipt is named, past numbers the receipt folder holds (receipt-session.ts). */
  protected receiptNumber(): number {
    return this.#receiptNumber.value;
  }
}
