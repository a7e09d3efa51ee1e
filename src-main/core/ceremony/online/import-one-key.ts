/**
 * Importing one checked key's wrapped material, and choosing its material expiry: per key, the
 * expiry the wrapped-material bundle requests (written on the air-gapped workstation, shown on
 * its receipt, signed by the witnesses) wins over the ceremony plan's; an explicit override
 * (`--expires`, or the screen's choice) wins over both and is journaled as such.
 */
import { isAsymmetric } from '../../crypto/key-spec';
import { KeyferryError } from '../../errors';
import { warningOf, type Warning } from '../../../i18n/warning';
import { listValue } from '../../../i18n/list';
import type { ImportOutcome } from '../../kms/types';
import type { MaterialExpiry } from '../shared/ceremony-plan';
import type { OnlineKms } from './kms-calls';
import { materialIdOf } from '../../bundle/replica-groups';
import { holdsImportedMaterial, type OnlineKeyState } from './state';
import { importSentWithToken } from './import-answers';
import type { CheckedKey } from './wrapped-bundle-check';

/** Where the expiry sent to the KMS came from: the bundle's request, or an explicit override. */
type ExpirySource = 'bundle' | 'override';

/** The material expiry of one key; every time is "never" or an ISO UTC time. */
export interface ExpiryDecision {
  readonly keyId: string;
  /** What the wrapped-material bundle requests (asymmetric: never). */
  readonly requested: string;
  /** What the ceremony plan said for this key (its own expiry, else the plan's). */
  readonly plan: string;
  /** What is sent to the KMS. */
  readonly effective: string;
  readonly source: ExpirySource;
  /**
   * The plan's moment had passed when the bundle was checked or imported: keeping it is impossible,
   * so the bundle's request (a restore's new expiry, witnessed on the air-gapped side) replaces it
   * and overrides nothing; the air-gapped journal records it as `expiry.lapsed-plan-replaced`.
   */
  readonly planLapsed: boolean;
}

/** "never" for null or "never", else the ISO UTC form of `value`. */
export function isoOrNever(value: string | null): string {
  return value === null || value === 'never' ? 'never' : new Date(value).toISOString();
}

/**
 * Decides the expiry of `checked` at `now`: the bundle's request unless `override` is given;
 * asymmetric material never expires.
 */
export function decideExpiry(
  checked: CheckedKey,
  planExpiry: string,
  now: Date,
  override?: MaterialExpiry,
): ExpiryDecision {
  const keyId = checked.key.keyId;
  if (isAsymmetric(checked.key.spec))
    return { keyId, requested: 'never', plan: 'never', effective: 'never', source: 'bundle', planLapsed: false };
  const requested = isoOrNever(checked.wrapped.materialExpiresAt);
  const plan = isoOrNever(checked.key.plannedExpiry ?? planExpiry);
  const planLapsed = plan !== 'never' && Date.parse(plan) <= now.getTime();
  if (!override) return { keyId, requested, plan, effective: requested, source: 'bundle', planLapsed };
  return {
    keyId,
    requested,
    plan,
    effective: override.kind === 'never' ? 'never' : override.at.toISOString(),
    source: 'override',
    planLapsed,
  };
}

/** True when the bundle requests another expiry than a plan that can still be kept (one that has not passed). */
function differsFromLivePlan(d: ExpiryDecision): boolean {
  return d.requested !== d.plan && !d.planLapsed;
}

/**
 * True when the decision is journaled before the import, as an override the receipt lists: an
 * explicit choice, or a bundle requesting another expiry than a plan that has not passed.
 */
export function isNotableExpiry(d: ExpiryDecision): boolean {
  return d.source === 'override' || differsFromLivePlan(d);
}

/**
 * The AES keys whose bundle requests another expiry than the plan's, where the plan's has not
 * passed (the bundle's wins unless overridden): one warning per pair of requested and planned expiry, counting its keys and naming
 * the first, so a bundle of 100 keys restored after one lapse says it once, not 100 times.
 */
export function expiryNotes(decisions: readonly ExpiryDecision[]): Warning[] {
  const never = (at: string) => (at === 'never' ? 'never' : 'at');
  const ms = (at: string) => (at === 'never' ? 0 : Date.parse(at));
  const pairs = new Map<string, ExpiryDecision[]>();
  for (const d of decisions.filter(differsFromLivePlan)) {
    const pair = `${d.requested} ${d.plan}`;
    const keys = pairs.get(pair);
    if (keys) keys.push(d);
    else pairs.set(pair, [d]);
  }
  return [...pairs.values()].map((keys) => {
    const [first] = keys as [ExpiryDecision, ...ExpiryDecision[]];
    return warningOf('EXPIRY_DIFFERS_FROM_PLAN', {
      count: keys.length,
      keyId: first.keyId,
      requested: never(first.requested),
      requestedAt: ms(first.requested),
      plan: never(first.plan),
      planAt: ms(first.plan),
    });
  });
}

/** A refusal for the first decision whose expiry is not in the future (the KMS would answer KMS.2602), else undefined. */
export function pastExpiryRefusal(
  decisions: readonly ExpiryDecision[],
  now: Date,
): { keyId: string; error: KeyferryError } | undefined {
  const past = decisions.find((d) => d.effective !== 'never' && Date.parse(d.effective) <= now.getTime());
  return past ? { keyId: past.keyId, error: pastExpiryError(past, now) } : undefined;
}

