/**
 * The custody restore ceremony, on the air-gapped workstation: when imported AES material has
 * expired in the KMS (the key is back in Pending import and accepts only the same bytes), the
 * custodians bring M shares, the material is rebuilt in memory, proven to be the material that
 * was split (key check value or public-key fingerprint recorded in every share), and wrapped for
 * a fresh import-parameters bundle of the same key, so the online side can import it again.
 *
 * Steps, each guarded: check the network, read the parameters bundle, present shares (who
 * presented which index), restore and prove, every witness types the bundle digest,
 * wrap, write the wrapped-material bundle, write the receipt. The journal records who presented
 * which share, the proof and the bundle; never a share or the material. Like the air-gapped
 * workflow, this module must never reach a network client.
 */
import { readdir } from 'node:fs/promises';
import { materialOwners, type CustodyArrangement, type ImportParameters } from '../../bundle';
import type { CustodyBackup } from '../../custody/backup-file';
import { checkBackupMatches, recordedChecks, restoreCustodySet, setRestoreProof } from '../../custody/set-restore';
import type { CustodyShare } from '../../custody/custody-share';
import type { SetShare } from '../../custody/set-share';
import { KeyferryError, toProblem } from '../../errors';
import { problemData } from '../../journal';
import { writeAirGapReceipt } from '../airgap/receipt';
import type { WrittenCeremonyReceipt } from '../shared/journaled-receipt';
import type { WrappedKeySummary, WrittenWrappedBundle } from '../airgap/wrap';
import {
  AirGapCeremonyBase,
  type AbandonReport,
  type AirGapWorkflowOptions,
  type StopCause,
} from '../airgap/ceremony-base';
import type { AirGapDestinations } from '../airgap/preflight';
import { journalAirGapSessionStart, readImportParametersBundle, wrapThenWipe } from '../airgap/steps';
import { bundleArtefacts, WitnessConfirmations } from '../airgap/witness-confirmations';
import { MaterialVault } from '../airgap/material-vault';
import { evidenceByKey, proveBoundMaterial } from '../airgap/bound-material';
import { materialEvidence } from '../airgap/produce-material';
import { materialIdOf } from '../airgap/replica-groups';
import { receiptSessionNumber } from '../airgap/receipt-session';
import { checkCeremonyPeople, personName } from '../shared/person-name';
import { PresentedShares, type PresentedShare, type ShareSource } from './presented-shares';
import { recordedHolders } from './split-holders';
import { StepGuard } from '../shared/step-guard';
import { RESTORE_STEP_FROM, type RestoreStepId } from '../shared/allowed-steps';
import type { RestoreState } from '../shared/ceremony-states';
import type { ReceiptLanguage } from '../../receipt/language';
import { receiptBaseName } from '../../receipt';
import type { AirGapHsmMaterial } from '../airgap/hsm-material';
import { restoreFromHsmToken, type HsmRestoredKeys, type HsmRestoreRequest } from './hsm-restore';
import { restoreFromKeyShares, type RestoredKey } from './per-key-restore';
import type { Warning } from '../../../i18n/warning';

export type { RestoreState } from '../shared/ceremony-states';
export type { HsmRestoredKeys, HsmRestoreRequest } from './hsm-restore';

type RestoreCeremonyOptions = AirGapWorkflowOptions;

/** The backup file presented with set shares, as journaled (never its contents). */
interface PresentedBackup {
  readonly file: string;
  readonly ceremonyId: string;
  readonly digest: string;
  readonly keys: number;
  readonly source: 'file' | 'typed';
}

interface RestoreParametersOverview {
  readonly ceremonyId: string;
  readonly manifestSha256: string;
  readonly keys: readonly {
    keyId: string;
    spec: ImportParameters['keySpec'];
    wrappingKeyFingerprint: string;
    tokenExpiresAt: string | null;
  }[];
  readonly warnings: readonly Warning[];
  /** The material expiry the bundle records for the ceremony ("never" or an ISO time); null when an older Keyferry wrote none. */
  readonly materialExpiry: string | null;
}

