/**
 * The custody restore ceremony, on the air-gapped workstation: when imported AES material has
 * expired in the KMS (the key is back in Pending import and accepts only the same bytes), the
 * custodians bring M shares, the material is rebuilt in memory, proven to be the material that
 * was split (key check value or public-key fingerprint recorded in every share), and wrapped for
 * a fresh import-parameters bundle of the same key, so the online side can import it again.
 *
 * Steps, each guarded: check the network, read the parameters bundle, present shares (who
 * presented which index), restore and prove, witnesses confirm the wrapping-key fingerprint,
 * wrap, write the wrapped-material bundle, write the receipt. The journal records who presented
 * which share, the proof and the bundle; never a share or the material. Like the air-gapped
 * workflow, this module must never reach a network client.
 */
import { readBundle, type ImportParameters } from '../bundle';
import type { CustodyShare } from '../custody/custody-share';
import { restoreMaterial } from '../custody/restore';
import { KeyferryError, toProblem } from '../errors';
import type { Journal } from '../journal';
import { writeAirGapReceipt, type WrittenCeremonyReceipt } from './airgap-receipt';
import { wrapAll, writeWrapped, type WrappedKey, type WrappedKeySummary, type WrittenWrappedBundle } from './airgap-wrap';
import { describeWorkstation, type AppIdentity, type CeremonyRecord } from './ceremony-record';
import type { MaterialExpiry } from './ceremony-plan';
import { FingerprintConfirmations, type FingerprintToConfirm } from './fingerprint-confirmation';
import { MaterialVault, type MaterialAuditObserver } from './material-vault';
import { checkAirGap, type InterfaceList, type NetworkCheckResult } from './network-check';
import { checkCeremonyPeople, personName } from './person-name';
import type { ProgressListener } from './progress';
import { PresentedShares, type PresentedShare, type ShareSource } from './restore-shares';
import { StepGuard } from './step-guard';

export type RestoreState = 'new' | 'network-checked' | 'parameters-read' | 'shares-presented' | 'restored' | 'fingerprints-confirmed' | 'wrapped' | 'bundle-written' | 'finished';

const NEXT_STEP: Record<RestoreState, string> = {
  new: 'Check the network first.',
  'network-checked': 'Read the fresh import-parameters bundle of the key next.',
  'parameters-read': 'Have the custodians present their shares next.',
  'shares-presented': 'Present at least M shares, then rebuild the material.',
  restored: 'Have a witness compare and type back the wrapping-key fingerprint next.',
  'fingerprints-confirmed': 'Wrap the rebuilt material next.',
  wrapped: 'Write the wrapped-material bundle next.',
  'bundle-written': 'Write the receipt next.',
  finished: 'This restore ceremony is finished.',
};

export interface RestoreCeremonyOptions {
  readonly journal: Journal;
  readonly title: string;
  readonly operator: string;
  readonly witnesses: readonly string[];
  readonly app: AppIdentity;
  readonly rehearsal?: boolean;
  readonly clock?: () => Date;
  readonly onProgress?: ProgressListener;
  /** Network interfaces to check instead of this machine's (tests). */
  readonly interfaces?: InterfaceList;
  /** TEST ONLY (see MaterialVault): a copy of the rebuilt material. Never wired in the CLI or app. */
  readonly onMaterialForAudit?: MaterialAuditObserver;
}

/** What the restore proved, for the screen and the receipt (no key bytes). */
export interface RestoredKey {
  readonly keyId: string;
  readonly spec: ImportParameters['keySpec'];
  /** The ceremony the shares were made in. */
  readonly splitCeremonyId: string;
  readonly shareIndexes: readonly number[];
  readonly threshold: number;
  readonly total: number;
  /** AES: the key check value (upper-case hex); else null. */
  readonly keyCheckValue: string | null;
  /** RSA/EC: SHA-256 of the public key's SPKI DER; else null. */
  readonly publicKeyFingerprint: string | null;
  /** One sentence: what was proven. */
  readonly proof: string;
  readonly fingerprints: readonly FingerprintToConfirm[];
}

export interface RestoreParametersOverview {
  readonly ceremonyId: string;
  readonly manifestSha256: string;
  readonly keys: readonly { keyId: string; spec: ImportParameters['keySpec']; wrappingKeyFingerprint: string; tokenExpiresAt: string | null }[];
  readonly warnings: readonly string[];
}

