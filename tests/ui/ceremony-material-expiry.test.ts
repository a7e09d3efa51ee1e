/**
 * The ceremony's material expiry for AES keys in the app, in Chromium: the setup takes it (a
 * mistyped one is refused there, in words), a plan file saying the same 90 days agrees with it, one
 * AES key has its own 30 days and an EC key none. It reaches the created-keys table, the journal
 * (with the online start, and each AES key's `key.created`), the parameters bundle, the air-gapped
 * preflight and receipt, the import and the online receipt, as `online create-key --plan` does.
 * Screenshots: setup-material-expiry.png, online-create-ceremony-expiry.png.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatUtc } from '../../src-main/i18n/moment';
import { translator } from '../../src-main/i18n/translate';
import { importedLine, ninetyDayPlan, textReceipts } from './expiry-plan';
import { oneApp } from './one-app';
import { click, fillByLabel, problemIn, step } from './page-helpers';
import { parametersConfirmed, wrapAndCheckOnline } from './rehearsal-steps';

const DAY = 86_400_000;

describe("the ceremony's material expiry in the app", () => {
  const app = oneApp('kf-ui-ceremony-expiry-');

  it('is set up, journaled, and requested by every AES key without its own, to both receipts', async () => {
    const { t } = translator('en');
    const { ui, dir, folder, media } = app();
    const { page } = ui;
    await click(page, t('common.continue'));
    await fillByLabel(page, t('setup.title'), 'Expiry rehearsal');
    await fillByLabel(page, t('setup.operator'), 'Ana');
    await fillByLabel(page, t('setup.witness', { n: 1 }), 'Ben');
    await fillByLabel(page, t('setup.folder'), folder);
    expect(await page.getByLabel(t('setup.materialExpiry'), { exact: true }).inputValue()).toBe('never');
    await fillByLabel(page, t('setup.materialExpiry'), 'soon');
    await click(page, t('setup.save-and-continue'));
    expect(await problemIn(page, 'setup')).toContain('materialExpiry "soon" is not "never"');
    await fillByLabel(page, t('setup.materialExpiry'), '90d');
    await ui.screenshot('setup-material-expiry');
    await click(page, t('setup.save-and-continue'));
    const started = Date.now();
    await step(page, t('connect.start-simulator'), 'online-connect');

    const planFile = path.join(dir, 'plan.json');
    await writeFile(planFile, JSON.stringify(ninetyDayPlan('Expiry rehearsal')));
    await fillByLabel(page, t('create.plan.file'), planFile);
    await click(page, t('create.plan.read'));
    const create = page.locator('[data-section="online-create"]');
    await create.locator('.plan-file').waitFor();
    // The plan's 90 days is the setup's: nothing differs, and key 1 keeps the ceremony's.
    expect(await create.locator('.plan-file p.warning').count()).toBe(0);
    const expiryField = (n: number) => page.getByLabel(t('create.expiry', { n }), { exact: true });
    expect(await expiryField(1).inputValue()).toBe('');
    expect(await create.getByText(t('create.expiry.hint', { expiry: '90d' }), { exact: true }).count()).toBe(2);
    expect(await expiryField(3).count()).toBe(0);
    await step(page, t('create.button', { count: 3 }), 'online-create');

    const journal = (await readFile(path.join(folder, 'online-journal.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string; data: Record<string, unknown> });
    const ninety = String(journal.find((e) => e.event === 'ceremony.started')?.data['expiry']);
    expect(Math.abs(Date.parse(ninety) - (started + 90 * DAY))).toBeLessThan(120_000);
    const created = new Map(
      journal
        .filter((e) => e.event === 'key.created')
        .map((e) => [e.data['alias'] as string, { keyId: e.data['keyId'] as string, at: e.data['plannedExpiry'] }]),
    );
    expect(created.get('pk/ceremony')?.at).toBe(ninety);
    const thirty = String(created.get('pk/thirty')?.at);
    expect(Math.abs(Date.parse(thirty) - (Date.now() + 30 * DAY))).toBeLessThan(300_000);
    expect(created.get('pk/ec')?.at).toBeUndefined();

    const expires = (alias: string) =>
      create.locator(`table.created-keys tr[data-key-id="${created.get(alias)?.keyId}"] td.expires`).textContent();
    await expect.poll(() => create.locator('table.created-keys tbody tr').count()).toBe(3);
    expect(await expires('pk/ceremony')).toContain(formatUtc(new Date(ninety)));
    expect(await expires('pk/thirty')).toContain(formatUtc(new Date(thirty)));
    expect(await expires('pk/ec')).toBe(t('expiry.never-lower'));
    await ui.screenshot('online-create-ceremony-expiry', 'online-create');

    await parametersConfirmed(page, media);
    // The parameters bundle: the ceremony's expiry, and each key's own.
    const [bundle] = await readdir(media);
    const manifest = JSON.parse(await readFile(path.join(media, String(bundle), 'manifest.json'), 'utf8')) as {
      ceremony: { materialExpiry: string };
      keys: { keyAlias: string; materialExpiry?: string }[];
    };
    expect(manifest.ceremony.materialExpiry).toBe(ninety);
    expect(Object.fromEntries(manifest.keys.map((k) => [k.keyAlias, k.materialExpiry]))).toEqual({
      'pk/ceremony': ninety,
      'pk/thirty': thirty,
      'pk/ec': 'never',
    });

    // The air-gapped preflight names the expiries the material would be lost at without custody.
    await fillByLabel(page, t('wrap.folder'), media);
    const acknowledgement = page.locator('[data-section="air-preflight"] label[for="preflight-no-backup"]');
    expect(await acknowledgement.textContent()).toContain(formatUtc(new Date(thirty)));
    await page.locator('[data-section="air-preflight"] #preflight-no-backup').check();
    await step(page, t('preflight.button'), 'air-preflight');
    await step(page, t('material.generate'), 'air-material');
    await wrapAndCheckOnline(page);
    const receiptNaming = async (keyId: string) => (await textReceipts(folder)).filter((text) => text.includes(keyId));
    const [airReceipt] = await receiptNaming(String(created.get('pk/ec')?.keyId));
    expect(airReceipt).toContain(formatUtc(new Date(ninety)));
    expect(airReceipt).toContain(formatUtc(new Date(thirty)));

    // Imported as the bundle requests, and the online receipt says so.
    await step(page, t('import.button'), 'online-import');
    const imported = (alias: string) => importedLine(page, created.get(alias)?.keyId);
    expect(await imported('pk/ceremony')).toContain(formatUtc(new Date(ninety)));
    expect(await imported('pk/thirty')).toContain(formatUtc(new Date(thirty)));
    await step(page, t('verify.button'), 'online-verify');
    await step(page, t('common.write-receipt'), 'online-receipt');
    const receipts = await receiptNaming(String(created.get('pk/ec')?.keyId));
    expect(receipts).toHaveLength(2);
    const onlineReceipt = receipts.find((text) => text !== airReceipt);
    expect(onlineReceipt).toContain(formatUtc(new Date(ninety)));
    expect(onlineReceipt).toContain(formatUtc(new Date(thirty)));
    expect(ui.pageErrors).toEqual([]);
  }, 300_000);
});
