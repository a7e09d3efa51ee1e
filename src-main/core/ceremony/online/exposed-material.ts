/**
 * Material a wrap encrypted under a wrapping key the KMS did not issue (WRAPPED_FINGERPRINT_MISMATCH:
 * most likely an import-parameters bundle changed on the removable media before the air-gapped side
 * wrapped with it) may be readable by whoever holds that key's private half. The refusal journals
 * what identifies that material (`exposedMaterial`, in the `wrapped-bundle.refused` entry), and every
 * later check of a wrapped bundle refuses one that carries it again (`refuseExposedMaterial`): a
 * custody restore of the same custody set, or a key whose key check value (AES) or public key (RSA,
 * EC) is that material's. A trial rebuilt such material from its custody shares, wrapped it under
 * fresh parameters and imported it, every step saying OK.
 */
import { z } from 'zod';
import type { WrappedMaterialBundle } from '../../bundle';
import { KeyferryError } from '../../errors';
import { sha256Hex } from '../../fs/durable-file';
import { groupHex } from '../../hex-groups';
import type { JournalEntry, JsonObject } from '../../journal';
import { ONLINE_EVENTS } from './events';
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
 * The keys of `bundle` whose material was wrapped under another wrapping key than the one the KMS
 * issued with the token it names, with the bundle's custody set; undefined when there is none (the
 * refusal was for another reason, or a token this ceremony never issued).
 */
export function exposedMaterial(state: OnlineCeremonyState, bundle: WrappedMaterialBundle): JsonObject | undefined {
  const keys = bundle.keys.flatMap((w): ExposedKey[] => {
    const issued = state.keys.get(w.keyId)?.issued.find((i) => i.importTokenSha256 === w.importTokenSha256);
    if (!issued || issued.wrappingKeyFingerprint === w.wrappingKeyFingerprint) return [];
    return [
      {
        keyId: w.keyId,
        wrappedUnder: w.wrappingKeyFingerprint,
        keyCheckValue: w.keyCheckValue,
        publicKeyFingerprint: publicKeyFingerprint(w.publicKeyDer),
      },
    ];
  });
  if (keys.length === 0) return undefined;
  const custody = bundle.manifest.custody;
  const custodySet = custody?.kind === 'shares' ? (custody.backupDigest ?? null) : null;
  return { custodySet, keys: keys.map((k) => ({ ...k })) };
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
    setTag: custodySet === null ? '' : custodySet.slice(0, 8).toUpperCase(),
    keyCheckValue: exposed.keyCheckValue ?? '',
  });
}
