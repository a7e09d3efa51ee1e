/**
 * The first step after the air gap: prove the wrapped-material bundle is the one the air-gapped
 * receipt names (its digest, typed), read it, check it against what the KMS issued (journal) and who
 * made it, and journal the check or the refusal. Nothing reaches the KMS but, in one case, a read
 * (other-bundle-landed.ts). The import then takes the checked session (import-steps.ts).
 */
import path from 'node:path';
import {
  IMPORT_PARAMETERS_FORMAT,
  readBundle,
  type WrappedMaterialBundle,
  WRAPPED_MATERIAL_FORMAT,
  type BundleFormat,
  type WrappedMadeBy,
} from '../../bundle';
import { groupHex } from '../../hex-groups';
import {
  compareTypedDigest,
  differenceValues,
  parseTypedDigest,
  type TypedDigestComparison,
} from '../../crypto/typed-digest';
import { KeyferryError, toProblem } from '../../errors';
import { problemData, type JsonObject } from '../../journal';
import type { OnlineStepContext } from './step-context';
import { otherJournalImportedWarning } from './other-journal-imported';
import { ONLINE_EVENTS } from './events';
import type { WrappedDigestSource } from './wrapped-digest-sources';
import { decideExpiry, expiryNotes } from './import-one-key';
import type { CheckedBundleSummary } from './types';
import {
  checkWrappedBundleAgainstIssued,
  kmsTimeOfChecked,
  refuseOtherCeremony,
  type CheckedKey,
} from './wrapped-bundle-check';
import { wrappedBundleRefusal } from './wrapped-bundle-changed';
import { bundlesInside } from '../../bundle/neighbour-bundles';
import {
  afterImportRefusal,
  importedFromBundle,
  otherBundleAfterImport,
  refuseBundleBringingNothing,
} from './wrapped-after-import';
import { replacedCustodySets } from './replaced-custody';
import { earlierParametersWarning, parametersBundleWrapped, unrecordedParametersWarning } from './wrapped-parameters';
import { refuseTokensRefusedBefore } from './refused-imports';
import { skippedKeyData, skippedKeyWarning } from './skipped-keys';
import { checkBundleMakers, everyKeyBound, refuseWordForOtherBundle } from './wrapped-bundle-makers';
import { officerAccepts, type OfficersWord } from './officers-word';
import { refuseWhereOtherBundleLanded } from './other-bundle-landed';
import {
  exposedMaterial,
  refuseExposedMaterial,
  refuseUnprovenRestore,
  wrappedUnderOtherKey,
} from './exposed-material';
import type { CustodyArrangement } from '../../bundle/custody-arrangement';

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
  /** The bundle's custody copy, journaled with a refusal too: a wrap refused for lapsed tokens is the ceremony's (other-journal-imported.ts). */
  custody?: CustodyArrangement | null | undefined;
  /** Each key's check value (KCV, public-key fingerprint), journaled with a refusal too: replaced-custody.ts names a set by them. */
  keys?: readonly JsonObject[] | undefined;
  /** False when the makers were not compared with the online journal (every key already bound). */
  makersCompared?: boolean | undefined;
  /** Material wrapped under a wrapping key the KMS did not issue (exposed-material.ts), journaled with the refusal. */
  exposed?: ReturnType<typeof exposedMaterial>;
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
    const other = otherBundleAfterImport(
      ctx.state,
      proof?.expectedDigest,
      path.resolve(dir),
      replacedCustodySets(ctx.journalEntries()),
    );
    if (other && proof) {
      const refused = await afterImportRefusal(ctx, dir, proof.expectedDigest, other);
      Object.assign(read, refused.read);
      throw refused.refusal;
    }
    mayCheck();
    return await checkProvenBundle(ctx, dir, proof, read, options);
  } catch (caught) {
    const error = (await bundleOneFolderDown(caught, dir, proof, options.shownAs, ctx.state.ceremonyId)) ?? caught;
    const imported = importedFromBundle(ctx.state, proof?.expectedDigest);
    const refusal = wrappedBundleRefusal(path.resolve(dir), error, 'import', imported);
    await ctx.journal(ONLINE_EVENTS.wrappedRefused, {
      folder: path.resolve(dir),
      // The bundle refused, once read (THE RULE matches an override's bundle by it).
      ...(read.digest ? { manifestSha256: read.digest } : {}),
      ...problemData(toProblem(refusal)),
      digestSource: proof?.source ?? null,
      differingGroups: [...read.differing],
      ...(read.madeBy ? { madeBy: madeByData(read.madeBy) } : {}),
      ...(read.custody !== undefined ? { custody: read.custody ? { ...read.custody } : null } : {}),
      ...(read.keys ? { keys: [...read.keys] } : {}),
      ...(read.makersCompared === false ? { makersCompared: false } : {}),
      ...(read.exposed ? { exposed: read.exposed } : {}),
    });
    throw refusal;
  }
}

/**
 * WRAPPED_BUNDLE_ONE_FOLDER_DOWN when `dir` holds no manifest (`error` says so) but a folder right
 * inside it holds the bundle whose digest was typed: the stick's root given for the bundle's folder
 * (a trial). Only manifests are read, to name the folder; undefined otherwise.
 */
