/**
 * Rebuilds the online ceremony from its journal: which keys were created, which import
 * parameters the KMS issued, what was imported and verified. A pure reducer over entries, so a
 * process on another day continues exactly where the last one stopped.
 */
import { KeyState, keyStateOfName } from '../../kms/types';
import type { KeySpec, KeyUsage, WrappingAlgorithm } from '../../crypto/key-spec';
import type { CustodyArrangement } from '../../bundle/custody-arrangement';
import { materialIdOf } from '../../bundle/replica-groups';
import type { PhraseOrSentence } from '../../../i18n/phrase';
import { KeyferryError } from '../../errors';
import type { z } from 'zod';
import type { JournalEntry } from '../../journal';
import {
  ONLINE_EVENTS,
  importedData,
  keyCreatedData,
  keysPlannedData,
  wrappingAlgorithmChosenData,
  parametersKeysChosenData,
  keyIdData,
  deletionAcknowledgedData,
  statusReadData,
  parametersFetchedData,
  parametersWrittenData,
  replicaGroupProvenData,
  importSendingData,
  createSendingData,
  startedData,
  stepFailedData,
  verifiedData,
  wrappedCheckedData,
} from './events';
import { createTarget } from './planned-keys';
import { airGapJournalAfter, type AirGapJournalTrail } from './wrapped-bundle-makers';
import {
  recordImportFailure,
  recordImportSending,
  recordImportTaken,
  recordSessionEnded,
  type ImportSends,
} from './import-answers';
export type { ImportAnswer } from './import-answers';

/** Import parameters as the KMS issued them (from the journal, the online side's own record). */
export interface IssuedParameters {
  readonly keyId: string;
  readonly wrappingAlgorithm: WrappingAlgorithm;
  readonly wrappingKeyFingerprint: string;
  readonly importTokenSha256: string;
  readonly importToken: string;
  readonly tokenExpiresAt: string;
  readonly wrappingPublicKey: string;
  readonly region: string;
  readonly projectId: string;
}

/**
 * True when the key lost its imported material (deleted or lapsed) and no import parameters were
 * fetched for it since: its way back starts with fresh parameters, whatever the other keys hold.
 */
export function awaitsNewParameters(
  key: Pick<OnlineKeyState, 'imported' | 'materialDeleted' | 'materialLostSeq' | 'fetchedSeq'>,
): boolean {
  return !holdsImportedMaterial(key) && !!key.materialDeleted && (key.fetchedSeq ?? 0) < (key.materialLostSeq ?? 0);
}

/** True when the key holds material imported by this ceremony (not deleted since). */
export function holdsImportedMaterial(key: Pick<OnlineKeyState, 'imported' | 'materialDeleted'>): boolean {
  return !!key.imported && !key.materialDeleted;
}

/** The keys waiting for material: every key of `keys` not holding material imported by this ceremony, in order. */
export function keysWaiting(keys: ReadonlyMap<string, OnlineKeyState>): OnlineKeyState[] {
  return [...keys.values()].filter((k) => !holdsImportedMaterial(k));
}

/** What the journal recorded of a material's custody copy: the wrapped bundle's word, and that check's journal entry. */
export interface RecordedCustody {
  readonly arrangement: CustodyArrangement;
  readonly seq: number;
}

