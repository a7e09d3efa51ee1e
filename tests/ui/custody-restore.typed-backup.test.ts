/**
 * A custody restore from paper only, in Chromium through the real router and handlers, in English
 * and in Chinese: the custody set was split by the air-gapped side (core workflow against the
 * simulator), its AES material imported with an expiry, then deleted, and fresh parameters written.
 * On the restore screen both custodians TYPE their slips and the backup is PASTED from its
 * printout (no file from any custodian's media): a mistyped group is refused naming its line, the
 * corrected text is taken; the restore's expiry is not chosen for the officer (the material had
 * one: "Check the folders" waits for a choice, the channel refuses none); the original expiry is
 * chosen, the material is rebuilt and proven (the split's KCV), wrapped, and the restored bundle
 * requests that expiry.
 */
import { mkdir, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CeremonyPlan } from '../../src-main/core/ceremony/shared/ceremony-plan';
import {
  createFixture,
  materialDeletedAfterImport,
  onlineDayOne,
  type Fixture,
} from '../core/ceremony/ceremony-fixture';
import { confirmEveryWitness, parametersDigestOf } from '../core/ceremony/witness-helpers';
import { appPerLanguage } from './app-per-language';
import { click, fillByLabel, problemIn, step } from './page-helpers';
import { upToShares } from './restore-steps';
import { backupFileIn } from '../helpers/custody-files';
import { listValue } from '../../src-main/i18n/list';

const DAY_MS = 24 * 3600 * 1000;
const CUSTODIANS = ['Cara', 'Dan', 'Eve'];

interface Lapsed {
  readonly ceremonyId: string;
  readonly params: string;
  readonly digest: string;
  readonly folders: readonly string[];
  readonly kcv: string;
  readonly keyId: string;
  readonly expiresAt: Date;
}

/** Online day 1; the air-gapped side splits 2-of-3 and wraps; import; the material deleted; fresh parameters. */
async function materialDeletedAfterASplit(f: Fixture): Promise<Lapsed> {
  const expiresAt = new Date(Math.ceil((Date.now() + 30 * DAY_MS) / 1000) * 1000);
  const plan: CeremonyPlan = { ...f.plan(['AES_256']), materialExpiry: { kind: 'at', at: expiresAt } };
  const { params } = await onlineDayOne(f, plan);
  const journal = await f.journal('airgap.jsonl');
  const air = await f.airgap(journal, plan);
  await air.checkNetwork();
  const overview = await air.readParametersBundle(params);
  await confirmEveryWitness(air, plan.witnesses, params);
  const folders: string[] = [];
  for (const name of CUSTODIANS) {
    folders.push(path.join(f.dir, `custodian-${name.toLowerCase()}`));
    await mkdir(folders.at(-1) as string);
  }
  const out = path.join(f.dir, 'wrapped');
  await air.preflight({
    wrappedBundle: out,
    receiptFolder: f.dir,
    custodianFolders: folders,
    allowSameVolume: true,
    materialExpiry: plan.materialExpiry,
  });
  await air.generateMaterial();
  await air.splitCustody({ m: 2, n: 3, custodians: CUSTODIANS, folders, allowSameVolume: true });
  await air.wrap();
  await air.writeWrappedBundle(out, { expiry: plan.materialExpiry });
  await air.writeReceipt(f.dir);
  await journal.close();
  const wrapped = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as {
    keys: { keyId: string; keyCheckValue: string }[];
  };
  const { params: fresh } = await materialDeletedAfterImport(f, plan, out);
  return {
    ceremonyId: overview.ceremonyId,
    params: fresh,
    digest: await parametersDigestOf(fresh),
    folders,
    kcv: wrapped.keys[0]?.keyCheckValue as string,
    keyId: wrapped.keys[0]?.keyId as string,
    expiresAt,
  };
}

async function fileIn(folder: string, suffix: string): Promise<string> {
  return readFile(path.join(folder, (await readdir(folder)).find((n) => n.endsWith(suffix)) ?? ''), 'utf8');
}

