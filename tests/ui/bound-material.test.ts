/**
 * The air-gapped screens with fresh parameters for a key the KMS bound to material (format 3), in
 * Chromium through the real router and handlers: the bundle was written by the online side after
 * the key's material was imported and deleted (core workflow against the simulator). The
 * parameters card says the key is bound and shows its KCV; on the material step, "Generate" is
 * refused in plain words before anything is generated (the bound key, its KCV, custody restore as
 * the way) and its button stays disabled; the channel refuses too, journaled, nothing generated.
 * In English and in Chinese.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Translator } from '../../src-main/i18n/translate';
import {
  airGapSide,
  createFixture,
  onlineDayOne,
  materialDeletedAfterImport,
  type Fixture,
} from '../core/ceremony/ceremony-fixture';
import { parametersDigestOf } from '../core/ceremony/witness-helpers';
import { appPerLanguage } from './app-per-language';
import { fillByLabel, setUpCeremony, step } from './page-helpers';

interface Bound {
  readonly params: string;
  readonly digest: string;
  readonly keyId: string;
  readonly kcv: string;
  /** The online journal entry of the key's first import, as the fresh bundle carries it. */
  readonly importedSeq: number;
}

/** Online day 1, air-gapped side, import and verify; the material deleted; fresh parameters written. */
async function freshParametersOfABoundKey(f: Fixture): Promise<Bound> {
  // The screens' setup names operator Ana and witness Ben (page-helpers.ts setUpCeremony): the
  // bundle names its ceremony's people, and the air-gapped side runs only with them.
  const plan = { ...f.plan(['AES_256']), witnesses: ['Ben'] };
  await onlineDayOne(f, plan);
  const { out } = await airGapSide(f, plan, path.join(f.dir, 'params'));
  const { keyId, params } = await materialDeletedAfterImport(f, plan, out);
  const wrapped = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as {
    keys: { keyCheckValue: string }[];
  };
  const fresh = JSON.parse(await readFile(path.join(params, 'manifest.json'), 'utf8')) as {
    keys: { boundMaterial: { keyCheckValue: string; importedSeq: number } }[];
  };
  const kcv = wrapped.keys[0]?.keyCheckValue as string;
  expect(fresh.keys[0]?.boundMaterial.keyCheckValue).toBe(kcv);
  return {
    params,
    digest: await parametersDigestOf(params),
    keyId,
    kcv,
    importedSeq: fresh.keys[0]?.boundMaterial.importedSeq as number,
  };
}

/** Air-gapped mode: setup, network, the bundle read, the witness's digest, the folders checked. */
async function upToMaterial(page: Page, tr: Translator['t'], folder: string, bound: Bound, media: string) {
  // The bundle's own title (the fixture's online side): the air-gapped side refuses another.
  await setUpCeremony(page, tr, { title: 'Test ceremony', folder, airGapped: true });
  await step(page, tr('network.step'), 'air-network');
  await fillByLabel(page, tr('air.parameters.folder'), bound.params);
  await step(page, tr('bundle.read'), 'air-parameters');
  const card = page.locator('[data-section="air-fingerprints"] .bundle-digest');
  await card.getByLabel(tr('bundle-confirm.typed-as', { witness: 'Ben' })).fill(bound.digest);
  await card.getByRole('button', { name: tr('fingerprint.confirm-as', { witness: 'Ben' }) }).click();
  await page.locator('[data-section="air-fingerprints"] .state-done').waitFor();
  await fillByLabel(page, tr('wrap.folder'), media);
  await step(page, tr('preflight.button'), 'air-preflight');
}

describe('a key bound to material, on the air-gapped screens', () => {
  const apps = appPerLanguage('kf-ui-bound-');
  let f: Fixture;
  let bound: Bound;

  beforeAll(async () => {
    f = await createFixture();
    bound = await freshParametersOfABoundKey(f);
  }, 180_000);
  afterAll(async () => {
    await f?.close();
  });

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`shows the binding and refuses to generate before anything is generated (${lang})`, async () => {
      const { ui, page, t, folder, media } = await apps.open(lang);
      await upToMaterial(page, t, folder, bound, media);

      const boundLine = page.locator(`[data-section="air-parameters"] [data-bound-key="${bound.keyId}"]`);
      expect(await boundLine.textContent()).toContain(t('air.overview.bound', { kind: 'kcv', seq: bound.importedSeq }));
      expect((await boundLine.locator('code.hex').textContent())?.replace(/\s/g, '')).toBe(bound.kcv);

      const material = page.locator('[data-section="air-material"]');
      const refusal = material.getByTestId('bound-material-refusal');
      await refusal.waitFor();
      expect(await refusal.getAttribute('role')).toBe('alert');
      const text = (await refusal.textContent()) ?? '';
      expect(text).toContain(t('material.bound.refused', { count: 1 }));
      expect(text).toContain(t('material.bound.how'));
      expect(text).toContain(bound.keyId);
      expect((await refusal.locator('code.hex').textContent())?.replace(/\s/g, '')).toBe(bound.kcv);
      expect(await material.getByRole('button', { name: t('material.generate'), exact: true }).isDisabled()).toBe(true);
      // The screen shows what main decided (the core's generateRefusal), not a rule of its own.
      const state = (await ui.ipc.route('ceremony.state', undefined)) as {
        value?: { airGap?: { generateRefused?: unknown } };
      };
      expect(state.value?.airGap?.generateRefused).toMatchObject({
        keyIds: [bound.keyId],
        problem: { code: 'MATERIAL_BOUND_GENERATE_REFUSED', values: { keyId: bound.keyId } },
      });
      await ui.screenshot(lang === 'en' ? 'air-gapped-bound-material' : 'zh-CN/air-gapped-bound-material');

      // The channel the button would call refuses too, before anything is generated, and says why.
      const answer = (await ui.ipc.route('airgap.generate', undefined)) as {
        ok: boolean;
        problem?: { code: string; values?: Record<string, unknown> };
      };
      expect(answer).toMatchObject({
        ok: false,
        problem: { code: 'MATERIAL_BOUND_GENERATE_REFUSED', values: { keyId: bound.keyId, bound: bound.kcv } },
      });
      const journal = await readFile(path.join(folder, 'air-gapped-journal.jsonl'), 'utf8');
      expect(journal).toContain('"event":"material.refused"');
      expect(journal).not.toContain('"event":"material.generated"');
      expect(ui.pageErrors).toEqual([]);
    }, 180_000);
  }
});