function pastExpiryError(past: ExpiryDecision, now: Date): KeyferryError {
  const reason = past.source === 'override' ? 'chosen' : 'bundle';
  return new KeyferryError('EXPIRY_IN_PAST', {
    reason,
    keyId: past.keyId,
    at: Date.parse(past.effective),
    now: now.getTime(),
  });
}

/**
 * The message values of an expiry held (`held`: "never" or ISO) and another `decided` for a key:
 * each as never/at with its moment, the held one also as `--expires` takes it, and where the
 * decided one came from.
 */
export function heldAndDecidedValues(held: string, decided: ExpiryDecision) {
  const at = (iso: string) => (iso === 'never' ? 0 : Date.parse(iso));
  return {
    held: held === 'never' ? 'never' : 'at',
    heldAt: at(held),
    heldIso: held,
    decided: decided.effective === 'never' ? 'never' : 'at',
    decidedAt: at(decided.effective),
    source: decided.source,
  };
}

/** What the group-expiry rule reads of a key. */
type GroupMember = Pick<OnlineKeyState, 'keyId' | 'alias' | 'spec' | 'replicaOf' | 'imported' | 'materialDeleted'>;

/**
 * A refusal for the first decision that would give a replica group's member another expiry than a
 * member of its group already holds (an import stopped part way and run again with another
 * --expires, or none; a restore of one member requesting a new expiry): one material with two
 * expiries, and at the earlier one the KMS deletes it from some members only. Else undefined.
 * The refusal says where the other expiry came from (`source`: the bundle's request or --expires),
 * whether the bundle requests the held one (`requestedHeld`: then leaving --expires out mends it),
 * and the AES keys of this import outside the group (`others`, `othersList`), which an --expires would move too.
 */
export function groupExpiryRefusal(
  decisions: readonly ExpiryDecision[],
  keys: ReadonlyMap<string, GroupMember>,
): { keyId: string; error: KeyferryError } | undefined {
  // The first member of each group that holds material, found once (the keys decided hold none).
  const holders = new Map<string, GroupMember>();
  for (const k of keys.values())
    if (holdsImportedMaterial(k) && !holders.has(materialIdOf(k))) holders.set(materialIdOf(k), k);
  for (const d of decisions) {
    const key = keys.get(d.keyId);
    const holder = key ? holders.get(materialIdOf(key)) : undefined;
    const held = holder?.imported ? isoOrNever(holder.imported.expiresAt) : undefined;
    if (!key || !holder || held === undefined || held === d.effective) continue;
    const others = decisions.flatMap((o) => {
      const other = keys.get(o.keyId);
      return other && materialIdOf(other) !== materialIdOf(key) && !isAsymmetric(other.spec) ? [o.keyId] : [];
    });
    return {
      keyId: d.keyId,
      error: new KeyferryError('REPLICA_GROUP_EXPIRY_DIFFERS', {
        alias: key.alias,
        keyId: d.keyId,
        holderKeyId: holder.keyId,
        ...heldAndDecidedValues(held, d),
        requestedHeld: d.requested === held ? 'yes' : 'no',
        others: others.length === 0 ? 'none' : 'some',
        othersList: listValue(others),
      }),
    };
  }
  return undefined;
}

/**
 * Submits import-key-material for `checked` with `expiresAt` ("never" or ISO); refuses an expired
 * token or a past expiry first. `earlierFromOtherBundle`: the earlier send that may have taken effect
 * came from another wrapped bundle, so a key found Enabled is not this import's doing (the client
 * refuses it as not Pending import; other-bundle-landed.ts says why).
 */
export async function importCheckedKey(
  kms: OnlineKms,
  checked: CheckedKey,
  expiresAt: string,
  now: Date,
  beforeSend: (send: { readonly retry: boolean }) => Promise<void>,
  earlierFromOtherBundle = false,
): Promise<ImportOutcome> {
  const { key, issued, wrapped } = checked;
  const tokenExpiresAt = new Date(issued.tokenExpiresAt);
  // An import sent with this token and not recorded may have taken effect: describe-key decides, and
  // importWithReconciliation refuses a new send with the token expired (KMS_IMPORT_TOKEN_EXPIRED).
  const sentWithIt = importSentWithToken(key, issued.importTokenSha256);
  if (!sentWithIt && tokenExpiresAt.getTime() <= now.getTime()) {
    throw new KeyferryError('IMPORT_TOKEN_EXPIRED', {
      keyId: key.keyId,
      known: 'yes',
      at: Date.parse(issued.tokenExpiresAt),
    });
  }
  if (expiresAt !== 'never' && Date.parse(expiresAt) <= now.getTime()) {
    throw new KeyferryError('EXPIRY_IN_PAST', {
      reason: 'import',
      keyId: key.keyId,
      at: Date.parse(expiresAt),
      now: now.getTime(),
    });
  }
  return kms.importKeyMaterial({
    keyId: key.keyId,
    importToken: issued.importToken,
    encryptedKeyMaterial: wrapped.encryptedKeyMaterial,
    ...(wrapped.encryptedPrivateKey ? { encryptedPrivateKey: wrapped.encryptedPrivateKey } : {}),
    ...(expiresAt !== 'never' ? { materialExpiresAt: new Date(expiresAt) } : {}),
    tokenExpiresAt,
    ...(wrapped.publicKeyDer ? { expectedPublicKeyDer: wrapped.publicKeyDer } : {}),
    // Read now, before this attempt's own key.import-sending marks the key.
    ...(key.importMayHaveLanded && !earlierFromOtherBundle ? { earlierAttemptMayHaveLanded: true } : {}),
    beforeSend,
  });
}
