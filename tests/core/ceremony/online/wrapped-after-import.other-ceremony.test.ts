/**
 * The wrong stick after a full import: another ceremony's wrapped bundle, offered with its own
 * air-gapped receipt's digest. It was refused as "not the bundle the keys' material came from",
 * naming custody sets to keep, when it is not this ceremony's at all (found by an officer trial).
 * Its manifest, proven by the digest typed, names its ceremony: the refusal says so. Real
 * simulator, real files, two ceremonies.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { airGapSide, createFixture, onlineDayOne, receiptDigestOf, type Fixture } from '../ceremony-fixture';
import { onlineDayOneSteps } from '../../../helpers/ceremony-sides';
import { groupHex } from '../../../../src-main/core/hex-groups';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

/** Ceremony A imported from its own bundle, and ceremony B's wrapped bundle on another stick. */
async function importedBesideAnother() {
  const plan = f.plan(['AES_256']);
  const { params } = await onlineDayOne(f, plan);
  const ours = await airGapSide(f, plan, params);
  const otherPlan = { ...plan, keys: plan.keys.map((k) => ({ ...k, alias: `other-${k.alias}` })) };
  const other = await f.online(await f.journal('other-online.jsonl'), otherPlan);
  const otherParams = path.join(f.dir, 'other-params');
  await onlineDayOneSteps(other, otherPlan, otherParams);
  const theirs = await airGapSide(f, otherPlan, otherParams, path.join(f.dir, 'other-wrapped'), 'other-airgap.jsonl');
  const online = await f.online(await f.journal('online.jsonl'), plan);
  await online.connect();
  await online.checkWrappedBundle(ours.out, await receiptDigestOf(ours.out));
  await online.importMaterial();
  return { online, other, theirs };
}

describe("another ceremony's bundle offered after every key took its material", () => {
  it("with that bundle's receipt digest, is named as the other ceremony's", async () => {
    const { online, other, theirs } = await importedBesideAnother();
    await expect(online.checkWrappedBundle(theirs.out, await receiptDigestOf(theirs.out))).rejects.toMatchObject({
      code: 'WRAPPED_OTHER_CEREMONY',
      message: `The bundle belongs to ceremony ${other.ceremonyId}, not to ${online.ceremonyId}.`,
    });
  });

  it('with a digest its manifest does not have, is still refused as not the bundle imported', async () => {
    const { online, theirs } = await importedBesideAnother();
    const typed = groupHex('ab'.repeat(32));
    await expect(
      online.checkWrappedBundle(theirs.out, { expectedDigest: typed, source: 'air-gapped-receipt' }),
    ).rejects.toMatchObject({ code: 'WRAPPED_OTHER_THAN_IMPORTED' });
  });
});