async function bundleOneFolderDown(
  error: unknown,
  dir: string,
  proof: WrappedBundleProof | undefined,
  shownAs: string | undefined,
  ceremonyId: string,
): Promise<KeyferryError | undefined> {
  if (!(error instanceof KeyferryError) || error.code !== 'BUNDLE_MANIFEST_MISSING' || !proof) return undefined;
  let typed: string;
  try {
    typed = parseTypedDigest(proof.expectedDigest, 'wrapped');
  } catch {
    return undefined;
  }
  const shown = shownAs ?? dir;
  const found = (await bundlesInside(dir, shown, ceremonyId)).find((b) => b.digest === typed);
  // A stick holding both ceremonies' bundles, the other one's digest typed: said before its folder is offered (a trial).
  return found
    ? new KeyferryError('WRAPPED_BUNDLE_ONE_FOLDER_DOWN', {
        dir: shown,
        folder: found.folder,
        other: found.otherCeremony ? 'yes' : 'no',
        named: found.otherCeremony?.named ?? '',
        own: ceremonyId,
      })
    : undefined;
}

/** What tells a key's material in `bundle` (its KCV, or its public-key fingerprint when `asymmetric`), as the journal keeps it. */
function keyCheckValues(
  bundle: WrappedMaterialBundle,
  keyId: string,
  keyCheckValue: string | null,
  asymmetric: boolean,
) {
  return {
    keyId,
    publicKeyFingerprint: asymmetric
      ? (bundle.manifest.keys.find((k) => k.keyId === keyId)?.publicKeyFingerprint ?? null)
      : null,
    keyCheckValue,
  };
}

/** `madeBy` as the journal keeps it. */
function madeByData(madeBy: WrappedMadeBy): JsonObject {
  return { ...madeBy, witnesses: [...madeBy.witnesses] };
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
    // Exposure first, from the manifest once its digest is proven, before the files are checked: a
    // bundle then damaged on the media still tells what its material was wrapped under (a re-trial),
    // and no other finding of the check hides it.
    onManifest: (manifest) => {
      read.exposed = manifest.format === WRAPPED_MATERIAL_FORMAT ? exposedMaterial(state, manifest) : undefined;
      if (read.exposed) throw wrappedUnderOtherKey(read.exposed);
    },
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
  read.custody = bundle.manifest.custody ?? null;
  read.keys = bundle.keys.map((w) => keyCheckValues(bundle, w.keyId, w.keyCheckValue, w.publicKeyDer !== null));
  // Material a refused wrap exposed is never imported, whatever else the bundle proves.
  refuseExposedMaterial(ctx.journalEntries(), bundle);
  refuseUnprovenRestore(state, ctx.journalEntries(), bundle);
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
    bundle.manifest.custody,
  );
  // The officer's word is journaled as it is used, before any later check can refuse this bundle,
  // with what the import says of the earlier wrap's custody copy: the receipt prints it too (a trial
  // found the custody set to destroy on the screen only).
  const otherWarning = otherJournal && otherJournalImportedWarning(ctx.journalEntries(), state, otherJournal);
  if (otherJournal && otherWarning)
    await ctx.journal(ONLINE_EVENTS.otherAirGapJournalAccepted, {
      folder: path.resolve(dir),
      manifestSha256: bundle.digest,
      ...otherJournal,
      said: { key: `warning.${otherWarning.code}`, values: { ...otherWarning.values } },
    });
  refuseBundleBringingNothing(state, keyIds, path.resolve(dir), bundle.digest);
  const { checked, skipped } = checkWrappedBundleAgainstIssued(state, bundle, now, ctx.journalEntries());
  await refuseWhereOtherBundleLanded(ctx, checked, bundle.digest);
  const kmsNow = kmsTimeOfChecked(checked, now);
  const keys = checked.map(({ key, issued, wrapped }) => ({
    ...keyCheckValues(bundle, key.keyId, wrapped.keyCheckValue, wrapped.publicKeyDer !== null),
    alias: key.alias,
    spec: key.spec,
    tokenExpiresAt: issued.tokenExpiresAt,
    requestedExpiresAt: decideExpiry({ key, issued, wrapped }, state.expiry, kmsNow).requested,
    replicaOf: key.replicaOf ?? null,
  }));
  const parameters = parametersBundleWrapped(state, checked);
  // Tokens the KMS already refused as expired: never sent again, whatever this computer's clock says.
  refuseTokensRefusedBefore(
    ctx.journalEntries(),
    parameters,
    checked.map((c) => c.key.keyId),
  );
  // Keys left out (they hold a later wrap's material): each journaled once per bundle (a rerun says it
  // again, a deviation the receipt lists once), and said.
  const skippedWarnings = skipped.map((s) => ({ s, said: skippedKeyWarning(ctx.journalEntries(), s) }));
  const skippedBefore = (keyId: string) =>
    ctx
      .journalEntries()
      .some(
        (e) =>
          e.event === ONLINE_EVENTS.wrappedKeySkipped &&
          e.data['manifestSha256'] === bundle.digest &&
          e.data['keyId'] === keyId,
      );
  for (const { s, said } of skippedWarnings.filter(({ s }) => !skippedBefore(s.key.keyId)))
    await ctx.journal(ONLINE_EVENTS.wrappedKeySkipped, skippedKeyData(path.resolve(dir), bundle.digest, s, said));
  await ctx.journal(ONLINE_EVENTS.wrappedChecked, {
    folder: path.resolve(dir),
    manifestSha256: bundle.digest,
    digestSource: (proof as WrappedBundleProof).source,
    // None recorded (null): no bundle this journal records writing carried these tokens, so the receipt names none.
    parametersBundle: parameters ? { ...parameters } : null,
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
    ...skippedWarnings.map((w) => w.said),
    ...(otherWarning ? [otherWarning] : []),
    ...earlierParametersWarning(state, parameters, checked, now),
    ...unrecordedParametersWarning(state, parameters),
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
