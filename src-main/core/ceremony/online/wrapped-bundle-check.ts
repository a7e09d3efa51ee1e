/**
 * The online side's check of a wrapped-material bundle against what the KMS issued (as the
 * online journal recorded it): same ceremony, keys of this ceremony, the spec they were created
 * with, a token the KMS issued for that key (by SHA-256), the wrapping key issued with that
 * token, the algorithm, and a token that has not expired. Any mismatch refuses the whole bundle. One
 * case only leaves a key out instead: it already holds material imported with import parameters
 * issued after this bundle's (a wrap again of some keys only), so the keys still waiting go in.
 */
import type { WrappedKeyMaterial, WrappedMaterialBundle } from '../../bundle';
import { groupHex } from '../../hex-groups';
import { materialIdOf } from '../../bundle/replica-groups';
import { namedKeysValue } from '../shared/named-keys';
import { sha256Hex } from '../../fs/durable-file';
import { KeyferryError } from '../../errors';
import {
  holdsImportedMaterial,
  replicaPlaceOf,
  type IssuedParameters,
  type OnlineCeremonyState,
  type OnlineKeyState,
} from './state';
import { importSentWithToken } from './import-answers';
import { groupMaterialHolder, holderBundleCarrying } from './group-material';
import type { JournalEntry } from '../../journal';
import { kmsTimeFromTokens } from '../shared/kms-time';

/** What the check reads of a wrapped-material bundle (already read and verified by the bundle reader): its ceremony and keys. */
type BundleUnderCheck = {
  readonly manifest: Pick<WrappedMaterialBundle['manifest'], 'ceremonyId'>;
  readonly keys: readonly WrappedKeyMaterial[];
};

export interface CheckedKey {
  readonly key: OnlineKeyState;
  readonly issued: IssuedParameters;
  readonly wrapped: WrappedKeyMaterial;
}

/**
 * A key of the bundle left out of its import: it holds material imported with parameters issued
 * after the ones this bundle was wrapped with. `same`: that material is this bundle's own (its KCV
 * or public key equal), not other material.
 */
export interface SkippedKey {
  readonly key: OnlineKeyState;
  readonly wrapped: WrappedKeyMaterial;
  readonly same: boolean;
}

/**
 * True when `key` holds material imported with a token the KMS issued after `issued` (a later
 * wrap, of some keys only, already imported): this bundle's material of that key is never to go in.
 */
function heldFromLaterParameters(key: OnlineKeyState, issued: IssuedParameters): boolean {
  const held = key.imported?.importTokenSha256;
  if (!holdsImportedMaterial(key) || held === undefined || held === issued.importTokenSha256) return false;
  const order = (token: string) => key.issued.findIndex((i) => i.importTokenSha256 === token);
  return order(held) > order(issued.importTokenSha256);
}

function checkKey(state: OnlineCeremonyState, w: WrappedKeyMaterial, now: Date): CheckedKey | SkippedKey {
  const key = state.keys.get(w.keyId);
  if (!key) throw new KeyferryError('WRAPPED_KEY_UNKNOWN', { keyId: w.keyId });
  if ((w.replicaOf ?? null) !== (key.replicaOf ?? null)) {
    throw new KeyferryError('WRAPPED_REPLICA_MISMATCH', {
      keyId: w.keyId,
      created: key.replicaOf ?? 'none',
      held: w.replicaOf ?? 'none',
    });
  }
  if (w.keySpec !== key.spec)
    throw new KeyferryError('WRAPPED_SPEC_MISMATCH', { keyId: w.keyId, created: key.spec, held: w.keySpec });
  if (w.importTokenSha256 === null) {
    throw new KeyferryError('WRAPPED_TOKEN_MISSING', { keyId: w.keyId });
  }
  const issued = key.issued.find((i) => i.importTokenSha256 === w.importTokenSha256);
  if (!issued) {
    throw new KeyferryError('WRAPPED_TOKEN_NOT_ISSUED', { keyId: w.keyId });
  }
  if (issued.wrappingKeyFingerprint !== w.wrappingKeyFingerprint) {
    throw new KeyferryError('WRAPPED_FINGERPRINT_MISMATCH', {
      keyId: w.keyId,
      used: groupHex(w.wrappingKeyFingerprint),
      issued: groupHex(issued.wrappingKeyFingerprint),
      others: 0,
    });
  }
  if (issued.wrappingAlgorithm !== w.wrappingAlgorithm) {
    throw new KeyferryError('WRAPPED_ALGORITHM_MISMATCH', {
      keyId: w.keyId,
      used: w.wrappingAlgorithm,
      issued: issued.wrappingAlgorithm,
    });
  }
  if (heldFromLaterParameters(key, issued)) return { key, wrapped: w, same: sameMaterial(key, w) };
  // A key already holding the material imported with this very token (a rerun to write the receipt)
  // needs no live token; nor does one whose import with it was sent and not recorded (a crash after
  // sending): describe-key decides whether it took effect, and a new import is refused before sending.
  const importedWithIt = holdsImportedMaterial(key) && key.imported?.importTokenSha256 === w.importTokenSha256;
  const sentWithIt = importSentWithToken(key, w.importTokenSha256);
  if (!importedWithIt && !sentWithIt && Date.parse(issued.tokenExpiresAt) <= now.getTime()) {
    throw new KeyferryError('IMPORT_TOKEN_EXPIRED', {
      keyId: w.keyId,
      known: 'yes',
      at: Date.parse(issued.tokenExpiresAt),
    });
  }
  if (holdsImportedMaterial(key) && key.imported?.importTokenSha256 !== w.importTokenSha256) {
    throw new KeyferryError('WRAPPED_KEY_ALREADY_IMPORTED', { keyId: w.keyId });
  }
  refuseOtherMaterial(key, w);
  return { key, issued, wrapped: w };
}

