/**
 * The app reading an import-parameters bundle one of whose files changed on the way: the problem
 * names the file with the bundle folder the officer chose in front, as the CLI does, so with
 * several bundles on one stick the officer knows which one to write again. Through the real router
 * and handlers (no browser), in a rehearsal.
 */
import { appendFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecordedIpc, type RecordedIpc } from '../../ui/ipc-recorder';
import { call, value } from './airgap-session';

let dir: string;
let ipc: RecordedIpc;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-ipc-tampered-'));
  ipc = createRecordedIpc();
});
afterEach(async () => {
  await ipc.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the app reading a bundle with a changed file', () => {
  it('names the file with the bundle folder chosen', async () => {
    await value(ipc, 'mode.choose', { mode: 'rehearsal' });
    await value(ipc, 'ceremony.setup', { title: 'Safety', operator: 'Ana', witnesses: ['Ben'], folder: dir });
    await value(ipc, 'rehearsal.start');
    await value(ipc, 'online.create-keys', { keys: [{ alias: 'safety/k0', spec: 'AES_256' }] });
    await value(ipc, 'online.fetch-parameters');
    const params = await value<{ dir: string }>(ipc, 'online.write-parameters', { folder: dir });
    const [keyId] = await readdir(path.join(params.dir, 'keys'));
    const changed = path.join(params.dir, 'keys', keyId as string, 'PublicKey.b64');
    await appendFile(changed, 'A');
    await value(ipc, 'airgap.check-network');

    const refused = await call(ipc, 'airgap.read-bundle', { folder: params.dir });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.problem.message).toContain(changed);
  }, 120_000);
});
