/**
 * Leaving an unfinished air-gapped ceremony through the real router and handlers: the app's
 * counterpart of Ctrl-C on the command line. What is held is wiped, `ceremony.interrupted` (with
 * why and the state) and `ceremony.abandoned` are journaled, an unreceipted bundle is withdrawn
 * (the online side refuses it), and the side starts again as a new session on the same journal.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordedIpc } from '../../ui/ipc-recorder';
import { airGapConfirmed, call, ceremonyFolder, journalEvents, value, type CeremonyFolder } from './airgap-session';

let dir: string;
let media: string;
let ipc: RecordedIpc;
const journal = () => path.join(dir, 'air-gapped-journal.jsonl');

let folder: CeremonyFolder;
beforeEach(async () => {
  ({ dir, media, ipc } = folder = await ceremonyFolder('kf-ipc-leave-'));
});
afterEach(() => folder.close());

type State = { airGap: { state: string; unfinished: boolean } | null };

describe('leaving an unfinished air-gapped ceremony', () => {
  it('is not asked before material exists; once it does, leaving wipes it and journals an interrupt and the abandon', async () => {
    await airGapConfirmed(ipc, dir, ['AES_256', 'EC_P256']);
    await value(ipc, 'airgap.preflight', { folder: media });
    expect((await value<State>(ipc, 'ceremony.state')).airGap).toMatchObject({ unfinished: false });
    expect(await call(ipc, 'ceremony.leave', { side: 'air-gapped', reason: 'ceremony-left' })).toMatchObject({
      ok: false,
      problem: { code: 'CEREMONY_NOTHING_TO_LEAVE' },
    });
    await value(ipc, 'airgap.generate');
    expect((await value<State>(ipc, 'ceremony.state')).airGap).toMatchObject({
      state: 'material-ready',
      unfinished: true,
    });
    const left = await value(ipc, 'ceremony.leave', { side: 'air-gapped', reason: 'ceremony-left' });
    expect(left).toEqual({
      state: 'material-ready',
      wipedKeys: 2,
      withdrawnBundle: null,
      deleteByHand: null,
      withdrawnCustody: [],
      custodyByHand: [],
    });
    const events = await journalEvents(journal());
    expect(events.slice(-2)).toMatchObject([
      {
        event: 'ceremony.interrupted',
        actor: 'Ana',
        data: { left: 'ceremony-left', state: 'material-ready', wipedKeys: 2 },
      },
      {
        event: 'ceremony.abandoned',
        data: { reason: expect.stringContaining('left the ceremony for another screen'), wipedKeys: 2 },
      },
    ]);
    // The wiped session takes no more steps; the next network check starts a new one on the same journal.
    expect((await value<State>(ipc, 'ceremony.state')).airGap).toBeNull();
    expect(await call(ipc, 'airgap.wrap')).toMatchObject({ ok: false, problem: { code: 'AIRGAP_NOT_STARTED' } });
    await value(ipc, 'airgap.check-network');
    expect((await journalEvents(journal())).filter((e) => e.event === 'ceremony.session-started')).toHaveLength(2);
  });

  it('withdraws a written bundle no receipt names: the online side refuses it', async () => {
    await airGapConfirmed(ipc, dir, ['AES_256']);
    await value(ipc, 'airgap.preflight', { folder: media });
    await value(ipc, 'airgap.generate');
    await value(ipc, 'airgap.wrap');
    const written = await value<{ dir: string; manifestSha256Grouped: string }>(ipc, 'airgap.write-bundle');
    const left = await value<{ withdrawnBundle: string; wipedKeys: number }>(ipc, 'ceremony.leave', {
      side: 'air-gapped',
      reason: 'window-closed',
    });
    expect(left).toMatchObject({ withdrawnBundle: written.dir, wipedKeys: 0 });
    expect(await readdir(written.dir)).toContain('ABANDONED.txt');
    const events = await journalEvents(journal());
    expect(events.find((e) => e.event === 'ceremony.interrupted')?.data).toMatchObject({
      left: 'window-closed',
      state: 'bundle-written',
    });
    expect(events.map((e) => e.event)).toContain('wrapped-bundle.withdrawn');
    expect(
      await call(ipc, 'online.check-wrapped', {
        folder: written.dir,
        expectedDigest: written.manifestSha256Grouped,
        digestSource: 'air-gapped-receipt',
      }),
    ).toMatchObject({ ok: false, problem: { code: 'BUNDLE_ABANDONED' } });
  });
});