type RestoredState =
  | {
      readonly from: 'shares';
      readonly keys: readonly ImportParameters[];
      readonly result: RestoredKey;
      readonly presented: readonly PresentedShare[];
    }
  | {
      readonly from: 'hsm';
      readonly keys: readonly ImportParameters[];
      readonly result: HsmRestoredKeys;
      readonly hsm: AirGapHsmMaterial;
    };

export class RestoreCeremony extends AirGapCeremonyBase<RestoreState, RestoreStepId> {
  readonly #vault: MaterialVault;
  #parameters: ImportParameters[] = [];
  #parametersDigest = '';
  #shares: PresentedShares | undefined;
  #restored: RestoredState | undefined;
  #backup: CustodyBackup | undefined;
  #sessionNumber = 1;
  #hsmChosen = false;
  #hsm: AirGapHsmMaterial | null = null;
  #recordedExpiry: string | undefined;

  private constructor(options: RestoreCeremonyOptions) {
    super(options, new StepGuard<RestoreState, RestoreStepId>('restore', 'new', RESTORE_STEP_FROM));
    this.#vault = new MaterialVault(options.onMaterialForAudit);
  }

  /** Opens a restore ceremony on `journal` (new or continued) and journals who is present. */
  static async start(input: RestoreCeremonyOptions): Promise<RestoreCeremony> {
    const options = { ...input, ...checkCeremonyPeople(input.operator, input.witnesses) };
    const started = await journalAirGapSessionStart(options, 'custody-restore');
    const ceremony = new RestoreCeremony(options);
    ceremony.sessionSeq = started.seq;
    ceremony.#sessionNumber = receiptSessionNumber(options.journal.entries, started.seq);
    return ceremony;
  }

  // Step 1, the network check: checkNetwork() (base).

  /** Step 2: reads and verifies the fresh import-parameters bundle (token, expiry, hashes). */
  async readParametersBundle(dir: string): Promise<RestoreParametersOverview> {
    this.guard.require('readParameters');
    const bundle = await readImportParametersBundle(dir, this.now(), 'restore');
    this.refuseOtherCeremony(bundle.manifest.ceremonyId);
    const keys = bundle.keys.map((k) => ({
      keyId: k.keyId,
      spec: k.keySpec,
      wrappingKeyFingerprint: k.wrappingKey.fingerprint,
      tokenExpiresAt: k.importToken?.expiry?.expiresAt ?? null,
    }));
    const warnings = bundle.warnings;
    await this.options.journal.append(this.options.operator, 'parameters.read', {
      ceremonyId: bundle.manifest.ceremonyId,
      source: dir,
      manifestSha256: bundle.digest,
      keys: keys.map((k) => ({ ...k })),
      warnings,
    });
    this.currentCeremonyId = bundle.manifest.ceremonyId;
    this.#parameters = bundle.keys;
    this.#parametersDigest = bundle.digest;
    this.#recordedExpiry = bundle.manifest.ceremony?.materialExpiry;
    this.#shares = new PresentedShares(bundle.keys);
    this.guard.advance('parameters-read');
    return {
      ceremonyId: bundle.manifest.ceremonyId,
      manifestSha256: bundle.digest,
      keys,
      warnings,
      materialExpiry: this.#recordedExpiry ?? null,
    };
  }

  /** The material expiry the fresh bundle records (see restored-expiry.ts); undefined when it records none. */
  get recordedMaterialExpiry(): string | undefined {
    return this.#recordedExpiry;
  }

