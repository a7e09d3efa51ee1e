/**
 * The custody restore ceremony (RestoreCeremony) against real bundles, real share files, real
 * journals and the KMS simulator: guarded steps; corrupted, foreign, mixed, repeated and too few
 * shares refused (journaled, nothing written); an EC_P256 key restored from shares 2, 4, 5 and
 * wrapped for its parameters; the journal and receipt name who presented which share and carry no
 * share bytes; the online side refuses restored material it never saw wrapped under the KMS's keys.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CeremonyPlan } from '../../../../src-main/core/ceremony/shared/ceremony-plan';
import { RestoreCeremony } from '../../../../src-main/core/ceremony/restore/workflow';
import { createKeyMaterial } from '../../../../src-main/core/crypto/key-material';
import { SecretBytes } from '../../../../src-main/core/crypto/secret-bytes';
import type { CustodyShare } from '../../../../src-main/core/custody/custody-share';
import { readBackupFile } from '../../../../src-main/core/custody/backup-text';
import { computeSetShareChecksum, type SetShare } from '../../../../src-main/core/custody/set-share';
import { encodeShareFile, readAnyShareFile, readShareFile } from '../../../../src-main/core/custody/share-file';
import { splitMaterial } from '../../../../src-main/core/custody/split';
import { splitCustodySet } from '../../../../src-main/core/custody/set-split';
import { verifyJournal } from '../../../../src-main/core/journal';
import type { CustodyArrangement } from '../../../../src-main/core/bundle';
import { custodyLine } from '../../../../src-main/i18n/custody-line';
import { toProblem } from '../../../../src-main/core/errors';
import { translator } from '../../../../src-main/i18n/translate';
import { APP, OFFLINE, createFixture, onlineDayOne, type Fixture } from '../ceremony-fixture';
import { importGraph } from '../../../support/import-graph';
import { confirmEveryWitness, parametersDigestOf, slipInGroup, stopLineOf } from '../witness-helpers';
import { backupFileIn, shareFileIn } from '../../../helpers/custody-files';

const CUSTODIANS = ['Alice', 'Bob', 'Carol', 'Dave', 'Erin'];
const OUT_OF_ORDER = { code: 'CEREMONY_STEP_OUT_OF_ORDER' };
const ROOT = path.resolve(__dirname, '../../../..');

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

interface Split {
  readonly ceremonyId: string;
  readonly params: string;
  readonly folders: string[];
  readonly keyIds: string[];
  readonly materials: Buffer[];
}

/** Online day 1, then the air-gapped side with a 3-of-5 custody split (not imported yet). */
async function splitCeremony(plan: CeremonyPlan): Promise<Split> {
  const { params, created } = await onlineDayOne(f, plan);
  const materials: Buffer[] = [];
  const journal = await f.journal('airgap.jsonl');
  const air = await f.airgap(journal, plan, {
    onMaterialForAudit: (copy) => materials.push(copy),
  });
  await air.checkNetwork();
  const overview = await air.readParametersBundle(params);
  await confirmEveryWitness(air, ['Ben', 'Chloé'], params);
  const folders: string[] = [];
  for (let i = 1; i <= 5; i++) {
    folders.push(path.join(f.dir, `custodian-${i}`));
    await mkdir(folders[i - 1] as string);
  }
  await air.preflight({
    wrappedBundle: path.join(f.dir, 'wrapped-split'),
    receiptFolder: f.dir,
    custodianFolders: folders,
    allowSameVolume: true,
  });
  await air.generateMaterial();
  await air.splitCustody({ m: 3, n: 5, custodians: CUSTODIANS, folders, allowSameVolume: true });
  await journal.close();
  return { ceremonyId: overview.ceremonyId, params, folders, keyIds: created.map((k) => k.keyId), materials };
}

/** Custodian i's share of the ceremony's custody set (one share covers every key). */
function shareFile(split: Split, index: number): string {
  return shareFileIn(split.folders[index - 1] as string, index);
}

async function setShare(split: Split, index: number): Promise<SetShare> {
  return (await readAnyShareFile(shareFile(split, index))) as SetShare;
}

async function backupOf(split: Split, index = 1) {
  return readBackupFile(backupFileIn(split.folders[index - 1] as string));
}

/**
 * Per-key shares (format 1) as earlier versions wrote them, made from the material the
 * air-gapped side generated (its audit copy), so old shares in custodians' safes are proven to restore.
 */