/** A key as the journal holds it; what it keeps of the imports sent to it: ImportSends (import-answers.ts). */
export interface OnlineKeyState extends ImportSends {
  readonly keyId: string;
  readonly alias: string;
  readonly spec: KeySpec;
  readonly usage: KeyUsage;
  readonly description: string;
  /** A replica: the key id of its group's primary (absent for a primary or a key alone). */
  readonly replicaOf?: string;
  /** AES: the material expiry planned for this key ('never' or ISO; absent: the ceremony's `expiry`). */
  readonly plannedExpiry?: string;
  /** A replica: the region/project it lives in (absent: the ceremony's own connection). */
  readonly target?: { readonly region: string; readonly projectId: string };
  /** Every issuance, oldest first (parameters may be fetched again after expiry). */
  readonly issued: IssuedParameters[];
  /** Set once the wrapped bundle was checked: the public key fingerprint (asymmetric) and KCV (AES). */
  checkedPublicKeyFingerprint?: string | null;
  checkedKeyCheckValue?: string | null;
  /** The custody copy the last checked bundle named for this key (absent: the bundle or the journal did not say). */
  checkedCustody?: RecordedCustody;
  /** `custody`: the custody copy of the imported material, as the bundle checked before the import named it. */
  imported?: {
    readonly expiresAt: string | null;
    readonly importTokenSha256: string;
    readonly custody?: RecordedCustody;
    /** The digest of the wrapped-material bundle last checked before this import: the bundle it came from. */
    readonly wrappedBundleSha256?: string;
  };
  /**
   * What the KMS bound this key to: the KCV (AES) of the material first imported into it, as the
   * bundle check before that import recorded it, and the journal entry of the import. The KMS
   * accepts only those bytes again (KMS.2606), after a deletion or a lapse too.
   */
  firstImport?: {
    readonly keyCheckValue: string | null;
    /** Asymmetric: the public-key fingerprint checked before the first import (null for AES or older journals). */
    readonly publicKeyFingerprint: string | null;
    readonly seq: number;
  };
  verified?: { readonly keyState: string; readonly proof: PhraseOrSentence };
  /** The imported material is gone: deleted on request, or lapsed (expired) in the KMS. */
  materialDeleted?: boolean;
  /** Set with materialDeleted when the material lapsed (describe-key found the key back in Pending import). */
  materialLapsed?: boolean;
  /** Journal entry that recorded the material gone (deleted or lapsed); a bundle checked before it does not hold this key's next import. */
  materialLostSeq?: number;
  /** Journal entry of the last import parameters fetched for this key. */
  fetchedSeq?: number;
  /**
   * Journal entry of the acknowledged deletion of the imported material, sent right after it, while
   * no outcome of it is recorded: a key found back in Pending import then lost its material to that
   * deletion (a stop between the KMS's answer and its entry), not to an expiry. A later look that
   * found the key still holding material (key.status-read) clears it: that deletion did not delete.
   */
  deletionSentSeq?: number;
}

export interface OnlineCeremonyState {
  readonly ceremonyId: string;
  /** When the ceremony started (its first journal entry): a key the KMS created before it is not this ceremony's. */
  readonly startedAt: Date;
  /** The plan's keys as the last create step journaled them (absent in journals written before 2026-12). */
  plannedKeys?: z.infer<typeof keysPlannedData>['keys'];
  /** Creates sent (key.create-sending) with no key.created yet, by createTarget, with when each was sent. */
  readonly createsUnrecorded: Map<string, Date>;
  readonly title: string;
  readonly operator: string;
  readonly witnesses: readonly string[];
  readonly rehearsal: boolean;
  /** What the next get-parameters-for-import asks for: the plan's, or the one chosen since (wrapping-algorithm.chosen). */
  wrappingAlgorithm: WrappingAlgorithm;
  /** "never" or an ISO time: the expiry chosen for symmetric material. */
  readonly expiry: string;
  readonly keys: Map<string, OnlineKeyState>;
  parametersBundle?: { readonly folder: string; readonly manifestSha256: string };
  /**
   * Import token (its SHA-256) → the import-parameters bundles that carried it, oldest first: each
   * bundle written carries the latest issuance of each of its keys (a key whose fetch failed keeps
   * its token into the next bundle). A wrapped bundle is told by its tokens which parameters bundle
   * the air-gapped side wrapped (not always the last one written). `seq`: the entry that wrote it.
   */
  readonly parametersBundlesOfToken: Map<
    string,
    { readonly folder: string; readonly manifestSha256: string; readonly seq: number }[]
  >;
  wrappedBundle?: { readonly folder: string; readonly manifestSha256: string };
  /** True once a receipt was written after the last import (a new import clears it). */
  receiptWritten?: boolean;
  /** Journal entry of the last import parameters bundle written, of the last parameters fetched, and of the last key imported (0: none yet). */
  parametersWrittenSeq?: number;
  /** The keys the last fetch was for when the officer chose them (parameters.keys-chosen; absent: every key waiting). */
  chosenKeyIds?: readonly string[];
  lastFetchSeq?: number;
  lastImportSeq?: number;
  /** Journal entry of the last wrapped-material bundle checked. */
  wrappedCheckedSeq?: number;
  /** Where THE RULE stands (wrapped-bundle-makers.ts): the ceremony's air-gapped journal once a bundle named it, and the bundle an override accepted until its check's outcome. */
  airGapJournalTrail?: AirGapJournalTrail;
  /** primary key id → how its replica group was last proven (cleared when a member is imported again or loses its material). */
  readonly replicaProofs: Map<string, ReplicaGroupProof>;
}

type ReplicaGroupProof = z.infer<typeof replicaGroupProvenData>;

/** A key's place as the lines naming it by alias say it: a replica's region (its alias is its primary's). */
export function replicaPlaceOf(key: Pick<OnlineKeyState, 'target'>): { replica: 'yes' | 'no'; region: string } {
  return key.target ? { replica: 'yes', region: key.target.region } : { replica: 'no', region: '' };
}

