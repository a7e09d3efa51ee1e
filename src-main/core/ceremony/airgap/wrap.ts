/**
 * Wrapping every key's material under its KMS wrapping key, and writing the wrapped-material
 * bundle. The material is disposed key by key as soon as it is wrapped.
 */
import path from 'node:path';
import {
  requireBoundMaterial,
  stageWrappedMaterialBundle,
  type CustodyArrangement,
  type ImportParameters,
  type WrappedMadeBy,
  type WrappedKeyMaterial as BundleKey,
} from '../../bundle';
import { derFingerprint } from '../../crypto/evidence';
import { isAsymmetric, type KeySpec } from '../../crypto/key-spec';
import { wrapKeyMaterial, type WrappedKeyMaterial } from '../../crypto/wrap';
import { loadWrappingPublicKey, type WrappingPublicKey } from '../../crypto/wrapping-key';
import { isKeyferryError, KeyferryError } from '../../errors';
import { sha256Hex } from '../../fs/durable-file';
import type { Journal } from '../../journal';
import type { JsonObject } from '../../journal/canonical-json';
import type { MaterialExpiry } from '../shared/ceremony-plan';
import { expiryText } from '../shared/planned-expiry';
import type { MaterialVault } from './material-vault';
import { materialIdOf, WrapCountdown } from './replica-groups';
import { reportProgress, type ProgressListener, progressLine } from '../shared/progress';
import { eventLoopSlicer } from '../../yield';
import type { Warning } from '../../../i18n/warning';
import { listItems } from '../../../i18n/list';

/** One key after wrapping: digests of what will be written, never key bytes. */
export interface WrappedKeySummary {
  readonly keyId: string;
  readonly spec: KeySpec;
  readonly wrappingKeyFingerprint: string;
  readonly importTokenSha256: string | null;
  readonly encryptedKeyMaterialSha256: string;
  readonly encryptedPrivateKeySha256: string | null;
  readonly publicKeyFingerprint: string | null;
  readonly keyCheckValue: string | null;
  /** A replica: its group's primary, whose material this is too (the same evidence as the primary's). */
  readonly replicaOf?: string;
}

/** Internal: a summary with the ciphertexts for the bundle (not secret, but not for the UI). */
export interface WrappedKey {
  readonly summary: WrappedKeySummary;
  readonly wrapped: WrappedKeyMaterial;
}

export interface WrittenWrappedBundle {
  readonly dir: string;
  /** Who keeps a copy of the material, as the manifest tells the online side. */
  readonly custody: CustodyArrangement;
  /** SHA-256 of manifest.json: the bundle digest people compare on the online side. */
  readonly manifestSha256: string;
  readonly files: readonly { readonly name: string; readonly size: number; readonly sha256: string }[];
  readonly warnings: readonly Warning[];
  /** Each key's requested material expiry by key id: "never" or an ISO time (asymmetric: never). */
  readonly expiries: Readonly<Record<string, string>>;
}

export interface WrapContext {
  readonly journal: Journal;
  readonly operator: string;
  readonly onProgress?: ProgressListener;
}

/** A wrapped key and the facts `material.wrapped` journals about it. */
interface WrappedKeyRecord extends WrappedKey {
  readonly journalData: JsonObject;
}

/**
 * Wraps each key of `parameters` in turn with `wrapOne`, reporting progress, and journals every
 * wrapped key (`material.wrapped`, one entry per key, appended together with one fsync; on a
 * failure part way, the keys wrapped before it are journaled, then the failure is thrown). Each
 * key's wrapping key is loaded here and must still have the fingerprint the witnesses confirmed,
 * whatever the material source.
 */
