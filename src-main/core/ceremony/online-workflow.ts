/**
 * The online side of a ceremony, step by step: connect, create the external keys, fetch the
 * import parameters, write the import-parameters bundle; later (another process, another day)
 * check the wrapped-material bundle against what the KMS issued, import, verify, write the
 * receipt; delete symmetric material on request. Every step is journaled, and the journal is
 * the state: `OnlineCeremony.open` on an existing journal continues where it stopped.
 * Methods return plain values (ids, fingerprints, states, file names); no key bytes exist here.
 */
import path from 'node:path';
import { readBundle, writeImportParametersBundle } from '../bundle';
import { groupHex } from '../crypto/evidence';
import { isAsymmetric, type KeySpec, type WrappingAlgorithm } from '../crypto/key-spec';
import type {
  CheckedBundleSummary,
  CreatedKey,
  ImportedKeySummary,
  IssuedSummary,
  KeyStatus,
  WrittenParametersBundle,
} from './online-types';
import { issuedFromAnswer, parametersForBundle } from './online-parameters';
import { KeyferryError, toProblem } from '../errors';
import type { Journal, JsonObject } from '../journal';
import type { WrittenCeremonyReceipt } from './airgap-receipt';
import { ceremonyRecordData, describeWorkstation, type AppIdentity } from './ceremony-record';
import { newCeremonyId } from './ceremony-id';
import type { MaterialExpiry, PlannedKey } from './ceremony-plan';
import { proveKey, type KeyProof } from './key-proof';
import { ONLINE_EVENTS } from './online-events';
import { decideExpiry, expiryNotes, importCheckedKey, isNotableExpiry, pastExpiryRefusal } from './online-import';
import type { OnlineKms } from './online-kms';
import { KeyState } from '../kms/types';
import { writeOnlineReceipt } from './online-receipt';
import {
  applyOnlineEntry,
  holdsImportedMaterial,
  replayOnlineJournal,
  type OnlineCeremonyState,
  type OnlineKeyState,
} from './online-state';
import { reportProgress, type ProgressListener } from './progress';
import { checkCeremonyPeople } from './person-name';
import { StepGuard } from './step-guard';
import { checkWrappedBundleAgainstIssued, type CheckedKey } from './wrapped-bundle-check';

export type OnlineStep =
  | 'new'
  | 'keys-created'
  | 'parameters-fetched'
  | 'parameters-written'
  | 'material-checked'
  | 'imported'
  | 'verified'
  | 'finished';

const NEXT_STEP: Record<OnlineStep, string> = {
  new: 'Create the keys first (keyferry online create-key).',
  'keys-created': 'Fetch the import parameters next (keyferry online params).',
  'parameters-fetched': 'Write the import-parameters bundle next.',
  'parameters-written':
    'Wrap on the air-gapped workstation, then check the wrapped-material bundle here (keyferry online import).',
  'material-checked': 'Import the checked material next.',
  imported: 'Verify the imported keys next (keyferry online status).',
  verified: 'Write the receipt next.',
  finished: 'This ceremony is finished.',
};

/** The ceremony facts a new online ceremony starts with (from the plan or the command line). */
export interface OnlineCeremonyStart {
  readonly title: string;
  readonly operator: string;
  readonly witnesses: readonly string[];
  readonly wrappingAlgorithm: WrappingAlgorithm;
  readonly materialExpiry: MaterialExpiry;
  readonly rehearsal?: boolean;
}

export interface OnlineCeremonyOptions {
  readonly journal: Journal;
  readonly kms: OnlineKms;
  /** The KMS region recorded in bundles, e.g. cn-north-4. */
  readonly region: string;
  readonly app: AppIdentity;
  /** Needed only when the journal is new. */
  readonly start?: OnlineCeremonyStart;
  readonly clock?: () => Date;
  readonly onProgress?: ProgressListener;
}

interface CheckedSession {
  readonly dir: string;
  readonly digest: string;
  readonly keys: CheckedKey[];
}

