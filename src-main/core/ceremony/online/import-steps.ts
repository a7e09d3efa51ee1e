/**
 * The steps after the air gap: check the wrapped-material bundle against what the KMS issued
 * (journal), then import every checked key with the material expiry decided for it.
 */
import path from 'node:path';
import { IMPORT_PARAMETERS_FORMAT, readBundle, type BundleFormat, type WrappedMadeBy } from '../../bundle';
import { groupHex } from '../../hex-groups';
import {
  compareTypedDigest,
  differenceValues,
  parseTypedDigest,
  type TypedDigestComparison,
} from '../../crypto/typed-digest';
import { KeyferryError, toProblem } from '../../errors';
import { isKmsError } from '../../kms/errors';
import { KeyState } from '../../kms/types';
import { problemData, type JsonObject } from '../../journal';
import type { MaterialExpiry } from '../shared/ceremony-plan';
import { refuseStep, type OnlineStepContext } from './step-context';
import { ONLINE_EVENTS } from './events';
import type { WrappedDigestSource } from './wrapped-digest-sources';
import { bundleOfSend, unrecordedSendOf } from './material-round';
import {
  decideExpiry,
  expiryNotes,
  groupExpiryRefusal,
  importCheckedKey,
  isNotableExpiry,
  pastExpiryRefusal,
  type ExpiryDecision,
} from './import-one-key';
import { forEachKeyWithProgress } from './key-concurrency';
import { holdsImportedMaterial, replicaPlaceOf } from './state';
import type { CheckedBundleSummary, ImportedKeySummary } from './types';
import { progressLine } from '../shared/progress';
import { kmsTimeFromTokens } from '../shared/kms-time';
import { checkWrappedBundleAgainstIssued, refuseOtherCeremony, type CheckedKey } from './wrapped-bundle-check';
import { wrappedBundleRefusal } from './wrapped-bundle-changed';
import { otherBundleAfterImport, refuseBundleBringingNothing } from './wrapped-after-import';
import { earlierParametersWarning, parametersBundleWrapped } from './wrapped-parameters';
import { checkBundleMakers, everyKeyBound, refuseWordForOtherBundle } from './wrapped-bundle-makers';
import { officerAccepts, type OfficersWord } from './officers-word';

/** The wrapped-material bundle checked in this session (what the import and the receipt use). */
export interface CheckedSession {
  readonly dir: string;
  readonly digest: string;
  readonly keys: CheckedKey[];
}

/**
 * Proof that a wrapped-material bundle is the one the air-gapped receipt names: its digest, typed
 * from that receipt (`air-gapped-receipt`), or, in a rehearsal only, handed over by the
 * rehearsal's own air-gapped side, which played both machines (`rehearsal-air-gapped-side`).
 */
export interface WrappedBundleProof {
  readonly expectedDigest: string;
  readonly source: WrappedDigestSource;
}

function digestDiffers(comparison: Extract<TypedDigestComparison, { matches: false }>, dir: string): KeyferryError {
  const values = differenceValues(comparison);
  return comparison.slip
    ? new KeyferryError('WRAPPED_DIGEST_SLIP', { dir, ...values })
    : new KeyferryError('WRAPPED_DIGEST_MISMATCH', { dir, count: values.count });
}

/** The digest typed from the receipt, refused before anything is read when it is missing, malformed or from a source this ceremony does not take. */
function typedReceiptDigest(state: OnlineStepContext['state'], proof: WrappedBundleProof | undefined): string {
  if (!proof || typeof proof.expectedDigest !== 'string' || proof.expectedDigest.trim() === '')
    throw new KeyferryError('WRAPPED_DIGEST_REQUIRED');
  if (proof.source === 'rehearsal-air-gapped-side' && !state.rehearsal) {
    throw new KeyferryError('WRAPPED_DIGEST_SOURCE_REFUSED');
  }
  return parseTypedDigest(proof.expectedDigest, 'wrapped');
}

/**
 * The bundle reader's proof step: refuses a manifest whose digest is not `typed` (the receipt's)
 * before anything else in the bundle is looked at; `onDiffer` hears which groups differ.
 */
