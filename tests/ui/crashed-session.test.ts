/**
 * An air-gapped session killed by a crash or a power cut, then continued in the app (real Chromium):
 * the rehearsal's parameters are wrapped by `keyferry airgap wrap` on the app's air-gapped journal
 * with a 2-of-3 custody split, and that process is killed with SIGKILL (no handler runs, as in a power
 * cut) once the split and the bundle are written; then one custodian's folder is moved (the medium
 * remounted elsewhere). The app's air-gapped network check first asks for the parameters bundle to
 * wrap now (closing the session withdraws its shares: on an older copy of the journal they would be
 * a finished wrap's) and checks the journal against it, then opens the journal: the screen says
 * which session ended without stopping and what of it was withdrawn (the bundle marked ABANDONED, the
 * custody files removed from the two folders it found), and, for the holder whose folder it did not
 * find, that holder's own NOT-withdrawn line as the command line prints it; on disk it is so.
 */
import { existsSync } from 'node:fs';
import { readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listText } from '../../src-main/i18n/list';
import { translator } from '../../src-main/i18n/translate';
import { airgapWrapArgs } from '../helpers/cli-sides';
import { custodyArgs } from '../integration/stopped-cli';
import { appPerLanguage } from './app-per-language';
import { killedAt } from './killed-cli';
import { click, fillByLabel, problemIn, step, succeeded } from './page-helpers';
import { rehearsalStarted } from './rehearsal-steps';

describe('an air-gapped session killed by a crash, then the app on the same journal', () => {
  const apps = appPerLanguage('kf-ui-crash-');

  it('says on the network check which session ended without stopping and what of it was withdrawn', async () => {
    const { ui, page, t, folder, media } = await apps.open('en');
    await rehearsalStarted(page, folder, t);
    await fillByLabel(page, t('create.alias', { n: 1 }), 'crash/aes');
    await page.getByLabel(t('create.spec', { n: 1 }), { exact: true }).selectOption('AES_256');
    await step(page, t('create.button', { count: 1 }), 'online-create');
    await step(page, t('params.fetch'), 'online-parameters');
    await fillByLabel(page, t('params.folder'), media);
    await step(page, t('params.write'), 'online-parameters');
    const digest =
      (await page
        .locator('[data-section="online-parameters"]')
        .getByLabel(t('air.overview.digest-label'))
        .textContent()) ?? '';
    const params = path.join(media, (await readdir(media)).find((f) => f.startsWith('import-parameters-')) ?? '');

    // The crashed session: the app's air-gapped journal, killed after the custody split and the bundle write.
    const custodians = ['c1', 'c2', 'c3'].map((c) => path.join(folder, c));
    const wrapped = path.join(media, 'wrapped');
    const journal = path.join(folder, 'air-gapped-journal.jsonl');
    const args = airgapWrapArgs(
      { bundle: params, out: wrapped, journal, digest },
      '--allow-network',
      ...custodyArgs(custodians),
    );
    expect(await killedAt(args, folder, 'before-receipt')).toBe('SIGKILL');
    for (const c of custodians) expect((await readdir(c)).length).toBeGreaterThan(0);
    const crashedEntries = (await readdir(folder)).includes('air-gapped-journal.jsonl');
    expect(crashedEntries).toBe(true);
    // Eli's medium is remounted elsewhere: its share cannot be withdrawn from where it was written.
    const [dana, eli, fay] = custodians as [string, string, string];
    await rename(eli, `${eli}-elsewhere`);

    await click(page, t('params.go-air'));
    // Opening the journal closes that session and withdraws its shares: first the parameters to wrap
    // now, checked against the journal (on an older copy of it, the shares would be a finished wrap's).
    await click(page, t('network.step'));
    expect(await problemIn(page, 'air-network')).toContain(
      `The air-gapped journal ${journal} ends with its session 1 (from entry 1) unfinished`,
    );
    const section = page.locator('[data-section="air-network"]');
    // Console files are checked against nothing: the first click only says so.
    await section.getByRole('button', { name: t('air.network.earlier.console'), exact: true }).click();
    expect(await section.locator('.earlier-session-check .warning').textContent()).toBe(
      t('air.network.earlier.console-warning'),
    );
    await section.getByLabel(t('air.network.earlier.folder'), { exact: true }).fill(params);
    await ui.screenshot('crashed-session-asks-parameters', 'air-network');
    await section.getByRole('button', { name: t('bundle.read'), exact: true }).click();
    await succeeded(page, 'air-network');
    // The parameters step offers the bundle just checked.
    expect(await page.getByLabel(t('air.parameters.folder'), { exact: true }).inputValue()).toBe(params);
    const notice = page.locator('[data-section="air-network"] .earlier-session');
    await notice.waitFor();
    await ui.screenshot('crashed-session-closed', 'air-network');
    const text = (await notice.textContent()) ?? '';
    expect(text).toMatch(/Session 1 of this journal \(entries 1-\d+\) ended without stopping: a crash or power loss\./);
    expect(text).toContain(t('cli.bundle-withdrawn', { dir: wrapped, how: 'recorded' }));
    expect(text).toContain(
      t('cli.earlier-custody-withdrawn', { count: 2, folders: listText(translator('en'), [dana, fay]) }),
    );
    // Per holder, as the command line says it: Eli's share, where it was written, and why it is still there.
    const byHand = notice.locator('.custody-by-hand');
    expect(await byHand.count()).toBe(1);
    expect(await byHand.textContent()).toContain(
      `NOT withdrawn, delete by hand: share 2/3 given to Eli, written into ${eli}: that folder could not be read`,
    );
    // On disk: the custodians' folders as the preflight found them (new: gone), Eli's moved one untouched, the bundle marked ABANDONED.
    for (const c of [dana, fay]) expect(existsSync(c)).toBe(false);
    expect((await readdir(`${eli}-elsewhere`)).length).toBeGreaterThan(0);
    expect(existsSync(path.join(wrapped, 'ABANDONED.txt'))).toBe(true);
    expect(ui.pageErrors).toEqual([]);
  }, 300_000);
});
