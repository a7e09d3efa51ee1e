/**
 * The HSM as the air-gapped side's material source (the guide's "Method 1"): the token is opened
 * and its capability checked before anything is generated (hsm-token-check.ts); material is
 * generated inside it as token objects labelled with the ceremony and key id (they are the custody
 * copy; token-object-ledger.ts keeps those this session made), or existing token keys are chosen;
 * wrapping happens inside it. Only ciphertext, public keys, key check values, labels and the
 * token's identity ever leave it, and only those are journaled. The PIN is used for C_Login and
 * not kept.
 */
import { materialOwners, requireBoundMaterial, type ImportParameters } from '../../bundle';
import { derFingerprint } from '../../crypto/evidence';
import { KEY_SPEC_INFO, type KeySpec } from '../../crypto/key-spec';
import { KeyferryError, toProblem, type ProblemDetails } from '../../errors';
import {
  ceremonyObjectLabel,
  findMaterialKey,
  generateAesKey,
  generateKeyPair,
  hsmKeyCheckValue,
  privateKeyWrapTooShort,
  wrapHsmKey,
  destroyTokenObjects,
  judgeLeftObject,
  keyObjectsLabelled,
  type LeftTokenObject,
  type UnprovenWhy,
  type CreatedTokenObject,
  type HsmCapabilityReport,
  type HsmMaterialKey,
  type HsmModule,
  type HsmSession,
  type HsmTokenIdentity,
  type TokenObjectsDiscarded,
} from '../../hsm';
import type { Journal } from '../../journal';
import { listValue } from '../../../i18n/list';
import { progressLine, reportProgress, type ProgressListener } from '../shared/progress';
import type { HsmMaterialSummary, RecordedHsmObject } from './hsm-material-summary';
import { wrappedKeyRecord, wrapEach, type WrappedKey } from './wrap';
import { materialIdOf } from './replica-groups';
import { discardTokenObjectsJournaled } from './token-objects-cleanup';
import { TokenObjectLedger, type KeyTokenObject } from './token-object-ledger';
import { openCheckedToken, type HsmSourceSummary } from './hsm-token-check';
import type { HsmSourceRequest } from './hsm-source-request';
import { aesValueComparer, chosenObjectData, refuseChosenTwice, type ChosenKey } from '../../hsm/chosen-object';

interface StepContext {
  readonly journal: Journal;
  readonly operator: string;
  readonly onProgress?: ProgressListener | undefined;
}

/** The key's CKA_ID: its KMS key id as UTF-8, so a restore finds it again without a label. */
function keyObjectId(keyId: string): Buffer {
  return Buffer.from(keyId, 'utf8');
}

export class AirGapHsmMaterial {
  readonly #module: HsmModule;
  readonly #session: HsmSession;
  readonly #request: HsmSourceRequest;
  readonly #keys = new Map<string, HsmMaterialKey>();
  /** The keys already in the token chosen by this session's produce(), with their evidence. */
  readonly #chosen: ChosenKey[] = [];
  readonly #reports: HsmCapabilityReport[];
  /** The token objects this session generated (token-object-ledger.ts). */
  readonly #created = new TokenObjectLedger();

  private constructor(
    module: HsmModule,
    session: HsmSession,
    request: HsmSourceRequest,
    reports: HsmCapabilityReport[],
  ) {
    this.#module = module;
    this.#session = session;
    this.#request = request;
    this.#reports = reports;
  }

  /**
   * Opens the token and runs the capability check for every wrapping algorithm and key spec of
   * `parameters`; journals the token and the result; refuses (journaled) before anything exists.
   */
  static async open(
    request: HsmSourceRequest,
    parameters: readonly ImportParameters[],
    context: StepContext,
    expectedSerial?: string,
  ): Promise<AirGapHsmMaterial> {
    const { module, session, reports } = await openCheckedToken(request, parameters, context, expectedSerial);
    return new AirGapHsmMaterial(module, session, request, reports);
  }