function receiptDigestProof(
  dir: string,
  typed: string,
  onDiffer: (groups: readonly number[]) => void,
): (digest: string, claimedFormat: () => BundleFormat | undefined) => void {
  return (digest, claimedFormat) => {
    const comparison = compareTypedDigest(typed, digest);
    if (comparison.matches) return;
    onDiffer(comparison.differing);
    // The import-parameters bundle brought back by mistake (it sits on the same media): say so.
    if (!comparison.slip && claimedFormat() === IMPORT_PARAMETERS_FORMAT)
      throw new KeyferryError('BUNDLE_WRONG_KIND', { dir, found: 'parameters', pick: 'online' });
    throw digestDiffers(comparison, dir);
  };
}

/** What the officer allows beyond the plain check. */
export interface WrappedBundleCheckOptions {
  /** Import a wrap of another air-gapped journal than the ceremony's, or of none (journaled as an override): see OfficersWord. */
  readonly acceptOtherAirGapJournal?: OfficersWord;
  /** The folder as the officer gave it: a file of the bundle that fails its check is named with it in front. */
  readonly shownAs?: string;
}

/** What the reader learnt before a refusal: the groups that differ, the bundle's digest once proven, who made the bundle. */
interface ReadSoFar {
  differing: readonly number[];
  digest?: string | undefined;
  madeBy?: WrappedMadeBy | undefined;
  /** False when the makers were not compared with the online journal (every key already bound). */
  makersCompared?: boolean | undefined;
}

/**
 * Reads the wrapped-material bundle in `dir`, first proving with `proof` that it is the one the
 * air-gapped receipt names, then checks it against the journal (who made it too:
 * wrapped-bundle-makers.ts) and journals the check. Every refusal is journaled
 * (wrapped-bundle.refused, with who made the bundle once it was read) before it is thrown, the step
 * guard's `mayCheck` (a ceremony that is finished) and a digest typed in the wrong form too; nothing
 * reaches the KMS.
 */
export async function checkWrappedBundleStep(
  ctx: OnlineStepContext,
  dir: string,
  proof: WrappedBundleProof | undefined,
  mayCheck: () => void = () => undefined,
  options: WrappedBundleCheckOptions = {},
): Promise<{ session: CheckedSession; summary: CheckedBundleSummary }> {
  const read: ReadSoFar = { differing: [] };
  try {
    const other = otherBundleAfterImport(ctx.state, proof?.expectedDigest, path.resolve(dir));
    if (other) throw other;
    mayCheck();
    return await checkProvenBundle(ctx, dir, proof, read, options);
  } catch (error) {
    const refusal = wrappedBundleRefusal(path.resolve(dir), error);
    await ctx.journal(ONLINE_EVENTS.wrappedRefused, {
      folder: path.resolve(dir),
      // The bundle refused, once read (THE RULE matches an override's bundle by it).
      ...(read.digest ? { manifestSha256: read.digest } : {}),
      ...problemData(toProblem(refusal)),
      digestSource: proof?.source ?? null,
      differingGroups: [...read.differing],
      ...(read.madeBy ? { madeBy: madeByData(read.madeBy) } : {}),
      ...(read.makersCompared === false ? { makersCompared: false } : {}),
    });
    throw refusal;
  }
}

/** `madeBy` as the journal keeps it. */
function madeByData(madeBy: WrappedMadeBy): JsonObject {
  return { ...madeBy, witnesses: [...madeBy.witnesses] };
}

/** The KMS's time as the checked keys' tokens prove it (a plan's moment the KMS has passed cannot be kept). */
function kmsTimeOf(keys: readonly CheckedKey[], now: Date): Date {
  return kmsTimeFromTokens(
    now,
    keys.map((c) => c.issued.tokenExpiresAt),
  );
}

