/**
 * A second custody restore in the same app session has no receipt until it writes its own: the
 * app kept the finished restore's receipt for the side, so the new restore's session view named it,
 * `receipt.view` showed it and `receipt.print` would have printed it as this restore's. Through the
 * real router and handlers: a rehearsal wraps with custody, the material lapses in the simulator,
 * one restore runs to its receipt, then the next restore starts.
 */
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CeremonyState } from '../../../src-main/ipc/contract';
import { airGapConfirmed, call, ceremonyFolder, value, wrapCheckImport, type CeremonyFolder } from './airgap-session';

const DAY_MS = 24 * 60 * 60 * 1000;

let folder: CeremonyFolder;
beforeEach(async () => {
  folder = await ceremonyFolder('kf-ipc-restore-next-receipt-');
});
afterEach(() => folder.close());

describe('a custody restore after a finished one', () => {
  it('shows and prints no receipt of the restore before it', async () => {
    const { ipc, dir, media } = folder;
    await airGapConfirmed(ipc, dir, ['AES_256']);
    const custodians = [path.join(dir, 'c1'), path.join(dir, 'c2')];
    for (const c of custodians) await mkdir(c);
    const expiresAt = new Date((ipc.simulator()?.clock.now() ?? Date.now()) + 3 * DAY_MS);
    expiresAt.setUTCHours(0, 0, 0, 0);
    await value(ipc, 'airgap.preflight', {
      folder: media,
      expiry: { kind: 'at', at: expiresAt.toISOString() },
      custody: { m: 2, n: 2, custodians: ['Cara', 'Dan'], folders: custodians, allowSameVolume: true },
    });
    await value(ipc, 'airgap.generate');
    await value(ipc, 'custody.split');
    await wrapCheckImport(ipc, {});
    // The material lapses; fresh parameters for it, and the restore from both shares to its receipt.
    await value(ipc, 'rehearsal.move-clock', { hours: 5 * 24 });
    await value(ipc, 'online.status');
    await value(ipc, 'online.fetch-parameters');
    const fresh = await value<{ dir: string; manifestSha256Grouped: string }>(ipc, 'online.write-parameters', {
      folder: dir,
    });
    await value(ipc, 'restore.check-network');
    await value(ipc, 'restore.read-bundle', { folder: fresh.dir });
    await value(ipc, 'restore.confirm-as-witness', { witness: 'Ben', typed: fresh.manifestSha256Grouped });
    for (const [i, c] of custodians.entries()) {
      const share = (await readdir(c)).find((f) => f.endsWith('.json')) ?? '';
      await value(ipc, 'restore.present-share', { presentedBy: ['Cara', 'Dan'][i], file: path.join(c, share) });
    }
    await value(ipc, 'restore.preflight', { folder: media, expiry: { kind: 'never' } });
    await value(ipc, 'restore.rebuild');
    await value(ipc, 'restore.wrap');
    await value(ipc, 'restore.write-bundle');
    const first = await value<{ htmlFile: string }>(ipc, 'restore.receipt');
    expect((await value<CeremonyState>(ipc, 'ceremony.state')).receipts.custodyRestore?.htmlFile).toBe(first.htmlFile);

    // The next restore: nothing of it is written yet, so no receipt is its to show or print.
    await value(ipc, 'restore.check-network');
    const next = await value<CeremonyState>(ipc, 'ceremony.state');
    expect(next.restore?.state).toBe('network-checked');
    expect(next.receipts.custodyRestore).toBeNull();
    for (const channel of ['receipt.view', 'receipt.print'])
      expect(await call(ipc, channel, { side: 'custody-restore' })).toMatchObject({
        ok: false,
        problem: { code: 'RECEIPT_NOT_WRITTEN' },
      });
  }, 120_000);
});
