/**
 * What a custody restore holds between its steps (src-main/core/ceremony/restore/restore-state.ts),
 * on a real import-parameters bundle from the simulator over 127.0.0.1, a real custody set and a
 * real journal: the overview shown before any share is presented says what the bundle holds; the
 * backup presented with the shares is journaled by file, ceremony and digest (never its contents),
 * another ceremony's backup is refused and journaled; the wrapped bundle records every holder the
 * backup names, not only those who came.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBundleDigest, type ImportParametersBundle } from '../../../../src-main/core/bundle';
import { readImportParametersBundle } from '../../../../src-main/core/ceremony/airgap/steps';
import { PresentedShares } from '../../../../src-main/core/ceremony/restore/presented-shares';
import {
  journalPresentedBackup,
  parametersOverview,
  restoredCustody,
} from '../../../../src-main/core/ceremony/restore/restore-state';
import { restoreFromSetShares } from '../../../../src-main/core/ceremony/restore/set-share-restore';
import { generateKeyMaterial } from '../../../../src-main/core/crypto/generate-key-material';
import type { KeyMaterial } from '../../../../src-main/core/crypto/key-material';
import { splitCustodySet, type CustodySet } from '../../../../src-main/core/custody/set-split';
import type { SetShare } from '../../../../src-main/core/custody/set-share';
import type { Journal } from '../../../../src-main/core/journal';
import { otherCeremonySet } from '../../../helpers/custody-sets';
import { APP, createFixture, onlineDayOne, type Fixture } from '../ceremony-fixture';

const CUSTODIANS = ['Alice', 'Bob', 'Carol'];

let f: Fixture;
let params: string;
let bundle: ImportParametersBundle;
beforeAll(async () => {
  f = await createFixture();
  ({ params } = await onlineDayOne(f, f.plan(['AES_256', 'EC_P256'])));
  bundle = await readImportParametersBundle(params, new Date(), 'restore');
}, 60_000);
afterAll(async () => {
  await f.close();
});

async function ceremonySet(): Promise<{ set: CustodySet; materials: KeyMaterial[] }> {
  const materials = await Promise.all(bundle.keys.map((k) => generateKeyMaterial(k.keySpec)));
  const set = await splitCustodySet({
    ceremonyId: bundle.manifest.ceremonyId,
    m: 2,
    n: 3,
    custodians: CUSTODIANS,
    keys: bundle.keys.map((k, i) => ({ keyId: k.keyId, spec: k.keySpec, material: materials[i] as KeyMaterial })),
  });
  return { set, materials };
}

describe('parametersOverview', () => {
  it("shows what the fresh bundle holds: its ceremony and digest, each key's wrapping key, token expiry and planned expiry", async () => {
    const overview = parametersOverview(bundle);
    expect(overview.ceremonyId).toBe(bundle.manifest.ceremonyId);
    expect(overview.manifestSha256).toBe(await readBundleDigest(params));
    expect(overview.keys).toEqual(
      bundle.keys.map((k) => ({
        keyId: k.keyId,
        spec: k.keySpec,
        wrappingKeyFingerprint: k.wrappingKey.fingerprint,
        tokenExpiresAt: k.importToken?.expiry?.expiresAt,
        plannedExpiry: 'never',
      })),
    );
    expect(overview.keys.map((k) => k.tokenExpiresAt)).toEqual([expect.any(String), expect.any(String)]);
    expect(overview.materialExpiry).toBe(bundle.manifest.ceremony?.materialExpiry ?? null);
  });
});

describe('journalPresentedBackup', () => {
  it("journals the backup of the shares' own set by file, ceremony, digest and key count, never its contents", async () => {
    const { set, materials } = await ceremonySet();
    const journal: Journal = await f.journal('restore-backup.jsonl');
    const shares = new PresentedShares(bundle.keys);
    shares.add(set.shares[0] as SetShare, 'Alice', 'file');
    const record = await journalPresentedBackup(journal, 'Ana', shares, set.backup, {
      file: '/media/usb/custody-backup.json',
      source: 'file',
    });
    expect(record).toEqual({
      file: '/media/usb/custody-backup.json',
      ceremonyId: bundle.manifest.ceremonyId,
      digest: set.backup.digest,
      keys: 2,
      source: 'file',
    });
    expect(journal.entries.at(-1)).toMatchObject({ event: 'custody.backup-presented', data: record });
    expect(JSON.stringify(journal.entries)).not.toContain(JSON.stringify(set.backup.entries[0]).slice(0, 40));
    shares.disposeAll();
    for (const m of materials) m.dispose();
    for (const s of set.shares) s.share.dispose();
  });

  it('refuses a backup that holds no material of a key of the bundle, before the shares are combined', async () => {
    const { set, materials } = await ceremonySet();
    const journal: Journal = await f.journal('restore-backup-key.jsonl');
    const shares = new PresentedShares(bundle.keys);
    shares.add(set.shares[0] as SetShare, 'Alice', 'file');
    const unknown = '7e0c2b1a-3d4f-4a5b-8c6d-9e0f1a2b3c4d';
    const keyIds = [...bundle.keys.map((k) => k.keyId), unknown];
    await expect(
      journalPresentedBackup(journal, 'Ana', shares, set.backup, { file: 'backup.json', source: 'file' }, keyIds),
    ).rejects.toMatchObject({ code: 'CUSTODY_BACKUP_KEY_UNKNOWN', values: { keyId: unknown, chosenBy: 'bundle' } });
    expect(journal.entries.at(-1)).toMatchObject({
      event: 'custody.backup-refused',
      data: expect.objectContaining({ code: 'CUSTODY_BACKUP_KEY_UNKNOWN' }),
    });
    shares.disposeAll();
    for (const m of materials) m.dispose();
    for (const s of set.shares) s.share.dispose();
  });

  it("refuses another ceremony's backup (CUSTODY_BACKUP_SWAPPED), journaled with the refusal", async () => {
    const { set, materials } = await ceremonySet();
    const other = await otherCeremonySet('KF-20300102-zzzzzz', bundle.keys[0]?.keyId as string, {
      m: 2,
      n: 3,
      custodians: CUSTODIANS,
    });
    const journal: Journal = await f.journal('restore-swapped.jsonl');
    const shares = new PresentedShares(bundle.keys);
    shares.add(set.shares[1] as SetShare, 'Bob', 'typed');
    await expect(
      journalPresentedBackup(journal, 'Ana', shares, other.backup, { file: 'other-backup.json', source: 'typed' }),
    ).rejects.toMatchObject({ code: 'CUSTODY_BACKUP_SWAPPED' });
    expect(journal.entries.at(-1)).toMatchObject({
      event: 'custody.backup-refused',
      data: expect.objectContaining({
        code: 'CUSTODY_BACKUP_SWAPPED',
        ceremonyId: 'KF-20300102-zzzzzz',
        digest: other.backup.digest,
      }),
    });
    expect(journal.entries.some((e) => e.event === 'custody.backup-presented')).toBe(false);
    shares.disposeAll();
    for (const m of materials) m.dispose();
    for (const s of [...set.shares, ...other.shares]) s.share.dispose();
  });
});

describe('restoredCustody', () => {
  it('records every holder the backup names and who presented which share', async () => {
    const { set, materials } = await ceremonySet();
    const journal: Journal = await f.journal('restore-custody.jsonl');
    const shares = new PresentedShares(bundle.keys);
    shares.add(set.shares[2] as SetShare, 'Carol', 'file');
    shares.add(set.shares[0] as SetShare, 'Dora for Alice', 'typed');
    for (const s of set.shares.slice(1, 2)) s.share.dispose();
    const kept: KeyMaterial[] = [];
    const { result, presented } = await restoreFromSetShares(shares, {
      parameters: bundle.keys,
      options: { journal, title: 'Restore', operator: 'Ana', witnesses: ['Ben'], app: APP },
      keep: (_keyId, material) => kept.push(material),
      backup: set.backup,
    });
    const custody = restoredCustody({ from: 'shares', keys: bundle.keys, result, presented }, set.backup, []);
    expect(custody).toMatchObject({ kind: 'shares', threshold: 2, total: 3, custodians: CUSTODIANS });
    expect(JSON.stringify(custody)).toContain('Dora for Alice');
    for (const m of [...materials, ...kept]) m.dispose();
  }, 60_000);
});