function corrupt(entry: JournalEntry, why: 'unknownKey' | 'data' | 'notStart' | 'second', keyId = ''): never {
  throw new KeyferryError('CEREMONY_JOURNAL_UNEXPECTED', { why, seq: entry.seq, event: entry.event, keyId });
}

function keyOf(state: OnlineCeremonyState, entry: JournalEntry, keyId: string): OnlineKeyState {
  const key = state.keys.get(keyId);
  if (!key) corrupt(entry, 'unknownKey', keyId);
  return key;
}

/** Applies one journal entry to `state` (entries of other kinds are ignored). */
export function applyOnlineEntry(state: OnlineCeremonyState, entry: JournalEntry): void {
  const parse = <T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }): T => {
    const result = schema.safeParse(entry.data);
    if (!result.success) corrupt(entry, 'data');
    return result.data;
  };
  state.airGapJournalTrail = airGapJournalAfter(state.airGapJournalTrail ?? {}, entry);
  switch (entry.event) {
    case ONLINE_EVENTS.receiptWritten:
      state.receiptWritten = true;
      break;
    case ONLINE_EVENTS.wrappingAlgorithmChosen:
      state.wrappingAlgorithm = parse(wrappingAlgorithmChosenData).to;
      break;
    case ONLINE_EVENTS.keysPlanned:
      state.plannedKeys = parse(keysPlannedData).keys;
      break;
    case ONLINE_EVENTS.createSending: {
      const d = parse(createSendingData);
      state.createsUnrecorded.set(createTarget(d.alias, d), new Date(entry.time));
      break;
    }
    case ONLINE_EVENTS.keyCreated: {
      const { region, projectId, replicaOf, foundInKms: _found, sent: _s, plannedExpiry, ...d } = parse(keyCreatedData);
      state.createsUnrecorded.delete(createTarget(d.alias, replicaOf === undefined ? {} : { region, projectId }));
      state.keys.set(d.keyId, {
        ...d,
        ...(plannedExpiry !== undefined ? { plannedExpiry } : {}),
        ...(replicaOf !== undefined ? { replicaOf } : {}),
        ...(replicaOf !== undefined && region !== undefined && projectId !== undefined
          ? { target: { region, projectId } }
          : {}),
        issued: [],
      });
      break;
    }
    case ONLINE_EVENTS.replicaGroupProven: {
      const d = parse(replicaGroupProvenData);
      keyOf(state, entry, d.primaryKeyId);
      state.replicaProofs.set(d.primaryKeyId, d);
      break;
    }
    case ONLINE_EVENTS.parametersKeysChosen: {
      const { keyIds } = parse(parametersKeysChosenData);
      for (const keyId of keyIds) keyOf(state, entry, keyId);
      state.chosenKeyIds = keyIds;
      break;
    }
    case ONLINE_EVENTS.parametersFetched: {
      const d = parse(parametersFetchedData);
      const key = keyOf(state, entry, d.keyId);
      key.issued.push(d);
      key.fetchedSeq = entry.seq;
      state.lastFetchSeq = entry.seq;
      break;
    }
    case ONLINE_EVENTS.parametersWritten: {
      const d = parse(parametersWrittenData);
      state.parametersBundle = { folder: d.folder, manifestSha256: d.manifestSha256 };
      state.parametersWrittenSeq = entry.seq;
      for (const keyId of d.keyIds) {
        const token = state.keys.get(keyId)?.issued.at(-1)?.importTokenSha256;
        if (!token) continue;
        const carriers = state.parametersBundlesOfToken.get(token) ?? [];
        state.parametersBundlesOfToken.set(token, [...carriers, { ...state.parametersBundle, seq: entry.seq }]);
      }
      break;
    }
    case ONLINE_EVENTS.wrappedChecked: {
      const d = parse(wrappedCheckedData);
      state.wrappedBundle = { folder: d.folder, manifestSha256: d.manifestSha256 };
      state.wrappedCheckedSeq = entry.seq;
      for (const k of d.keys) {
        const key = keyOf(state, entry, k.keyId);
        key.checkedPublicKeyFingerprint = k.publicKeyFingerprint;
        key.checkedKeyCheckValue = k.keyCheckValue;
        key.checkedCustody = d.custody ? { arrangement: d.custody, seq: entry.seq } : undefined;
      }
      break;
    }
    case ONLINE_EVENTS.importSending: {
      const d = parse(importSendingData);
      recordImportSending(keyOf(state, entry, d.keyId), d.importTokenSha256, entry.seq);
      break;
    }
    case ONLINE_EVENTS.stepFailed: {
      // Older journals' failures may lack a field read here: they only leave the flag as it was.
      const failed = stepFailedData.safeParse(entry.data);
      if (!failed.success || failed.data.step !== 'import-key-material' || failed.data.keyId === null) break;
      const key = state.keys.get(failed.data.keyId);
      if (key) recordImportFailure(key, failed.data.code, entry.seq);
      break;
    }
    case ONLINE_EVENTS.imported: {
      const d = parse(importedData);
      const key = keyOf(state, entry, d.keyId);
      recordImportTaken(key);
      key.imported = {
        expiresAt: d.expiresAt,
        importTokenSha256: d.importTokenSha256,
        ...(key.checkedCustody ? { custody: key.checkedCustody } : {}),
        ...(state.wrappedBundle ? { wrappedBundleSha256: state.wrappedBundle.manifestSha256 } : {}),
      };
      key.firstImport ??= {
        keyCheckValue: key.checkedKeyCheckValue ?? null,
        publicKeyFingerprint: key.checkedPublicKeyFingerprint ?? null,
        seq: entry.seq,
      };
      state.receiptWritten = false;
      state.lastImportSeq = entry.seq;
      key.deletionSentSeq = undefined;
      key.materialDeleted = false;
      key.materialLapsed = false;
      key.verified = undefined;
      state.replicaProofs.delete(materialIdOf(key));
      break;
    }
    case ONLINE_EVENTS.verified: {
      const d = parse(verifiedData);
      keyOf(state, entry, d.keyId).verified = { keyState: d.keyState, proof: d.proof };
      break;
    }
    case ONLINE_EVENTS.verifyFailed: {
      const key = keyOf(state, entry, parse(keyIdData).keyId);
      key.verified = undefined;
      state.replicaProofs.delete(materialIdOf(key));
      break;
    }
    case ONLINE_EVENTS.materialDeleted:
    case ONLINE_EVENTS.materialLapsed: {
      const key = keyOf(state, entry, parse(keyIdData).keyId);
      key.materialDeleted = true;
      key.materialLapsed = entry.event === ONLINE_EVENTS.materialLapsed;
      key.materialLostSeq = entry.seq;
      key.deletionSentSeq = undefined;
      key.verified = undefined;
      state.replicaProofs.delete(materialIdOf(key));
      break;
    }
    case ONLINE_EVENTS.statusRead: {
      // A key the KMS still describes as holding its material: a deletion sent before did not delete it.
      const read = statusReadData.safeParse(entry.data);
      for (const k of read.success ? read.data.keys : []) {
        const key = state.keys.get(k.keyId);
        if (key && keyStateOfName(k.keyState) !== String(KeyState.PendingImport)) key.deletionSentSeq = undefined;
      }
      break;
    }
    case ONLINE_EVENTS.lossAcknowledged: {
      const d = deletionAcknowledgedData.safeParse(entry.data);
      const key = d.success ? state.keys.get(d.data.keyId) : undefined;
      if (key && holdsImportedMaterial(key)) key.deletionSentSeq = entry.seq;
      break;
    }
    case ONLINE_EVENTS.session:
      recordSessionEnded(state.keys.values());
      break;
    default:
      break;
  }
}

