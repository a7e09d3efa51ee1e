/**
 * The rehearsal simulator's clock through the real router and handlers: refused outside a
 * rehearsal and before the built-in simulator runs (catalogue messages in both languages), read
 * and moved forward only (the request schema refuses anything else), each move journaled in the
 * online journal before the clock moves, as a deviation the receipt lists; the KMS then decides by
 * the moved time (an import token lapses) and fresh parameters are issued for it.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listDeviations, verifyJournalText, type JournalEntry } from '../../../src-main/core/journal';
import { MAX_CLOCK_MOVE_MS } from '../../../src-main/core/kms-simulator/clock-control';
import { MAX_SIMULATOR_CLOCK_MOVE_HOURS } from '../../../src-main/ipc/schemas/ceremony';
import { translator } from '../../../src-main/i18n/translate';
import { createRecordedIpc, type RecordedIpc } from '../../ui/ipc-recorder';

const HOUR = 60 * 60 * 1000;
const opened: RecordedIpc[] = [];
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((ipc) => ipc.close()));
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});

interface Answer {
  ok: boolean;
  value?: Record<string, unknown>;
  problem?: { code: string; message: string; nextStep: string; values?: Record<string, string | number> };
}

async function app(mode: 'rehearsal' | 'online' | null) {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'keyferry-sim-clock-'));
  folders.push(folder);
  const ipc = createRecordedIpc({ rehearsalRoot: folder });
  opened.push(ipc);
  const call = async (channel: string, payload?: unknown) => (await ipc.route(channel, payload)) as Answer;
  if (mode) {
    expect((await call('mode.choose', { mode })).ok).toBe(true);
    expect(
      (await call('ceremony.setup', { title: 'Clock rehearsal', operator: 'Ana', witnesses: ['Ben'], folder })).ok,
    ).toBe(true);
  }
  const journal = async () =>
    (await readFile(path.join(folder, 'online-journal.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as JournalEntry);
  return { ipc, call, folder, journal };
}

describe('the rehearsal simulator clock channels', () => {
  it('refuse outside a rehearsal, naming the mode, in both languages, and move nothing', async () => {
    for (const mode of ['online', null] as const) {
      const { call } = await app(mode);
      for (const [channel, payload] of [
        ['rehearsal.clock', undefined],
        ['rehearsal.move-clock', { hours: 25 }],
      ] as const) {
        const refused = await call(channel, payload);
        expect(refused.ok).toBe(false);
        expect(refused.problem?.code).toBe('SIM_CLOCK_REHEARSAL_ONLY');
        const problem = refused.problem as NonNullable<Answer['problem']>;
        expect(translator('en').problem(problem).message).toContain(
          mode === 'online' ? 'Keyferry is in online mode' : 'Keyferry is in no mode yet',
        );
        expect(translator('zh-CN').problem(problem).message).toContain(
          mode === 'online' ? '处于联网模式' : '尚未选择模式',
        );
      }
    }
  });

  it('refuse in a rehearsal until the built-in simulator runs', async () => {
    const { call, ipc } = await app('rehearsal');
    const refused = await call('rehearsal.move-clock', { hours: 25 });
    expect(refused.problem?.code).toBe('SIM_CLOCK_NOT_STARTED');
    expect(refused.problem?.nextStep).toBe('Start the simulator in step 1 first.');
    expect(ipc.simulator()).toBeUndefined();
  });

  it('take whole hours forward only, at most ten years, nothing else', async () => {
    const { call, ipc } = await app('rehearsal');
    expect((await call('rehearsal.start')).ok).toBe(true);
    expect(MAX_SIMULATOR_CLOCK_MOVE_HOURS * HOUR).toBe(MAX_CLOCK_MOVE_MS);
    for (const payload of [
      { hours: 0 },
      { hours: -25 },
      { hours: 1.5 },
      { hours: MAX_SIMULATOR_CLOCK_MOVE_HOURS + 1 },
      { hours: '25' },
      { hours: 25, to: '2030-01-01T00:00:00Z' },
      {},
    ]) {
      const refused = await call('rehearsal.move-clock', payload);
      expect(refused.ok, JSON.stringify(payload)).toBe(false);
    }
    expect(ipc.simulator()?.clock.offset()).toBe(0);
  });

  it('journal each move before it happens, as an override the receipt lists, and the KMS keeps the moved time', async () => {
    const { call, ipc, journal, folder } = await app('rehearsal');
    expect((await call('rehearsal.start')).ok).toBe(true);
    const before = await call('rehearsal.clock');
    expect(before.value?.offsetMs).toBe(0);

    const created = await call('online.create-keys', { keys: [{ alias: 'clock/aes', spec: 'AES_256' }] });
    expect(created.ok).toBe(true);
    const first = await call('online.fetch-parameters');
    const firstExpiry = Date.parse(String((first.value?.keys as { tokenExpiresAt: string }[])[0]?.tokenExpiresAt));

    const moved = await call('rehearsal.move-clock', { hours: 25 });
    expect(moved.ok).toBe(true);
    expect(moved.value?.offsetMs).toBe(25 * HOUR);
    const now = Date.parse(String(moved.value?.now));
    expect(now - Date.parse(String(moved.value?.computerNow))).toBe(25 * HOUR);
    expect(ipc.simulator()?.clock.offset()).toBe(25 * HOUR);
    expect(now).toBeGreaterThan(firstExpiry);

    const entries = await journal();
    const move = entries.find((e) => e.event === 'rehearsal.clock-moved');
    expect(move?.actor).toBe('Ana');
    expect(move?.data).toMatchObject({ advancedMs: 25 * HOUR, offsetMs: 25 * HOUR });
    expect(Date.parse(String(move?.data.to)) - Date.parse(String(move?.data.from))).toBe(25 * HOUR);
    expect(listDeviations(entries).map((d) => [d.entry.event, d.kind])).toContainEqual([
      'rehearsal.clock-moved',
      'override',
    ]);
    expect(verifyJournalText(entries.map((e) => JSON.stringify(e)).join('\n') + '\n').ok).toBe(true);

    // The token fetched before the move has lapsed: the bundle is refused, fresh parameters are issued.
    const stale = await call('online.write-parameters', { folder });
    expect(stale.problem?.code).toBe('IMPORT_TOKEN_EXPIRED');
    const fresh = await call('online.fetch-parameters');
    const freshExpiry = Date.parse(String((fresh.value?.keys as { tokenExpiresAt: string }[])[0]?.tokenExpiresAt));
    expect(freshExpiry - now).toBeGreaterThan(23 * HOUR);
    expect(freshExpiry - now).toBeLessThanOrEqual(24 * HOUR + 60_000);
    expect((await call('online.write-parameters', { folder })).ok).toBe(true);

    // A second move adds up; reading it back shows the same clock.
    await call('rehearsal.move-clock', { hours: 48 });
    expect((await call('rehearsal.clock')).value?.offsetMs).toBe(73 * HOUR);
    expect((await journal()).filter((e) => e.event === 'rehearsal.clock-moved')).toHaveLength(2);
  });
});
