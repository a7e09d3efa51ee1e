/**
 * The witnesses cannot confirm the fresh bundle's digest, in a custody restore (real Chromium, the
 * real router and handlers, air-gapped mode): a review found that after a witness's third wrong
 * value the restore screen went on as if nothing had happened, every later value refused and
 * nothing journaled. As `keyferry custody restore` does, the restore now stops there: nothing was
 * presented or rebuilt, the stop is journaled with why (`ceremony.abandoned`,
 * WITNESS_ATTEMPTS_EXHAUSTED). The witnesses' step says it, with the air-gapped screen's notice;
 * every step card says Stopped and every step button is disabled (main refuses them too,
 * CEREMONY_STOPPED), the abandon button is gone; a reloaded window says the same. The notice's
 * button starts a new restore, whose witness types the digest as heard. In English and in Chinese.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { oneAesParamsBundle } from '../helpers/aes-params-bundle';
import { journalEvents } from '../ipc/handlers/airgap-session';
import { appPerLanguage } from './app-per-language';
import { fillByLabel, step } from './page-helpers';
import { freshBundleRead, witnessConfirmsFresh } from './restore-steps';
import { witnessesStopOn } from './witnesses-stopped';

describe('the witnesses cannot confirm the fresh bundle digest, on the custody restore screen', () => {
  const apps = appPerLanguage('kf-ui-restore-witness-stop-');

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`stops the restore, says so, closes its steps in the screen and in main, and starts a new one (${lang})`, async () => {
      const { ui, page, t, folder, media } = await apps.open(lang);
      const params = path.join(media, 'fresh-params');
      const digest = await oneAesParamsBundle(params, {
        ceremonyId: 'KF-20261207-b1b2b3',
        keyId: '0a1b2c3d-0000-4000-8000-0000000000b1',
      });
      await freshBundleRead(page, t, { title: 'Restore witness stop', folder }, params);
      const journal = path.join(folder, 'custody-restore-journal.jsonl');
      const stop = witnessesStopOn(page, t, 'custody-restore');
      await stop.typeWrongDigests('Ben', journal);

      const { notice, text } = await stop.notice('Ben');
      await ui.screenshot(lang === 'en' ? 'restore-witnesses-stopped' : `${lang}/restore-witnesses-stopped`);
      expect(text).not.toContain(t('air.stopped.steps', { side: 'airgap', journaled: 'yes' }));
      await stop.expectEveryStepStopped(8, [
        t('network.step'),
        t('bundle.read'),
        t('preflight.button'),
        t('restore.present'),
        t('restore.rebuild.button'),
        t('restore.wrap.button'),
      ]);
      // Already abandoned by the stop: the way on is the notice's button alone.
      expect(await page.getByRole('button', { name: t('restore.abandon'), exact: true }).count()).toBe(0);
      // Main refuses every step, whatever a window sends.
      const refusals = [
        await ui.ipc.route('restore.confirm-as-witness', { witness: 'Ben', typed: digest }),
        await ui.ipc.route('restore.preflight', { folder: media, expiry: { kind: 'never' } }),
        await ui.ipc.route('restore.present-share', { presentedBy: 'Dana', typed: 'a share typed from its slip' }),
        await ui.ipc.route('restore.rebuild', undefined),
      ];
      for (const refusal of refusals)
        expect(refusal).toMatchObject({ ok: false, problem: { code: 'CEREMONY_STOPPED' } });
      await stop.expectJournaled(journal, 'Ben');

      // A reloaded window says it too, from main's session view.
      await page.reload();
      await notice.waitFor();
      expect(await notice.textContent()).toBe(text);

      // The way on: a new restore in the same journal; its witness types the digest as heard.
      await stop.startNewSession(notice);
      await fillByLabel(page, t('restore.parameters.folder'), params);
      await step(page, t('bundle.read'), 'restore-parameters');
      await witnessConfirmsFresh(page, t, digest);
      const after = await journalEvents(journal);
      expect(after.filter((e) => e.event === 'ceremony.session-started')).toHaveLength(2);
      expect(after.at(-1)?.event).toBe('witness.confirmed');
      expect(ui.pageErrors).toEqual([]);
    }, 300_000);
  }
});