  /**
   * Step 3 (once per custodian): `presentedBy` hands over `share` (read from a share file or
   * typed from a slip). Checked at once (intact, this bundle's key, same split, not twice);
   * a refused share is wiped and journaled as refused. Ownership of `share` passes here.
   */
  async presentShare(
    share: CustodyShare | SetShare,
    presentedBy: string = share.custodian,
    source: ShareSource = 'file',
  ): Promise<PresentedShare & { presented: number }> {
    try {
      this.guard.require('presentShare');
      if (this.#hsmChosen) throw new KeyferryError('HSM_RESTORE_SHARES_PRESENTED', {});
    } catch (error) {
      share.share.dispose();
      throw error;
    }
    const shares = this.#shares as PresentedShares;
    const name = personName.safeParse(presentedBy);
    const who = name.success ? name.data : share.custodian;
    let record: PresentedShare;
    try {
      if (!name.success)
        throw new KeyferryError('CEREMONY_PEOPLE_INVALID', {
          reason: 'presenter',
          name: presentedBy.slice(0, 100),
          index: share.index,
          field: '',
        });
      record = shares.add(share, who, source);
    } catch (error) {
      if (!share.share.disposed) share.share.dispose();
      const problem = toProblem(error);
      await this.options.journal.append(who, 'custody.share-refused', {
        shareIndex: share.index,
        keyId: 'keyId' in share ? share.keyId : null,
        ceremonyId: share.ceremonyId,
        source,
        ...problemData(problem),
      });
      throw error;
    }
    await this.options.journal.append(who, 'custody.share-presented', { ...record });
    this.guard.advance('shares-presented');
    return { ...record, presented: shares.records.length };
  }

  /** True once a custody backup was presented (needed before set shares can be restored). */
  get hasBackup(): boolean {
    return this.#backup !== undefined;
  }

  /**
   * Step 3b (with shares of a ceremony custody set): the backup file the custodians carry with
   * their shares (read from one custodian's copy, or typed from its printout). Refused when it
   * is not the backup the shares presented so far were made with. Journaled (digest, never its contents).
   */
  async presentBackup(
    backup: CustodyBackup,
    file: string,
    source: 'file' | 'typed' = 'file',
  ): Promise<PresentedBackup> {
    this.guard.require('presentBackup');
    const first = (this.#shares as PresentedShares).setShares[0];
    const record: PresentedBackup = {
      file,
      ceremonyId: backup.ceremonyId,
      digest: backup.digest,
      keys: backup.entries.length,
      source,
    };
    try {
      if (first) checkBackupMatches(first, backup, file);
    } catch (error) {
      const problem = toProblem(error);
      await this.options.journal.append(this.options.operator, 'custody.backup-refused', {
        ...record,
        ...problemData(problem),
      });
      throw error;
    }
    await this.options.journal.append(this.options.operator, 'custody.backup-presented', { ...record });
    this.#backup = backup;
    return record;
  }

  /**
   * Step 4: rebuilds the material from the presented shares, in memory, and proves it against
   * the check recorded in every share (per-key shares) or in the backup (set shares: every key
   * of the bundle, all or none). Refuses fewer than M shares (more may still be presented)
   * and a result that does not prove (a wrong share); the shares are wiped once it succeeds.
   */
  async restore(): Promise<RestoredKey> {
    this.guard.require('restore');
    this.requirePreflight('restore');
    const shares = this.#shares as PresentedShares;
    if (shares.setShares.length > 0) return this.#restoreSet(shares);
    const { result, key, presented } = await restoreFromKeyShares(shares, {
      parameters: this.#parameters,
      options: this.options,
      keep: (keyId, material) => this.#vault.put(keyId, material),
      confirmations: () => {
        this.confirmations = this.#bundleConfirmations();
        return this.confirmations.list();
      },
    });
    this.#restored = { from: 'shares', keys: [key], result, presented };
    this.guard.advance('restored');
    return result;
  }

  /** What every witness confirms: the fresh bundle's digest, which binds every key's wrapping key and token. */
  #bundleConfirmations(): WitnessConfirmations {
    return new WitnessConfirmations(
      bundleArtefacts(
        this.#parametersDigest,
        this.#parameters.map((p) => ({ keyId: p.keyId, fingerprint: p.wrappingKey.fingerprint })),
      ),
      this.options.witnesses,
    );
  }

  /**
   * Step 3-4 for HSM material (instead of shares): proves every key's token object against the
   * air-gapped journal's record (hsm-restore.ts). Nothing is wrapped until the witnesses
   * confirmed the bundle digest.
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
        confirmations: () => {
          this.confirmations = this.#bundleConfirmations();
          return this.confirmations.list();
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

  /** Step 4 for set shares: every key of the bundle from the backup, proven, all or none. */
  async #restoreSet(shares: PresentedShares): Promise<RestoredKey> {
    const { journal, operator } = this.options;
    const first = shares.setShares[0] as SetShare;
    const keys = this.#parameters;
    let restored;
    try {
      if (!this.#backup) throw new KeyferryError('CUSTODY_BACKUP_MISSING', { file: 'backup' });
      // The backup holds one entry per material: a replica group's primary (its replicas take the
      // primary's material when wrapped, each under its own wrapping key) and every key alone.
      restored = await restoreCustodySet(shares.setShares, this.#backup, {
        keyIds: materialOwners(keys).map((k) => k.keyId),
      });
      const rebuilt = restored;
      const evidence = evidenceByKey(rebuilt.map((r) => ({ keyId: r.keyId, ...materialEvidence(r.material) })));
      // The KMS takes only the material it bound each key to: prove it before anything is wrapped.
      await proveBoundMaterial(this.options, keys, evidence, 'restore').catch((error: unknown) => {
        for (const r of rebuilt) r.material.dispose();
        throw error;
      });
    } catch (error) {
      const problem = toProblem(error);
      await journal.append(operator, 'custody.restore-refused', {
        keyIds: keys.map((k) => k.keyId),
        sharesPresented: shares.records.map((r) => r.shareIndex),
        ...problemData(problem),
      });
      throw error;
    }
    const backup = this.#backup;
    const presented = [...shares.records].sort((a, b) => a.shareIndex - b.shareIndex);
    shares.disposeAll();
    for (const r of restored) this.#vault.put(r.keyId, r.material);
    this.confirmations = this.#bundleConfirmations();
    const facts = recordedChecks(
      backup,
      keys.map((k) => ({ keyId: k.keyId, spec: k.keySpec, materialId: materialIdOf(k) })),
    );
    const proof = setRestoreProof(backup);
    const head = facts[0] as (typeof facts)[number];
    const result: RestoredKey = {
      ...head,
      splitCeremonyId: first.ceremonyId,
      shareIndexes: presented.map((p) => p.shareIndex),
      threshold: first.m,
      total: first.n,
      proof,
      confirmations: this.confirmations.list(),
      keys: facts,
    };
    await journal.append(operator, 'custody.restored', {
      keyIds: keys.map((k) => k.keyId),
      splitCeremonyId: first.ceremonyId,
      backupDigest: backup.digest,
      threshold: first.m,
      total: first.n,
      holders: presented.map((p) => ({ shareIndex: p.shareIndex, custodian: p.custodian, presentedBy: p.presentedBy })),
      keys: facts.map((f) => ({ ...f })),
      proof,
    });
    this.#restored = { from: 'shares', keys, result, presented };
    this.guard.advance('restored');
    return result;
  }

