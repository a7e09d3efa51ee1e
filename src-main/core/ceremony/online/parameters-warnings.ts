/**
 * What writing an import-parameters bundle warns of (parameters-steps.ts): the bundle plan when
 * bundles of the same keys may still be accepted (two wraps would make two versions of the material),
 * and material expiries the KMS's clock has already passed (the imports would be refused, KMS.2602).
 */
import { groupHex } from '../../hex-groups';
import type { OnlineKeyState } from './state';
import { namedKeyPhrase } from './named-key-phrase';
import { phraseOf, phrasesValue, phraseValue } from '../../../i18n/phrase';
import type { BundlePlan } from './bundle-plan';
import { warningOf, type Warning } from '../../../i18n/warning';
import { listValue } from '../../../i18n/list';

/**
 * What the bundle plan (bundle-plan.ts), made once the new bundle is written, warns of: more than
 * one bundle whose import tokens may still be accepted for the same keys (a wrap of two would make
 * two versions of a key's material), so which bundle each key takes, which to destroy and which keys
 * to fetch anew; and, said apart, the bundles written before a wrap of their keys was refused as
 * exposed (made from a copy changed on the media: no wrap of them is to be imported, they are only
 * destroyed), ending with what to take to the air-gapped side: the new bundle alone, or, when the keys
 * take more than one bundle, what the plan says. Nothing when every key waiting has one bundle and
 * none is to be destroyed.
 */
export function bundlePlanWarnings(plan: BundlePlan, keys: ReadonlyMap<string, OnlineKeyState>): Warning[] {
  // Each key as online status names it (a replica with its region), in the reader's language.
  const keyPhrase = (keyId: string) => namedKeyPhrase(keys.get(keyId) ?? { alias: keyId, keyId });
  const namedTo = (keyId: string, to: string) =>
    phraseOf('online.named-key-to', { keyPhrase: phraseValue(keyPhrase(keyId)), to });
  const bundleNamed = (b: { folder: string; manifestSha256: string }) => `${b.folder} (${groupHex(b.manifestSha256)})`;
  const wrapped = plan.takes.filter((t) => t.wrap !== null);
  const toWrap = plan.takes.filter((t) => t.wrap === null);
  const destroy = plan.destroy.filter((d) => d.exposedSeq === null);
  const exposed = plan.destroy.filter((d) => d.exposedSeq !== null);
  const warnings: Warning[] = [];
  // Bundles to destroy as exposed and keys taking more than one bundle: "take only the new bundle" would be false.
  const perKey =
    destroy.length + plan.fresh.length + wrapped.length > 0 || (exposed.length > 0 && plan.takes.length > 1);
  if (perKey)
    warnings.push(
      warningOf('PARAMETERS_BUNDLES_ONE_PER_KEY', {
        wrapped: wrapped.length,
        wrappedPhrases: phrasesValue(wrapped.flatMap((t) => t.keyIds.map((id) => namedTo(id, t.wrap?.folder ?? '')))),
        takes: toWrap.length,
        takesPhrases: phrasesValue(toWrap.flatMap((t) => t.keyIds.map((id) => namedTo(id, bundleNamed(t))))),
        destroy: destroy.length,
        destroyList: listValue(destroy.map(bundleNamed)),
        at: Math.max(0, ...destroy.map((d) => d.until)),
        fresh: plan.fresh.length,
        freshListPhrases: phrasesValue(plan.fresh.map(keyPhrase)),
      }),
    );
  if (exposed.length > 0)
    warnings.push(
      warningOf('EARLIER_PARAMETERS_BUNDLE_EXPOSED', {
        count: exposed.length,
        bundlesList: listValue(exposed.map(bundleNamed)),
        at: Math.max(...exposed.map((d) => d.until)),
        seq: Math.min(...exposed.map((d) => d.exposedSeq ?? 0)),
        takes: perKey ? 'per-key' : 'new',
      }),
    );
  return warnings;
}

/**
 * The material expiries the bundle requests (`parameters`) that are not ahead of the KMS's clock as
 * the newest import tokens of `keys` prove it (`kmsNow`, kms-time.ts), though ahead of this computer's (`now`;
 * one past by both was refused when the plan was made): the KMS will refuse those imports (KMS.2602)
 * unless given an expiry further ahead. In a rehearsal, the simulator's clock moved forward past a
 * plan's durations counted from this computer's clock at create-key.
 */
export function expiriesPastByKms(
  keys: readonly OnlineKeyState[],
  parameters: readonly { readonly keyId: string; readonly materialExpiry?: string | undefined }[],
  now: Date,
  kmsNow: Date,
): Warning | undefined {
  // A key bound to the material imported before has its own way (a restore given --expires): left out.
  const bound = new Set(keys.filter((k) => k.firstImport !== undefined).map((k) => k.keyId));
  const past = parameters.filter(
    (p) =>
      !bound.has(p.keyId) &&
      p.materialExpiry !== undefined &&
      p.materialExpiry !== 'never' &&
      Date.parse(p.materialExpiry) <= kmsNow.getTime(),
  );
  const first = past[0];
  if (!first) return undefined;
  return warningOf('MATERIAL_EXPIRY_PAST_BY_KMS', {
    count: past.length,
    keyId: first.keyId,
    at: Date.parse(first.materialExpiry ?? ''),
    kmsNow: kmsNow.getTime(),
    now: now.getTime(),
  });
}