describe('custody restore from paper: typed slips and a pasted backup', () => {
  const apps = appPerLanguage('kf-ui-paper-');
  let f: Fixture;
  let lapsed: Lapsed;

  beforeAll(async () => {
    f = await createFixture();
    lapsed = await materialDeletedAfterASplit(f);
  }, 180_000);
  afterAll(async () => {
    await f?.close();
  });

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`restores from typed slips and a pasted backup, with the expiry chosen explicitly (${lang})`, async () => {
      const { ui, page, t, folder, media } = await apps.open(lang);
      await upToShares(page, t, { title: 'Test ceremony', folder }, lapsed);
      // A reloaded window comes back to the restore with the fresh parameters read and Ben's confirmation.
      const read = page.locator('[data-section="restore-parameters"] .card');
      const readText = await read.textContent();
      await page.reload();
      await read.waitFor();
      expect(await read.textContent()).toBe(readText);
      await page.locator('[data-section="restore-fingerprint"] .state-done').waitFor();
      await page
        .locator('[data-section="restore-fingerprint"]')
        .getByText(t('bundle-confirm.all-confirmed', { witnesses: 'Ben' }))
        .waitFor();

      // Two custodians type their slips: nothing comes from a share file.
      for (const [i, name] of ['Cara', 'Eve'].entries()) {
        await page.getByLabel(t('restore.source.typed')).check();
        await fillByLabel(page, t('restore.slip-lines'), await fileIn(lapsed.folders[i * 2] as string, '.slip.txt'));
        if (i === 1) {
          // Cara (however typed) handing over Eve's share too: refused by the core, as in the CLI, naming
          // her as she was first recorded.
          await fillByLabel(page, t('restore.presented-by'), 'cara');
          await click(page, t('restore.present'));
          expect(await problemIn(page, 'restore-shares')).toContain(
            t('problem.CUSTODY_PRESENTER_SEVERAL_SHARES', {
              presentedBy: 'Cara',
              count: 2,
              sharesList: listValue([1, 3]),
              where: 'app',
            }),
          );
        }
        await fillByLabel(page, t('restore.presented-by'), name);
        await step(page, t('restore.present'), 'restore-shares');
      }
      // The printed backup, pasted from Dan's copy; first with a group of line 1 typed one character short.
      const backup = await readFile(backupFileIn(lapsed.folders[1] as string), 'utf8');
      // A typed backup is named in messages as its ceremony's backup file.
      const backupName = `keyferry-backup-${lapsed.ceremonyId}.txt`;
      const lines = backup.split('\n');
      const first = lines.findIndex((l) => /^0*1 {2}/.test(l));
      const mistyped = lines.map((l, i) => (i === first ? l.replace(/^(0*1 {2})./, '$1') : l)).join('\n');
      const shares = page.locator('[data-section="restore-shares"]');
      await shares.getByLabel(t('restore.backup.source.typed')).check();
      await fillByLabel(page, t('restore.backup.typed'), mistyped);
      await click(page, t('restore.backup.present'));
      expect(await problemIn(page, 'restore-shares')).toContain(
        t('problem.CUSTODY_BACKUP_LINE_INVALID', { line: 1, file: backupName }),
      );
      await ui.screenshot(
        lang === 'en' ? 'restore-backup-mistyped' : 'zh-CN/restore-backup-mistyped',
        'restore-shares',
      );
      await fillByLabel(page, t('restore.backup.typed'), backup);
      await step(page, t('restore.backup.present'), 'restore-shares');
      await shares.locator('.backup-presented').waitFor();

      // The material had an expiry: nothing is chosen for the officer, and the channel refuses none.
      const preflight = page.locator('[data-section="restore-preflight"]');
      expect(await preflight.textContent()).toContain(t('restore.expiry.had', { at: lapsed.expiresAt.getTime() }));
      await fillByLabel(page, t('restore.folder'), media);
      expect(await page.getByRole('button', { name: t('preflight.button') }).isDisabled()).toBe(true);
      expect(await ui.ipc.route('restore.preflight', { folder: media })).toMatchObject({
        ok: false,
        problem: { code: 'CUSTODY_RESTORE_EXPIRY_REQUIRED' },
      });
      await preflight.getByLabel(t('expiry.original', { at: lapsed.expiresAt.getTime() })).check();
      await step(page, t('preflight.button'), 'restore-preflight');
      await step(page, t('restore.rebuild.button'), 'restore-rebuild');
      const rebuilt = (
        (await page.getByLabel(t('restore.check-of', { kind: 'kcv', keyId: lapsed.keyId })).textContent()) ?? ''
      ).replace(/\s/g, '');
      expect(rebuilt).toBe(lapsed.kcv);
      await ui.screenshot(lang === 'en' ? 'restore-from-paper' : 'zh-CN/restore-from-paper');

      await step(page, t('restore.wrap.button'), 'restore-wrap');
      await step(page, t('wrapped.write'), 'restore-wrap');
      // The receipt writes the bundle's manifest: only then is the folder a bundle.
      await step(page, t('common.write-receipt'), 'restore-receipt');
      const written = (await readdir(media)).find((n) => n.startsWith('wrapped-material-')) as string;
      const manifest = await readFile(path.join(media, written, 'manifest.json'), 'utf8');
      expect(JSON.parse(manifest)).toMatchObject({ keys: [{ materialExpiresAt: lapsed.expiresAt.toISOString() }] });
      const entries = (await readFile(path.join(folder, 'custody-restore-journal.jsonl'), 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { event: string; data: Record<string, unknown> });
      expect(entries.filter((e) => e.event === 'custody.share-presented').map((e) => e.data['source'])).toEqual([
        'typed',
        'typed',
      ]);
      expect(entries.find((e) => e.event === 'custody.backup-presented')?.data).toMatchObject({
        file: backupName,
        source: 'typed',
      });
    });
  }
});
