/**
 * The witnesses cannot confirm, on the air-gapped workstation (real Chromium, the real router and
 * handlers, air-gapped mode): a trial found that after a witness's third wrong digest the app
 * offered no way on but quitting it, and that the preflight could still be run. As `keyferry airgap
 * wrap` does, the session now stops there: nothing held, the stop journaled with why
 * (`ceremony.abandoned`, WITNESS_ATTEMPTS_EXHAUSTED). The witnesses' step says the session is
 * stopped and why, what the stop wiped and withdrew, and that none of its steps runs; every step
 * card says Stopped and every step button is disabled, the preflight's too (its channel refuses,
 * CEREMONY_STOPPED). Its button starts a new session (the network check, as after leaving a
 * ceremony): the steps are open again, the witness types the digest as heard and the preflight
 * passes. In English and in Chinese.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { oneAesParamsBundle } from '../helpers/aes-params-bundle';
import { journalEvents } from '../ipc/handlers/airgap-session';
import { appPerLanguage } from './app-per-language';
import { click, fillByLabel, setUpCeremony, step } from './page-helpers';
import { witnessesStopOn } from './witnesses-stopped';

describe('the witnesses cannot confirm the bundle digest, on the air-gapped screens', () => {
  const apps = appPerLanguage('kf-ui-witness-stop-');

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`stops the session, says so and what it withdrew, closes its steps and starts a new one (${lang})`, async () => {
      const { ui, page, t, folder, media } = await apps.open(lang);
      const params = path.join(media, 'params');
      await mkdir(path.dirname(params), { recursive: true });
      const digest = await oneAesParamsBundle(params, {
        ceremonyId: 'KF-20261207-e5e6e7',
        keyId: '0a1b2c3d-0000-4000-8000-00000000000e',
      });
      await setUpCeremony(page, t, { title: 'Witness stop', folder, airGapped: true });
      await step(page, t('network.step'), 'air-network');
      await fillByLabel(page, t('air.parameters.folder'), params);
      await step(page, t('bundle.read'), 'air-parameters');
      // The folders checked first, as the screen's order has it: the stop must close this step too.
      await fillByLabel(page, t('wrap.folder'), media);
      await step(page, t('preflight.button'), 'air-preflight');

      const journal = path.join(folder, 'air-gapped-journal.jsonl');
      const stop = witnessesStopOn(page, t, 'air-gapped');
      const fingerprints = page.locator('[data-section="air-fingerprints"]');
      const card = fingerprints.locator('.bundle-digest');
      await stop.typeWrongDigests('Ben', journal);

      // The witnesses' step says the session is stopped, why, and what the stop did.
      const { notice: stopped, text } = await stop.notice('Ben');
      await ui.screenshot(lang === 'en' ? 'air-gapped-witnesses-stopped' : `${lang}/air-gapped-witnesses-stopped`);

      // Every step of the stopped session is closed: its card says so, its buttons are disabled.
      await stop.expectEveryStepStopped(7, [
        t('network.step'),
        t('bundle.read'),
        t('material.generate'),
        t('wrap.button'),
      ]);
      const preflightButton = page
        .locator('[data-section="air-preflight"]')
        .getByRole('button', { name: t('preflight.button'), exact: true });
      expect(await preflightButton.isDisabled()).toBe(true);
      // Main refuses them too: the preflight the trial could still run, and the material.
      const preflight = (await ui.ipc.route('airgap.preflight', { folder: media })) as {
        ok: boolean;
        problem?: { code: string };
      };
      expect(preflight).toMatchObject({ ok: false, problem: { code: 'CEREMONY_STOPPED' } });
      expect(await ui.ipc.route('airgap.generate', undefined)).toMatchObject({ ok: false });

      // Journaled as the command line journals it: three refusals, then the stop with its problem.
      await stop.expectJournaled(journal, 'Ben');

      // A reloaded window says it too (from main's session view), the confirmations as they stood.
      await page.reload();
      await stopped.waitFor();
      expect(await stopped.textContent()).toBe(text);
      expect(await card.textContent()).toContain(t('fingerprint.still-to-type', { witnesses: 'Ben' }));

      // The way on: a new session, from the network check; the steps open again.
      await stop.startNewSession(stopped);
      await fillByLabel(page, t('air.parameters.folder'), params);
      await step(page, t('bundle.read'), 'air-parameters');
      await card.getByLabel(t('bundle-confirm.typed-as', { witness: 'Ben' })).fill(digest);
      await click(page, t('fingerprint.confirm-as', { witness: 'Ben' }));
      await fingerprints.locator('.bundle-digest.confirmed').waitFor();
      await fillByLabel(page, t('wrap.folder'), media);
      await step(page, t('preflight.button'), 'air-preflight');
      expect(await page.getByRole('button', { name: t('material.generate'), exact: true }).isDisabled()).toBe(false);
      const after = await journalEvents(journal);
      expect(after.filter((e) => e.event === 'ceremony.session-started')).toHaveLength(2);
      expect(after.at(-1)?.event).not.toBe('ceremony.abandoned');
      expect(ui.pageErrors).toEqual([]);
    }, 300_000);
  }
});
