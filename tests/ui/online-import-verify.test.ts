/**
 * The online import and verify steps in Simplified Chinese, in Chromium through the real router
 * and handlers: the KMS key states the screen lists (read from the KMS, and beside each proof)
 * are the console's words (等待导入 before the import, 启用 after), never the API's English names,
 * and how the KMS confirmed the import is said in words (KMS 已应答), not as the API's 'answered'.
 * Screenshot: test-results/screens/zh-CN/online-import-verify.png.
 */
import { describe, expect, it } from 'vitest';
import { appPerLanguage } from './app-per-language';
import { step } from './page-helpers';
import { upToCheckedBundle, upToConfirmedDigest } from './rehearsal-steps';

describe('the import and verify steps in Chinese', () => {
  const apps = appPerLanguage('kf-ui-import-verify-');

  it('names the KMS key states in Chinese, before and after the import', async () => {
    const { ui, page, t, folder, media } = await apps.open('zh-CN');
    await upToConfirmedDigest(page, folder, media, 'AES_256', t);
    await upToCheckedBundle(page, media, t);
    const verify = page.locator('[data-section="online-verify"]');

    await step(page, t('verify.read-states'), 'online-verify');
    const before = (await verify.locator('ul.key-states').textContent()) ?? '';
    expect(before).toContain(`（AES_256）：${t('kms.state', { state: '5' })}`);
    expect(t('kms.state', { state: '5' })).toBe('等待导入');

    await step(page, t('import.button'), 'online-import');
    // How the KMS confirmed the import, in words (it showed the API's 'answered').
    const imported = (await page.locator('[data-section="online-import"] .imported').textContent()) ?? '';
    expect(imported).toContain('KMS 已应答');
    await step(page, t('verify.button'), 'online-verify');
    const proof = (await verify.locator('li.ok').textContent()) ?? '';
    expect(proof).toContain(`（AES_256，${t('kms.state', { state: '2' })}）：`);
    expect(t('kms.state', { state: '2' })).toBe('启用');

    await step(page, t('verify.read-states'), 'online-verify');
    const after = (await verify.locator('ul.key-states').textContent()) ?? '';
    expect(after).toContain(`（AES_256）：${t('kms.state', { state: '2' })}`);
    expect(`${before}\n${imported}\n${proof}\n${after}`).not.toMatch(/Pending import|Enabled|answered/);
    await ui.screenshot('zh-CN/online-import-verify');
    expect(ui.pageErrors).toEqual([]);
  }, 300_000);
});
