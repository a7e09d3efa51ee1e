/**
 * Material a wrap encrypted under a wrapping key the KMS did not issue (WRAPPED_FINGERPRINT_MISMATCH:
 * most likely an import-parameters bundle changed on the removable media before the air-gapped side
 * wrapped with it) may be readable by whoever holds that key's private half. The refusal journals
 * what identifies that material (`exposedMaterial`, in the `wrapped-bundle.refused` entry), and every
 * later check of a wrapped bundle refuses one that carries it again (`refuseExposedMaterial`): a
 * custody restore of the same custody set, or a key whose key check value (AES) or public key (RSA,
 * EC) is that material's. A trial rebuilt such material from its custody shares, wrapped it under
 * fresh parameters and imported it, every step saying OK.
 *
 * A wrap whose bundle was never read whole here (damaged on the media: a manifest removed, one file
 * changed) leaves no such record, and a re-trial restored and imported its exposed material. So a
 * restore's material is taken only when this journal knows it (`refuseUnprovenRestore`): the key
 * held it imported, or a wrapped bundle checked here carried it under the wrapping keys the KMS
 * issued. Material never imported needs no restore: new material serves, and cannot be exposed.
 */
import { z } from 'zod';
import type { WrappedMaterialBundle, WrappedMaterialManifest } from '../../bundle';
import { KeyferryError } from '../../errors';
import { sha256Hex } from '../../fs/durable-file';
import { groupHex } from '../../hex-groups';
import { custodySetTag } from '../../custody/set-tag';
import type { JournalEntry, JsonObject } from '../../journal';
import { ONLINE_EVENTS, wrappedCheckedData } from './events';
import type { OnlineCeremonyState } from './state';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** What a refused bundle's exposed material is known by, as the journal keeps it. */
const exposedMaterialSchema = z.object({
  /** The custody set the wrap split the material into (its backup's digest), when it named one. */
  custodySet: sha256.nullable(),
  keys: z.array(
    z.object({
      keyId: z.string(),
      /** The wrapping key it was encrypted under instead of the KMS's. */
      wrappedUnder: sha256,
      /** The wrapping key the KMS issued with the token the bundle names for it. */
      issued: sha256,
      keyCheckValue: z.string().nullable(),
      publicKeyFingerprint: sha256.nullable(),
    }),
  ),
});
type ExposedMaterial = z.infer<typeof exposedMaterialSchema>;
type ExposedKey = ExposedMaterial['keys'][number];

/** The SHA-256 of a key's public key as this file compares it (null for AES). */
function publicKeyFingerprint(publicKeyDer: Buffer | null): string | null {
  return publicKeyDer ? sha256Hex(publicKeyDer) : null;
}

/**
 * The keys of the wrapped bundle `manifest` (its digest proven: what it says is the air-gapped
 * side's word, even when its files are then refused) whose material was wrapped under another
 * wrapping key than the one the KMS issued with the token it names, with the bundle's custody set;
 * undefined when there is none (a token this ceremony never issued is refused for that).
 */
export function exposedMaterial(
  state: OnlineCeremonyState,
  manifest: WrappedMaterialManifest,
): (JsonObject & { keys: ExposedKey[] }) | undefined {
  const keys = manifest.keys.flatMap((w): ExposedKey[] => {
    const issued = state.keys.get(w.keyId)?.issued.find((i) => i.importTokenSha256 === w.importTokenSha256);
    if (!issued || issued.wrappingKeyFingerprint === w.wrappingKeyFingerprint) return [];
    return [
      {
        keyId: w.keyId,
        wrappedUnder: w.wrappingKeyFingerprint,
        issued: issued.wrappingKeyFingerprint,
        keyCheckValue: w.keyCheckValue ?? null,
        publicKeyFingerprint: w.publicKeyFingerprint,
      },
    ];
  });
  if (keys.length === 0) return undefined;
  const custody = manifest.custody;
  const custodySet = custody?.kind === 'shares' ? (custody.backupDigest ?? null) : null;
  return { custodySet, keys: keys.map((k) => ({ ...k })) };
}

/** WRAPPED_FINGERPRINT_MISMATCH for the keys of `exposed` (exposedMaterial: at least one), naming the first. */
export function wrappedUnderOtherKey(exposed: { readonly keys: readonly ExposedKey[] }): KeyferryError {
  const [first, ...others] = exposed.keys as [ExposedKey, ...ExposedKey[]];
  return new KeyferryError('WRAPPED_FINGERPRINT_MISMATCH', {
    keyId: first.keyId,
    used: groupHex(first.wrappedUnder),
    issued: groupHex(first.issued),
    others: others.length,
  });
}

/** A refusal in the journal that recorded material as exposed: its entry, the bundle's folder, and the material. */
interface ExposureRefusal extends ExposedMaterial {
  readonly seq: number;
  readonly folder: string;
}

/** The refusals in `entries` that recorded material as exposed, in journal order. */
export function exposureRefusals(entries: readonly JournalEntry[]): ExposureRefusal[] {
  return entries.flatMap((entry) => {
    if (entry.event !== ONLINE_EVENTS.wrappedRefused) return [];
    const exposed = exposedMaterialSchema.safeParse(entry.data['exposed']);
    const folder = entry.data['folder'];
    return exposed.success
      ? [{ ...exposed.data, seq: entry.seq, folder: typeof folder === 'string' ? folder : '' }]
      : [];
  });
}