export async function wrapEach(
  parameters: readonly ImportParameters[],
  context: WrapContext,
  wrapOne: (p: ImportParameters, wrappingKey: WrappingPublicKey) => Promise<WrappedKeyRecord>,
): Promise<WrappedKey[]> {
  const records: WrappedKeyRecord[] = [];
  const journalWrapped = () =>
    context.journal.appendMany(
      records.map((r) => ({ actor: context.operator, event: 'material.wrapped', data: r.journalData })),
    );
  const slicer = eventLoopSlicer();
  try {
    for (const [i, p] of parameters.entries()) {
      reportProgress(context.onProgress, {
        step: 'wrap',
        done: i,
        total: parameters.length,
        keyId: p.keyId,
        ...progressLine('wrap-key', { n: i + 1, total: parameters.length }),
      });
      const wrappingKey = loadWrappingPublicKey(p.wrappingKey.spkiDer);
      if (wrappingKey.fingerprint !== p.wrappingKey.fingerprint) {
        throw new KeyferryError('WRAPPING_KEY_CHANGED', { keyId: p.keyId });
      }
      const record = await wrapOne(p, wrappingKey);
      // The last guard, whatever the material source: a bound key is wrapped only with its bound material.
      requireBoundMaterial(p, parameters, record.summary);
      records.push(record);
      // A long run of keys must not hold the event loop: let other work in between.
      await slicer.pause();
    }
  } catch (error) {
    await journalWrapped().catch(() => undefined);
    throw error;
  }
  await journalWrapped();
  reportProgress(context.onProgress, {
    step: 'wrap',
    done: parameters.length,
    total: parameters.length,
    ...progressLine('wrapped', { count: parameters.length }),
  });
  return records.map(({ summary, wrapped }) => ({ summary, wrapped }));
}

/**
 * Wraps the material of every key in `parameters`; disposes each material right after its last
 * wrap (a replica group's one material is wrapped once per member, under each member's wrapping key).
 */
export async function wrapAll(
  parameters: readonly ImportParameters[],
  vault: MaterialVault,
  context: WrapContext,
): Promise<WrappedKey[]> {
  const countdown = new WrapCountdown(parameters);
  return wrapEach(parameters, context, async (p, wrappingKey) => {
    const material = vault.get(materialIdOf(p));
    let wrapped: WrappedKeyMaterial;
    try {
      wrapped = wrapKeyMaterial({ material, wrappingKey, algorithm: p.wrappingAlgorithm });
    } finally {
      if (countdown.wrapped(p)) vault.dispose(materialIdOf(p));
    }
    return wrappedKeyRecord(p, wrapped);
  });
}

/**
 * Summarizes one wrapped key (digests of what will be written, never key bytes) with what
 * `material.wrapped` journals about it; `extra` adds what the material source knows (e.g. the HSM
 * token and label). wrapEach journals it.
 */
export function wrappedKeyRecord(
  p: ImportParameters,
  wrapped: WrappedKeyMaterial,
  extra: JsonObject = {},
): WrappedKeyRecord {
  const summary: WrappedKeySummary = {
    keyId: p.keyId,
    spec: p.keySpec,
    wrappingKeyFingerprint: wrapped.evidence.wrappingKeyFingerprint,
    importTokenSha256: p.importToken?.sha256 ?? null,
    encryptedKeyMaterialSha256: sha256Hex(wrapped.encryptedKeyMaterial),
    encryptedPrivateKeySha256: wrapped.encryptedPrivateKey ? sha256Hex(wrapped.encryptedPrivateKey) : null,
    publicKeyFingerprint: wrapped.publicKeySpkiDer ? derFingerprint(wrapped.publicKeySpkiDer) : null,
    keyCheckValue: wrapped.evidence.keyCheckValue ?? null,
    ...(p.replicaOf !== undefined ? { replicaOf: p.replicaOf } : {}),
  };
  return { summary, wrapped, journalData: { ...summary, wrappingAlgorithm: p.wrappingAlgorithm, ...extra } };
}

function bundleKey({ summary: k, wrapped: w }: WrappedKey, expiry: MaterialExpiry): BundleKey {
  const expiresAt = expiryOf(k.spec, expiry);
  return {
    keyId: k.keyId,
    keySpec: k.spec,
    wrappingAlgorithm: w.algorithm,
    wrappingKeyFingerprint: k.wrappingKeyFingerprint,
    importTokenSha256: k.importTokenSha256,
    encryptedKeyMaterial: w.encryptedKeyMaterial,
    encryptedPrivateKey: w.encryptedPrivateKey ?? null,
    publicKeyDer: w.publicKeySpkiDer ?? null,
    keyCheckValue: k.keyCheckValue,
    materialExpiresAt: expiresAt === 'never' ? null : expiresAt,
    ...(k.replicaOf !== undefined ? { replicaOf: k.replicaOf } : {}),
  };
}

/** What a key of `spec` requests: `never` or an ISO time (asymmetric material never expires). */
function expiryOf(spec: KeySpec, expiry: MaterialExpiry): string {
  return isAsymmetric(spec) ? 'never' : expiryText(expiry);
}

/** A wrapped bundle written but for its manifest; `complete()` writes it once the receipt exists. */
interface StagedWrappedBundle {
  readonly bundle: WrittenWrappedBundle;
  complete(): Promise<WrittenWrappedBundle>;
}