function stepFromState(state: OnlineCeremonyState): OnlineStep {
  const keys = [...state.keys.values()];
  if (keys.length === 0) return 'new';
  const imported = keys.filter((k) => holdsImportedMaterial(k));
  if (imported.length > 0) return imported.every((k) => k.verified) ? 'verified' : 'imported';
  if (state.parametersBundle && keys.every((k) => k.issued.length > 0)) return 'parameters-written';
  if (keys.every((k) => k.issued.length > 0)) return 'parameters-fetched';
  return 'keys-created';
}

export class OnlineCeremony {
  readonly #options: OnlineCeremonyOptions;
  readonly #guard: StepGuard<OnlineStep>;
  readonly #now: () => Date;
  #state: OnlineCeremonyState;
  #connected = false;
  #checked: CheckedSession | undefined;
  readonly #confirmations = new Map<string, string>();

  private constructor(options: OnlineCeremonyOptions, state: OnlineCeremonyState) {
    this.#options = options;
    this.#now = options.clock ?? (() => new Date());
    this.#state = state;
    this.#guard = new StepGuard('online', stepFromState(state), NEXT_STEP);
  }

  /**
   * Starts a new ceremony on an empty journal (needs `start`), or continues the one the journal
   * holds (its facts win; `start` is then ignored).
   */
  static async open(options: OnlineCeremonyOptions): Promise<OnlineCeremony> {
    const { journal } = options;
    const existing = replayOnlineJournal(journal.entries);
    const ws = describeWorkstation();
    if (existing) {
      await journal.append(existing.operator, ONLINE_EVENTS.session, {
        hostname: ws.hostname,
        os: ws.os,
        appVersion: options.app.version,
        appBuild: options.app.build,
      });
      return new OnlineCeremony(options, replayOnlineJournal(journal.entries) as OnlineCeremonyState);
    }
    const start = options.start
      ? { ...options.start, ...checkCeremonyPeople(options.start.operator, options.start.witnesses) }
      : undefined;
    if (!start) {
      throw new KeyferryError(
        'CEREMONY_NOT_STARTED',
        'This journal holds no ceremony yet.',
        'Start with "keyferry online create-key" and a ceremony plan, or give the journal of an existing ceremony.',
      );
    }
    const id = newCeremonyId((options.clock ?? (() => new Date()))());
    await journal.append(start.operator, ONLINE_EVENTS.started, {
      ...ceremonyRecordData({
        id,
        title: start.title,
        operator: start.operator,
        witnesses: start.witnesses,
        side: 'online',
        workstation: ws,
        app: options.app,
        rehearsal: start.rehearsal ?? false,
      }),
      wrappingAlgorithm: start.wrappingAlgorithm,
      expiry: start.materialExpiry.kind === 'never' ? 'never' : start.materialExpiry.at.toISOString(),
    });
    return new OnlineCeremony(options, replayOnlineJournal(journal.entries) as OnlineCeremonyState);
  }

  get ceremonyId(): string {
    return this.#state.ceremonyId;
  }

  /** Where the ceremony stands (guards every step). */
  get step(): OnlineStep {
    return this.#guard.state;
  }

  get operator(): string {
    return this.#state.operator;
  }

