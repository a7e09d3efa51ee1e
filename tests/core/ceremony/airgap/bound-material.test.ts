/**
 * A key the KMS bound to material at its first import, against the KMS simulator with real
 * bundles, journals, share files and receipts: after the material was deleted, the online side's
 * fresh parameters carry the bound KCV (format 3, the online journal's entry); the air-gapped side
 * refuses to generate before anything is generated, refuses a material file and a custody restore
 * of other material (custody set or per-key shares; journaled deviations, nothing wrapped), and
 * takes the original material from its file or from the custody set, proving it and saying so on
 * the receipt; the KMS imports it. Wrapping itself refuses other material for a bound key.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBundle, type ImportParametersManifest } from '../../../../src-main/core/bundle';
import { MaterialVault } from '../../../../src-main/core/ceremony/airgap/material-vault';
import { wrapAll } from '../../../../src-main/core/ceremony/airgap/wrap';
import type { CustodyShare } from '../../../../src-main/core/custody/custody-share';
import { splitMaterial } from '../../../../src-main/core/custody/split';
import type { CeremonyPlan } from '../../../../src-main/core/ceremony/shared/ceremony-plan';
import { createKeyMaterial } from '../../../../src-main/core/crypto/key-material';
import { SecretBytes } from '../../../../src-main/core/crypto/secret-bytes';
import { readBackupFile } from '../../../../src-main/core/custody/backup-text';
import { splitCustodySet } from '../../../../src-main/core/custody/set-split';
import { readAnyShareFile } from '../../../../src-main/core/custody/share-file';
import type { SetShare } from '../../../../src-main/core/custody/set-share';
import { toProblem } from '../../../../src-main/core/errors';
import { listDeviations, verifyJournal, type JournalEntry } from '../../../../src-main/core/journal';
import { translator } from '../../../../src-main/i18n/translate';
import { createFixture, materialDeletedAfterImport, onlineDayOne, type Fixture } from '../ceremony-fixture';
import { confirmEveryWitness } from '../witness-helpers';
import { backupFileIn, shareFileIn } from '../../../helpers/custody-files';

const CUSTODIANS = ['Alice', 'Bob', 'Carol'];

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

async function entries(name: string): Promise<JournalEntry[]> {
  return (await readFile(path.join(f.dir, name), 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as JournalEntry);
}

/**
 * Day 1 and the first air-gapped session (material generated, split 2-of-3), imported and
 * verified; then the material is deleted and fresh parameters written: what a lapse leaves.
 */
async function importedThenDeleted(plan: CeremonyPlan) {
  const { params } = await onlineDayOne(f, plan);
  const materials: Buffer[] = [];
  const journal = await f.journal('airgap.jsonl');
  const air = await f.airgap(journal, plan, { onMaterialForAudit: (copy) => materials.push(copy) });
  await air.checkNetwork();
  const overview = await air.readParametersBundle(params);
  await confirmEveryWitness(air, plan.witnesses, params);
  const folders = CUSTODIANS.map((_, i) => path.join(f.dir, `custodian-${i + 1}`));
  for (const folder of folders) await mkdir(folder);
  const receipts = await mkdtemp(path.join(f.dir, 'receipt-1-'));
  const wrapped1 = path.join(f.dir, 'wrapped-1');
  await air.preflight({
    wrappedBundle: wrapped1,
    receiptFolder: receipts,
    custodianFolders: folders,
    allowSameVolume: true,
  });
  const [generated] = await air.generateMaterial();
  await air.splitCustody({ m: 2, n: 3, custodians: CUSTODIANS, folders, allowSameVolume: true });
  await air.wrap();
  await air.writeWrappedBundle(wrapped1);
  await air.writeReceipt(receipts);
  await journal.close();

  const { online, keyId, params: params2 } = await materialDeletedAfterImport(f, plan, wrapped1);
  const importedSeq = (await entries('online.jsonl')).find((e) => e.event === 'key.imported')?.seq;
  return {
    online,
    keyId,
    alias: overview.keys[0]?.alias as string,
    kcv: generated?.keyCheckValue as string,
    material: materials[0] as Buffer,
    ceremonyId: overview.ceremonyId,
    folders,
    params2,
    importedSeq: importedSeq as number,
  };
}

/** The air-gapped side on the fresh parameters, up to the material step, on its own journal. */
async function airGapOn(params: string, journalName: string, plan: CeremonyPlan, onMaterial?: (b: Buffer) => void) {
  const air = await f.airgap(await f.journal(journalName), plan, onMaterial ? { onMaterialForAudit: onMaterial } : {});
  await air.checkNetwork();
  const overview = await air.readParametersBundle(params);
  await confirmEveryWitness(air, plan.witnesses, params);
  const receipts = await mkdtemp(path.join(f.dir, 'receipt-'));
  const out = path.join(f.dir, `wrapped-${journalName}`);
  await air.preflight({ wrappedBundle: out, receiptFolder: receipts });
  return { air, overview, receipts, out };
}