async function perKeyShares(split: Split, plan: CeremonyPlan, i = 0): Promise<CustodyShare[]> {
  const spec = plan.keys[i]?.spec as 'AES_256';
  const material = createKeyMaterial(spec, SecretBytes.from(Buffer.from(split.materials[i] as Buffer)));
  try {
    return await splitMaterial({
      material,
      m: 3,
      n: 5,
      ceremonyId: split.ceremonyId,
      keyId: split.keyIds[i] as string,
      spec,
      custodians: CUSTODIANS,
    });
  } finally {
    material.dispose();
  }
}

async function startRestore(journalName = 'restore.jsonl', plan = f.plan(['AES_256'])): Promise<RestoreCeremony> {
  return RestoreCeremony.start({
    journal: await f.journal(journalName),
    title: 'Test ceremony',
    operator: plan.operator,
    witnesses: plan.witnesses,
    app: APP,
    interfaces: OFFLINE,
  });
}

async function foreignShares(keyId: string, spec: 'AES_256', ceremonyId: string): Promise<CustodyShare[]> {
  const material = createKeyMaterial(spec, SecretBytes.from(randomBytes(32)));
  try {
    return await splitMaterial({ material, m: 3, n: 5, ceremonyId, keyId, spec, custodians: CUSTODIANS });
  } finally {
    material.dispose();
  }
}