/**
 * The last refusal that recorded material as exposed, as a look at the ceremony (`online status`,
 * the app's key states) says it: the bundle refused and its entry, its custody set's tag (null: the
 * wrap named none), and whether an import-parameters bundle was written after it (then new material
 * is to be wrapped with that bundle; before, new parameters come first). Undefined when none.
 */
export function exposureToSay(
  entries: readonly JournalEntry[],
): { seq: number; folder: string; setTag: string | null; parametersAfter: boolean } | undefined {
  const last = exposureRefusals(entries).at(-1);
  if (!last) return undefined;
  return {
    seq: last.seq,
    folder: last.folder,
    setTag: last.custodySet === null ? null : custodySetTag(last.custodySet),
    parametersAfter: entries.some((e) => e.seq > last.seq && e.event === ONLINE_EVENTS.parametersWritten),
  };
}

/**
 * Refuses (WRAPPED_MATERIAL_EXPOSED) `bundle` when it carries material a refusal in `entries`
 * recorded as exposed: the same custody set, or a key with the same key check value or public key
 * (any key: a replica group's members hold one material).
 */
export function refuseExposedMaterial(entries: readonly JournalEntry[], bundle: WrappedMaterialBundle): void {
  const custody = bundle.manifest.custody;
  const custodySet = custody?.kind === 'shares' ? custody.backupDigest : undefined;
  for (const exposed of exposureRefusals(entries)) {
    const [first] = exposed.keys;
    if (first && custodySet !== undefined && custodySet === exposed.custodySet)
      throw exposedError(exposed.seq, first, 'custody', custodySet);
    for (const w of bundle.keys) {
      const publicKey = publicKeyFingerprint(w.publicKeyDer);
      const same = exposed.keys.find(
        (k) =>
          (w.keyCheckValue !== null && k.keyCheckValue === w.keyCheckValue) ||
          (publicKey !== null && k.publicKeyFingerprint === publicKey),
      );
      if (same)
        throw exposedError(exposed.seq, same, publicKey === null ? 'keyCheckValue' : 'publicKey', null, w.keyId);
    }
  }
}

function exposedError(
  seq: number,
  exposed: ExposedKey,
  by: 'custody' | 'keyCheckValue' | 'publicKey',
  custodySet: string | null,
  keyId: string = exposed.keyId,
): KeyferryError {
  return new KeyferryError('WRAPPED_MATERIAL_EXPOSED', {
    keyId,
    seq,
    by,
    wrappedUnder: groupHex(exposed.wrappedUnder),
    setTag: custodySet === null ? '' : custodySetTag(custodySet),
    keyCheckValue: exposed.keyCheckValue ?? '',
  });
}

/** The material evidence (key check values, public-key fingerprints) of every wrapped bundle `entries` record as checked. */
function checkedMaterial(entries: readonly JournalEntry[]): Set<string> {
  const seen = new Set<string>();
  for (const entry of entries) {
    if (entry.event !== ONLINE_EVENTS.wrappedChecked) continue;
    const checked = wrappedCheckedData.safeParse(entry.data);
    for (const key of checked.success ? checked.data.keys : []) {
      if (key.keyCheckValue) seen.add(`kcv:${key.keyCheckValue.toUpperCase()}`);
      if (key.publicKeyFingerprint) seen.add(`pk:${key.publicKeyFingerprint}`);
    }
  }
  return seen;
}

/**
 * Refuses (WRAPPED_RESTORE_UNPROVEN) a custody restore's `bundle` carrying material of a key that
 * never held imported material, which no wrapped bundle checked in `entries` carried either.
 */
export function refuseUnprovenRestore(
  state: OnlineCeremonyState,
  entries: readonly JournalEntry[],
  bundle: WrappedMaterialBundle,
): void {
  const { madeBy, custody } = bundle.manifest;
  const restore =
    madeBy?.purpose === 'custody-restore' || (custody?.kind === 'shares' && custody.presented !== undefined);
  if (!restore) return;
  const seen = checkedMaterial(entries);
  const unproven = bundle.keys.filter((w) => {
    if (state.keys.get(w.keyId)?.firstImport) return false;
    const publicKey = publicKeyFingerprint(w.publicKeyDer);
    if (w.keyCheckValue !== null && seen.has(`kcv:${w.keyCheckValue.toUpperCase()}`)) return false;
    return publicKey === null || !seen.has(`pk:${publicKey}`);
  });
  const [w] = unproven;
  if (w) {
    // The last wrapped bundle refused before it was checked, not a restore refused as this one is.
    const refused = entries
      .filter((e) => e.event === ONLINE_EVENTS.wrappedRefused && e.data['code'] !== 'WRAPPED_RESTORE_UNPROVEN')
      .at(-1);
    throw new KeyferryError('WRAPPED_RESTORE_UNPROVEN', {
      keyId: w.keyId,
      // Every key it is, not the first alone (a re-check read the AES key named as if the EC one were fine).
      others: unproven.length - 1,
      source: custody?.kind === 'hsm-token' ? 'hsm' : 'shares',
      refused: refused ? 'yes' : 'none',
      refusedSeq: refused?.seq ?? 0,
    });
  }
}