interface RestoredState {
  readonly key: ImportParameters;
  readonly result: RestoredKey;
  readonly presented: readonly PresentedShare[];
}

export class RestoreCeremony {
  readonly #options: RestoreCeremonyOptions;
  readonly #guard = new StepGuard<RestoreState>('custody restore', 'new', NEXT_STEP);
  readonly #vault: MaterialVault;
  readonly #now: () => Date;
  #network: NetworkCheckResult | undefined;
  #ceremonyId = '';
  #parameters: ImportParameters[] = [];
  #shares: PresentedShares | undefined;
  #restored: RestoredState | undefined;
  #confirmations: FingerprintConfirmations | undefined;
  #wrapped: WrappedKey[] = [];
  #bundle: WrittenWrappedBundle | undefined;

  private constructor(options: RestoreCeremonyOptions) {
    this.#options = options;
    this.#now = options.clock ?? (() => new Date());
    this.#vault = new MaterialVault(options.onMaterialForAudit);
  }

  /** Opens a restore ceremony on `journal` (new or continued) and journals who is present. */
  static async start(input: RestoreCeremonyOptions): Promise<RestoreCeremony> {
    const options = { ...input, ...checkCeremonyPeople(input.operator, input.witnesses) };
    const workstation = describeWorkstation();
    await options.journal.append(options.operator, 'ceremony.session-started', {
      side: 'air-gapped',
      purpose: 'custody-restore',
      title: options.title,
      operator: options.operator,
      witnesses: [...options.witnesses],
      hostname: workstation.hostname,
      os: workstation.os,
      appVersion: options.app.version,
      appBuild: options.app.build,
      rehearsal: options.rehearsal ?? false,
    });
    return new RestoreCeremony(options);
  }

  get state(): RestoreState {
    return this.#guard.state;
  }

  /** The ceremony of the parameters bundle (the wrapped bundle and the receipt carry it). */
  get ceremonyId(): string {
    return this.#ceremonyId;
  }

