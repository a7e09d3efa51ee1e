/**
 * The import after the bundle's check (wrapped-check-step.ts): every checked key not imported yet,
 * with the material expiry decided for it, several at once, each send journaled before it goes out.
 */
import { KeyferryError } from '../../errors';
import { isKmsError } from '../../kms/errors';
import type { MaterialExpiry } from '../shared/ceremony-plan';
import { refuseStep, type OnlineStepContext } from './step-context';
import { ONLINE_EVENTS } from './events';
import { unrecordedSendOf } from './material-round';
import {
  decideExpiry,
  groupExpiryRefusal,
  importCheckedKey,
  isNotableExpiry,
  pastExpiryRefusal,
  type ExpiryDecision,
} from './import-one-key';
import { forEachKeyWithProgress } from './key-concurrency';
import { splitExpiryRefusal } from './split-expiry';
import { holdsImportedMaterial, replicaPlaceOf } from './state';
import type { ImportedKeySummary } from './types';
import { progressLine } from '../shared/progress';
import { kmsTimeOfChecked } from './wrapped-bundle-check';
import { landedFromOtherBundle, otherBundleSend } from './other-bundle-landed';
import type { CheckedSession } from './wrapped-check-step';

/** Refuses sending an import of `keyId` once `signal` is aborted (a stop): IMPORT_STOPPED, nothing sent. */
function refuseAfterStop(signal: AbortSignal | undefined, keyId: string): void {
  if (signal?.aborted) throw new KeyferryError('IMPORT_STOPPED', { keyId });
}

/**
 * Imports every checked key not imported yet with its decided expiry (`override` wins), several
 * keys at once (the ceremony's concurrency); a past expiry is journaled as a failed step and
 * refused before any import. Each import keeps its describe-key reconciliation (a lost answer of
 * an import that took effect is recognised, never sent twice); throttled imports wait and are sent
 * again (journaled as kms.retried).
 */
export async function importCheckedMaterial(
  ctx: OnlineStepContext,
  checked: CheckedSession,
  override: MaterialExpiry | undefined,
  signal?: AbortSignal,
): Promise<ImportedKeySummary[]> {
  const todo = checked.keys.filter((c) => !holdsImportedMaterial(c.key));
  const now = ctx.now();
  const kmsNow = kmsTimeOfChecked(todo, now);
  const decisions = todo.map((c) => decideExpiry(c, ctx.state.expiry, kmsNow, override));
  // Refused before the choice is journaled: the receipt lists a chosen expiry only when it was sent.
  const refusal =
    pastExpiryRefusal(decisions, now) ??
    groupExpiryRefusal(decisions, ctx.state.keys) ??
    splitExpiryRefusal(decisions, checked);
  if (refusal) await refuseStep(ctx, 'import-key-material', refusal.keyId, refusal.error);
  const notable = decisions.filter(isNotableExpiry);
  if (notable.length > 0)
    await ctx.journal(ONLINE_EVENTS.expiryChosen, { keys: notable.map(({ planLapsed: _lapsed, ...d }) => ({ ...d })) });
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