  /** The keys as the journal knows them (no KMS call); `lapsed`: the imported material expired in the KMS; `expiresAt`: recorded at the last import. */
  keys(): {
    keyId: string;
    alias: string;
    spec: KeySpec;
    imported: boolean;
    lapsed: boolean;
    /** Material deleted on request (online delete-material); the key awaits the same material. */
    deleted: boolean;
    expiresAt: string | null;
    verified: boolean;
    proof: string | null;
  }[] {
    return [...this.#state.keys.values()].map((k) => ({
      keyId: k.keyId,
      alias: k.alias,
      spec: k.spec,
      imported: !!holdsImportedMaterial(k),
      lapsed: !holdsImportedMaterial(k) && !!k.materialLapsed,
      deleted: !!k.materialDeleted && !k.materialLapsed,
      expiresAt: k.imported ? (k.imported.expiresAt ?? 'never') : null,
      verified: !!k.verified,
      proof: k.verified?.proof ?? null,
    }));
  }

  async #journal(event: string, data: JsonObject): Promise<void> {
    applyOnlineEntry(this.#state, await this.#options.journal.append(this.#state.operator, event, data));
  }

  /** Runs a KMS call; a failure is journaled (code and sentence only) and rethrown. */
  async #kms<T>(step: string, keyId: string | null, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const problem = toProblem(error);
      await this.#options.journal
        .append(this.#state.operator, ONLINE_EVENTS.stepFailed, {
          step,
          keyId,
          code: problem.code,
          message: problem.message,
        })
        .catch(() => undefined);
      throw error;
    }
  }

  #requireConnected(step: string): void {
    if (!this.#connected) {
      throw new KeyferryError(
        'CEREMONY_STEP_OUT_OF_ORDER',
        `Cannot ${step} before connecting to the KMS.`,
        'Connect first (it tests the endpoint and credentials with list-keys).',
      );
    }
  }

  /** Step 1 (every session): tests the endpoint and credentials with list-keys. */
  async connect(): Promise<{ endpoint: string; projectId: string; region: string; keysVisible: number }> {
    const keys = await this.#kms('connect', null, () => this.#options.kms.listKeys());
    const result = {
      endpoint: this.#options.kms.endpoint.origin,
      projectId: this.#options.kms.projectId,
      region: this.#options.region,
      keysVisible: keys.length,
    };
    await this.#journal(ONLINE_EVENTS.connected, result);
    this.#connected = true;
    return result;
  }

  /** Step 2: creates one external key (Pending import) per planned key. */
  async createKeys(planned: readonly PlannedKey[]): Promise<CreatedKey[]> {
    this.#guard.require('create keys', ['new']);
    this.#requireConnected('create keys');
    if (planned.length === 0)
      throw new KeyferryError(
        'CEREMONY_NO_KEYS',
        'No keys were given to create.',
        'Name at least one key (alias and spec) in the plan.',
      );
    const created: CreatedKey[] = [];
    for (const [i, key] of planned.entries()) {
      reportProgress(this.#options.onProgress, {
        step: 'create-keys',
        done: i,
        total: planned.length,
        message: `Creating ${key.spec} key ${key.alias}`,
      });
      const { keyId } = await this.#kms('create-key', null, () =>
        this.#options.kms.createKey({
          alias: key.alias,
          spec: key.spec,
          usage: key.usage,
          description: key.description,
          origin: 'external',
        }),
      );
      await this.#journal(ONLINE_EVENTS.keyCreated, {
        keyId,
        alias: key.alias,
        spec: key.spec,
        usage: key.usage,
        description: key.description,
      });
      created.push({ keyId, alias: key.alias, spec: key.spec, usage: key.usage });
    }
    this.#guard.advance('keys-created');
    return created;
  }

  /**
   * Step 3: fetches a wrapping key and import token for every key still waiting for material.
   * After an import it first asks the KMS whether imported AES material lapsed (expired): such
   * keys wait for the same material again (restored from custody) and get fresh parameters.
   */
  async fetchParameters(): Promise<IssuedSummary[]> {
    const afterImport = (['imported', 'verified', 'finished'] as OnlineStep[]).includes(this.#guard.state);
    if (afterImport) {
      this.#requireConnected('fetch import parameters');
      await this.#noticeLapsedMaterial();
      if ([...this.#state.keys.values()].every((k) => holdsImportedMaterial(k))) {
        throw new KeyferryError(
          'NOTHING_TO_IMPORT',
          'Every key of this ceremony holds its imported material; no key waits for import parameters.',
          'Check the keys with "keyferry online status".',
        );
      }
    } else {
      this.#guard.require('fetch import parameters', ['keys-created', 'parameters-fetched', 'parameters-written']);
    }
    this.#requireConnected('fetch import parameters');
    const keys = [...this.#state.keys.values()].filter((k) => !holdsImportedMaterial(k));
    const issued: IssuedSummary[] = [];
    for (const [i, key] of keys.entries()) {
      reportProgress(this.#options.onProgress, {
        step: 'fetch-parameters',
        done: i,
        total: keys.length,
        keyId: key.keyId,
        message: `Fetching import parameters for ${key.alias}`,
      });
      const answer = await this.#kms('get-parameters-for-import', key.keyId, () =>
        this.#options.kms.getParametersForImport({
          keyId: key.keyId,
          wrappingAlgorithm: this.#state.wrappingAlgorithm,
        }),
      );
      const { event, summary } = issuedFromAnswer(
        key,
        answer,
        this.#state.wrappingAlgorithm,
        this.#options.region,
        this.#options.kms.projectId,
      );
      await this.#journal(ONLINE_EVENTS.parametersFetched, event);
      issued.push(summary);
    }
    this.#guard.advance('parameters-fetched');
    return issued;
  }

  /** Step 4: writes the latest parameters of every waiting key into the new folder `dir`. */
  async writeParametersBundle(dir: string): Promise<WrittenParametersBundle> {
    this.#guard.require('write the import-parameters bundle', ['parameters-fetched']);
    const now = this.#now();
    const keys = [...this.#state.keys.values()].filter((k) => !holdsImportedMaterial(k));
    const parameters = keys.map((k) => parametersForBundle(k, now));
    reportProgress(this.#options.onProgress, {
      step: 'write-bundle',
      done: 0,
      total: 1,
      message: `Writing the import-parameters bundle to ${dir}`,
    });
    const written = await writeImportParametersBundle(
      dir,
      { ceremonyId: this.#state.ceremonyId, keys: parameters },
      { now },
    );
    const keyIds = keys.map((k) => k.keyId);
    await this.#journal(ONLINE_EVENTS.parametersWritten, {
      folder: path.resolve(dir),
      manifestSha256: written.digest,
      keyIds,
    });
    reportProgress(this.#options.onProgress, {
      step: 'write-bundle',
      done: 1,
      total: 1,
      message: 'Import-parameters bundle written and verified',
    });
    this.#guard.advance('parameters-written');
    return {
      dir: path.resolve(dir),
      manifestSha256: written.digest,
      manifestSha256Grouped: groupHex(written.digest),
      keyIds,
      warnings: written.warnings.map((w) => w.message),
    };
  }

  /**
   * Step 5: reads the wrapped-material bundle in `dir` and checks it against what the KMS issued
   * (journal): ceremony, keys, specs, token hashes, wrapping-key fingerprints, token expiry.
   * `expectedDigest` (from the air-gapped receipt) pins the exact bundle.
   */
  async checkWrappedBundle(dir: string, options: { expectedDigest?: string } = {}): Promise<CheckedBundleSummary> {
    this.#guard.require('check the wrapped-material bundle', [
      'parameters-written',
      'material-checked',
      'imported',
      'verified',
    ]);
    const now = this.#now();
    const bundle = await readBundle(dir, {
      now,
      ...(options.expectedDigest ? { expectedDigest: options.expectedDigest } : {}),
    });
    if (bundle.kind !== 'wrapped-material') {
      throw new KeyferryError(
        'BUNDLE_WRONG_KIND',
        `${dir} is an import-parameters bundle, not a wrapped-material bundle.`,
        'Pick the wrapped-material bundle written on the air-gapped workstation.',
      );
    }
    const checked = checkWrappedBundleAgainstIssued(this.#state, bundle, now);
    const keys = checked.map(({ key, issued, wrapped }) => ({
      keyId: key.keyId,
      alias: key.alias,
      spec: key.spec,
      publicKeyFingerprint: wrapped.publicKeyDer
        ? (bundle.manifest.keys.find((k) => k.keyId === key.keyId)?.publicKeyFingerprint ?? null)
        : null,
      keyCheckValue: wrapped.keyCheckValue,
      tokenExpiresAt: issued.tokenExpiresAt,
      requestedExpiresAt: decideExpiry({ key, issued, wrapped }, this.#state.expiry).requested,
    }));
    await this.#journal(ONLINE_EVENTS.wrappedChecked, {
      folder: path.resolve(dir),
      manifestSha256: bundle.digest,
      keys: keys.map((k) => ({
        keyId: k.keyId,
        publicKeyFingerprint: k.publicKeyFingerprint,
        keyCheckValue: k.keyCheckValue,
      })),
    });
    this.#checked = { dir: path.resolve(dir), digest: bundle.digest, keys: checked };
    if (checked.some((c) => !holdsImportedMaterial(c.key))) this.#guard.advance('material-checked');
    const warnings = [
      ...bundle.warnings.map((w) => w.message),
      ...expiryNotes(checked.map((c) => decideExpiry(c, this.#state.expiry))),
    ];
    return {
      dir: path.resolve(dir),
      manifestSha256: bundle.digest,
      manifestSha256Grouped: groupHex(bundle.digest),
      keys,
      warnings,
    };
  }

  /**
   * Step 6: imports every checked key not imported yet, each with the material expiry its
   * wrapped-material bundle requests; `expiry` is an explicit override (journaled) for symmetric
   * material (asymmetric material never expires). A past expiry is refused before any import.
   */
  async importMaterial(options: { expiry?: MaterialExpiry } = {}): Promise<ImportedKeySummary[]> {
    this.#guard.require('import key material', ['material-checked']);
    this.#requireConnected('import key material');
    const checked = this.#checked as CheckedSession;
    const todo = checked.keys.filter((c) => !holdsImportedMaterial(c.key));
    const decisions = todo.map((c) => decideExpiry(c, this.#state.expiry, options.expiry));
    const notable = decisions.filter(isNotableExpiry);
    if (notable.length > 0) await this.#journal(ONLINE_EVENTS.expiryChosen, { keys: notable.map((d) => ({ ...d })) });
    const refusal = pastExpiryRefusal(decisions, this.#now());
    if (refusal) await this.#kms('import-key-material', refusal.keyId, () => Promise.reject(refusal.error));
    const results: ImportedKeySummary[] = [];
    for (const [i, c] of todo.entries()) {
      const { effective: expiresAt, requested, source } = decisions[i] as (typeof decisions)[number];
      reportProgress(this.#options.onProgress, {
        step: 'import',
        done: i,
        total: todo.length,
        keyId: c.key.keyId,
        message: `Importing ${c.key.spec} key ${c.key.alias}`,
      });
      const outcome = await this.#kms('import-key-material', c.key.keyId, () =>
        importCheckedKey(this.#options.kms, c, expiresAt, this.#now()),
      );
      await this.#journal(ONLINE_EVENTS.imported, {
        keyId: c.key.keyId,
        expiresAt: expiresAt === 'never' ? null : expiresAt,
        importTokenSha256: c.issued.importTokenSha256,
        confirmation: outcome.confirmation,
      });
      this.#confirmations.set(c.key.keyId, outcome.confirmation);
      results.push({
        keyId: c.key.keyId,
        spec: c.key.spec,
        expiresAt,
        requestedExpiresAt: requested,
        expirySource: source,
        confirmation: outcome.confirmation,
      });
    }
    this.#guard.advance('imported');
    return results;
  }

  /**
   * Step 7: proves every imported key works (see key-proof.ts). Keys that fail are journaled as
   * such and returned with ok=false; the ceremony reaches "verified" only when all pass.
   */
  async verifyKeys(): Promise<KeyProof[]> {
    this.#guard.require('verify the imported keys', ['imported', 'verified', 'finished']);
    this.#requireConnected('verify the imported keys');
    const keys = [...this.#state.keys.values()].filter((k) => holdsImportedMaterial(k));
    const proofs: KeyProof[] = [];
    for (const [i, key] of keys.entries()) {
      reportProgress(this.#options.onProgress, {
        step: 'verify',
        done: i,
        total: keys.length,
        keyId: key.keyId,
        message: `Verifying ${key.spec} key ${key.alias}`,
      });
      const proof = await this.#kms('verify', key.keyId, () =>
        proveKey(this.#options.kms, {
          keyId: key.keyId,
          spec: key.spec,
          usage: key.usage,
          expectedPublicKeyFingerprint: key.checkedPublicKeyFingerprint ?? null,
        }),
      );
      const data = {
        keyId: key.keyId,
        keyState: proof.keyState,
        proof: proof.proof,
        publicKeyFingerprint: key.checkedPublicKeyFingerprint ?? null,
      };
      await this.#journal(proof.ok ? ONLINE_EVENTS.verified : ONLINE_EVENTS.verifyFailed, data);
      proofs.push(proof);
    }
    if (this.#guard.state !== 'finished') this.#guard.advance(proofs.every((p) => p.ok) ? 'verified' : 'imported');
    return proofs;
  }

  /**
   * describe-key for every key of the ceremony (any step, once connected). An imported AES key
   * found back in Pending import is journaled as lapsed: it then waits for the same material again.
   */
  async status(): Promise<KeyStatus[]> {
    this.#requireConnected('read the key states');
    const out: KeyStatus[] = [];
    const lapsed: OnlineKeyState[] = [];
    for (const key of this.#state.keys.values()) {
      const info = await this.#kms('describe-key', key.keyId, () => this.#options.kms.describeKey(key.keyId));
      if (holdsImportedMaterial(key) && info.state === KeyState.PendingImport) lapsed.push(key);
      out.push({
        keyId: key.keyId,
        alias: key.alias,
        spec: key.spec,
        keyState: info.stateName,
        materialExpiresAt: info.materialExpiresAt?.toISOString() ?? null,
      });
    }
    await this.#journal('key.status-read', { keys: out.map((k) => ({ keyId: k.keyId, keyState: k.keyState })) });
    for (const key of lapsed) await this.#journalLapse(key);
    return out;
  }

  /** Asks the KMS about every imported AES key; journals those back in Pending import. */
  async #noticeLapsedMaterial(): Promise<void> {
    for (const key of [...this.#state.keys.values()].filter((k) => holdsImportedMaterial(k) && !isAsymmetric(k.spec))) {
      const info = await this.#kms('describe-key', key.keyId, () => this.#options.kms.describeKey(key.keyId));
      if (info.state === KeyState.PendingImport) await this.#journalLapse(key);
    }
  }

  async #journalLapse(key: OnlineKeyState): Promise<void> {
    await this.#journal(ONLINE_EVENTS.materialLapsed, {
      keyId: key.keyId,
      keyState: 'Pending import',
      recordedExpiresAt: key.imported?.expiresAt ?? null,
    });
    if (![...this.#state.keys.values()].some((k) => holdsImportedMaterial(k)) && this.#guard.state !== 'new')
      this.#guard.advance('parameters-written');
  }

  /**
   * Deletes the imported material of one AES key (the key returns to Pending import; only the
   * same material can ever be imported again). Asymmetric material cannot be deleted (KMS rule).
   */
  async deleteMaterial(keyId: string): Promise<{ keyId: string; keyState: string }> {
    this.#guard.require('delete imported key material', ['imported', 'verified', 'finished']);
    this.#requireConnected('delete imported key material');
    const key = this.#state.keys.get(keyId);
    if (!key || !holdsImportedMaterial(key)) {
      throw new KeyferryError(
        'KEY_NOT_IMPORTED',
        `Key ${keyId} has no material imported in this ceremony.`,
        'Give the key id of an imported key of this ceremony.',
      );
    }
    if (isAsymmetric(key.spec)) {
      throw new KeyferryError(
        'MATERIAL_NOT_DELETABLE',
        `Key ${keyId} is ${key.spec}: imported asymmetric material cannot be deleted (KMS.2702).`,
        'Disable the key or schedule its deletion instead.',
      );
    }
    await this.#kms('delete-imported-key-material', keyId, () => this.#options.kms.deleteImportedKeyMaterial(keyId));
    const info = await this.#kms('describe-key', keyId, () => this.#options.kms.describeKey(keyId));
    await this.#journal(ONLINE_EVENTS.materialDeleted, { keyId, keyState: info.stateName });
    if (![...this.#state.keys.values()].some((k) => holdsImportedMaterial(k)))
      this.#guard.advance('parameters-written');
    return { keyId, keyState: info.stateName };
  }

  /** Step 8: writes the online receipt into `dir` (needs the bundle checked in this session). */
  async writeReceipt(dir: string): Promise<WrittenCeremonyReceipt> {
    this.#guard.require('write the receipt', ['verified']);
    if (!this.#checked) {
      throw new KeyferryError(
        'CEREMONY_STEP_OUT_OF_ORDER',
        'The receipt names the wrapped-material bundle, which was not read in this session.',
        'Check the wrapped-material bundle again, then write the receipt.',
      );
    }
    const receipt = await writeOnlineReceipt(dir, {
      state: this.#state,
      app: this.#options.app,
      bundle: { dir: this.#checked.dir, digest: this.#checked.digest },
      confirmations: this.#confirmations,
      journal: this.#options.journal,
      now: this.#now(),
    });
    this.#guard.advance('finished');
    return receipt;
  }
}
