/**
 * The online check step says who made the wrapped bundle on the air-gapped side, and takes the
 * officer's typed word for a bundle of another air-gapped journal than the ceremony's, in Chromium
 * through the real router and handlers. The rehearsal's own wrap is checked and its journal named;
 * a bundle of the same parameters wrapped in another journal (the same people's names) is refused;
 * the form that follows asks for the ceremony's journal's name and stays shut for another name;
 * typed right, the bundle is checked, said to be accepted on the officer's word, and the online
 * journal records the override. The word is for the bundle refused: a tired officer who types it and
 * then changes the folder and digest to another bundle finds it cleared, and typed again for the
 * other bundle main refuses it (WRAPPED_OVERRIDE_OTHER_BUNDLE), journaling no override.
 * Screenshot: test-results/screens/online-other-airgap-journal.png.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBundleDigest } from '../../src-main/core/bundle';
import { groupHex } from '../../src-main/core/hex-groups';
import { journalIdentity } from '../../src-main/i18n/made-by-line';
import { appPerLanguage } from './app-per-language';
import { click, fillByLabel, problemIn, succeeded } from './page-helpers';
import { upToCheckedBundle, upToConfirmedDigest } from './rehearsal-steps';
import { wrapAsAnAttacker } from './swapped-bundle';

async function journalLines(file: string): Promise<{ event: string; hash: string; data: Record<string, unknown> }[]> {
  return (await readFile(file, 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { event: string; hash: string; data: Record<string, unknown> });
}

describe('who made the wrapped bundle, on the online check step', () => {
  const apps = appPerLanguage('kf-ui-other-airgap-journal-');

  it('names the wrap’s journal; another journal’s bundle is taken only on the ceremony’s journal typed', async () => {
    const { ui, page, t, folder, media } = await apps.open('en');
    await upToConfirmedDigest(page, folder, media, 'AES_256', t);
    await upToCheckedBundle(page, media, t);
    const section = page.locator('[data-section="online-check"]');
    const [first] = await journalLines(path.join(folder, 'air-gapped-journal.jsonl'));
    expect(await section.locator('.made-by').textContent()).toBe(
      `Wrapped on the air-gapped side by operator Ana with witness Ben, in the air-gapped journal air-gapped-journal.jsonl (first entry ${journalIdentity(first?.hash ?? '')}), as the bundle states.`,
    );

    // The same parameters wrapped on another machine in a journal of its own, under the ceremony's names.
    const other = path.join(apps.dir(), 'other-journal');
    const params = (await readdir(media)).find((n) => n.startsWith('import-parameters')) ?? '';
    await wrapAsAnAttacker(path.join(media, params), other);
    const fillBundle = async (dir: string) => {
      await fillByLabel(page, t('check.folder'), dir);
      await fillByLabel(page, t('check.digest-required'), groupHex(await readBundleDigest(dir)));
    };
    await fillBundle(other);
    await click(page, t('check.button'));
    const problem = await problemIn(page, 'online-check');
    expect(problem).toContain('was wrapped in the air-gapped journal j.jsonl');
    expect(problem).toContain('came from the air-gapped journal air-gapped-journal.jsonl');
    expect(await section.locator('.made-by').count()).toBe(0);

    const typed = page.getByLabel(t('check.other-journal.type', { journal: 'air-gapped-journal.jsonl' }), {
      exact: true,
    });
    const accept = page.getByRole('button', { name: t('check.other-journal.button'), exact: true });
    await typed.fill('j.jsonl');
    expect(await accept.isDisabled()).toBe(true);
    await ui.screenshot('online-other-airgap-journal', 'online-check');
    await typed.fill('air-gapped-journal.jsonl');
    // The fields changed after the refusal, to another bundle: the word typed for the refused one is gone.
    const another = path.join(apps.dir(), 'another-journal');
    await wrapAsAnAttacker(path.join(media, params), another);
    await fillBundle(another);
    expect(await typed.inputValue()).toBe('');
    expect(await accept.isDisabled()).toBe(true);
    // Typed again, it is still the word for the bundle refused: main reads another one and refuses it.
    await typed.fill('air-gapped-journal.jsonl');
    await accept.click();
    expect(await problemIn(page, 'online-check')).toContain('the folder or the digest changed after the refusal');
    const overrides = async () =>
      (await journalLines(path.join(folder, 'online-journal.jsonl'))).filter(
        (e) => e.event === 'wrapped-bundle.other-journal-accepted',
      );
    expect(await overrides()).toEqual([]);
    // The bundle refused, checked again and accepted on the word.
    await fillBundle(other);
    await click(page, t('check.button'));
    await problemIn(page, 'online-check');
    await typed.fill('air-gapped-journal.jsonl');
    await accept.click();
    await succeeded(page, 'online-check');
    expect(await section.locator('.made-by').textContent()).toContain('in the air-gapped journal j.jsonl');
    expect(await section.textContent()).toContain(t('check.other-journal.accepted'));
    const accepted = await overrides();
    expect(accepted.map((e) => e.data)).toEqual([
      expect.objectContaining({ airGapJournal: 'j.jsonl', earlierAirGapJournal: 'air-gapped-journal.jsonl' }),
    ]);
    expect(ui.pageErrors).toEqual([]);
  }, 300_000);
});
