/**
 * An action asked for while another runs waits its turn, shown, and then runs: on the journal
 * screen of an air-gapped workstation the air-gapped journal is being read (its answer held back
 * here until the test lets it go), the officer picks the custody restore journal; its section says
 * that read waits for the running one, and once the first read ends the custody restore journal is
 * read and shown. Before, the store dropped the second action without a word.
 */
import { describe, expect, it } from 'vitest';
import { appPerLanguage } from './app-per-language';
import { click, setUpCeremony } from './page-helpers';

describe('an action asked for while another runs', () => {
  const apps = appPerLanguage('kf-ui-waiting-');

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`waits, says so, and then runs (${lang})`, async () => {
      const { ui, page, t, folder } = await apps.open(lang);
      await setUpCeremony(page, t, { title: 'Waiting actions', folder, airGapped: true });

      // The first journal read reaches main and its answer is held until `release`.
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      const route = ui.ipc.route.bind(ui.ipc);
      let reads = 0;
      ui.ipc.route = async (channel, payload) => {
        if (channel === 'journal.view' && ++reads === 1) await held;
        return route(channel, payload);
      };

      await page
        .getByRole('navigation', { name: t('nav.label') })
        .getByRole('button', { name: t('nav.journal'), exact: true })
        .click();
      const section = page.locator('[data-activity="journal"]');
      const airGapped = t('action.reading-journal', { side: 'air_gapped' });
      const custodyRestore = t('action.reading-journal', { side: 'custody_restore' });
      await section
        .locator('.busy')
        .getByText(t('activity.running', { action: airGapped }))
        .waitFor();

      await click(page, t('journal.label', { side: 'custody_restore' }));
      const waiting = section.locator('.waiting');
      await waiting.waitFor();
      expect(await waiting.textContent()).toBe(t('activity.waiting', { action: custodyRestore, running: airGapped }));
      await ui.screenshot(lang === 'en' ? 'journal-waiting' : `${lang}/journal-waiting`);

      release();
      await page.getByText(t('journal.none', { side: 'custody_restore' })).waitFor();
      await waiting.waitFor({ state: 'detached' });
      const sides = ui.ipc.calls.filter((c) => c.channel === 'journal.view').map((c) => c.request);
      expect(sides).toEqual([{ side: 'air-gapped' }, { side: 'custody-restore' }]);
    }, 120_000);
  }
});
