/**
 * A key sent an import from another wrapped bundle than the one checked or imported now, whose taking
 * effect is not proven: if the KMS holds material for it, that material is the other bundle's (AES
 * material cannot be compared), so this bundle is refused for the key (IMPORT_LANDED_FROM_OTHER_BUNDLE),
 * at the check (describe-key) and again at the import (the KMS's answer).
 */
import { groupHex } from '../../hex-groups';
import { KeyferryError } from '../../errors';
import { KeyState } from '../../kms/types';
import type { OnlineStepContext } from './step-context';
import { bundleOfSend } from './material-round';
import { materialIdOf } from '../../bundle/replica-groups';
import type { CheckedKey } from './wrapped-bundle-check';

/**
 * The earlier import sent to `c`'s key that may have taken effect (sent with no answer recorded, or
 * answered by a failure that proves nothing), when it came from another wrapped bundle than the one
 * checked now (`digest`): its send's entry and that bundle. Undefined otherwise.
 */
export function otherBundleSend(ctx: OnlineStepContext, c: Pick<CheckedKey, 'key'>, digest: string) {
  const sentSeq = c.key.importSentSeq;
  if (!c.key.importMayHaveLanded || sentSeq === undefined) return undefined;
  const bundle = bundleOfSend(ctx.journalEntries(), c.key.keyId, sentSeq);
  return bundle && bundle.manifestSha256 !== digest ? { ...bundle, sentSeq } : undefined;
}

/**
 * The refusal of a bundle for `keyId`, Enabled with the material of the `earlier` send from another
 * bundle; `carried`: the bundle's key of `keyId`'s replica group, when the bundle does not carry `keyId`.
 */
export function landedFromOtherBundle(
  keyId: string,
  earlier: NonNullable<ReturnType<typeof otherBundleSend>>,
  carried?: string,
) {
  return new KeyferryError('IMPORT_LANDED_FROM_OTHER_BUNDLE', {
    keyId,
    memberOutside: carried === undefined ? 'no' : 'yes',
    carried: carried ?? '',
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
 * bundle may go on. So too a member of a checked key's replica group that this bundle does not carry
 * (its import from another bundle landed unrecorded binds the group to that bundle's material).
 */
export async function refuseWhereOtherBundleLanded(
  ctx: OnlineStepContext,
  checked: readonly CheckedKey[],
  digest: string,
) {
  const ownKeys: readonly { key: CheckedKey['key']; carried?: string }[] = checked;
  for (const c of [...ownKeys, ...groupMembersOutside(ctx, checked)]) {
    const earlier = otherBundleSend(ctx, c, digest);
    if (!earlier) continue;
    const info = await ctx.kmsFor(c.key).describeKey(c.key.keyId);
    if (info.state !== KeyState.PendingImport) throw landedFromOtherBundle(c.key.keyId, earlier, c.carried);
  }
}

/**
 * The members of the checked keys' replica groups that this bundle does not carry and that no import
 * is recorded as taken by: one whose send from another bundle took effect unrecorded bound the group's
 * material to that bundle's, which a member of this bundle (compared with no recorded holder) must take.
 */
function groupMembersOutside(ctx: OnlineStepContext, checked: readonly CheckedKey[]) {
  const carried = new Set(checked.map((c) => c.key.keyId));
  return [...ctx.state.keys.values()].flatMap((key) => {
    const member = checked.find((c) => materialIdOf(c.key) === materialIdOf(key));
    return member && !carried.has(key.keyId) && key.firstImport === undefined
      ? [{ key, carried: member.key.keyId }]
      : [];
  });
}