async function checkProvenBundle(
  ctx: OnlineStepContext,
  dir: string,
  proof: WrappedBundleProof | undefined,
  read: ReadSoFar,
  options: WrappedBundleCheckOptions,
): Promise<{ session: CheckedSession; summary: CheckedBundleSummary }> {
  const { state } = ctx;
  const typed = typedReceiptDigest(state, proof);
  // The receipt's first seal typed instead of its second (both are 16 groups on one page): say which it is.
  if (typed === state.parametersBundle?.manifestSha256)
    throw new KeyferryError('WRAPPED_DIGEST_IS_PARAMETERS', { dir });
  const now = ctx.now();
  const onDiffer = (groups: readonly number[]) => (read.differing = groups);
  const bundle = await readBundle(dir, {
    now,
    proveDigest: receiptDigestProof(dir, typed, onDiffer),
    ...(options.shownAs !== undefined ? { shownAs: options.shownAs } : {}),
  });
  if (bundle.kind !== 'wrapped-material') {
    throw new KeyferryError('BUNDLE_WRONG_KIND', { dir, found: 'parameters', pick: 'online' });
  }
  const { madeBy } = bundle.manifest;
  read.digest = bundle.digest;
  // Another ceremony's bundle is refused before who made it is taken in (journaled, said).
  refuseOtherCeremony(state, bundle);
  read.madeBy = madeBy;
  refuseWordForOtherBundle(options.acceptOtherAirGapJournal, bundle.digest);
  // Who made it before what it holds: a second journal's material is other material too, and this says why.
  const keyIds = bundle.keys.map((k) => k.keyId);
  read.makersCompared = !everyKeyBound(state.keys, keyIds);
  const otherJournal = checkBundleMakers(
    state,
    madeBy,
    keyIds,
    officerAccepts(options.acceptOtherAirGapJournal, state.airGapJournalTrail?.journal),
    bundle.digest,
  );
  // The officer's word is journaled as it is used, before any later check can refuse this bundle.
  if (otherJournal)
    await ctx.journal(ONLINE_EVENTS.otherAirGapJournalAccepted, {
      folder: path.resolve(dir),
      manifestSha256: bundle.digest,
      ...otherJournal,
    });
  refuseBundleBringingNothing(state, keyIds, path.resolve(dir), bundle.digest);
  const checked = checkWrappedBundleAgainstIssued(state, bundle, now);
  await refuseWhereOtherBundleLanded(ctx, checked, bundle.digest);
  const kmsNow = kmsTimeOf(checked, now);
  const keys = checked.map(({ key, issued, wrapped }) => ({
    keyId: key.keyId,
    alias: key.alias,
    spec: key.spec,
    publicKeyFingerprint: wrapped.publicKeyDer
      ? (bundle.manifest.keys.find((k) => k.keyId === key.keyId)?.publicKeyFingerprint ?? null)
      : null,
    keyCheckValue: wrapped.keyCheckValue,
    tokenExpiresAt: issued.tokenExpiresAt,
    requestedExpiresAt: decideExpiry({ key, issued, wrapped }, state.expiry, kmsNow).requested,
    replicaOf: key.replicaOf ?? null,
  }));
  const parameters = parametersBundleWrapped(state, checked);
  await ctx.journal(ONLINE_EVENTS.wrappedChecked, {
    folder: path.resolve(dir),
    manifestSha256: bundle.digest,
    digestSource: (proof as WrappedBundleProof).source,
    ...(parameters ? { parametersBundle: { ...parameters } } : {}),
    custody: bundle.manifest.custody ? { ...bundle.manifest.custody } : null,
    madeBy: madeBy ? madeByData(madeBy) : null,
    ...(read.makersCompared ? {} : { makersCompared: false }),
    keys: keys.map((k) => ({
      keyId: k.keyId,
      publicKeyFingerprint: k.publicKeyFingerprint,
      keyCheckValue: k.keyCheckValue,
    })),
  });
  const session = { dir: path.resolve(dir), digest: bundle.digest, keys: checked };
  const warnings = [
    ...earlierParametersWarning(state, parameters, checked),
    ...bundle.warnings,
    ...expiryNotes(checked.map((c) => decideExpiry(c, state.expiry, kmsNow))),
  ];
  return {
    session,
    summary: {
      dir: path.resolve(dir),
      manifestSha256: bundle.digest,
      manifestSha256Grouped: groupHex(bundle.digest),
      keys,
      warnings,
      custody: bundle.manifest.custody ?? null,
      madeBy: madeBy ?? null,
      otherAirGapJournalAccepted: otherJournal !== undefined,
    },
  };
}

