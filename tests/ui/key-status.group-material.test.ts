/**
 * The key states in real Chromium after an import stopped part way through a replica group: the
 * primary took its material, the replica was never reached. While the replica's import token is
 * valid, the line says to import again with the same bundle; once it lapsed (a day later, on this
 * computer and in the KMS), the key states say that bundle cannot import it any more and that the
 * replica takes its group's material, held by the primary (named): new import parameters, then the
 * group's material from its custody copy, never fresh material (what `online status` says, see
 * tests/cli/commands/online-replica-token-lapsed.test.ts). Real handlers, the rehearsal's simulator
 * (two regions) over HTTP. Screenshot: online-key-status-group-material.png.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { translator } from '../../src-main/i18n/translate';
import { oneApp } from './one-app';
import { click, problemIn, step } from './page-helpers';
import { replicaGroupChecked } from './rehearsal-steps';

describe('the key states of a replica never imported, its import token lapsed', () => {
  const app = oneApp('kf-ui-key-status-group-material-');
  afterEach(() => {
    vi.useRealTimers();
  });

  it('name the primary holding the group’s material and its custody restore after new parameters', async () => {
    const { t } = translator('en');
    const { ui, folder, media } = app();
    const { page } = ui;
    await replicaGroupChecked(page, folder, media, 'dr/aes');

    const sim = ui.ipc.session.simulator;
    if (!sim) throw new Error('the rehearsal simulator is not running');
    const keys = ui.ipc.session.requireOnline().ceremony.keys();
    const replica = keys.find((k) => k.replicaOf !== null);
    const primary = keys.find((k) => k.replicaOf === null);
    if (!replica || !primary) throw new Error('no replica group in the ceremony');
    // The replica's import is refused before it runs, every time; the primary's goes through.
    sim.faults.failWith('import-key-material', 400, 'before', 10, 0, replica.keyId);
    await click(page, t('import.button'));
    await problemIn(page, 'online-import');
    const replicaNamed = `dr/aes (${replica.keyId}, the replica in sim-local-2)`;
    const primaryNamed = `dr/aes (${primary.keyId})`;
    const section = page.locator('[data-section="online-verify"]');
    const lines = () => section.locator('.status-next p').allTextContents();

    // A day later, on this computer and in the KMS (whose clock is its own).
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 25 * 3_600_000 });
    sim.clock.advance(25 * 3_600_000);
    sim.faults.clear();
    // The same import again meets the lapsed token: refused before anything is sent.
    await click(page, t('import.button'));
    await problemIn(page, 'online-import');
    await step(page, t('verify.read-states'), 'online-verify');
    const lapsed = await lines();
    expect(lapsed.join('\n')).not.toContain('Import again with the same bundle');
    expect(lapsed.at(-1)).toMatch(
      new RegExp(
        `^${replicaNamed.replace(/[()]/g, '\\$&')} is a replica of ${primaryNamed.replace(/[()]/g, '\\$&')}, which holds the material imported before: a replica group holds one material, so this key takes that same material, never fresh material \\(fresh material would leave the group holding two\\)\\. Its import token has expired, so the bundle it was in cannot import it any more\\. Next: fetch new import parameters for it \\(step “Fetch the import parameters”\\) and write the bundle; then, on the air-gapped workstation, `,
      ),
    );
    await ui.screenshot('online-key-status-group-material', 'online-verify');
    expect(ui.pageErrors).toEqual([]);
  }, 300_000);
});
