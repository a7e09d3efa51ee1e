/**
 * The online create form in Chromium, in English and in Chinese: a plan file with replica groups
 * read by main fills one fieldset per key, each with its replicas (region and project), which the
 * officer can add and remove; the form counts the keys the KMS will hold. Screenshots:
 * test-results/screens/online-create-replicas.png and zh-CN/online-create-replicas.png.
 * Each AES key's own material expiry, from the plan file or typed into the form, reaches the
 * created-keys table, the journal, the import and the air-gapped receipt (a whole rehearsal).
 * Screenshot: online-create-expiries.png.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatUtc } from '../../src-main/i18n/moment';
import { translator } from '../../src-main/i18n/translate';
import { appPerLanguage } from './app-per-language';
import { importedLine, textReceipts } from './expiry-plan';
import { oneApp } from './one-app';
import { click, fillByLabel, setUpCeremony, step } from './page-helpers';
import { parametersConfirmed, rehearsalStarted, wrapAndCheckOnline } from './rehearsal-steps';

const EAST = { region: 'cn-east-3', projectId: 'a4a5d4098fb4474fa22cd05f897d6b99' };
const SOUTH = { region: 'cn-south-1', projectId: '0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e' };
const PLAN = {
  title: 'Disaster recovery keys',
  operator: 'Ana',
  witnesses: ['Ben'],
  keys: [
    { alias: 'dr/aes', spec: 'AES_256', replicas: [EAST, SOUTH] },
    { alias: 'dr/signing', spec: 'EC_P256' },
  ],
};

describe('the create form with replica groups', () => {
  const apps = appPerLanguage('kf-ui-create-');

  for (const locale of ['en', 'zh-CN'] as const) {
    it(`fills one fieldset per key with its replicas from a plan file (${locale})`, async () => {
      const { ui, page, t, folder } = await apps.open(locale);
      page.setDefaultTimeout(30_000);
      const planFile = path.join(apps.dir(), `plan-${locale}.json`);
      await writeFile(planFile, JSON.stringify(PLAN, null, 2));
      const button = (name: string) => page.getByRole('button', { name, exact: true });
      const field = (label: string) => page.getByLabel(label, { exact: true });
      await setUpCeremony(page, t, { title: 'Disaster recovery keys', folder });
      await button(t('connect.start-simulator')).click();
      await page.getByText(t('connect.connected-to'), { exact: true }).waitFor();

      const create = page.locator('[data-section="online-create"]');
      await field(t('create.plan.file')).fill(planFile);
      await button(t('create.plan.read')).click();
      await create.locator('.plan-file').waitFor();
      // The plan agrees with the setup: no difference to read.
      expect(await create.locator('.plan-file p.warning').count()).toBe(0);
      expect(await create.locator('fieldset.planned-key').count()).toBe(2);
      // Key 1's replicas, as the plan lists them; key 2 has none.
      expect(await field(t('create.replica.region', { n: 1, m: 1 })).inputValue()).toBe(EAST.region);
      expect(await field(t('create.replica.project', { n: 1, m: 1 })).inputValue()).toBe(EAST.projectId);
      expect(await field(t('create.replica.region', { n: 1, m: 2 })).inputValue()).toBe(SOUTH.region);
      expect(await field(t('create.replica.project', { n: 1, m: 2 })).inputValue()).toBe(SOUTH.projectId);
      expect(await field(t('create.replica.region', { n: 2, m: 1 })).count()).toBe(0);
      const total = create.getByText(t('create.with-replicas', { keys: 2, replicas: 2, total: 4 }), { exact: true });
      expect(await total.count()).toBe(1);

      // Key 2 gets a replica typed in; key 1 loses its first one.
      await button(t('create.replica.add', { n: 2 })).click();
      await field(t('create.replica.region', { n: 2, m: 1 })).fill(EAST.region);
      await field(t('create.replica.project', { n: 2, m: 1 })).fill(EAST.projectId);
      await button(t('create.replica.remove', { n: 1, m: 1 })).click();
      expect(await field(t('create.replica.region', { n: 1, m: 1 })).inputValue()).toBe(SOUTH.region);
      expect(await field(t('create.replica.region', { n: 1, m: 2 })).count()).toBe(0);
      expect(
        await create.getByText(t('create.with-replicas', { keys: 2, replicas: 2, total: 4 }), { exact: true }).count(),
      ).toBe(1);
      await ui.screenshot(locale === 'en' ? 'online-create-replicas' : 'zh-CN/online-create-replicas', 'online-create');
      expect(ui.pageErrors).toEqual([]);
    }, 180_000);
  }
});

const DAY = 86_400_000;

describe("each AES key's own material expiry in the app", () => {
  const app = oneApp('kf-ui-key-expiry-');

  it("keeps the plan file's and the typed expiries to the created table, the import and the receipt", async () => {
    const { t } = translator('en');
    const { ui, dir, folder, media } = app();
    const { page } = ui;
    await rehearsalStarted(page, folder);
    const planFile = path.join(dir, 'plan.json');
    const plan = {
      title: 'Safety rehearsal',
      operator: 'Ana',
      witnesses: ['Ben'],
      keys: [
        { alias: 'pk/thirty', spec: 'AES_256', materialExpiry: '30d' },
        { alias: 'pk/typed', spec: 'AES_256' },
        { alias: 'pk/ec', spec: 'EC_P256' },
      ],
    };
    await writeFile(planFile, JSON.stringify(plan));
    await fillByLabel(page, t('create.plan.file'), planFile);
    const read = Date.now();
    await click(page, t('create.plan.read'));
    const create = page.locator('[data-section="online-create"]');
    await create.locator('.plan-file').waitFor();
    const expiryField = (n: number) => page.getByLabel(t('create.expiry', { n }), { exact: true });
    // Key 1's own expiry as read (30 days resolved); key 2 has none; an EC key has no such field.
    const thirty = await expiryField(1).inputValue();
    expect(Math.abs(Date.parse(thirty) - (read + 30 * DAY))).toBeLessThan(120_000);
    expect(await expiryField(2).inputValue()).toBe('');
    expect(await expiryField(3).count()).toBe(0);
    await expiryField(2).fill('10d');
    await step(page, t('create.button', { count: 3 }), 'online-create');

    const journal = (await readFile(path.join(folder, 'online-journal.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string; data: Record<string, unknown> });
    const planned = new Map(
      journal
        .filter((e) => e.event === 'key.created')
        .map((e) => [e.data['alias'] as string, { keyId: e.data['keyId'] as string, at: e.data['plannedExpiry'] }]),
    );
    expect(planned.get('pk/thirty')?.at).toBe(thirty);
    const typed = planned.get('pk/typed')?.at as string;
    expect(Math.abs(Date.parse(typed) - (Date.now() + 10 * DAY))).toBeLessThan(300_000);
    expect(planned.get('pk/ec')?.at).toBeUndefined();

    // The created keys' table: each key's material expiry as its import will request it.
    const rows = create.locator('table.created-keys tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    const expires = (alias: string) =>
      create.locator(`table.created-keys tr[data-key-id="${planned.get(alias)?.keyId}"] td.expires`).textContent();
    expect(await expires('pk/thirty')).toContain(formatUtc(new Date(thirty)));
    expect(await expires('pk/typed')).toContain(formatUtc(new Date(typed)));
    expect(await expires('pk/ec')).toBe(t('expiry.never-lower'));
    await ui.screenshot('online-create-expiries', 'online-create');

    await parametersConfirmed(page, media);
    // Each key's own plan reached the air-gapped side: the earlier (typed 10 days) is the loss to acknowledge.
    await fillByLabel(page, 'Removable media folder for the wrapped bundle', media);
    const acknowledge = page.locator('[data-section="air-preflight"] #preflight-no-backup');
    expect(
      await page.locator('[data-section="air-preflight"] label[for="preflight-no-backup"]').textContent(),
    ).toContain(formatUtc(new Date(typed)));
    await acknowledge.check();
    await step(page, 'Check the folders', 'air-preflight');
    await step(page, 'Generate the key material', 'air-material');
    await wrapAndCheckOnline(page);
    // The air-gapped receipt prints each key's own expiry.
    const airReceipt = (await textReceipts(folder)).find((text) =>
      text.includes(planned.get('pk/ec')?.keyId as string),
    );
    expect(airReceipt).toContain(formatUtc(new Date(thirty)));
    expect(airReceipt).toContain(formatUtc(new Date(typed)));

    // Imported as each bundle requests: the KMS keeps whole seconds.
    await step(page, t('import.button'), 'online-import');
    const imported = (alias: string) => importedLine(page, planned.get(alias)?.keyId);
    expect(await imported('pk/thirty')).toContain(formatUtc(new Date(thirty)));
    expect(await imported('pk/typed')).toContain(formatUtc(new Date(typed)));
    expect(ui.pageErrors).toEqual([]);
  }, 300_000);
});
