/**
 * A second wrap on the air-gapped screens while the bundle this journal already finished can still
 * be imported (the media with it lost, the same parameters read again), in Chromium through the
 * real router and handlers. The preflight step lists the earlier bundle (folder, digest, until when
 * it can be imported); checking the folders without "Wrap again" is refused before any material
 * exists (journaled, nothing generated); with it and a reason the preflight passes and the journal
 * records the reason the receipt will list.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openJournal } from '../../src-main/core/journal';
import { groupHex } from '../../src-main/core/hex-groups';
import { createFixture, onlineDayOne, type Fixture } from '../core/ceremony/ceremony-fixture';
import { parametersDigestOf } from '../core/ceremony/witness-helpers';
import { airGapSteps } from '../helpers/ceremony-sides';
import { appPerLanguage } from './app-per-language';
import { fillByLabel, problemIn, setUpCeremony, step, succeeded } from './page-helpers';

const JOURNAL = 'air-gapped-journal.jsonl';

async function events(folder: string): Promise<{ event: string; data: Record<string, unknown> }[]> {
  const text = await readFile(path.join(folder, JOURNAL), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { event: string; data: Record<string, unknown> });
}

/**
 * The ceremony as the screens' setup names its people (operator Ana, witness Ben: page-helpers.ts
 * setUpCeremony): the bundle names them, and the air-gapped side runs only with them.
 */
const uiPlan = (f: Fixture) => ({ ...f.plan(['AES_256']), witnesses: ['Ben'] });

describe('wrapping again on the air-gapped screens', () => {
  const apps = appPerLanguage('kf-ui-wrap-again-');
  let f: Fixture;
  let params: string;

  beforeAll(async () => {
    f = await createFixture();
    params = (await onlineDayOne(f, uiPlan(f))).params;
  }, 180_000);
  afterAll(async () => {
    await f?.close();
  });

  it('lists the earlier bundle, refuses without "Wrap again", and goes on with the reason', async () => {
    const { ui, page, t, folder, media } = await apps.open('en');
    // The first wrap of this ceremony, finished on the same journal; its media are then "lost".
    const journal = await openJournal(path.join(folder, JOURNAL), { create: true });
    const plan = uiPlan(f);
    const first = await airGapSteps(await f.airgap(journal, plan), {
      params,
      out: path.join(f.dir, 'wrapped-first'),
      receipts: path.join(f.dir, 'receipts-first'),
      witnesses: plan.witnesses,
    });
    await journal.close();

    await setUpCeremony(page, t, { title: 'Test ceremony', folder, airGapped: true });
    await step(page, t('network.step'), 'air-network');
    await fillByLabel(page, t('air.parameters.folder'), params);
    await step(page, t('bundle.read'), 'air-parameters');
    const card = page.locator('[data-section="air-fingerprints"] .bundle-digest');
    await card.getByLabel(t('bundle-confirm.typed-as', { witness: 'Ben' })).fill(await parametersDigestOf(params));
    await card.getByRole('button', { name: t('fingerprint.confirm-as', { witness: 'Ben' }) }).click();
    await page.locator('[data-section="air-fingerprints"] .state-done').waitFor();

    const earlier = page.getByTestId('earlier-wraps');
    await earlier.waitFor();
    const listed = (await earlier.textContent()) ?? '';
    expect(listed).toContain(t('preflight.earlier.title', { count: 1 }));
    expect(listed).toContain(path.join(f.dir, 'wrapped-first'));
    expect(listed.replace(/\s/g, '')).toContain(groupHex(first.bundle.manifestSha256).replace(/\s/g, ''));
    expect(listed).toContain(t('preflight.earlier.importable'));
    // A software wrap with no custody split keeps no copy; an HSM wrap would name its token objects.
    expect(listed).toContain(t('preflight.earlier.no-custody'));
    expect(listed).not.toContain(t('preflight.earlier.hsm-custody'));

    await fillByLabel(page, t('wrap.folder'), media);
    const before = (await events(folder)).length;
    await page.getByRole('button', { name: t('preflight.button'), exact: true }).click();
    expect(await problemIn(page, 'air-preflight')).toContain('can still be imported');
    // What this session journaled: the refusal, and no passed preflight or material.
    const refused = (await events(folder)).slice(before).map((e) => e.event);
    expect(refused).toContain('wrap.repeated-refused');
    expect(refused).not.toContain('preflight.passed');
    expect(refused).not.toContain('material.generated');

    await page.getByLabel(t('preflight.wrap-again'), { exact: true }).check();
    // A checked choice with no reason cannot be sent.
    expect(await page.getByRole('button', { name: t('preflight.button'), exact: true }).isDisabled()).toBe(true);
    await fillByLabel(page, t('preflight.wrap-again.reason'), 'media with the first bundle lost');
    await ui.screenshot('air-gapped-wrap-again', 'air-preflight');
    await page.getByRole('button', { name: t('preflight.button'), exact: true }).click();
    await succeeded(page, 'air-preflight');
    // The override is journaled when this session makes its material, not by the preflight alone.
    expect((await events(folder)).slice(before).map((e) => e.event)).not.toContain('wrap.repeated');
    await step(page, t('material.generate'), 'air-material');
    const repeated = (await events(folder)).find((e) => e.event === 'wrap.repeated');
    expect(repeated?.data).toMatchObject({
      grounds: 'reason',
      wrapAgainReason: 'media with the first bundle lost',
      earlier: [expect.objectContaining({ session: 1, bundleDigest: first.bundle.manifestSha256 })],
    });
    expect(ui.pageErrors).toEqual([]);
  }, 240_000);
});