/** Refuses sending an import of `keyId` once `signal` is aborted (a stop): IMPORT_STOPPED, nothing sent. */
function refuseAfterStop(signal: AbortSignal | undefined, keyId: string): void {
  if (signal?.aborted) throw new KeyferryError('IMPORT_STOPPED', { keyId });
}

/**
 * The earlier import sent to `c`'s key that may have taken effect (sent with no answer recorded, or
 * answered by a failure that proves nothing), when it came from another wrapped bundle than the one
 * checked now (`digest`): its send's entry and that bundle. Undefined otherwise.
 */
function otherBundleSend(ctx: OnlineStepContext, c: CheckedKey, digest: string) {
  const sentSeq = c.key.importSentSeq;
  if (!c.key.importMayHaveLanded || sentSeq === undefined) return undefined;
  const bundle = bundleOfSend(ctx.journalEntries(), c.key.keyId, sentSeq);
  return bundle && bundle.manifestSha256 !== digest ? { ...bundle, sentSeq } : undefined;
}

/** The refusal of a bundle for `keyId`, Enabled with the material of the `earlier` send from another bundle. */
function landedFromOtherBundle(keyId: string, earlier: NonNullable<ReturnType<typeof otherBundleSend>>) {
  return new KeyferryError('IMPORT_LANDED_FROM_OTHER_BUNDLE', {
    keyId,
    sentSeq: earlier.sentSeq,
    folder: earlier.folder,
    digest: groupHex(earlier.manifestSha256),
    checkSeq: earlier.checkSeq,
  });
}

/**
 * At the check, before the bundle is vouched for: a key of it sent an import from another bundle
 * whose taking effect is not proven is looked up in the KMS (describe-key, a read); Enabled, it holds
 * that bundle's material (AES material cannot be compared), so this bundle is refused for it, and
 * the other stays the one to import (a check of this one would make it the ceremony's latest wrap,
 * and the earlier bundle an older one). Still Pending import: that send did not take effect, and this
 * bundle may go on.
 */
async function refuseWhereOtherBundleLanded(ctx: OnlineStepContext, checked: readonly CheckedKey[], digest: string) {
  for (const c of checked) {
    const earlier = otherBundleSend(ctx, c, digest);
    if (!earlier) continue;
    const info = await ctx.kmsFor(c.key).describeKey(c.key.keyId);
    if (info.state !== KeyState.PendingImport) throw landedFromOtherBundle(c.key.keyId, earlier);
  }
}

/**
 * Imports every checked key not imported yet with its decided expiry (`override` wins), several
 * keys at once (the ceremony's concurrency); a past expiry is journaled as a failed step and
 * refused before any import. Each import keeps its describe-key reconciliation (a lost answer of
 * an import that took effect is recognised, never sent twice); throttled imports wait and are sent
 * again (journaled as kms.retried). `onImported` gets each key id and the KMS confirmation.
 */