describe('material a key is bound to', () => {
  it('fresh parameters carry the bound KCV; generate is refused before anything is generated; only the bound material file is taken, and the receipt says so', async () => {
    const plan = f.plan(['AES_256']);
    const first = await importedThenDeleted(plan);
    const manifest = JSON.parse(
      await readFile(path.join(first.params2, 'manifest.json'), 'utf8'),
    ) as ImportParametersManifest;
    expect(manifest.formatVersion).toBe(6);
    expect(manifest.keys[0]?.boundMaterial).toEqual({
      kind: 'key-check-value',
      method: 'aes-ecb-zero-block',
      keyCheckValue: first.kcv,
      importedSeq: first.importedSeq,
    });

    let generated = 0;
    const { air, overview, receipts, out } = await airGapOn(first.params2, 'airgap-2.jsonl', plan, () => {
      generated += 1;
    });
    expect(overview.keys[0]?.bound).toEqual({ kind: 'kcv', value: first.kcv, importedSeq: first.importedSeq });
    // The one decision the CLI and the app's screen both ask before anyone presses Generate.
    expect(air.generateRefusal()?.keyIds).toEqual([first.keyId]);
    const refusal = await air.generateMaterial().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toMatchObject({
      code: 'MATERIAL_BOUND_GENERATE_REFUSED',
      values: {
        keyId: first.keyId,
        alias: first.alias,
        kind: 'kcv',
        bound: first.kcv,
        seq: first.importedSeq,
        count: 1,
      },
    });
    expect(generated).toBe(0);
    const en = translator('en').problem(toProblem(refusal));
    expect(en.message).toContain(
      `Key ${first.alias} (${first.keyId}) is bound to the material imported at online journal entry`,
    );
    expect(en.message).toContain(`KCV ${first.kcv}`);
    expect(en.message).toContain('Nothing was generated.');
    expect(en.nextStep).toContain('keyferry custody restore');
    const zh = translator('zh-CN').problem(toProblem(refusal));
    expect(zh.message).toContain(`密钥校验值（KCV） ${first.kcv}`);
    expect(zh.nextStep).toContain('keyferry custody restore');

    // Another material from a file: refused, never held.
    const other = path.join(f.dir, 'other-material.bin');
    await writeFile(other, randomBytes(32), { mode: 0o600 });
    await expect(air.loadMaterialFile(first.keyId, other)).rejects.toMatchObject({
      code: 'MATERIAL_NOT_THE_BOUND',
      values: { keyId: first.keyId, kind: 'kcv', bound: first.kcv },
    });

    // The original material, from the officer's file: proven, wrapped, imported.
    const file = path.join(f.dir, 'original-material.bin');
    await writeFile(file, first.material, { mode: 0o600 });
    await air.loadMaterialFile(first.keyId, file);
    expect(air.generateRefusal()).toBeNull();
    await air.wrap();
    const bundle = await air.writeWrappedBundle(out);
    const receipt = await air.writeReceipt(receipts);
    const journal = await entries('airgap-2.jsonl');
    expect(journal.some((e) => e.event === 'material.generated')).toBe(false);
    expect(listDeviations(journal).map((d) => [d.entry.event, d.entry.data.code])).toEqual([
      ['material.refused', 'MATERIAL_BOUND_GENERATE_REFUSED'],
      ['material.refused', 'MATERIAL_NOT_THE_BOUND'],
    ]);
    expect(journal.find((e) => e.event === 'material.bound-matched')?.data).toMatchObject({
      keyId: first.keyId,
      kind: 'key-check-value',
      value: first.kcv,
      importedSeq: first.importedSeq,
      source: 'file',
    });
    const text = await readFile(receipt.textFile, 'utf8');
    expect(text).toMatch(
      new RegExp(
        `Bound material \\.+ Matched: the material first imported into this key \\(online journal entry ${first.importedSeq}\\)`,
      ),
    );
    expect(await readFile(receipt.htmlFile, 'utf8')).toContain('Bound material');

    await first.online.checkWrappedBundle(out, { expectedDigest: bundle.manifestSha256, source: 'air-gapped-receipt' });
    await first.online.importMaterial();
    expect((await first.online.verifyKeys()).map((p) => [p.keyState, p.ok])).toEqual([['Enabled', true]]);
  }, 120_000);

  it('a custody restore proves the rebuilt material is the bound one before wrapping; other material is refused and journaled', async () => {
    const plan = f.plan(['AES_256']);
    const first = await importedThenDeleted(plan);
    const openRestore = async (journal: string) => {
      const restore = await f.restore(await f.journal(journal), plan);
      await restore.checkNetwork();
      await restore.readParametersBundle(first.params2);
      await restore.preflight({ wrappedBundle: path.join(f.dir, `wrapped-${journal}`), receiptFolder: f.dir });
      await confirmEveryWitness(restore, plan.witnesses, first.params2);
      return restore;
    };

    // A custody set of other material for the same key and ceremony: intact shares, a matching backup.
    const stranger = createKeyMaterial('AES_256', SecretBytes.from(randomBytes(32)));
    const foreign = await splitCustodySet({
      ceremonyId: first.ceremonyId,
      m: 2,
      n: 3,
      custodians: CUSTODIANS,
      keys: [{ keyId: first.keyId, spec: 'AES_256', material: stranger }],
    });
    stranger.dispose();
    const wrong = await openRestore('restore-wrong.jsonl');
    await wrong.presentShare(foreign.shares[0] as SetShare);
    await wrong.presentShare(foreign.shares[1] as SetShare);
    (foreign.shares[2] as SetShare).share.dispose();
    await wrong.presentBackup(foreign.backup, 'foreign-backup.txt');
    await expect(wrong.restore()).rejects.toMatchObject({
      code: 'MATERIAL_NOT_THE_BOUND',
      values: { keyId: first.keyId, kind: 'kcv', bound: first.kcv },
    });
    const wrongJournal = await entries('restore-wrong.jsonl');
    expect(listDeviations(wrongJournal).map((d) => [d.entry.event, d.entry.data.code])).toEqual([
      ['custody.restore-refused', 'MATERIAL_NOT_THE_BOUND'],
    ]);
    expect(wrongJournal.some((e) => e.event === 'custody.restored' || e.event === 'material.wrapped')).toBe(false);
    await expect(wrong.wrapAll()).rejects.toMatchObject({ code: 'CEREMONY_STEP_OUT_OF_ORDER' });

    // The custodians' own shares 1 and 3 with their backup: proven, journaled as matched, wrapped, imported.
    const restore = await openRestore('restore.jsonl');
    for (const i of [1, 3])
      await restore.presentShare((await readAnyShareFile(shareFileIn(first.folders[i - 1] as string, i))) as SetShare);
    await restore.presentBackup(await readBackupFile(backupFileIn(first.folders[0] as string)), 'backup');
    const restored = await restore.restore();
    expect(restored.keyCheckValue).toBe(first.kcv);
    const journal = await entries('restore.jsonl');
    const matched = journal.findIndex((e) => e.event === 'material.bound-matched');
    expect(journal[matched]?.data).toMatchObject({ keyId: first.keyId, value: first.kcv, source: 'restore' });
    expect(matched).toBeLessThan(journal.findIndex((e) => e.event === 'custody.restored'));
    await restore.wrapAll();
    const out = path.join(f.dir, 'wrapped-restore.jsonl');
    const bundle = await restore.writeWrappedBundle(out);
    const receipt = await restore.writeReceipt(f.dir);
    expect(await readFile(receipt.textFile, 'utf8')).toContain(
      `Matched: the material first imported into this key (online journal entry ${first.importedSeq})`,
    );
    expect((await verifyJournal(path.join(f.dir, 'restore.jsonl'))).ok).toBe(true);
    await first.online.checkWrappedBundle(out, { expectedDigest: bundle.manifestSha256, source: 'air-gapped-receipt' });
    await first.online.importMaterial();
    expect((await first.online.verifyKeys()).map((p) => [p.keyState, p.ok])).toEqual([['Enabled', true]]);
  }, 120_000);

  it('per-key shares (format 1) of other material are refused too, and wrapping checks the binding whatever the source', async () => {
    const plan = f.plan(['AES_256']);
    const first = await importedThenDeleted(plan);
    const stranger = createKeyMaterial('AES_256', SecretBytes.from(randomBytes(32)));
    const shares = await splitMaterial({
      material: stranger,
      m: 2,
      n: 3,
      ceremonyId: first.ceremonyId,
      keyId: first.keyId,
      spec: 'AES_256',
      custodians: CUSTODIANS,
    });
    const restore = await f.restore(await f.journal('restore-v1.jsonl'), plan);
    await restore.checkNetwork();
    await restore.readParametersBundle(first.params2);
    await restore.preflight({ wrappedBundle: path.join(f.dir, 'wrapped-v1'), receiptFolder: f.dir });
    await confirmEveryWitness(restore, plan.witnesses, first.params2);
    await restore.presentShare(shares[0] as CustodyShare);
    await restore.presentShare(shares[2] as CustodyShare);
    (shares[1] as CustodyShare).share.dispose();
    await expect(restore.restore()).rejects.toMatchObject({
      code: 'MATERIAL_NOT_THE_BOUND',
      values: { keyId: first.keyId, bound: first.kcv },
    });
    expect(listDeviations(await entries('restore-v1.jsonl')).map((d) => [d.entry.event, d.entry.data.code])).toEqual([
      ['custody.restore-refused', 'MATERIAL_NOT_THE_BOUND'],
    ]);

    // The last guard: material of another KCV in the vault is never wrapped for the bound key.
    const bundle = await readBundle(first.params2, { now: new Date() });
    if (bundle.kind !== 'import-parameters') throw new Error('kind');
    const vault = new MaterialVault();
    vault.put(first.keyId, stranger);
    const journal = await f.journal('wrap-guard.jsonl');
    await expect(wrapAll(bundle.keys, vault, { journal, operator: 'Ana' })).rejects.toMatchObject({
      code: 'MATERIAL_NOT_THE_BOUND',
      values: { keyId: first.keyId, bound: first.kcv },
    });
    expect(vault.size).toBe(0);
  }, 120_000);
});
