/**
 * The parameters step in real Chromium after "Fetch new import parameters" for a replica whose
 * material was deleted while its primary keeps the group's: once the bundle is written, the step
 * says what `online params` says, that the KMS takes only that same material again and, with no
 * custody copy taken, that only the original material brings it back, not fresh material. Real
 * handlers, the rehearsal's simulator (two regions) over HTTP. Screenshot: online-parameters-material-before.png.
 */
import { describe, expect, it } from 'vitest';
import { translator } from '../../src-main/i18n/translate';
import { oneApp } from './one-app';
import { fillByLabel, step } from './page-helpers';
import { replicaGroupChecked } from './rehearsal-steps';

describe('the parameters step for a replica whose material was deleted', () => {
  const app = oneApp('kf-ui-material-before-');

  it('says the replica takes that same material again, not fresh material', async () => {
    const { t } = translator('en');
    const { ui, folder, media } = app();
    const { page } = ui;
    await replicaGroupChecked(page, folder, media, 'dr/aes');
    await step(page, t('import.button'), 'online-import');
    await step(page, t('verify.button'), 'online-verify');

    const keys = ui.ipc.session.requireOnline().ceremony.keys();
    const replica = keys.find((k) => k.replicaOf !== null);
    if (!replica) throw new Error('no replica in the ceremony');
    await page.getByText(t('delete.summary')).click();
    // Both keys share the alias: the replica's row comes second, under its primary.
    await page
      .getByRole('button', { name: t('delete.read-warning', { alias: 'dr/aes' }), exact: true })
      .nth(1)
      .click();
    await fillByLabel(page, t('delete.type-key-id', { keyId: replica.keyId }), replica.keyId);
    await step(page, t('delete.button', { alias: 'dr/aes' }), 'online-verify');

    await step(page, t('params.fetch-new'), 'online-parameters');
    await fillByLabel(page, t('params.folder'), media);
    await step(page, t('params.write'), 'online-parameters');
    const lines = page.locator('[data-section="online-parameters"] .material-before p');
    await expect.poll(() => lines.count()).toBe(2);
    const [why, next] = await lines.allTextContents();
    expect(why).toBe(
      `dr/aes (${replica.keyId}, the replica in sim-local-2) had its material imported before: the KMS accepts only that same material again, so fresh material would be refused (KMS.2606).`,
    );
    expect(next).toMatch(
      /^No custody copy of this material was taken \(online journal entry \d+\): only the original material can bring these keys back; without it every ciphertext under them stays unreadable\. Next, within 24 hours, on the air-gapped workstation, load the original material and wrap it with this bundle\.$/,
    );
    await ui.screenshot('online-parameters-material-before', 'online-parameters');
    expect(ui.pageErrors).toEqual([]);
  }, 300_000);
});
