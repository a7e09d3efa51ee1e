/**
 * The start screen by keyboard alone (its 200% zoom: tests/ui/rehearsal.test.ts), the online mode's connection form
 * against a simulator (wrong secret refused in plain words, the secret never sent back), and the
 * air-gapped mode on a machine with a live network (banner and refusal).
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKmsSimulator, type KmsSimulator } from '../../src-main/core/kms-simulator/index';
import { openApp, startBrowser, type UiSession } from './harness';
import { LOOPBACK } from '../helpers/workstation';

const LIVE_NETWORK = {
  lo: [LOOPBACK],
  eth0: [
    {
      address: '192.168.7.21',
      netmask: '255.255.255.0',
      family: 'IPv4' as const,
      mac: '52:54:00:12:34:56',
      internal: false,
      cidr: '192.168.7.21/24',
    },
  ],
};

const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = (
      globalThis as unknown as {
        document: {
          activeElement: { tagName: string; textContent: string | null; getAttribute(n: string): string | null } | null;
        };
      }
    ).document.activeElement;
    return el
      ? `${el.tagName.toLowerCase()}:${el.getAttribute('type') ?? ''}:${el.getAttribute('value') ?? el.textContent ?? ''}`
      : '';
  });

async function setUp(page: Page, folder: string): Promise<void> {
  await page.getByLabel('Ceremony title', { exact: true }).fill('Modes test');
  await page.getByLabel('Operator', { exact: true }).fill('Ana');
  await page.getByLabel('Witness 1', { exact: true }).fill('Ben');
  await page.getByLabel('Ceremony folder', { exact: true }).fill(folder);
  await page.getByRole('button', { name: 'Save and continue' }).click();
}

describe('UI modes and keyboard', () => {
  let browser: Browser;
  let dir: string;
  const sessions: UiSession[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kf-ui-modes-'));
    browser = await startBrowser();
  });
  afterAll(async () => {
    for (const s of sessions) await s.close();
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function open(options: Parameters<typeof openApp>[1] = {}): Promise<UiSession> {
    const ui = await openApp(browser, options);
    ui.page.setDefaultTimeout(15_000);
    sessions.push(ui);
    return ui;
  }

  it('the start screen works with the keyboard alone', async () => {
    const { page, ipc, pageErrors } = await open();
    await page.getByRole('heading', { level: 1, name: 'Keyferry key ceremony' }).waitFor();
    await expect.poll(() => focusedName(page), { timeout: 10_000 }).toBe('h1::Keyferry key ceremony');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('input:radio:rehearsal');
    await page.keyboard.press('ArrowDown');
    expect(await focusedName(page)).toBe('input:radio:online');
    expect(await page.getByRole('radio', { name: 'Online workstation' }).isChecked()).toBe(true);
    await page.keyboard.press('ArrowUp');
    expect(await page.getByRole('radio', { name: 'Rehearsal' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('button:submit:Continue');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Ceremony setup' }).waitFor();
    await expect.poll(() => focusedName(page), { timeout: 10_000 }).toBe('h1::Ceremony setup');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('input:text:Rehearsal ceremony');
    expect(ipc.calls.filter((c) => c.channel === 'mode.choose').map((c) => c.request)).toEqual([{ mode: 'rehearsal' }]);
    expect(pageErrors).toEqual([]);
  });

  describe('online mode against a KMS endpoint', () => {
    let sim: KmsSimulator;
    const sk = 'Rk9vQmFyU2VjcmV0S2V5MDEyMzQ1Njc4OWFiY2Rl';
    const wrongSk = 'WrongSecretKey0123456789abcdefghijklmnop';
    beforeAll(async () => {
      sim = await startKmsSimulator({ credentials: { ak: 'HPUAUITESTKEY0000001', sk } });
    });
    afterAll(async () => {
      await sim?.close();
    });

    it('refuses a wrong secret in plain words, connects with the right one and never sends either back', async () => {
      const ui = await open();
      const { page, ipc } = ui;
      await page.getByRole('radio', { name: 'Online workstation' }).check();
      await page.getByRole('button', { name: 'Continue' }).click();
      await mkdir(path.join(dir, 'online'));
      await setUp(page, path.join(dir, 'online'));
      await page.getByRole('heading', { level: 1, name: 'Online workstation' }).waitFor();
      await page.getByLabel('Region', { exact: true }).fill(sim.region);
      await page.getByLabel('Project ID', { exact: true }).fill(sim.projectId);
      await page.getByLabel('Endpoint (optional)', { exact: true }).fill(sim.endpoint);
      await page.getByLabel('Access key ID', { exact: true }).fill(sim.ak);
      await page.getByLabel('Secret access key', { exact: true }).fill(wrongSk);
      // No desktop app here, so no OS keychain: "remember" is offered, disabled, with the reason.
      const remember = page.getByRole('checkbox', {
        name: 'Remember these credentials on this computer (encrypted by the operating system)',
      });
      await page.getByText('needs the desktop app’s OS keychain').waitFor();
      expect(await remember.isDisabled()).toBe(true);
      expect(await remember.getAttribute('aria-describedby')).toBeTruthy();
      const reasonId = (await remember.getAttribute('aria-describedby')) ?? '';
      expect(await page.locator(`[id="${reasonId}"]`).textContent()).toContain('needs the desktop app’s OS keychain');
      expect(await page.getByRole('button', { name: 'Connect with remembered credentials' }).count()).toBe(0);
      await ui.screenshot('online-connect');
      await page.getByRole('button', { name: 'Test connection' }).click();
      const problem = page.locator('[data-activity="online-connect"] .problem');
      await problem.waitFor();
      expect(await problem.textContent()).toContain('What to do next');
      expect(await page.getByLabel('Secret access key', { exact: true }).inputValue()).toBe('');
      await ui.screenshot('error-wrong-credentials', 'online-connect');
      await page.getByLabel('Secret access key', { exact: true }).fill(sk);
      await page.getByRole('button', { name: 'Test connection' }).click();
      await page.getByText('Connected to').waitFor();
      expect(await page.locator('.facts').textContent()).toContain('HPUA…0001');
      await ui.screenshot('online-connected', 'online-connect');
      const answers = JSON.stringify([ipc.calls.map((c) => c.response), ipc.events, await page.content()]);
      expect(answers).not.toContain(sk);
      expect(answers).not.toContain(wrongSk);
      expect(ipc.logLines.join('\n')).not.toContain(sk);
    });
  });

  it('air-gapped mode on a machine with a live network: an alarm banner, and the check refuses', async () => {
    const ui = await open({ ipc: { interfaces: LIVE_NETWORK } });
    const { page } = ui;
    await page.getByText('This machine has a live network (eth0).').waitFor();
    await page.getByRole('radio', { name: 'Air-gapped workstation' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await mkdir(path.join(dir, 'cold-room'));
    await setUp(page, path.join(dir, 'cold-room'));
    await page.getByRole('heading', { level: 1, name: 'Air-gapped workstation' }).waitFor();
    const banner = page.getByRole('alert').filter({ hasText: 'Network present: eth0' });
    expect(await banner.textContent()).toContain('192.168.7.21');
    const nav = page.getByRole('navigation', { name: 'Screens' });
    expect(await nav.getByRole('button', { name: 'Online' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Check the network' }).click();
    const problem = page.locator('[data-activity="air-network"] .problem');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('an air-gapped workstation must have no live network');
    expect(await problem.textContent()).toContain('Unplug the cable');
    await ui.screenshot('air-gapped-network-live');
    await nav.getByRole('button', { name: 'Setup' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ceremony setup' }).waitFor();
  });
});