export async function importCheckedMaterial(
  ctx: OnlineStepContext,
  checked: CheckedSession,
  override: MaterialExpiry | undefined,
  onImported: (keyId: string, confirmation: string) => void,
  signal?: AbortSignal,
): Promise<ImportedKeySummary[]> {
  const todo = checked.keys.filter((c) => !holdsImportedMaterial(c.key));
  const now = ctx.now();
  const kmsNow = kmsTimeOf(todo, now);
  const decisions = todo.map((c) => decideExpiry(c, ctx.state.expiry, kmsNow, override));
  const notable = decisions.filter(isNotableExpiry);
  if (notable.length > 0)
    await ctx.journal(ONLINE_EVENTS.expiryChosen, { keys: notable.map(({ planLapsed: _lapsed, ...d }) => ({ ...d })) });
  const refusal = pastExpiryRefusal(decisions, now) ?? groupExpiryRefusal(decisions, ctx.state.keys);
  if (refusal) await refuseStep(ctx, 'import-key-material', refusal.keyId, refusal.error);
  const decided = todo.map((checkedKey, i) => ({ checkedKey, decision: decisions[i] as ExpiryDecision }));
  // Read before this run's own sends mark the keys (each progress line is built as it is reported).
  const sentBefore = new Set(todo.filter((c) => c.key.importMayHaveLanded).map((c) => c.key.keyId));
  return forEachKeyWithProgress(
    { concurrency: ctx.concurrency, onProgress: ctx.onProgress, step: 'import' },
    decided,
    ({ checkedKey: { key } }) => ({
      keyId: key.keyId,
      // An import sent before this run may have taken effect: the KMS is asked first, and nothing may be sent.
      line: progressLine('import-key', {
        spec: key.spec,
        alias: key.alias,
        earlier: sentBefore.has(key.keyId) ? 'yes' : 'no',
        ...replicaPlaceOf(key),
      }),
    }),
    async ({ checkedKey: c, decision }, _index, recording): Promise<ImportedKeySummary> => {
      const { effective: expiresAt, requested, source } = decision;
      // A send with this token whose answer no session recorded, read before this attempt's own.
      const unrecorded = unrecordedSendOf(ctx.journalEntries(), c.key.keyId, c.issued.importTokenSha256);
      // The send this run resent after losing its answer (the key still Pending import), once it did.
      let resent: { readonly retryOfSeq: number } | undefined;
      // key.import-sending is journaled just before each request goes out: a kill after it leaves the
      // mark by which the next run recognises this import in the KMS (state.ts importMayHaveLanded).
      const sending = async (send: { readonly retry: boolean }) => {
        const retried = send.retry
          ? unrecordedSendOf(ctx.journalEntries(), c.key.keyId, c.issued.importTokenSha256)
          : undefined;
        resent = retried && { retryOfSeq: retried.retryOfSeq };
        // After a stop nothing further goes out: checked before the send is journaled, and again
        // after (a stop meanwhile leaves that entry with no request: the next run asks the KMS first).
        refuseAfterStop(signal, c.key.keyId);
        await ctx.journal(ONLINE_EVENTS.importSending, {
          keyId: c.key.keyId,
          importTokenSha256: c.issued.importTokenSha256,
          ...resent,
        });
        refuseAfterStop(signal, c.key.keyId);
      };
      // An earlier send to this key that may have taken effect, from another wrapped bundle: if the
      // KMS holds material now, it is that bundle's, never this one's (AES material cannot be compared).
      const earlier = otherBundleSend(ctx, c, checked.digest);
      const outcome = await ctx.kmsCall('import-key-material', c.key.keyId, () =>
        importCheckedKey(ctx.kmsFor(c.key), c, expiresAt, ctx.now(), sending, !!earlier).catch((error: unknown) => {
          throw earlier && isKmsError(error) && error.code === 'KMS_KEY_NOT_PENDING_IMPORT'
            ? landedFromOtherBundle(c.key.keyId, earlier)
            : error;
        }),
      );
      recording();
      // Sent again because the key was still Pending import: a retry of that send, tied to its entries
      // (an earlier session's, or this run's own whose answer was lost).
      // Not a retry of an earlier send from another bundle (other material with the same token: a wrap again).
      const retry =
        outcome.confirmation === 'retried'
          ? resent
          : outcome.confirmation === 'answered' && !earlier
            ? unrecorded
            : undefined;
      const confirmation = retry ? 'retried' : outcome.confirmation;
      await ctx.journal(ONLINE_EVENTS.imported, {
        keyId: c.key.keyId,
        expiresAt: expiresAt === 'never' ? null : expiresAt,
        importTokenSha256: c.issued.importTokenSha256,
        confirmation,
        ...retry,
      });
      onImported(c.key.keyId, confirmation);
      return {
        keyId: c.key.keyId,
        spec: c.key.spec,
        expiresAt,
        requestedExpiresAt: requested,
        expirySource: source,
        confirmation,
      };
    },
  );
}
