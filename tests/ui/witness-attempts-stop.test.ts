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
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { oneAesParamsBundle } from '../helpers/aes-params-bundle';
import { appPerLanguage } from './app-per-language';
import { click, fillByLabel, problemIn, setUpCeremony, step, succeeded } from './page-helpers';

async function journalEvents(file: string): Promise<{ event: string; actor: string; data: Record<string, unknown> }[]> {
  return (await readFile(file, 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { event: string; actor: string; data: Record<string, unknown> });
}

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
      const refused = async () => (await journalEvents(journal)).filter((e) => e.event === 'witness.refused').length;
      const fingerprints = page.locator('[data-section="air-fingerprints"]');
      const card = fingerprints.locator('.bundle-digest');
      for (const [n, wrong] of ['ab'.repeat(32), 'cd'.repeat(32), 'ef'.repeat(32)].entries()) {
        await card.getByLabel(t('bundle-confirm.typed-as', { witness: 'Ben' })).fill(wrong);
        await card.getByRole('button', { name: t('fingerprint.confirm-as', { witness: 'Ben' }) }).click();
        await expect.poll(refused).toBe(n + 1);
        if (n === 2) break;
        // The first two are refused as they always were; the session goes on.
        expect(await problemIn(page, 'air-fingerprints')).toContain('Ben');
        expect(await fingerprints.locator('.stopped-session').count()).toBe(0);
      }

      // The witnesses' step says the session is stopped, why, and what the stop did.
      const stopped = fingerprints.locator('.stopped-session');
      await stopped.waitFor();
      await ui.screenshot(lang === 'en' ? 'air-gapped-witnesses-stopped' : `${lang}/air-gapped-witnesses-stopped`);
      const text = (await stopped.textContent()) ?? '';
      expect(text).toContain(t('air.stopped.title'));
      const exhausted = {
        witness: 'Ben',
        attempts: 3,
        artefact: 'bundle',
        count: 1,
        keys: '0a1b2c3d-0000-4000-8000-00000000000e',
        surface: 'app',
      };
      expect(text).toContain(t('problem.WITNESS_ATTEMPTS_EXHAUSTED', exhausted));
      expect(text).toContain(t('problem.WITNESS_ATTEMPTS_EXHAUSTED.next', exhausted));
      expect(text).toContain(t('left.wiped', { wiped: 0 }));
      expect(text).toContain(t('left.no-bundle'));
      expect(text).toContain(t('air.stopped.steps', { journaled: 'yes' }));
      // Not the way on the trial found: quitting Keyferry.
      expect(text).not.toMatch(/close Keyferry|关闭 Keyferry/);
      // Said once: the step's notice, not the refusal again beside it.
      expect(await page.locator('[data-activity="air-fingerprints"] .problem').count()).toBe(0);

      // Every step of the stopped session is closed: its card says so, its buttons are disabled.
      const stateLabels = page.locator('[data-section^="air-"] .step-state');
      const labels = await stateLabels.allTextContents();
      expect(labels.length).toBeGreaterThanOrEqual(7);
      expect(new Set(labels)).toEqual(new Set([t('step.state.stopped')]));
      const preflightButton = page
        .locator('[data-section="air-preflight"]')
        .getByRole('button', { name: t('preflight.button'), exact: true });
      expect(await preflightButton.isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: t('network.step'), exact: true }).isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: t('bundle.read'), exact: true }).isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: t('material.generate'), exact: true }).isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: t('wrap.button'), exact: true }).isDisabled()).toBe(true);
      // Main refuses them too: the preflight the trial could still run, and the material.
      const preflight = (await ui.ipc.route('airgap.preflight', { folder: media })) as {
        ok: boolean;
        problem?: { code: string };
      };
      expect(preflight).toMatchObject({ ok: false, problem: { code: 'CEREMONY_STOPPED' } });
      expect(await ui.ipc.route('airgap.generate', undefined)).toMatchObject({ ok: false });

      // Journaled as the command line journals it: three refusals, then the stop with its problem.
      const events = await journalEvents(journal);
      expect(events.filter((e) => e.event === 'witness.refused').map((e) => e.actor)).toEqual(['Ben', 'Ben', 'Ben']);
      const abandoned = events.filter((e) => e.event === 'ceremony.abandoned');
      expect(abandoned).toHaveLength(1);
      expect(abandoned[0]?.data).toMatchObject({ code: 'WITNESS_ATTEMPTS_EXHAUSTED', wipedKeys: 0 });
      expect(events.some((e) => e.event.startsWith('material.'))).toBe(false);

      // A reloaded window says it too (from main's session view), the confirmations as they stood.
      await page.reload();
      await stopped.waitFor();
      expect(await stopped.textContent()).toBe(text);
      expect(await card.textContent()).toContain(t('fingerprint.still-to-type', { witnesses: 'Ben' }));

      // The way on: a new session, from the network check; the steps open again.
      await stopped.getByRole('button', { name: t('air.stopped.again'), exact: true }).click();
      await succeeded(page, 'air-network');
      await page.locator('[data-section="air-parameters"] .state-current').waitFor();
      expect(await fingerprints.locator('.stopped-session').count()).toBe(0);
      expect(await page.locator('[data-section^="air-"] .state-stopped').count()).toBe(0);
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