/**
 * Writes the wrapped-material bundle into the new folder `dir`, all but its manifest (the file every
 * reader needs): a stop before `complete()` (even SIGKILL) leaves no importable bundle. The digest
 * is known now, so the receipt naming it is written first; `complete()` then writes the manifest,
 * verifies the bundle by reading it back, and journals `wrapped-bundle.completed`.
 */
export async function writeWrapped(
  dir: string,
  ceremonyId: string,
  keys: readonly WrappedKey[],
  /** The expiry requested for key `keyId`. */
  expiryFor: (keyId: string) => MaterialExpiry,
  custody: CustodyArrangement,
  madeBy: WrappedMadeBy,
  context: WrapContext,
  now: Date,
): Promise<StagedWrappedBundle> {
  reportProgress(context.onProgress, {
    step: 'write-bundle',
    done: 0,
    total: 1,
    ...progressLine('write-wrapped-bundle', { dir }),
  });
  const staged = await stageWrappedMaterialBundle(
    dir,
    { ceremonyId, keys: keys.map((k) => bundleKey(k, expiryFor(k.summary.keyId))), custody, madeBy },
    { now },
  ).catch(async (error: unknown) => {
    await journalPartialRemoved(context, path.resolve(dir), error).catch(() => undefined);
    throw error;
  });
  const files = staged.manifest.files.map((f) => ({ name: f.name, size: f.size, sha256: f.sha256 }));
  const folder = path.resolve(dir);
  const expiries = Object.fromEntries(
    keys.map((k) => [k.summary.keyId, expiryOf(k.summary.spec, expiryFor(k.summary.keyId))]),
  );
  const aes = keys.filter((k) => !isAsymmetric(k.summary.spec)).map((k) => expiries[k.summary.keyId]);
  // One expiry for the whole bundle where its AES keys share one (as before per-key plans); else each key's.
  const expiry = new Set(aes).size <= 1 ? (aes[0] ?? 'never') : 'per-key';
  await context.journal.append(context.operator, 'wrapped-bundle.written', {
    folder,
    manifestSha256: staged.digest,
    keyIds: keys.map((k) => k.summary.keyId),
    fileCount: files.length,
    expiry,
    ...(expiry === 'per-key' ? { expiries } : {}),
    custody: { ...custody },
    manifest: 'after-receipt',
  });
  reportProgress(context.onProgress, {
    step: 'write-bundle',
    done: 1,
    total: 1,
    ...progressLine('wrapped-bundle-staged', {}),
  });
  const bundle: WrittenWrappedBundle = {
    dir: folder,
    custody,
    manifestSha256: staged.digest,
    files,
    warnings: [],
    expiries,
  };
  let completed: Promise<WrittenWrappedBundle> | undefined;
  const complete = async (): Promise<WrittenWrappedBundle> => {
    const written = await staged.complete();
    await context.journal.append(context.operator, 'wrapped-bundle.completed', {
      folder,
      manifestSha256: written.digest,
    });
    reportProgress(context.onProgress, {
      step: 'write-bundle',
      done: 1,
      total: 1,
      ...progressLine('wrapped-bundle-written', {}),
    });
    return { ...bundle, warnings: written.warnings };
  };
  return { bundle, complete: () => (completed ??= complete()) };
}

/**
 * A wrapped bundle whose writing failed part way: the writer removed what it had created
 * (write-bundle.ts), journaled as `wrapped-bundle.partial-removed` (the folder is as the preflight
 * found it) or `wrapped-bundle.partial-remove-failed` naming the files left to delete by hand (or
 * no longer where they were written: their folder moved, or its media removed), as
 * a stopped session's custody files are (custody.withdrawn).
 */
async function journalPartialRemoved(context: WrapContext, folder: string, error: unknown): Promise<void> {
  if (!isKeyferryError(error) || error.code !== 'BUNDLE_WRITE_FAILED') return;
  const { cleanup, removedFiles, leftoversList } = error.values ?? {};
  if (cleanup !== 'removed' && cleanup !== 'partial' && cleanup !== 'moved') return;
  const files = listItems(leftoversList) ?? [];
  await context.journal.append(
    context.operator,
    cleanup === 'removed' ? 'wrapped-bundle.partial-removed' : 'wrapped-bundle.partial-remove-failed',
    {
      folder,
      removedFiles: Number(removedFiles ?? 0),
      ...(cleanup === 'partial' ? { leftFiles: files } : {}),
      ...(cleanup === 'moved' ? { movedFiles: files } : {}),
    },
  );
}