  // Step 5, every witness types the bundle digest: artefactsToConfirm() and confirmArtefact() (base).

  /** Step 6: wraps the rebuilt material under the key's wrapping key, then wipes it (the first key's summary). */
  async wrap(): Promise<WrappedKeySummary> {
    return (await this.wrapAll())[0] as WrappedKeySummary;
  }

  /** Step 6: wraps every rebuilt key under its wrapping key, then wipes the material. */
  async wrapAll(): Promise<WrappedKeySummary[]> {
    this.guard.require('wrap');
    const restored = this.#restored as RestoredState;
    if (restored.from === 'hsm') {
      try {
        this.wrapped = await restored.hsm.wrapAll(restored.keys, this.options);
      } finally {
        restored.hsm.close();
      }
    } else {
      this.wrapped = await wrapThenWipe(restored.keys, this.#vault, this.options);
    }
    this.guard.advance('wrapped');
    return this.wrapped.map((w) => w.summary);
  }

  // Step 7, writing the wrapped-material bundle: writeWrappedBundle() (base).

  /** Step 8: writes the restore receipt (HTML and text) into `dir`; the ceremony is then finished. */
  async writeReceipt(
    dir: string,
    options: { readonly language?: ReceiptLanguage } = {},
  ): Promise<WrittenCeremonyReceipt> {
    this.guard.require('writeReceipt');
    this.requirePreflightedFolder('receipt', dir, this.requirePreflight('receipt').receiptFolder);
    const restored = this.#restored as RestoredState;
    const { keys } = restored;
    const now = this.now();
    const custody =
      restored.from === 'shares'
        ? new Map(keys.map((k) => [k.keyId, sharesCustody(restored.result, restored.presented)]))
        : new Map();
    return this.whileWriting(async () => {
      const receipt = await writeAirGapReceipt(dir, {
        ...(options.language ? { language: options.language } : {}),
        record: this.record,
        parameters: keys,
        wrapped: this.wrapped.map((w) => w.summary),
        bundle: this.bundle as WrittenWrappedBundle,
        custody,
        journal: this.options.journal,
        now,
        nameSuffix: this.receiptSuffix(),
      });
      await this.completeBundle();
      this.guard.advance('finished');
      return receipt;
    });
  }

  /** Abandons the ceremony (a failure, or an interrupt): wipes shares and material, journals the stop, withdraws an unreceipted bundle. */
  async abandon(cause: string | StopCause): Promise<AbandonReport> {
    return this.stopSession(typeof cause === 'string' ? { reason: cause } : cause, () => {
      this.#shares?.disposeAll();
      this.#hsm?.close();
      this.#hsm = null;
      const held = this.#vault.size;
      this.#vault.close();
      return held;
    });
  }

  /**
   * Checks the wrapped-bundle and receipt folders before the shares are rebuilt into material. The
   * receipt's session number is fixed here: a restore journal of its own often writes beside its
   * ceremony's wrap receipt (or an earlier restore's), so the numbers those take are skipped.
   */
  async preflight(request: AirGapDestinations): Promise<void> {
    this.guard.require('preflight');
    const prefix = `${receiptBaseName({ side: 'air-gapped', ceremonyId: this.currentCeremonyId })}-`;
    const names = await readdir(request.receiptFolder).catch(() => [] as string[]);
    this.#sessionNumber = receiptSessionNumber(
      this.options.journal.entries,
      this.sessionSeq,
      names.filter((n) => n.startsWith(prefix)),
    );
    await this.preflightFor(this.#parameters, request);
  }

  /**
   * The shares stay with their holders: every holder (named by the set's backup, or by this
   * journal's record of the split; else only those who presented), and separately who presented
   * which share here.
   */
  protected custodyArrangement(): CustodyArrangement {
    const restored = this.#restored as RestoredState;
    if (restored.from === 'hsm') {
      const { label, serial } = restored.result.token;
      return { kind: 'hsm-token', label, serial };
    }
    const { result, presented } = restored;
    const byIndex = [...presented].sort((a, b) => a.shareIndex - b.shareIndex);
    const first = byIndex[0];
    // A custody set's backup (version 2) names every holder, bound by the digest every share records.
    const holders =
      this.#backup?.holders ??
      recordedHolders(this.options.journal.entries, {
        threshold: result.threshold,
        total: result.total,
        backupDigest: result.keys ? (this.#backup?.digest ?? null) : null,
        keyId: result.keys ? null : (first?.keyId ?? null),
        presented: byIndex,
      });
    return {
      kind: 'shares',
      threshold: result.threshold,
      total: result.total,
      custodians: [...(holders ?? byIndex.map((p) => p.custodian))],
      presented: byIndex.map((p) => ({ shareIndex: p.shareIndex, custodian: p.custodian, presentedBy: p.presentedBy })),
    };
  }

  /** `session-<n>`: the n-th air-gapped session of this journal, as a wrap's receipt is named, past numbers the receipt folder holds (receipt-session.ts). */
  protected receiptSuffix(): string {
    return `session-${this.#sessionNumber}`;
  }
}

/** A share restore's custody section on the receipt: who presented which share, out of how many. */
function sharesCustody(result: RestoredKey, presented: readonly PresentedShare[]) {
  return {
    threshold: result.threshold,
    holders: presented.map((p) => ({ shareIndex: p.shareIndex, custodian: p.custodian, presentedBy: p.presentedBy })),
    restoredFrom: { total: result.total },
  };
}