/** Replays a journal; undefined when it holds no online ceremony yet (a new, empty journal). */
export function replayOnlineJournal(entries: readonly JournalEntry[]): OnlineCeremonyState | undefined {
  const first = entries.find((e) => e.event === ONLINE_EVENTS.started);
  if (!first) {
    if (entries.length > 0) {
      throw new KeyferryError('CEREMONY_JOURNAL_UNEXPECTED', { why: 'noStart', seq: 0, event: '', keyId: '' });
    }
    return undefined;
  }
  const started = startedData.safeParse(first.data);
  if (!started.success) corrupt(first, 'notStart');
  const d = started.data;
  const state: OnlineCeremonyState = {
    ceremonyId: d.ceremonyId,
    startedAt: new Date(first.time),
    title: d.title,
    operator: d.operator,
    witnesses: d.witnesses,
    rehearsal: d.rehearsal,
    wrappingAlgorithm: d.wrappingAlgorithm,
    expiry: d.expiry,
    keys: new Map(),
    createsUnrecorded: new Map(),
    replicaProofs: new Map(),
    parametersBundlesOfToken: new Map(),
  };
  for (const entry of entries) {
    if (entry.event === ONLINE_EVENTS.started && entry !== first) corrupt(entry, 'second');
    applyOnlineEntry(state, entry);
  }
  return state;
}

/** Where an online ceremony stands (the list: shared/ceremony-states.ts); every step of OnlineCeremony is guarded by it. */
export type { OnlineStep } from '../shared/ceremony-states';