/**
 * A key the KMS already bound to material takes only those bytes again (KMS.2606), after a
 * deletion or a lapse too. The evidence is the AES material's KCV, or an RSA/EC key's public key
 * (its fingerprint), as this journal checked them before the key's first import. A bundle that
 * differs is refused here, before its import token is spent: for AES a different KCV proves other
 * material (an equal one, 3 bytes, does not prove the same, which the KMS still checks); for RSA/EC
 * a different public key is other material (a wrap again of the same parameters, offered while the
 * key holds the first wrap's material, carries the same import token and is caught only here).
 */
function refuseOtherMaterial(key: OnlineKeyState, w: WrappedKeyMaterial): void {
  const first = key.firstImport;
  if (!first) return;
  const evidence = materialEvidence(first, w);
  if (!evidence || evidence.bound === evidence.held) return;
  // Imported with this very token: the key took another wrap of these same parameters (a wrap again),
  // whose bundle is the one to import for the others; the token is spent.
  const imported = key.imported;
  const sameParameters = holdsImportedMaterial(key) && imported?.importTokenSha256 === w.importTokenSha256;
  throw new KeyferryError('WRAPPED_MATERIAL_NOT_THE_IMPORTED', {
    keyId: w.keyId,
    alias: key.alias,
    ...evidence,
    seq: first.seq,
    sameParameters: sameParameters ? 'yes' : 'no',
    boundDigest: imported?.wrappedBundleSha256 ? groupHex(imported.wrappedBundleSha256) : '?',
  });
}

/**
 * A key never imported whose replica group holds material (a member imported before, in an earlier
 * round) takes only that material: the KMS binds each key to its first material for ever, so other
 * material would leave the group holding two. The parameters bundle binds such a key to the group's
 * material (boundMaterial) and the air-gapped side refuses other material, but the online side does
 * not rely on that alone: a bundle whose material of the key is not the holder's (KCV or public key,
 * as this journal checked them before the holder's first import) is refused here, before any import.
 * Its way on: the holder's bundle imported again when it carries the key with a live token (`again`),
 * else new parameters for the key and a custody restore.
 */
function refuseOtherGroupMaterial(
  state: OnlineCeremonyState,
  key: OnlineKeyState,
  w: WrappedKeyMaterial,
  entries: readonly JournalEntry[],
  now: Date,
): void {
  const holder = groupMaterialHolder(key, state.keys);
  const first = holder?.firstImport;
  const evidence = first && materialEvidence(first, w);
  if (!holder || !first || !evidence || evidence.bound === evidence.held) return;
  // Judged by the KMS's time as its tokens show it (this computer's clock may lag it).
  const tokens = [...state.keys.values()].flatMap((k) => k.issued.map((i) => i.tokenExpiresAt));
  const again = holderBundleCarrying(key, holder, state, entries, kmsTimeFromTokens(now, tokens));
  throw new KeyferryError('WRAPPED_MATERIAL_NOT_THE_GROUPS', {
    alias: key.alias,
    keyId: key.keyId,
    ...replicaPlaceOf(key),
    holderId: holder.keyId,
    ...evidence,
    seq: first.seq,
    again: again ? 'yes' : 'no',
    againFolder: again?.folder ?? '',
    againDigest: again ? groupHex(again.manifestSha256) : '',
    until: again?.until ?? 0,
  });
}

