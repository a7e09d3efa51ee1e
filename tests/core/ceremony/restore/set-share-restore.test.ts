/**
 * The restore from the shares of a ceremony custody set and its backup
 * (src-main/core/ceremony/restore/set-share-restore.ts): real import parameters from the simulator
 * over 127.0.0.1, a real custody set of real AES and EC material, a real journal. Two of three
 * shares rebuild every key's very bytes, journaled with who held which share and the backup's
 * digest (never a share or the material), and the shares are wiped; one share, or no backup, is
 * refused, journaled, and nothing is kept.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readImportParametersBundle } from '../../../../src-main/core/ceremony/airgap/steps';
import { restoreFromSetShares } from '../../../../src-main/core/ceremony/restore/set-share-restore';
import { PresentedShares } from '../../../../src-main/core/ceremony/restore/presented-shares';
import { generateKeyMaterial } from '../../../../src-main/core/crypto/generate-key-material';
import type { KeyMaterial } from '../../../../src-main/core/crypto/key-material';
import { splitCustodySet, type CustodySet } from '../../../../src-main/core/custody/set-split';
import type { Journal } from '../../../../src-main/core/journal';
import { APP, createFixture, onlineDayOne, type Fixture } from '../ceremony-fixture';

const CUSTODIANS = ['Alice', 'Bob', 'Carol'];

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

/**
 * A two-key ceremony's parameters, its material split into a 2-of-3 set, and `indexes` presented;
 * `firstKeyOnly`: the set holds only the first key's material (another set's, for this bundle).
 */
async function restoreWith(indexes: readonly number[], withBackup = true, firstKeyOnly = false) {
  const plan = f.plan(['AES_256', 'EC_P256']);
  const { params } = await onlineDayOne(f, plan);
  const bundle = await readImportParametersBundle(params, new Date(), 'restore');
  const originals = new Map<string, KeyMaterial>();
  for (const key of bundle.keys) originals.set(key.keyId, await generateKeyMaterial(key.keySpec));
  const set: CustodySet = await splitCustodySet({
    ceremonyId: bundle.manifest.ceremonyId,
    m: 2,
    n: 3,
    custodians: CUSTODIANS,
    keys: bundle.keys.slice(0, firstKeyOnly ? 1 : undefined).map((k) => ({
      keyId: k.keyId,
      spec: k.keySpec,
      material: originals.get(k.keyId) as KeyMaterial,
    })),
  });
  const shares = new PresentedShares(bundle.keys);
  for (const share of set.shares) {
    if (indexes.includes(share.index)) shares.add(share, `${share.custodian} in person`, 'file');
    else share.share.dispose();
  }
  const journal: Journal = await f.journal('restore.jsonl');
  const kept = new Map<string, KeyMaterial>();
  const outcome = restoreFromSetShares(shares, {
    parameters: bundle.keys,
    options: { journal, title: 'Set restore', operator: plan.operator, witnesses: plan.witnesses, app: APP },
    keep: (keyId, material) => kept.set(keyId, material),
    backup: withBackup ? set.backup : undefined,
  });
  const sameBytes = (keyId: string) =>
    (kept.get(keyId) as KeyMaterial).secret.use((a) =>
      (originals.get(keyId) as KeyMaterial).secret.use((b) => Buffer.from(a).equals(Buffer.from(b))),
    );
  const dispose = () => {
    for (const m of [...originals.values(), ...kept.values()]) m.dispose();
  };
  return { outcome, kept, bundle, set, journal, shares, sameBytes, dispose };
}

describe('restoreFromSetShares', () => {
  it('rebuilds every key from shares 1 and 3 and the backup, journals who held which share, and wipes the shares', async () => {
    const run = await restoreWith([1, 3]);
    try {
      const { result, presented } = await run.outcome;
      const ids = run.bundle.keys.map((k) => k.keyId);
      expect([...run.kept.keys()].sort()).toEqual([...ids].sort());
      for (const id of ids) expect(run.sameBytes(id), id).toBe(true);
      expect(result).toMatchObject({ shareIndexes: [1, 3], threshold: 2, total: 3, keys: expect.any(Array) });
      expect(result.keys?.map((k) => k.keyId)).toEqual(ids);
      expect(presented.map((p) => [p.shareIndex, p.custodian])).toEqual([
        [1, 'Alice'],
        [3, 'Carol'],
      ]);
      expect(run.shares.setShares.every((s) => s.share.disposed)).toBe(true);
      const restored = run.journal.entries.filter((e) => e.event === 'custody.restored');
      expect(restored).toHaveLength(1);
      expect(restored[0]?.data).toMatchObject({
        keyIds: ids,
        backupDigest: run.set.backup.digest,
        threshold: 2,
        total: 3,
        holders: [
          { shareIndex: 1, custodian: 'Alice', presentedBy: 'Alice in person' },
          { shareIndex: 3, custodian: 'Carol', presentedBy: 'Carol in person' },
        ],
      });
    } finally {
      run.dispose();
    }
  }, 60_000);

  it('refuses one share of a 2-of-3 set, journals the refusal with the share presented, and keeps nothing', async () => {
    const run = await restoreWith([2]);
    try {
      await expect(run.outcome).rejects.toMatchObject({ code: expect.stringMatching(/^CUSTODY_/) });
      expect(run.kept.size).toBe(0);
      const refused = run.journal.entries.filter((e) => e.event === 'custody.restore-refused');
      expect(refused.map((e) => e.data)).toEqual([
        expect.objectContaining({ keyIds: run.bundle.keys.map((k) => k.keyId), sharesPresented: [2] }),
      ]);
      expect(run.journal.entries.some((e) => e.event === 'custody.restored')).toBe(false);
    } finally {
      run.dispose();
    }
  }, 60_000);

  it('refuses a set that lacks a key of the bundle, saying which set to bring (no keys to choose with a bundle)', async () => {
    const run = await restoreWith([1, 2], true, true);
    try {
      const missing = run.bundle.keys[1]?.keyId as string;
      await expect(run.outcome).rejects.toMatchObject({
        code: 'CUSTODY_BACKUP_KEY_UNKNOWN',
        message: `Key ${missing} is not in the custody backup of ceremony ${run.bundle.manifest.ceremonyId}. Nothing was restored.`,
        nextStep: expect.stringContaining(
          `This custody set does not hold the material of the bundle’s key ${missing}: bring the shares and backup of the custody set that does.`,
        ),
      });
      expect(run.kept.size).toBe(0);
    } finally {
      run.dispose();
    }
  }, 60_000);

  it('refuses enough shares without their backup (CUSTODY_BACKUP_MISSING), journaled, keeping nothing', async () => {
    const run = await restoreWith([1, 2], false);
    try {
      await expect(run.outcome).rejects.toMatchObject({ code: 'CUSTODY_BACKUP_MISSING' });
      expect(run.kept.size).toBe(0);
      expect(run.journal.entries.at(-1)).toMatchObject({
        event: 'custody.restore-refused',
        data: expect.objectContaining({ code: 'CUSTODY_BACKUP_MISSING', sharesPresented: [1, 2] }),
      });
    } finally {
      run.dispose();
    }
  }, 60_000);
});