describe('custody restore ceremony', () => {
  it('refuses every step out of order and wipes a share it could not take', async () => {
    const plan = f.plan(['AES_256']);
    const split = await splitCeremony(plan);
    const restore = await startRestore();
    const early = await setShare(split, 1);
    await expect(restore.presentShare(early)).rejects.toMatchObject(OUT_OF_ORDER);
    expect(early.share.disposed).toBe(true);
    await expect(restore.readParametersBundle(split.params)).rejects.toMatchObject(OUT_OF_ORDER);
    await expect(restore.restore()).rejects.toMatchObject(OUT_OF_ORDER);
    await expect(restore.wrap()).rejects.toMatchObject(OUT_OF_ORDER);
    await restore.checkNetwork();
    await expect(restore.restore()).rejects.toMatchObject(OUT_OF_ORDER);
    await restore.readParametersBundle(split.params);
    await expect(restore.restore()).rejects.toMatchObject(OUT_OF_ORDER);
    // No custodian hands over a share before every witness confirmed the fresh bundle (rule 9).
    const beforeConfirmed = await setShare(split, 1);
    await expect(restore.presentShare(beforeConfirmed)).rejects.toMatchObject(OUT_OF_ORDER);
    expect(beforeConfirmed.share.disposed).toBe(true);
    await expect(restore.presentBackup(await backupOf(split), 'backup')).rejects.toMatchObject(OUT_OF_ORDER);
    await restore.confirmArtefact('Ben', await parametersDigestOf(split.params));
    // Chloé has not typed it yet: still no share.
    await expect(restore.presentShare(await setShare(split, 1))).rejects.toMatchObject(OUT_OF_ORDER);
    await confirmEveryWitness(restore, plan.witnesses.slice(1), split.params);
    expect(restore.state).toBe('fingerprints-confirmed');
    for (const i of [1, 2, 3]) await restore.presentShare(await setShare(split, i));
    // The shares are presented, but nothing is rebuilt before the output folders passed the preflight.
    await expect(restore.restore()).rejects.toMatchObject({
      code: 'PREFLIGHT_REQUIRED',
      message: expect.stringContaining('Cannot rebuild the material from the shares yet'),
    });
    // The restored bundle inside the fresh parameters bundle would spoil it: refused, as on the air-gapped side.
    await expect(
      restore.preflight({ wrappedBundle: path.join(split.params, 'w'), receiptFolder: f.dir }),
    ).rejects.toMatchObject({ code: 'PREFLIGHT_IN_PARAMETERS_BUNDLE', values: { bundle: split.params } });
    await restore.preflight({ wrappedBundle: path.join(f.dir, 'w'), receiptFolder: f.dir });
    // Set shares rebuild the backup key only: without the backup file there is nothing to restore.
    await expect(restore.restore()).rejects.toMatchObject({ code: 'CUSTODY_BACKUP_MISSING' });
    await restore.presentBackup(await backupOf(split), 'backup');
    await restore.restore();
    // Nothing is written before the rebuilt material is wrapped; the witnesses' step is behind.
    await expect(restore.writeWrappedBundle(path.join(f.dir, 'w'))).rejects.toMatchObject(OUT_OF_ORDER);
    await expect(restore.confirmArtefact('Ana', await parametersDigestOf(split.params))).rejects.toMatchObject(
      OUT_OF_ORDER,
    );
    await restore.abandon('test over');
    expect(await readdir(f.dir)).not.toContain('w');
  });

  it('a stop after a share was presented wipes the shares and says so; a stop before says nothing was held', async () => {
    const plan = f.plan(['AES_256']);
    const split = await splitCeremony(plan);
    const stopLine = (report: Awaited<ReturnType<RestoreCeremony['abandon']>>) =>
      stopLineOf(report, 'en', 'restore.jsonl');
    const confirmed = await startRestore('confirmed.jsonl', plan);
    await confirmed.checkNetwork();
    await confirmed.readParametersBundle(split.params);
    await confirmEveryWitness(confirmed, plan.witnesses, split.params);
    const before = await confirmed.abandon({ reason: 'Interrupted', signal: 'SIGINT' });
    expect(before).toMatchObject({ state: 'fingerprints-confirmed', wipedKeys: 0, underWay: 'nothing' });
    expect(stopLine(before)).toContain('no key material was held yet');

    const presented = await startRestore('presented.jsonl', plan);
    await presented.checkNetwork();
    await presented.readParametersBundle(split.params);
    await confirmEveryWitness(presented, plan.witnesses, split.params);
    const share = await setShare(split, 2);
    await presented.presentShare(share);
    const after = await presented.abandon({ reason: 'Interrupted', signal: 'SIGINT' });
    expect(after).toMatchObject({ state: 'shares-presented', wipedKeys: 0, underWay: 'rebuilding' });
    expect(share.share.disposed).toBe(true);
    expect(stopLine(after)).toContain('the presented shares were wiped');
    expect(
      translator('zh-CN').t('cli.stopped', {
        ...after,
        keys: after.wipedKeys,
        materials: 0,
        signal: 'SIGINT',
        step: 'none',
        statePhrase: after.state,
        stepPhrase: '',
        seq: 0,
        actor: '',
        wiped: 0,
        withdrawn: 'none',
        handDelete: 'none',
        outOption: '--wrapped-out',
        journal: 'j',
      }),
    ).toContain('已出示的份额已擦除');
  });

  it('one person, one share, in the app as in the CLI: a second share is refused unless a reason is given; a presenter not the custodian, or a witness, is journaled as an override', async () => {
    const plan = f.plan(['AES_256']);
    const split = await splitCeremony(plan);
    const restore = await startRestore('restore.jsonl', plan);
    await restore.checkNetwork();
    await restore.readParametersBundle(split.params);
    await restore.preflight({ wrappedBundle: path.join(f.dir, 'wrapped-restored'), receiptFolder: f.dir });
    await confirmEveryWitness(restore, plan.witnesses, split.params);
    const app = { where: 'app' as const };
    expect(await restore.presentShare(await setShare(split, 1), 'Alice', 'file', app)).toMatchObject({
      concern: null,
      severalShares: [],
    });
    // The same person however typed (case, spaces): refused under the name as first recorded, the share wiped, the refusal journaled.
    const second = await setShare(split, 2);
    const refused: unknown = await restore.presentShare(second, ' ALICE ', 'file', app).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'CUSTODY_PRESENTER_SEVERAL_SHARES' });
    expect(second.share.disposed).toBe(true);
    const problem = toProblem(refused);
    expect(translator('en').problem(problem).message).toBe(
      'Alice would then have handed over 2 shares (shares 1, 2). M-of-N custody means M different people each hand over their own share: one person who hands over several could rebuild the key material alone. This share was not accepted and nothing was rebuilt.',
    );
    expect(translator('en').problem(problem).nextStep).toContain(
      'the operator can allow it by giving the reason under "Why one person hands over several shares"',
    );
    expect(translator('zh-CN').problem(problem).message).toBe(
      'Alice 将因此出示 2 份份额（份额 1、2）。M-of-N 托管要求 M 位不同的人各自出示自己的份额：一人出示多份，就可能独自重建密钥材料。此份额未被接受，未重建任何内容。',
    );
    const journal = async () =>
      (await readFile(path.join(f.dir, 'restore.jsonl'), 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { event: string; actor: string; data: Record<string, unknown> });
    expect((await journal()).at(-1)).toMatchObject({
      actor: 'Alice',
      event: 'custody.share-refused',
      data: { shareIndex: 2, code: 'CUSTODY_PRESENTER_SEVERAL_SHARES' },
    });
    // A witness (named in decomposed Unicode) hands over Bob's share: taken, journaled as an override.
    const byWitness = await restore.presentShare(await setShare(split, 2), 'Chloe\u0301', 'file', app);
    expect(byWitness.concern).toEqual({ notCustodian: true, role: 'witness' });
    // With the operator's reason, Alice hands over Carol's share too.
    const reason = 'Carol is abroad; Alice carries her share under the board letter';
    const allowed = await restore.presentShare(await setShare(split, 3), 'Alice', 'file', { ...app, reason });
    expect(allowed).toMatchObject({ severalShares: [1, 3], concern: { notCustodian: true, role: 'none' } });
    const overrides = (await journal()).filter((e) => e.event.startsWith('custody.presenter-'));
    expect(overrides.map((e) => [e.event, e.actor, e.data['shareIndex'] ?? e.data['shareIndexes']])).toEqual([
      // Journaled under the witness's name as the ceremony recorded it (composed), not as typed.
      ['custody.presenter-flagged', 'Chlo\u00e9', 2],
      ['custody.presenter-several-shares', plan.operator, [1, 3]],
      ['custody.presenter-flagged', 'Alice', 3],
    ]);
    expect(overrides[1]?.data['severalSharesReason']).toBe(reason);
    await restore.presentBackup(await backupOf(split), 'backup');
    expect((await restore.restore()).shareIndexes).toEqual([1, 2, 3]);
  });

  it('per-key shares of earlier versions: refuses corrupted, foreign, mixed, repeated and too few, journals each refusal, writes nothing', async () => {
    const plan = f.plan(['AES_256']);
    const split = await splitCeremony(plan);
    const keyId = split.keyIds[0] as string;
    const old = await perKeyShares(split, plan);
    const dir = path.join(f.dir, 'old-shares');
    await mkdir(dir);
    for (const share of old) await writeFile(path.join(dir, `share-${share.index}.json`), encodeShareFile(share));
    for (const share of old) share.share.dispose();
    const readOld = (index: number) => readShareFile(path.join(dir, `share-${index}.json`));
    const restore = await startRestore();
    await restore.checkNetwork();
    await restore.readParametersBundle(split.params);
    await restore.preflight({ wrappedBundle: path.join(f.dir, 'w'), receiptFolder: f.dir });
    await confirmEveryWitness(restore, plan.witnesses, split.params);
    const before = (await readdir(f.dir)).sort();
    const genuine = await readOld(2);
    const tampered: CustodyShare = {
      ...genuine,
      share: SecretBytes.from(genuine.share.use((b) => Buffer.from(b.map((x, i) => (i === 3 ? x ^ 1 : x))))),
    };
    await expect(restore.presentShare(tampered, 'Bob')).rejects.toMatchObject({ code: 'CUSTODY_SHARE_CORRUPTED' });
    expect(tampered.share.disposed).toBe(true);
    const [otherKey] = await foreignShares('0d0466b0-e727-4d9c-b35d-f84bb474a37f', 'AES_256', 'KF-20250101-aaaaaa');
    const foreign: unknown = await restore.presentShare(otherKey as CustodyShare).catch((e: unknown) => e);
    expect(foreign).toMatchObject({
      code: 'CUSTODY_SHARE_FOREIGN',
      message: expect.stringContaining('which the import-parameters bundle does not hold'),
    });
    // The refusal is a code with values: a Chinese surface renders it in Chinese, ids untouched.
    const inChinese = translator('zh-CN').problem(toProblem(foreign));
    expect(inChinese.message).toContain('导入参数包中没有该密钥');
    expect(inChinese.message).toContain(keyId);
    expect(inChinese.message).not.toMatch(/[a-z]{4,} [a-z]{4,}/);

    await restore.presentShare(genuine, 'Bob');
    const [, , otherCeremony] = await foreignShares(keyId, 'AES_256', 'KF-20250101-bbbbbb');
    await expect(restore.presentShare(otherCeremony as CustodyShare)).rejects.toMatchObject({
      code: 'CUSTODY_SHARES_MIXED',
      message: expect.stringContaining('KF-20250101-bbbbbb'),
    });
    await expect(restore.presentShare(await readOld(2), 'Bob')).rejects.toMatchObject({
      code: 'CUSTODY_SHARE_DUPLICATE',
    });
    await expect(restore.presentShare(await setShare(split, 3))).rejects.toMatchObject({
      code: 'CUSTODY_SET_SHARES_MIXED',
    });
    await restore.presentShare(await readOld(4));
    await expect(restore.restore()).rejects.toMatchObject({
      code: 'CUSTODY_TOO_FEW_SHARES',
      message: expect.stringContaining('2 of the 3 shares needed'),
    });
    expect((await readdir(f.dir)).sort()).toEqual(before);

    // A third custodian arrives: the restore goes on.
    await restore.presentShare(await readOld(5), 'Frank');
    const restored = await restore.restore();
    expect(restored.shareIndexes).toEqual([2, 4, 5]);
    expect(restored.keyCheckValue).toMatch(/^[0-9A-F]{6}$/);
    await restore.abandon('rehearsed refusals only');

    const events = (await readFile(path.join(f.dir, 'restore.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; actor: string; data: Record<string, unknown> });
    expect(events.filter((e) => e.event === 'custody.share-refused').map((e) => e.data.code)).toEqual([
      'CUSTODY_SHARE_CORRUPTED',
      'CUSTODY_SHARE_FOREIGN',
      'CUSTODY_SHARES_MIXED',
      'CUSTODY_SHARE_DUPLICATE',
      'CUSTODY_SET_SHARES_MIXED',
    ]);
    expect(events.filter((e) => e.event === 'custody.restore-refused').map((e) => e.data.code)).toEqual([
      'CUSTODY_TOO_FEW_SHARES',
    ]);
    expect(
      events
        .filter((e) => e.event === 'custody.share-presented')
        .map((e) => [e.data.shareIndex, e.data.custodian, e.actor]),
    ).toEqual([
      [2, 'Bob', 'Bob'],
      [4, 'Dave', 'Dave'],
      [5, 'Erin', 'Frank'],
    ]);
    expect(events.at(-1)?.event).toBe('ceremony.abandoned');
  });

  it('refuses a set share whose custodian was edited as it is presented after the backup, and the backup after such a share', async () => {
    const plan = f.plan(['AES_256']);
    const split = await splitCeremony(plan);
    const forged = async (index: number): Promise<SetShare> => {
      const edited = { ...(await setShare(split, index)), custodian: 'Eve' };
      return { ...edited, checksum: edited.share.use((b) => computeSetShareChecksum(edited, b)) };
    };
    const ready = async (journalName: string) => {
      const restore = await startRestore(journalName, plan);
      await restore.checkNetwork();
      await restore.readParametersBundle(split.params);
      await confirmEveryWitness(restore, plan.witnesses, split.params);
      return restore;
    };
    // The backup first: the edited share is refused as it is handed over (journaled, wiped).
    const first = await ready('restore-1.jsonl');
    await first.presentShare(await setShare(split, 1));
    await first.presentBackup(await backupOf(split), 'backup');
    const share = await forged(2);
    await expect(first.presentShare(share, 'Eve')).rejects.toMatchObject({
      code: 'CUSTODY_SHARE_HOLDER_DIFFERS',
      values: { index: 2, custodian: 'Eve', holder: CUSTODIANS[1] },
    });
    expect(share.share.disposed).toBe(true);
    await first.abandon('test over');
    // The share first: the backup that names another holder for it is refused.
    const second = await ready('restore-2.jsonl');
    await second.presentShare(await forged(2), 'Eve');
    await expect(second.presentBackup(await backupOf(split), 'backup')).rejects.toMatchObject({
      code: 'CUSTODY_SHARE_HOLDER_DIFFERS',
      nextStep: expect.stringContaining('abandon the restore and start it again without it'),
    });
    await second.abandon('test over');
    const events = (name: string) =>
      readFile(path.join(f.dir, name), 'utf8').then((t) =>
        t
          .trim()
          .split('\n')
          .map((l) => (JSON.parse(l) as { event: string }).event),
      );
    expect(await events('restore-1.jsonl')).toContain('custody.share-refused');
    expect(await events('restore-2.jsonl')).toContain('custody.backup-refused');
  });

  it('restores every key of a custody set (EC_P256 and AES_256) from shares 2, 4, 5 and the backup; refuses a swapped backup; journal and receipt name who presented which share; the online side refuses material it never saw wrapped', async () => {
    const plan = f.plan(['EC_P256', 'AES_256']);
    const split = await splitCeremony(plan);
    const shares = await Promise.all([2, 4, 5].map((i) => setShare(split, i)));
    const shareTexts = shares.map((s) => s.share.use((b) => b.toString('base64')));
    const restore = await startRestore('restore.jsonl', plan);
    await restore.checkNetwork();
    const overview = await restore.readParametersBundle(split.params);
    const wrapped = path.join(f.dir, 'wrapped-restored');
    const receiptDir = path.join(f.dir, 'receipts');
    await mkdir(receiptDir);
    await restore.preflight({ wrappedBundle: wrapped, receiptFolder: receiptDir });
    // One value per witness for every key: the fresh bundle's digest, not shown until every witness
    // typed it, and typed before any custodian hands over a share.
    const [bundle0, ...more] = restore.artefactsToConfirm();
    expect(more).toEqual([]);
    expect(bundle0?.kind).toBe('import-parameters-bundle');
    expect(bundle0?.shown).toBeNull();
    expect(bundle0?.fingerprints.map((x) => x.fingerprint)).toEqual(overview.keys.map((k) => k.wrappingKeyFingerprint));
    const digest = await parametersDigestOf(split.params);
    await expect(restore.confirmArtefact('Chloé', slipInGroup(digest, 3))).rejects.toMatchObject({
      code: 'WITNESS_DIGEST_SLIP',
      values: { witness: 'Chloé', groupsList: '["3"]' },
    });
    await restore.confirmArtefact('Chloé', digest);
    expect(restore.state).toBe('parameters-read'); // Ben has not typed it yet: nobody confirms for another
    expect(restore.artefactsToConfirm()[0]?.shown).toBeNull();
    await restore.confirmArtefact('Ben', digest.toLowerCase());
    expect(restore.state).toBe('fingerprints-confirmed');
    expect(restore.artefactsToConfirm()[0]?.shown).toBe(digest);
    for (const [i, share] of shares.entries())
      await restore.presentShare(share, i === 2 ? 'Frank' : share.custodian, i === 1 ? 'typed' : 'file');
    const stranger = createKeyMaterial('AES_256', SecretBytes.from(randomBytes(32)));
    const other = await splitCustodySet({
      ceremonyId: 'KF-20250101-cccccc',
      m: 3,
      n: 5,
      custodians: CUSTODIANS,
      keys: [{ keyId: split.keyIds[1] as string, spec: 'AES_256', material: stranger }],
    });
    stranger.dispose();
    for (const s of other.shares) s.share.dispose();
    await expect(restore.presentBackup(other.backup, 'keyferry-backup-KF-20250101-cccccc.txt')).rejects.toMatchObject({
      code: 'CUSTODY_BACKUP_SWAPPED',
      message: expect.stringContaining('KF-20250101-cccccc'),
    });
    await restore.presentBackup(await backupOf(split, 4), 'custodian-4 copy');
    const restored = await restore.restore();
    expect(restored.keys?.map((k) => k.keyId)).toEqual(split.keyIds);
    expect(restored.publicKeyFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(restored.keys?.[1]?.keyCheckValue).toMatch(/^[0-9A-F]{6}$/);
    expect(shares.every((s) => s.share.disposed)).toBe(true);
    expect(restore.state).toBe('restored');
    const summaries = await restore.wrapAll();
    expect(summaries.map((w) => w.keyId)).toEqual(split.keyIds);
    expect(summaries[0]?.publicKeyFingerprint).toBe(restored.publicKeyFingerprint);
    const bundle = await restore.writeWrappedBundle(wrapped);
    const receipt = await restore.writeReceipt(receiptDir);
    // Named as a wrap's receipt is: the first air-gapped session of this journal.
    expect(path.basename(receipt.htmlFile)).toMatch(/^receipt-air-gapped-KF-\d{8}-[a-z2-7]{6}-session-1\.html$/);
    expect(path.basename(receipt.textFile)).toBe(path.basename(receipt.htmlFile).replace(/\.html$/, '.txt'));
    // The custody copy is still every holder's share (named by the backup), apart from who presented.
    const manifest = JSON.parse(await readFile(path.join(wrapped, 'manifest.json'), 'utf8')) as { custody?: unknown };
    expect(bundle.custody).toEqual(manifest.custody);
    expect(manifest.custody).toEqual({
      kind: 'shares',
      threshold: 3,
      total: 5,
      custodians: CUSTODIANS.slice(0, 5),
      // The set restored from is the custody copy still: named by its backup's digest (version 5).
      backupDigest: (await setShare(split, 2)).backupDigest,
      presented: [
        { shareIndex: 2, custodian: 'Bob', presentedBy: 'Bob' },
        { shareIndex: 4, custodian: 'Dave', presentedBy: 'Dave' },
        { shareIndex: 5, custodian: 'Erin', presentedBy: 'Frank' },
      ],
    });
    expect(custodyLine(translator('en').t, manifest.custody as CustodyArrangement)).toBe(
      `Custody copy: 3 of 5 shares, held by ${CUSTODIANS.slice(0, 5).join(', ')}, custody set ${(await setShare(split, 2)).backupDigest.slice(0, 8).toUpperCase()} (the tag in its share files’ names). Presented for the restore: ` +
        'share 2 of Bob, handed over by Bob, share 4 of Dave, handed over by Dave, share 5 of Erin, handed over by Frank.',
    );

    const text = await readFile(receipt.textFile, 'utf8');
    // Its header says it is a restore's, not one more wrap's receipt (the file is named as one).
    expect(text.split('\n').slice(0, 5)).toContain('Air-gapped workstation: custody restore');
    expect(await readFile(receipt.htmlFile, 'utf8')).toContain(
      '<div class="side">Air-gapped workstation: custody restore</div>',
    );
    expect(text).toContain('Custody set 1: rebuilt from 3 of 5 shares (any 3 suffice)');
    expect(text).toContain('Share 2: Bob, presented by Bob');
    expect(text).toContain('Share 5: Erin, presented by Frank');
    // Whoever handed a share over signs the restore's receipt, and the statement says what they confirm.
    const signoff = text.slice(text.indexOf('SIGN-OFF'));
    for (const presenter of ['Bob', 'Dave', 'Frank'])
      expect(signoff).toMatch(
        new RegExp(`\\n  Presented a custody share: ${presenter}\\n {4}Signature: _+ {4}Date: _+\\n`),
      );
    expect(signoff).not.toContain('Presented a custody share: Erin');
    expect(signoff.replace(/\s+/g, ' ')).toContain(
      'A person who presented a custody share also confirms that each share listed above as presented by them is one they handed over.',
    );
    expect(await readFile(receipt.htmlFile, 'utf8')).toContain('<th>Presented by</th>');
    expect(
      (
        await verifyJournal(path.join(f.dir, 'restore.jsonl'), {
          expectedHead: receipt.journalHead,
          expectedCount: receipt.journalCount,
        })
      ).ok,
    ).toBe(true);
    const journalText = await readFile(path.join(f.dir, 'restore.jsonl'), 'utf8');
    for (const share of shareTexts) expect(journalText).not.toContain(share.slice(8, 40));
    for (const [k, keyId] of split.keyIds.entries()) {
      const material = split.materials[k] as Buffer;
      for (const file of [
        path.join(f.dir, 'restore.jsonl'),
        receipt.htmlFile,
        receipt.textFile,
        ...(await readdir(path.join(wrapped, 'keys', keyId))).map((n) => path.join(wrapped, 'keys', keyId, n)),
      ]) {
        const bytes = await readFile(file);
        expect(bytes.includes(material)).toBe(false);
        expect(bytes.includes(Buffer.from(material.toString('base64').slice(4, 60)))).toBe(false);
      }
    }

    // This material was split and never wrapped, so the online side never saw it under the KMS's own
    // wrapping keys: a restore of it is refused (a wrap it never read could have been under a key
    // changed on the media, exposing it: a trial). Restores of imported material: custody-reimport.test.ts.
    const day2 = await f.online(await f.journal('online.jsonl'), plan);
    await day2.connect();
    await expect(
      day2.checkWrappedBundle(wrapped, { expectedDigest: bundle.manifestSha256, source: 'air-gapped-receipt' }),
    ).rejects.toMatchObject({
      code: 'WRAPPED_RESTORE_UNPROVEN',
      // Both keys named: the EC key is no better known than the AES one (a re-check).
      values: expect.objectContaining({ source: 'shares', others: 1 }),
      message: expect.stringMatching(
        /^Key \S+ \(and 1 more key\) in this bundle holds material from a custody restore, .*: none of these keys ever held imported material/,
      ),
    });
    // Refused again, it names no refused bundle: its own earlier refusal is not one.
    await expect(
      day2.checkWrappedBundle(wrapped, { expectedDigest: bundle.manifestSha256, source: 'air-gapped-receipt' }),
    ).rejects.toMatchObject({ code: 'WRAPPED_RESTORE_UNPROVEN', values: expect.objectContaining({ refused: 'none' }) });
    await expect(day2.importMaterial()).rejects.toMatchObject({ code: 'CEREMONY_STEP_OUT_OF_ORDER' });
    expect((await day2.status()).map((k) => k.keyState)).toEqual(['Pending import', 'Pending import']);
  }, 60_000);
});

describe('restore receipts of two journals in one receipt folder', () => {
  /** A restore of `split` from shares 1-3 up to its written bundle, its preflight passed on `receiptDir`. */
  async function restoredUpToBundle(split: Split, plan: CeremonyPlan, journal: string, receiptDir: string) {
    const restore = await startRestore(journal, plan);
    await restore.checkNetwork();
    await restore.readParametersBundle(split.params);
    const wrapped = path.join(f.dir, `wrapped-${journal}`);
    await restore.preflight({ wrappedBundle: wrapped, receiptFolder: receiptDir });
    await confirmEveryWitness(restore, plan.witnesses, split.params);
    for (const i of [1, 2, 3]) await restore.presentShare(await setShare(split, i));
    await restore.presentBackup(await backupOf(split), 'backup');
    await restore.restore();
    await restore.wrapAll();
    await restore.writeWrappedBundle(wrapped);
    return restore;
  }

  it('the second restore to finish takes the next free number: both receipts written, each journal names its own', async () => {
    const plan = f.plan(['AES_256']);
    const split = await splitCeremony(plan);
    const receiptDir = path.join(f.dir, 'receipts');
    await mkdir(receiptDir);
    // Both preflights pass before either receipt exists: each first picks session 1.
    const first = await restoredUpToBundle(split, plan, 'restore-a.jsonl', receiptDir);
    const second = await restoredUpToBundle(split, plan, 'restore-b.jsonl', receiptDir);
    expect(first.receiptBaseName()).toBe(second.receiptBaseName());
    const a = await first.writeReceipt(receiptDir);
    const b = await second.writeReceipt(receiptDir);
    expect(path.basename(a.htmlFile)).toMatch(/-session-1\.html$/);
    expect(path.basename(b.htmlFile)).toMatch(/-session-2\.html$/);
    // Its journal's first receipt, numbered 2: the receipt says where number 1 went (a trial read a gap).
    const secondText = (await readFile(b.textFile, 'utf8')).replace(/\s+/g, ' ');
    expect(secondText).toContain('Earlier receipts of this journal: none.');
    expect(secondText).toContain(
      'Number 1, below it and not listed here, was taken already (by a receipt of another journal in its receipt folder, or one voided or named the older way).',
    );
    expect((await readFile(a.textFile, 'utf8')).replace(/\s+/g, ' ')).not.toContain('was taken already');
    expect(second.state).toBe('finished');
    expect((await readdir(receiptDir)).sort()).toEqual(
      [a.htmlFile, b.htmlFile, a.textFile, b.textFile].map((file) => path.basename(file)).sort(),
    );
    // The first receipt is untouched; each journal's receipt.written names its own files and verifies.
    expect(
      createHash('sha256')
        .update(await readFile(a.textFile))
        .digest('hex'),
    ).toBe(a.textSha256);
    for (const [journal, receipt] of [
      ['restore-a.jsonl', a],
      ['restore-b.jsonl', b],
    ] as const) {
      const entries = (await readFile(path.join(f.dir, journal), 'utf8'))
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { event: string; data: { textFile?: string } });
      const written = entries.filter((e) => e.event === 'receipt.written').map((e) => e.data.textFile);
      expect(written).toEqual([path.basename(receipt.textFile)]);
      const seal = { expectedHead: receipt.journalHead, expectedCount: receipt.journalCount };
      expect((await verifyJournal(path.join(f.dir, journal), seal)).ok).toBe(true);
    }
  }, 60_000);

  it('a restore stopped after its bundle is written withdraws it, saying to run the restore again, not to wrap', async () => {
    const plan = f.plan(['AES_256']);
    const split = await splitCeremony(plan);
    const receiptDir = path.join(f.dir, 'receipts-stopped');
    await mkdir(receiptDir);
    const restore = await restoredUpToBundle(split, plan, 'restore-stopped.jsonl', receiptDir);
    const report = await restore.abandon({ reason: 'Interrupted', signal: 'SIGINT' });
    const marker = await readFile(path.join(report.withdrawnBundle as string, 'ABANDONED.txt'), 'utf8');
    expect(marker).toContain('Run the custody restore again on the air-gapped workstation');
    expect(marker).not.toContain('Wrap again');
  }, 60_000);
});

describe('restore module graph', () => {
  for (const entry of ['src-main/core/ceremony/restore/workflow.ts', 'src-main/cli/commands/custody-restore.ts']) {
    it(`${entry} reaches no KMS client and no network module`, () => {
      const graph = importGraph([path.join(ROOT, entry)]);
      expect(graph.files.size).toBeGreaterThan(20);
      expect([...graph.files].filter((file) => /[\\/]core[\\/]kms(-simulator)?[\\/]/.test(file))).toEqual([]);
      const network = [...graph.external.keys()].filter((s) =>
        ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'undici'].includes(
          s.replace(/^node:/, '').split('/')[0] as string,
        ),
      );
      expect(network).toEqual([]);
    });
  }
});