  get record(): CeremonyRecord {
    const o = this.#options;
    return { id: this.#ceremonyId, title: o.title, operator: o.operator, witnesses: o.witnesses, side: 'air-gapped', workstation: describeWorkstation(this.#network), app: o.app, rehearsal: o.rehearsal ?? false };
  }

  /** Step 1: refuses a live network (AIRGAP_NETWORK_LIVE) unless `allowNetwork` (journaled as a warning). */
  async checkNetwork(options: { allowNetwork?: boolean } = {}): Promise<NetworkCheckResult> {
    this.#guard.require('check the network', ['new', 'network-checked']);
    const { journal, operator } = this.#options;
    let result: NetworkCheckResult;
    try {
      result = checkAirGap({ allowNetwork: options.allowNetwork, interfaces: this.#options.interfaces });
    } catch (error) {
      await journal.append(operator, 'network.refused', { reason: toProblem(error).message });
      throw error;
    }
    const interfaces = result.liveInterfaces.map((l) => `${l.name} ${l.family} ${l.address}`);
    await journal.append(operator, 'network.checked', { state: result.state, interfaces, overridden: result.overridden });
    if (result.overridden) await journal.append(operator, 'warning.network-allowed', { summary: result.summary, interfaces });
    this.#network = result;
    this.#guard.advance('network-checked');
    return result;
  }

  /** Step 2: reads and verifies the fresh import-parameters bundle (token, expiry, hashes). */
  async readParametersBundle(dir: string): Promise<RestoreParametersOverview> {
    this.#guard.require('read the import parameters', ['network-checked']);
    const bundle = await readBundle(dir, { now: this.#now() });
    if (bundle.kind !== 'import-parameters') {
      throw new KeyferryError('BUNDLE_WRONG_KIND', `${dir} is a wrapped-material bundle, not an import-parameters bundle.`, 'Pick the import-parameters bundle fetched for this key after its material expired (keyferry online params).');
    }
    const keys = bundle.keys.map((k) => ({ keyId: k.keyId, spec: k.keySpec, wrappingKeyFingerprint: k.wrappingKey.fingerprint, tokenExpiresAt: k.importToken?.expiry?.expiresAt ?? null }));
    const warnings = bundle.warnings.map((w) => w.message);
    await this.#options.journal.append(this.#options.operator, 'parameters.read', { ceremonyId: bundle.manifest.ceremonyId, source: dir, manifestSha256: bundle.digest, keys: keys.map((k) => ({ ...k })), warnings });
    this.#ceremonyId = bundle.manifest.ceremonyId;
    this.#parameters = bundle.keys;
    this.#shares = new PresentedShares(bundle.keys);
    this.#guard.advance('parameters-read');
    return { ceremonyId: bundle.manifest.ceremonyId, manifestSha256: bundle.digest, keys, warnings };
  }

  /**
   * Step 3 (once per custodian): `presentedBy` hands over `share` (read from a share file or
   * typed from a slip). Checked at once (intact, this bundle's key, same split, not twice);
   * a refused share is wiped and journaled as refused. Ownership of `share` passes here.
   */
  async presentShare(share: CustodyShare, presentedBy: string = share.custodian, source: ShareSource = 'file'): Promise<PresentedShare & { presented: number }> {
    try {
      this.#guard.require('present a share', ['parameters-read', 'shares-presented']);
    } catch (error) {
      share.share.dispose();
      throw error;
    }
    const shares = this.#shares as PresentedShares;
    const name = personName.safeParse(presentedBy);
    const who = name.success ? name.data : share.custodian;
    let record: PresentedShare;
    try {
      if (!name.success) throw new KeyferryError('CEREMONY_PEOPLE_INVALID', `"${presentedBy.slice(0, 100)}" is not a usable name for who presented share ${share.index}.`, 'Give the plain name of the person handing over the share.');
      record = shares.add(share, who, source);
    } catch (error) {
      if (!share.share.disposed) share.share.dispose();
      const problem = toProblem(error);
      await this.#options.journal.append(who, 'custody.share-refused', { shareIndex: share.index, keyId: share.keyId, source, code: problem.code, reason: problem.message });
      throw error;
    }
    await this.#options.journal.append(who, 'custody.share-presented', { ...record });
    this.#guard.advance('shares-presented');
    return { ...record, presented: shares.records.length };
  }

  /**
   * Step 4: rebuilds the material from the presented shares, in memory, and proves it against
   * the check recorded in every share. Refuses fewer than M shares (more may still be presented)
   * and a result that does not prove (a wrong share); the shares are wiped once it succeeds.
   */
  async restore(): Promise<RestoredKey> {
    this.#guard.require('rebuild the material', ['shares-presented']);
    const shares = this.#shares as PresentedShares;
    const first = shares.shares[0] as CustodyShare;
    const key = this.#parameters.find((p) => p.keyId === first.keyId) as ImportParameters;
    const { journal, operator } = this.#options;
    let material;
    try {
      material = await restoreMaterial(shares.shares, { expected: { keyId: key.keyId, spec: key.keySpec } });
    } catch (error) {
      const problem = toProblem(error);
      await journal.append(operator, 'custody.restore-refused', { keyId: key.keyId, sharesPresented: shares.records.map((r) => r.shareIndex), code: problem.code, reason: problem.message });
      throw error;
    }
    const presented = [...shares.records].sort((a, b) => a.shareIndex - b.shareIndex);
    shares.disposeAll();
    this.#vault.put(key.keyId, material);
    const check = first.materialCheck;
    const proof = `the rebuilt material's ${check.kind === 'kcv' ? 'key check value' : 'public-key SHA-256'} ${check.value} equals the value recorded in every share`;
    this.#confirmations = new FingerprintConfirmations(new Map([[key.keyId, key.wrappingKey.fingerprint]]), this.#options.witnesses);
    const result: RestoredKey = {
      keyId: key.keyId,
      spec: key.keySpec,
      splitCeremonyId: first.ceremonyId,
      shareIndexes: presented.map((p) => p.shareIndex),
      threshold: first.m,
      total: first.n,
      keyCheckValue: check.kind === 'kcv' ? check.value : null,
      publicKeyFingerprint: check.kind === 'spki-sha256' ? check.value : null,
      proof: `Proven: ${proof}.`,
      fingerprints: this.#confirmations.list(),
    };
    await journal.append(operator, 'custody.restored', {
      keyId: key.keyId,
      spec: key.keySpec,
      splitCeremonyId: first.ceremonyId,
      threshold: first.m,
      total: first.n,
      holders: presented.map((p) => ({ shareIndex: p.shareIndex, custodian: p.custodian, presentedBy: p.presentedBy })),
      keyCheckValue: result.keyCheckValue,
      publicKeyFingerprint: result.publicKeyFingerprint,
      proof,
    });
    this.#restored = { key, result, presented };
    this.#guard.advance('restored');
    return result;
  }

  /** The wrapping-key fingerprint to compare aloud with the online workstation, with who confirmed it. */
  fingerprints(): FingerprintToConfirm[] {
    this.#guard.require('show the fingerprints', ['restored', 'fingerprints-confirmed', 'wrapped', 'bundle-written', 'finished']);
    return this.#confirmations?.list() ?? [];
  }

  /** Step 5: `witness` typed back the wrapping-key fingerprint after comparing it aloud. */
  async confirmFingerprint(witness: string, typedFingerprint: string): Promise<{ confirmed: FingerprintToConfirm; remaining: number }> {
    this.#guard.require('confirm a fingerprint', ['restored', 'fingerprints-confirmed']);
    const confirmations = this.#confirmations as FingerprintConfirmations;
    const confirmed = confirmations.confirm(witness, typedFingerprint);
    const name = confirmed.confirmedBy.find((w) => w === witness.trim()) ?? witness.trim();
    await this.#options.journal.append(name, 'fingerprint.confirmed', { wrappingKeyFingerprint: confirmed.fingerprint, keyIds: [...confirmed.keyIds] });
    const remaining = confirmations.unconfirmed().length;
    if (remaining === 0) this.#guard.advance('fingerprints-confirmed');
    return { confirmed, remaining };
  }

  /** Step 6: wraps the rebuilt material under the key's wrapping key, then wipes it. */
  async wrap(): Promise<WrappedKeySummary> {
    this.#guard.require('wrap the rebuilt material', ['fingerprints-confirmed']);
    const { key } = this.#restored as RestoredState;
    try {
      this.#wrapped = await wrapAll([key], this.#vault, this.#options);
    } finally {
      this.#vault.disposeAll();
    }
    await this.#options.journal.append(this.#options.operator, 'material.wiped', { keyIds: [key.keyId] });
    this.#guard.advance('wrapped');
    return (this.#wrapped[0] as WrappedKey).summary;
  }

  /** Step 7: writes the wrapped-material bundle into the new folder `dir` and verifies it. */
  async writeWrappedBundle(dir: string, options: { expiry?: MaterialExpiry } = {}): Promise<WrittenWrappedBundle> {
    this.#guard.require('write the wrapped-material bundle', ['wrapped']);
    this.#bundle = await writeWrapped(dir, this.#ceremonyId, this.#wrapped, options.expiry ?? { kind: 'never' }, this.#options, this.#now());
    this.#guard.advance('bundle-written');
    return this.#bundle;
  }

  /** Step 8: writes the restore receipt (HTML and text) into `dir`; the ceremony is then finished. */
  async writeReceipt(dir: string): Promise<WrittenCeremonyReceipt> {
    this.#guard.require('write the receipt', ['bundle-written']);
    const { key, result, presented } = this.#restored as RestoredState;
    const now = this.#now();
    const custody = { threshold: result.threshold, holders: presented.map((p) => ({ shareIndex: p.shareIndex, custodian: p.custodian, presentedBy: p.presentedBy })), restoredFrom: { total: result.total } };
    const receipt = await writeAirGapReceipt(dir, {
      record: this.record,
      parameters: [key],
      wrapped: this.#wrapped.map((w) => w.summary),
      bundle: this.#bundle as WrittenWrappedBundle,
      custody: new Map([[key.keyId, custody]]),
      journal: this.#options.journal,
      now,
      nameSuffix: `restore-${now.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`,
    });
    this.#guard.advance('finished');
    return receipt;
  }

  /** Abandons the ceremony: wipes the shares and any material still held (safe in any state). */
  async abandon(reason: string): Promise<void> {
    this.#shares?.disposeAll();
    const held = this.#vault.size;
    this.#vault.disposeAll();
    if (this.#guard.state !== 'finished') {
      await this.#options.journal.append(this.#options.operator, 'ceremony.abandoned', { reason, wipedKeys: held });
    }
  }
}
