/**
 * The app's receipt-language choice through the real router and handlers: the setup takes en,
 * zh-CN or both (anything else is refused at the boundary), answers with it, and the air-gapped
 * side journals it with its session start, so every receipt and slip of the ceremony follows it.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../../src-main/ipc/context';
import { createHandlers } from '../../../src-main/ipc/handlers/index';
import { CeremonySession, JOURNAL_FILES } from '../../../src-main/ipc/handlers/session';
import { createModeController } from '../../../src-main/ipc/mode';
import { createIpcRouter } from '../../../src-main/ipc/router';
import { memoryLog } from '../test-context';

const sessions: CeremonySession[] = [];
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});

async function airGappedSession(existing?: string) {
  const { log } = memoryLog();
  const context: HandlerContext = {
    mode: createModeController(async () => undefined),
    now: () => new Date(),
    log,
    identity: { name: 'Keyferry', version: '0.1.0', build: 'test' },
    reportProgress: () => undefined,
  };
  const session = new CeremonySession(context, { interfaces: () => ({ lo: [] }) });
  sessions.push(session);
  const router = createIpcRouter(createHandlers(context, { session }), log);
  const call = async (channel: string, payload?: unknown) =>
    (await router.route(channel, payload)) as {
      ok: boolean;
      value?: Record<string, unknown>;
      problem?: { code: string };
    };
  const folder = existing ?? (await mkdtemp(path.join(os.tmpdir(), 'keyferry-receipt-lang-')));
  if (!existing) folders.push(folder);
  expect((await call('mode.choose', { mode: 'air-gapped' })).ok).toBe(true);
  return { call, folder };
}

const SETUP = { title: '季度导入', operator: '张伟', witnesses: ['李娜'] };

describe('the receipt language chosen at setup', () => {
  it('is answered back and journaled with the air-gapped session start', async () => {
    const { call, folder } = await airGappedSession();
    const setup = await call('ceremony.setup', { ...SETUP, folder, receiptLanguage: 'both' });
    expect(setup.ok).toBe(true);
    expect(setup.value?.receiptLanguage).toBe('both');
    expect((await call('airgap.check-network')).ok).toBe(true);
    const journal = (await readFile(path.join(folder, String(setup.value?.airGapJournal)), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; data: Record<string, unknown> });
    const start = journal.find((e) => e.event === 'ceremony.session-started');
    expect(start?.data.receiptLanguage).toBe('both');
  });

  it('left out at a later session’s setup, is the one the journal records, as the CLI keeps it; chosen, it is the new one', async () => {
    const first = await airGappedSession();
    const journalOf = async (folder: string) =>
      (await readFile(path.join(folder, JOURNAL_FILES['air-gapped']), 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { event: string; data: Record<string, unknown> })
        .filter((e) => e.event === 'ceremony.session-started')
        .map((e) => e.data.receiptLanguage);
    expect((await first.call('ceremony.setup', { ...SETUP, folder: first.folder, receiptLanguage: 'both' })).ok).toBe(
      true,
    );
    expect((await first.call('airgap.check-network')).ok).toBe(true);
    await Promise.all(sessions.splice(0).map((s) => s.close()));
    // The app started again on the same folder (a later session): the officer leaves the language as it is.
    const later = await airGappedSession(first.folder);
    expect((await later.call('ceremony.setup', { ...SETUP, folder: first.folder })).ok).toBe(true);
    expect((await later.call('airgap.check-network')).ok).toBe(true);
    expect(await journalOf(first.folder)).toEqual(['both', 'both']);
    await Promise.all(sessions.splice(0).map((s) => s.close()));
    // Chosen on the setup screen, the officer’s choice is the new session’s.
    const chosen = await airGappedSession(first.folder);
    expect((await chosen.call('ceremony.setup', { ...SETUP, folder: first.folder, receiptLanguage: 'zh-CN' })).ok).toBe(
      true,
    );
    expect((await chosen.call('airgap.check-network')).ok).toBe(true);
    expect(await journalOf(first.folder)).toEqual(['both', 'both', 'zh-CN']);
  });

  it('is the screens’ language when left out (English until told), and refused when it is not en, zh-CN or both', async () => {
    const { call, folder } = await airGappedSession();
    expect((await call('ceremony.setup', { ...SETUP, folder })).value?.receiptLanguage).toBe('en');
    const zh = await airGappedSession();
    expect((await zh.call('app.language', { locale: 'zh-CN', chosen: false })).ok).toBe(true);
    expect((await zh.call('ceremony.setup', { ...SETUP, folder: zh.folder })).value?.receiptLanguage).toBe('zh-CN');
    const refused = await call('ceremony.setup', { ...SETUP, folder, receiptLanguage: 'fr' });
    expect(refused.ok).toBe(false);
  });
});