/** True when the bundle's material of `key` is what the key was bound to (KCV or public key equal). */
function sameMaterial(key: OnlineKeyState, w: WrappedKeyMaterial): boolean {
  const evidence = key.firstImport && materialEvidence(key.firstImport, w);
  return evidence !== undefined && evidence.bound === evidence.held;
}

/** What tells the material the key is bound to (`first`) from the bundle's (`w`): the KCV or the public key; undefined when neither is known on both sides. */
function materialEvidence(first: NonNullable<OnlineKeyState['firstImport']>, w: WrappedKeyMaterial) {
  return first.keyCheckValue && w.keyCheckValue
    ? { kind: 'kcv' as const, bound: first.keyCheckValue.toUpperCase(), held: w.keyCheckValue.toUpperCase() }
    : first.publicKeyFingerprint && w.publicKeyDer
      ? {
          kind: 'publicKey' as const,
          bound: groupHex(first.publicKeyFingerprint),
          held: groupHex(sha256Hex(w.publicKeyDer)),
        }
      : undefined;
}

/**
 * Refuses a bundle of another ceremony (two ceremonies at once, the sticks swapped): checked before
 * anything else the bundle says is taken in, who made it too (not journaled, not said: a line naming
 * its makers would read like an acceptance).
 */
export function refuseOtherCeremony(state: OnlineCeremonyState, bundle: BundleUnderCheck): void {
  if (bundle.manifest.ceremonyId !== state.ceremonyId) {
    throw new KeyferryError('WRAPPED_OTHER_CEREMONY', {
      bundleCeremony: bundle.manifest.ceremonyId,
      ceremonyId: state.ceremonyId,
      // The CLI names a journal of the bundle's ceremony beside this one, when there is one (online-import.ts).
      journalOf: 'none',
    });
  }
}

/**
 * Refuses the bundle whole where a key left out holds other material than the bundle's while a
 * member of its replica group would take the bundle's (a wrap again of part of a group): the group
 * would hold two materials, and the KMS binds each member to its first for ever.
 */
function refuseReplicaGroupSplit(checked: readonly CheckedKey[], skipped: readonly SkippedKey[]): void {
  for (const { key, same } of skipped) {
    const members = checked.filter((c) => materialIdOf(c.key) === materialIdOf(key));
    if (same || members.length === 0) continue;
    const held = key.imported?.wrappedBundleSha256;
    throw new KeyferryError('WRAPPED_REPLICA_GROUP_SPLIT', {
      alias: key.alias,
      keyId: key.keyId,
      digest: held ? groupHex(held) : '?',
      membersList: namedKeysValue(members.map((m) => m.key)),
      count: members.length,
    });
  }
}

/**
 * Checks every key of `bundle` (already read and verified by the bundle reader) against `state`:
 * the keys to import, and those left out as they hold material of a later wrap. A bundle that would
 * leave every key out brings nothing, and is refused as before; so is one that would leave out a
 * key holding other material while a member of its replica group goes in. `entries`: the online
 * journal's, which name the bundle a refusal of other group material sends the officer back to.
 */
export function checkWrappedBundleAgainstIssued(
  state: OnlineCeremonyState,
  bundle: BundleUnderCheck,
  now: Date,
  entries: readonly JournalEntry[] = [],
): { checked: CheckedKey[]; skipped: SkippedKey[] } {
  refuseOtherCeremony(state, bundle);
  const results = bundle.keys.map((w) => checkKey(state, w, now));
  const checked = results.filter((r): r is CheckedKey => 'issued' in r);
  const skipped = results.filter((r): r is SkippedKey => 'same' in r);
  const first = skipped[0];
  if (first && checked.length === 0)
    throw new KeyferryError('WRAPPED_KEY_ALREADY_IMPORTED', { keyId: first.key.keyId });
  refuseReplicaGroupSplit(checked, skipped);
  for (const c of checked) refuseOtherGroupMaterial(state, c.key, c.wrapped, entries, now);
  return { checked, skipped };
}

/** The KMS's time as the checked keys' tokens prove it (a plan's moment the KMS has passed cannot be kept). */
export function kmsTimeOfChecked(keys: readonly CheckedKey[], now: Date): Date {
  return kmsTimeFromTokens(
    now,
    keys.map((c) => c.issued.tokenExpiresAt),
  );
}
