/**
 * The parameters step in real Chromium for keys whose material lies in different custody copies
 * (tests/helpers/two-custody-copies.ts, built with the CLI against a simulator: key one's material in
 * a 2-of-3 custody set, key two's in none, both lapsed). The app continues that online journal,
 * connects to the simulator as to a KMS, and "Fetch new import parameters" is refused with both
 * groups named and nothing fetched; the step then offers "Keys to fetch for", and fetching for the
 * second group fetches for key two alone (journaled). Real handlers over the page bridge.
 * Screenshot: online-parameters-material-sources.png.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src-main/i18n/translate';
import { startSimWithClient } from '../core/kms/helpers/sim';
import { lapsedFromTwoCustodyCopies } from '../helpers/two-custody-copies';
import { oneApp } from './one-app';
import { click, fillByLabel, problemIn, setUpCeremony, step } from './page-helpers';

const JOURNAL = 'online-journal.jsonl';

describe('the parameters step for keys of two custody copies', () => {
  const app = oneApp('kf-ui-material-sources-');

  it('refuses one bundle for both and fetches for the group chosen', async () => {
    const { t } = translator('en');
    const { ui, dir } = app();
    const { page } = ui;
    const kms = await startSimWithClient();
    try {
      // The CLI's two machines in `dir` (online/ and airgap/ beside the app's own folders).
      const { online, one, two } = await lapsedFromTwoCustodyCopies(dir, kms, JOURNAL);
      await setUpCeremony(page, t, { title: 'Two bundles', folder: online, online: true });
      await fillByLabel(page, t('connect.region'), kms.sim.region);
      await fillByLabel(page, t('connect.project-id'), kms.sim.projectId);
      await fillByLabel(page, t('connect.endpoint'), kms.sim.endpoint);
      await fillByLabel(page, t('connect.access-key-id'), kms.sim.ak);
      await fillByLabel(page, t('connect.secret'), kms.sim.sk);
      await step(page, t('connect.test'), 'online-connect');

      await click(page, t('params.fetch-new'));
      const refused = await problemIn(page, 'online-parameters');
      expect(refused).toContain('The keys waiting for import parameters take their material from 2 different places');
      expect(refused).toContain(`key custody/one (${one}): material imported before, whose custody copy is the 2-of-3`);
      expect(refused).toContain(`key custody/two (${two}): material imported before with NO custody copy`);
      expect(refused).toContain('choose its keys under “Keys to fetch for”');

      const choice = page.getByRole('group', { name: t('params.sources.legend') });
      const first = choice.getByRole('radio', { name: `custody/one (${one})`, exact: false });
      const second = choice.getByRole('radio', { name: `custody/two (${two})`, exact: false });
      // The first group is chosen until the officer picks another.
      expect(await first.isChecked()).toBe(true);
      await second.check();
      await ui.screenshot('online-parameters-material-sources', 'online-parameters');
      await step(page, t('params.fetch-new'), 'online-parameters');
      const issued = page.locator('[data-section="online-parameters"] table.issued');
      await expect.poll(() => issued.textContent()).toContain(two);
      expect(await issued.textContent()).not.toContain(one);
      const chosen = (await readFile(path.join(online, JOURNAL), 'utf8'))
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { event: string; data: { keyIds?: string[] } })
        .filter((e) => e.event === 'parameters.keys-chosen');
      expect(chosen.map((e) => e.data.keyIds)).toEqual([[two]]);
      expect(ui.pageErrors).toEqual([]);
    } finally {
      await kms.close();
    }
  }, 300_000);
});
