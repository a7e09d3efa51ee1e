/**
 * The key states on the app's verify step say what `online status` says: after the material of one
 * of two imported AES keys was deleted, reading the key states proves the key still holding its
 * material (journaled) and says what is next for the other: fresh import parameters, then the
 * air-gapped side, then check and import here. Before that reading, while the other key's material is
 * not proven yet, the box "Waiting for the same material again" says first to verify (no fresh
 * parameters can be fetched before). In English and Simplified Chinese. Real Chromium, real handlers, the rehearsal's simulator over HTTP.
 * Then, the kept key disabled at the console, its proof fails and the lines say verify first: prove
 * it, then fetch fresh parameters for the deleted key.
 * Screenshots: test-results/screens/online-key-status-next.png and online-key-status-prove-first.png (and zh-CN/).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPerLanguage, type AppLanguage } from './app-per-language';
import { click, fillByLabel, step } from './page-helpers';
import { parametersConfirmed, rehearsalStarted, wrapAndCheckOnline } from './rehearsal-steps';
import { consoleClientOf } from '../helpers/console-client';

const ALIASES = ['app/one', 'app/two'];

describe('the key states after a deletion, in the app', () => {
  const apps = appPerLanguage('kf-ui-key-status-');

  for (const lang of ['en', 'zh-CN'] as const satisfies readonly AppLanguage[]) {
    it(`proves the key holding its material and says what is next for the other (${lang})`, async () => {
      const { ui, page, t, folder, media } = await apps.open(lang);
      await rehearsalStarted(page, folder, t);
      for (const [i, alias] of ALIASES.entries()) {
        if (i > 0) await click(page, t('create.add'));
        await fillByLabel(page, t('create.alias', { n: i + 1 }), alias);
        await page.getByLabel(t('create.spec', { n: i + 1 }), { exact: true }).selectOption('AES_256');
      }
      await step(page, t('create.button', { count: 2 }), 'online-create');
      await parametersConfirmed(page, media, t);
      await fillByLabel(page, t('wrap.folder'), media);
      await step(page, t('preflight.button'), 'air-preflight');
      await step(page, t('material.generate'), 'air-material');
      await wrapAndCheckOnline(page, t);
      await step(page, t('import.button'), 'online-import');

      // The first key's material deleted (no custody copy: its key ID typed).
      const keyIds = ui.ipc.session.requireOnline().ceremony.keys();
      const deleted = keyIds.find((k) => k.alias === 'app/one');
      const kept = keyIds.find((k) => k.alias === 'app/two');
      if (!deleted || !kept) throw new Error('the two keys are not in the ceremony');
      await page.getByText(t('delete.summary')).click();
      await click(page, t('delete.read-warning', { alias: 'app/one' }));
      await fillByLabel(page, t('delete.type-key-id', { keyId: deleted.keyId }), deleted.keyId);
      await step(page, t('delete.button', { alias: 'app/one' }), 'online-verify');
      const section = page.locator('[data-section="online-verify"]');
      // The other key's material is not proven yet: the waiting box says verify first, before anything else.
      const keptNamed = t('online.named-key', { alias: 'app/two', keyId: kept.keyId, replica: 'no', region: '' });
      const proveFirst = t('verify.waiting.prove-first', { count: 1, keys: keptNamed });
      const waitingBox = section.locator('.banner', { hasText: t('verify.waiting') });
      expect(await waitingBox.locator('p').allTextContents()).toEqual([
        t('verify.waiting'),
        proveFirst,
        t('verify.restore-hint'),
      ]);
      await step(page, t('verify.read-states'), 'online-verify');
      const proofs = await section.locator('.status-proofs li').allTextContents();
      expect(proofs).toHaveLength(1);
      expect(proofs[0]).toContain(kept.keyId);
      expect(proofs[0]).toContain(t('verify.ok'));
      const named = t('online.named-key', { alias: 'app/one', keyId: deleted.keyId, replica: 'no', region: '' });
      // Its material had no custody copy: the line says first that it is lost (the entry that recorded none).
      const entries = (await readFile(path.join(folder, 'online-journal.jsonl'), 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { event: string; seq: number });
      const seq = entries.find((e) => e.event === 'wrapped-bundle.checked')?.seq ?? 0;
      const deletedValues = {
        key: named,
        round: 'parameters',
        custody: 'none',
        seq,
        threshold: 0,
        total: 0,
        custodiansList: '',
        set: 'unnamed',
        setTag: '',
        token: '',
      };
      const lines = await section.locator('.status-next p').allTextContents();
      expect(lines).toEqual([t('status.next.deleted', deletedValues)]);
      // Proven now: nothing to verify first.
      expect(await waitingBox.locator('p.verify-first').count()).toBe(0);
      await ui.screenshot(`${lang === 'en' ? '' : 'zh-CN/'}online-key-status-next`, 'online-verify');

      // Somebody disables the kept key at the console: its proof fails, and both next steps are said, in order.
      const kms = consoleClientOf(ui.ipc.session.simulator);
      try {
        await kms.disableKey(kept.keyId);
        await step(page, t('verify.read-states'), 'online-verify');
        const first = await section.locator('.status-next p').allTextContents();
        expect(first).toEqual([
          t('status.next.deleted', deletedValues),
          t('status.next.prove-first', {
            proveCount: 1,
            prove: keptNamed,
            lostCount: 1,
            lost: named,
            statePhrase: t('ceremony.state', { state: 'imported' }),
          }),
        ]);
        expect(await waitingBox.locator('p.verify-first').textContent()).toBe(proveFirst);
        await ui.screenshot(`${lang === 'en' ? '' : 'zh-CN/'}online-key-status-prove-first`, 'online-verify');
      } finally {
        kms.close();
      }
      expect(ui.pageErrors).toEqual([]);
    }, 300_000);
  }
});