  get summary(): HsmSourceSummary {
    return { token: this.#session.identity, reports: this.#reports };
  }

  has(keyId: string): boolean {
    return this.#keys.has(keyId);
  }

  /** True when existing token keys are chosen (nothing is generated). */
  get selectsExisting(): boolean {
    return Boolean(this.#request.existingKeys);
  }

  #kcvMethod(): 'check-value' | 'ecb' {
    return this.#reports.find((r) => r.kcvMethod !== null)?.kcvMethod ?? 'ecb';
  }

  #summarize(keyId: string, key: HsmMaterialKey): HsmMaterialSummary {
    return {
      objectLabel: key.label,
      keyId,
      spec: key.spec,
      source: 'hsm',
      publicKeyFingerprint: key.publicKeySpkiDer ? derFingerprint(key.publicKeySpkiDer) : null,
      keyCheckValue: key.publicKeySpkiDer ? null : hsmKeyCheckValue(this.#session, key.handle, this.#kcvMethod()),
    };
  }

  /**
   * Produces the material of every key without any yet: existing token keys when asked for, else
   * new token objects labelled "keyferry <ceremony id> <key id>" with CKA_ID = the key id.
   */
  async produce(
    parameters: readonly ImportParameters[],
    ceremonyId: string,
    context: StepContext,
  ): Promise<HsmMaterialSummary[]> {
    // One token object per replica group: made for its primary, wrapped for every member.
    const todo = materialOwners(parameters).filter((p) => !this.#keys.has(p.keyId));
    const summaries: HsmMaterialSummary[] = [];
    const existing = this.#request.existingKeys;
    for (const [i, p] of todo.entries()) {
      reportProgress(context.onProgress, {
        step: 'generate-material',
        done: i,
        total: todo.length,
        keyId: p.keyId,
        ...progressLine('generate-key', { spec: p.keySpec, n: i + 1, total: todo.length }),
      });
      if (this.#created.stopped) throw new KeyferryError('CEREMONY_STOPPED');
      let key: HsmMaterialKey;
      let summary: HsmMaterialSummary;
      try {
        if (existing) {
          key = this.#findExisting(p);
        } else {
          key = this.#generate(p.keyId, p.keySpec, ceremonyId);
        }
        summary = this.#summarize(p.keyId, key);
      } catch (error) {
        // Objects made for a key whose material did not come out whole are of no use: destroyed now,
        // so a retry makes no duplicate under the same label.
        if (!existing)
          await discardTokenObjectsJournaled(this, context.journal, context.operator, p.keyId).catch(() => undefined);
        throw error;
      }
      // An existing token key for a key the KMS bound to material must be that material.
      if (existing) requireBoundMaterial(p, parameters, summary);
      if (existing) this.#refuseChosenTwice(this.#chosen, p.keyId, key, summary);
      this.#keys.set(p.keyId, key);
      await context.journal.append(context.operator, existing ? 'material.hsm-selected' : 'material.generated', {
        ...summary,
        hsmTokenSerial: this.#session.identity.serial,
        hsmTokenLabel: this.#session.identity.label,
        ...(existing
          ? chosenObjectData(this.#session, key.handle)
          : { objectId: keyObjectId(p.keyId).toString('hex') }),
        keptInHsm: true,
      });
      summaries.push(summary);
    }
    reportProgress(context.onProgress, {
      step: 'generate-material',
      done: todo.length,
      total: todo.length,
      ...progressLine('generated', { count: todo.length }),
    });
    return summaries;
  }

  /** The token key the officer chose for `p`: by its --hsm-key-label, else by CKA_ID = its key id. */
  #findExisting(p: ImportParameters): HsmMaterialKey {
    const label = this.#request.existingKeys?.labels?.[p.keyId];
    return findMaterialKey(
      this.#session,
      p.keySpec,
      label !== undefined ? { label } : { idHex: keyObjectId(p.keyId).toString('hex') },
      this.#request.surface,
    );
  }

  /**
   * Keys already in the token: finds each one now, before any witness types a confirmation, so a key
   * that is missing, unusable or answered by several objects (HSM_KEY_AMBIGUOUS, naming them) is
   * refused up front. Nothing is selected or journaled here; produce() finds them again.
   */
  checkExistingKeys(parameters: readonly ImportParameters[]): void {
    if (!this.selectsExisting) return;
    const chosen: ChosenKey[] = [];
    for (const p of materialOwners(parameters)) {
      const key = this.#findExisting(p);
      this.#refuseChosenTwice(chosen, p.keyId, key, this.#summarize(p.keyId, key));
    }
  }

  /** Refuses (HSM_KEY_CHOSEN_TWICE) a token key holding the material of one chosen for another key of `chosen`. */
  #refuseChosenTwice(chosen: ChosenKey[], keyId: string, key: HsmMaterialKey, summary: HsmMaterialSummary): void {
    const evidence = summary.publicKeyFingerprint ?? summary.keyCheckValue ?? '';
    const session = this.#session;
    // Where the token encrypts with its AES keys (the KCV by encryption), equal check values are compared in full.
    const sameAesValue = this.#kcvMethod() === 'ecb' ? aesValueComparer(session) : undefined;
    refuseChosenTwice(
      session,
      chosen,
      { keyId, key, evidence },
      { ...this.#request, ...(sameAesValue ? { sameAesValue } : {}) },
    );
  }

  /**
   * Generating: refuses (HSM_LABEL_TAKEN), before anything is generated, when key objects already
   * carry a label this session would generate under ("keyferry <ceremony id> <key id>"): more
   * objects under it would make a later restore find several (HSM_KEY_AMBIGUOUS). The refusal names
   * each object (label, class, CKA_ID) and says never to delete them: objects under this ceremony's
   * labels may be the only copy of material a wrap made (a trial deleted a finished wrap's as once
   * told, after it was imported, and the material was lost; a review then met the same offer for a
   * wrap in another journal). `finished`: this journal's finished wraps, to name the one they are.
   * What a crashed session of this journal left is destroyed or named before this (crashed-objects-destroy.ts).
   */
  checkLabelsFree(
    parameters: readonly ImportParameters[],
    ceremonyId: string,
    finished: readonly { readonly session: number; readonly hsmObjectLabels?: readonly string[] }[] = [],
  ): void {
    if (this.selectsExisting) return;
    const taken = materialOwners(parameters).flatMap((p) =>
      keyObjectsLabelled(this.#session, ceremonyObjectLabel(ceremonyId, p.keyId)),
    );
    if (taken.length === 0) return;
    const token = this.#session.identity.label;
    const holder = finished.findLast((w) => taken.some((o) => w.hsmObjectLabels?.includes(o.label)));
    throw new KeyferryError('HSM_LABEL_TAKEN', {
      token,
      count: taken.length,
      objectsList: listValue(taken.map((o) => `"${o.label}" (${o.objectClass}, CKA_ID ${o.objectId})`)),
      where: this.#request.surface ?? 'cli',
      finishedSession: holder?.session ?? 0,
    });
  }

  /** Generates the material of `keyId` as token objects labelled for `ceremonyId`, each recorded as it comes to exist. */
  #generate(keyId: string, spec: KeySpec, ceremonyId: string): HsmMaterialKey {
    const placement = {
      token: true,
      label: ceremonyObjectLabel(ceremonyId, keyId),
      id: keyObjectId(keyId),
      created: (object: CreatedTokenObject) => this.#created.record(object, keyId),
    };
    if (KEY_SPEC_INFO[spec].kind !== 'symmetric') return generateKeyPair(this.#session, spec, placement);
    const handle = generateAesKey(this.#session, placement, { encrypt: this.#kcvMethod() === 'ecb' });
    return { spec, label: placement.label, handle, publicKeySpkiDer: null };
  }

  /**
   * A restore: finds each key's token object by the label the air-gapped journal recorded and
   * proves it is that material (the key check value or public-key fingerprint the HSM gives now
   * equals the journaled one). A missing or different object is refused before anything is wrapped.
   */
  async recall(recorded: readonly RecordedHsmObject[], context: StepContext): Promise<HsmMaterialSummary[]> {
    const summaries: HsmMaterialSummary[] = [];
    for (const r of recorded) {
      const { serial, label } = this.#session.identity;
      if (r.tokenSerial !== serial) {
        throw new KeyferryError('HSM_RESTORE_TOKEN_DIFFERS', { token: label, found: serial, recorded: r.tokenSerial });
      }
      let key: HsmMaterialKey;
      try {
        // Several objects under the journaled label: the restore's own next step (no key is chosen by label here).
        key = findMaterialKey(this.#session, r.spec, { label: r.objectLabel }, 'restore');
      } catch (error) {
        if (toProblem(error).code !== 'HSM_KEY_NOT_FOUND') throw error;
        throw new KeyferryError('HSM_RESTORE_OBJECT_MISSING', {
          label: r.objectLabel,
          keyId: r.keyId,
          serial: r.tokenSerial,
          seq: r.seq,
        });
      }
      const summary = this.#summarize(r.keyId, key);
      const found = summary.keyCheckValue ?? summary.publicKeyFingerprint ?? '';
      const expected = r.keyCheckValue ?? r.publicKeyFingerprint ?? '';
      if (found.toLowerCase() !== expected.toLowerCase()) {
        throw new KeyferryError('HSM_RESTORE_OBJECT_DIFFERS', {
          label: r.objectLabel,
          keyId: r.keyId,
          check: r.keyCheckValue !== null ? 'kcv' : 'spki',
          recorded: expected,
          found,
          seq: r.seq,
        });
      }
      this.#keys.set(r.keyId, key);
      await context.journal.append(context.operator, 'material.hsm-recalled', {
        ...summary,
        hsmTokenSerial: this.#session.identity.serial,
        hsmTokenLabel: this.#session.identity.label,
        ...chosenObjectData(this.#session, key.handle),
        recordedSeq: r.seq,
        keptInHsm: true,
      });
      summaries.push(summary);
    }
    return summaries;
  }

  /** Wraps every key inside the HSM for its KMS wrapping key; journals the mechanisms and labels used. */
  async wrapAll(parameters: readonly ImportParameters[], context: StepContext): Promise<WrappedKey[]> {
    return wrapEach(parameters, context, async (p, wrappingKey) => {
      // A replica is its primary's token object wrapped under the replica's own wrapping key.
      const key = this.#keys.get(materialIdOf(p));
      if (!key) throw new KeyferryError('HSM_KEY_NOT_PRODUCED', { keyId: p.keyId });
      const report = this.#reports.find((r) => r.algorithm === p.wrappingAlgorithm)!;
      const wrapped = wrapHsmKey(this.#session, key, {
        algorithm: p.wrappingAlgorithm,
        wrappingKey,
        kcvMethod: this.#kcvMethod(),
        privateKeyWrap: report.privateKeyWrap.mechanism,
      });
      const chars = wrapped.encryptedPrivateKey ? privateKeyWrapTooShort(wrapped.encryptedPrivateKey) : null;
      // The capability check's trial finds this before any material is generated; checked again here.
      if (chars !== null) {
        throw new KeyferryError('HSM_WRAP_SHORTER_THAN_KMS_ACCEPTS', { spec: p.keySpec, keyId: p.keyId, chars });
      }
      return wrappedKeyRecord(p, wrapped, {
        wrappedIn: 'hsm',
        hsmTokenSerial: this.#session.identity.serial,
        objectLabel: key.label,
        mechanisms: [...(report.specs.find((s) => s.spec === p.keySpec)?.mechanisms ?? [])],
      });
    });
  }

  /** True while this session holds token objects it generated (a stop before the ceremony finished destroys them). */
  get holdsCreated(): boolean {
    return this.#created.holdsCreated;
  }

  /** The token's identity and the module it was opened with: what a hand deletion names. */
  get token(): { readonly identity: HsmTokenIdentity; readonly modulePath: string } {
    return { identity: this.#session.identity, modulePath: this.#request.modulePath };
  }

  /**
   * The ceremony stopped before it finished (or, given `keyId`, that key's material failed before it
   * was ready): destroys the token objects this session generated (only `keyId`'s) in this still-open
   * session (TokenObjectLedger.discard). Each object is reported with the key it held; null when there were none.
   */
  discardCreated(keyId?: string): TokenObjectsDiscarded<KeyTokenObject> | null {
    return this.#created.discard(this.#session, keyId);
  }

  /**
   * Destroys `object`, left in this token by a session that ended without stopping, once it is
   * proven to be that session's (crashed-objects-destroy.ts): 'gone' when the token no longer holds
   * it, why not when no single object is proven, the token's problem when it would not destroy it.
   */
  destroyLeftObject(object: LeftTokenObject): 'destroyed' | 'gone' | UnprovenWhy | ProblemDetails {
    const verdict = judgeLeftObject(this.#session, object, this.#kcvMethod());
    if (verdict.kind !== 'proven') return verdict.kind === 'gone' ? 'gone' : verdict.why;
    return destroyTokenObjects(this.#session, [{ ...object, handle: verdict.handle }]).problem ?? 'destroyed';
  }

  /** Logs out and closes the session (token objects stay: they are the custody copy). */
  close(): void {
    try {
      this.#session.close();
    } finally {
      this.#module.close();
    }
  }
}
