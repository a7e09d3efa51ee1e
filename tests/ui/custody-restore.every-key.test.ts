/**
 * A custody restore of a three-key ceremony, in Chromium through the real router and handlers, in
 * English and in Chinese: the custody set was split by the air-gapped side (core workflow against
 * the simulator), the three keys' material imported, then deleted, and fresh parameters written
 * for all three. On the restore screen two custodians type their slips and the backup is pasted;
 * once rebuilt, the screen counts the three keys and lists every one with the check value it was
 * proven against (the IPC answer carries every key, not the first only).
 */
import { mkdir, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CeremonyPlan } from '../../src-main/core/ceremony/shared/ceremony-plan';
import { listText } from '../../src-main/i18n/list';
import { createFixture, onlineDayOne, receiptDigestOf, type Fixture } from '../core/ceremony/ceremony-fixture';
import { confirmEveryWitness, parametersDigestOf } from '../core/ceremony/witness-helpers';
import { appPerLanguage } from './app-per-language';
import { fillByLabel, step } from './page-helpers';
import { upToShares } from './restore-steps';
import { backupFileIn } from '../helpers/custody-files';

const CUSTODIANS = ['Cara', 'Dan', 'Eve'];

interface Lapsed {
  readonly params: string;
  readonly digest: string;
  readonly folders: readonly string[];
  readonly kcvs: ReadonlyMap<string, string>;
}

/** Online day 1 (three AES keys); the air-gapped side splits one 2-of-3 set and wraps; import; every key's material deleted; fresh parameters. */
async function threeKeysDeleted(f: Fixture): Promise<Lapsed> {
  const plan: CeremonyPlan = f.plan(['AES_256', 'AES_256', 'AES_256']);
  const { params } = await onlineDayOne(f, plan);
  const journal = await f.journal('airgap.jsonl');
  const air = await f.airgap(journal, plan);
  await air.checkNetwork();
  await air.readParametersBundle(params);
  await confirmEveryWitness(air, plan.witnesses, params);
  const folders: string[] = [];
  for (const name of CUSTODIANS) {
    folders.push(path.join(f.dir, `custodian-${name.toLowerCase()}`));
    await mkdir(folders.at(-1) as string);
  }
  const out = path.join(f.dir, 'wrapped');
  await air.preflight({ wrappedBundle: out, receiptFolder: f.dir, custodianFolders: folders, allowSameVolume: true });
  await air.generateMaterial();
  await air.splitCustody({ m: 2, n: 3, custodians: CUSTODIANS, folders, allowSameVolume: true });
  await air.wrap();
  await air.writeWrappedBundle(out);
  await air.writeReceipt(f.dir);
  await journal.close();
  const wrapped = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as {
    keys: { keyId: string; keyCheckValue: string }[];
  };
  const online = await f.online(await f.journal('online.jsonl'), plan);
  await online.connect();
  await online.checkWrappedBundle(out, await receiptDigestOf(out));
  const imported = await online.importMaterial();
  await online.verifyKeys();
  for (const { keyId } of imported) {
    await online.deleteMaterial(keyId, { lossAcknowledged: true, confirmedKeyId: keyId });
  }
  await online.fetchParameters();
  const fresh = path.join(f.dir, 'params-2');
  await online.writeParametersBundle(fresh);
  return {
    params: fresh,
    digest: await parametersDigestOf(fresh),
    folders,
    kcvs: new Map(wrapped.keys.map((k) => [k.keyId, k.keyCheckValue])),
  };
}

async function slipIn(folder: string): Promise<string> {
  return readFile(path.join(folder, (await readdir(folder)).find((n) => n.endsWith('.slip.txt')) ?? ''), 'utf8');
}

describe('custody restore of a three-key ceremony: the screen shows every key rebuilt', () => {
  const apps = appPerLanguage('kf-ui-every-key-');
  let f: Fixture;
  let lapsed: Lapsed;

  beforeAll(async () => {
    f = await createFixture();
    lapsed = await threeKeysDeleted(f);
  }, 180_000);
  afterAll(async () => {
    await f?.close();
  });

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`lists the three rebuilt keys, each with its check value (${lang})`, async () => {
      const { page, t, folder, media } = await apps.open(lang);
      await upToShares(page, t, { title: 'Test ceremony', folder }, lapsed);
      for (const [i, name] of ['Cara', 'Eve'].entries()) {
        await page.getByLabel(t('restore.source.typed')).check();
        await fillByLabel(page, t('restore.slip-lines'), await slipIn(lapsed.folders[i * 2] as string));
        await fillByLabel(page, t('restore.presented-by'), name);
        await step(page, t('restore.present'), 'restore-shares');
      }
      const shares = page.locator('[data-section="restore-shares"]');
      await shares.getByLabel(t('restore.backup.source.typed')).check();
      await fillByLabel(
        page,
        t('restore.backup.typed'),
        await readFile(backupFileIn(lapsed.folders[1] as string), 'utf8'),
      );
      await step(page, t('restore.backup.present'), 'restore-shares');
      await shares.locator('.backup-presented').waitFor();
      await fillByLabel(page, t('restore.folder'), media);
      await step(page, t('preflight.button'), 'restore-preflight');
      await step(page, t('restore.rebuild.button'), 'restore-rebuild');

      const rebuild = page.locator('[data-section="restore-rebuild"]');
      expect(await rebuild.textContent()).toContain(
        t('restore.rebuilt-keys', { count: 3, shares: listText({ t }, [1, 3]), threshold: 2, total: 3 }),
      );
      const table = rebuild.getByRole('region', { name: t('restore.rebuilt-keys.label') });
      expect(await table.locator('tbody tr').count()).toBe(3);
      expect(lapsed.kcvs.size).toBe(3);
      for (const [keyId, kcv] of lapsed.kcvs) {
        const row = table.locator('tbody tr', { hasText: keyId });
        expect(await row.locator('td').nth(1).textContent()).toBe('AES_256');
        const shown = await row.getByLabel(t('restore.check-of', { kind: 'kcv', keyId })).textContent();
        expect((shown ?? '').replace(/\s/g, '')).toBe(kcv);
      }
      // A table, not a wall of cards.
      expect(await rebuild.locator('.card').count()).toBe(0);
    });
  }
});
