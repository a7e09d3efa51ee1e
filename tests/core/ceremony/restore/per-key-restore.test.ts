/**
 * The per-key (format 1) restore on its own (restoreFromKeyShares): real import parameters from
 * the simulator, real shares of real AES material, a real journal. Three of five shares rebuild
 * the very bytes that were split (the kept material, its KCV, the journaled holders); two are
 * refused, journaled, and nothing is kept.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readImportParametersBundle } from '../../../../src-main/core/ceremony/airgap/steps';
import { restoreFromKeyShares } from '../../../../src-main/core/ceremony/restore/per-key-restore';
import { PresentedShares } from '../../../../src-main/core/ceremony/restore/presented-shares';
import { keyCheckValue } from '../../../../src-main/core/crypto/evidence';
import { createKeyMaterial, type KeyMaterial } from '../../../../src-main/core/crypto/key-material';
import { SecretBytes } from '../../../../src-main/core/crypto/secret-bytes';
import { splitMaterial } from '../../../../src-main/core/custody/split';
import type { ImportParameters } from '../../../../src-main/core/bundle';
import type { Journal } from '../../../../src-main/core/journal';
import { APP, createFixture, onlineDayOne, type Fixture } from '../ceremony-fixture';

const CUSTODIANS = ['Alice', 'Bob', 'Carol', 'Dave', 'Erin'];

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

async function sharesOf(secret: Buffer, key: ImportParameters, ceremonyId: string) {
  const material = createKeyMaterial('AES_256', SecretBytes.from(Buffer.from(secret)));
  try {
    return await splitMaterial({
      material,
      m: 3,
      n: 5,
      ceremonyId,
      keyId: key.keyId,
      spec: 'AES_256',
      custodians: CUSTODIANS,
    });
  } finally {
    material.dispose();
  }
}

async function restoreWith(indexes: readonly number[], journal: Journal) {
  const plan = f.plan(['AES_256']);
  const { params } = await onlineDayOne(f, plan);
  const bundle = await readImportParametersBundle(params, new Date(), 'restore');
  const key = bundle.keys[0] as ImportParameters;
  const secret = randomBytes(32);
  const all = await sharesOf(secret, key, bundle.manifest.ceremonyId);
  const shares = new PresentedShares(bundle.keys);
  for (const share of all) {
    if (indexes.includes(share.index)) shares.add(share, share.custodian, 'file');
    else share.share.dispose();
  }
  const kept = new Map<string, KeyMaterial>();
  const outcome = restoreFromKeyShares(shares, {
    parameters: bundle.keys,
    options: { journal, title: 'Per-key restore', operator: plan.operator, witnesses: plan.witnesses, app: APP },
    keep: (keyId, material) => kept.set(keyId, material),
  });
  return { outcome, kept, key, secret };
}

describe('restoreFromKeyShares (per-key shares of earlier versions)', () => {
  it('rebuilds the split bytes from shares 1, 3 and 5 and journals who held which share', async () => {
    const journal = await f.journal('restore.jsonl');
    const run = await restoreWith([1, 3, 5], journal);
    const { result, key, presented } = await run.outcome;
    const material = run.kept.get(key.keyId) as KeyMaterial;
    expect(material.secret.use((bytes) => Buffer.from(bytes).equals(run.secret))).toBe(true);
    const kcv = keyCheckValue('AES_256', SecretBytes.from(Buffer.from(run.secret)));
    expect(result).toMatchObject({
      keyId: key.keyId,
      shareIndexes: [1, 3, 5],
      threshold: 3,
      total: 5,
      keyCheckValue: kcv,
      publicKeyFingerprint: null,
      proof: { key: 'proof.restore.shares', values: { kind: 'kcv', value: kcv } },
    });
    expect(presented.map((p) => p.custodian)).toEqual(['Alice', 'Carol', 'Erin']);
    const restored = journal.entries.filter((e) => e.event === 'custody.restored');
    expect(restored).toHaveLength(1);
    expect(restored[0]?.data).toMatchObject({
      keyId: key.keyId,
      keyCheckValue: kcv,
      holders: [
        { shareIndex: 1, custodian: 'Alice' },
        { shareIndex: 3, custodian: 'Carol' },
        { shareIndex: 5, custodian: 'Erin' },
      ],
    });
    material.dispose();
  });

  it('refuses two shares of a 3-of-5 split, journals the refusal and keeps nothing', async () => {
    const journal = await f.journal('restore.jsonl');
    const run = await restoreWith([2, 4], journal);
    await expect(run.outcome).rejects.toMatchObject({ code: 'CUSTODY_TOO_FEW_SHARES' });
    expect(run.kept.size).toBe(0);
    const refused = journal.entries.filter((e) => e.event === 'custody.restore-refused');
    expect(refused).toHaveLength(1);
    expect(refused[0]?.data).toMatchObject({ keyId: run.key.keyId, sharesPresented: [2, 4] });
    expect(journal.entries.some((e) => e.event === 'custody.restored')).toBe(false);
  });
});
