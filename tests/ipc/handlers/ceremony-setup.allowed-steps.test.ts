/**
 * The session views carry which steps may run now and which are done, computed in main from the
 * ceremonies' step tables: through the real router and handlers, what a view calls allowed runs
 * and what it leaves out is refused by the core's guard.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecordedIpc, type RecordedIpc } from '../../ui/ipc-recorder';
import { airGapConfirmed, call, value } from './airgap-session';

let dir: string;
let ipc: RecordedIpc;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-ipc-steps-'));
  ipc = createRecordedIpc();
});
afterEach(async () => {
  await ipc.close();
  await rm(dir, { recursive: true, force: true });
});

type Side = { allowedSteps: string[]; doneSteps: string[] };
type State = { online: Side & { step: string }; airGap: Side & { state: string } };

describe('ceremony.state: allowed and done steps', () => {
  it('says what may run on each side; the guard agrees', async () => {
    await airGapConfirmed(ipc, dir, ['AES_256']);
    let state = await value<State>(ipc, 'ceremony.state');
    expect(state.online).toMatchObject({
      step: 'parameters-written',
      allowedSteps: ['fetchParameters', 'checkWrappedBundle'],
      doneSteps: ['createKeys', 'fetchParameters', 'writeParameters'],
    });
    expect(state.airGap).toMatchObject({
      state: 'fingerprints-confirmed',
      allowedSteps: [
        'showArtefacts',
        'confirmArtefact',
        'preflight',
        'acknowledgeNoBackup',
        'useHsm',
        'generateMaterial',
        'loadMaterial',
      ],
      doneSteps: ['checkNetwork', 'readParameters', 'confirmArtefact'],
    });
    // Not allowed: refused by the core, nothing changes.
    expect(await call(ipc, 'airgap.wrap')).toMatchObject({
      ok: false,
      problem: { code: 'CEREMONY_STEP_OUT_OF_ORDER' },
    });
    const media = path.join(dir, 'media');
    await mkdir(media);
    await value(ipc, 'airgap.preflight', { folder: media });
    await value(ipc, 'airgap.generate');
    state = await value<State>(ipc, 'ceremony.state');
    expect(state.airGap.allowedSteps).toEqual([
      'showArtefacts',
      'generateMaterial',
      'loadMaterial',
      'splitCustody',
      'wrap',
    ]);
    expect(state.airGap.doneSteps).toContain('generateMaterial');
    await value(ipc, 'airgap.wrap');
    expect((await value<State>(ipc, 'ceremony.state')).airGap).toMatchObject({
      state: 'wrapped',
      allowedSteps: ['showArtefacts', 'writeBundle'],
    });
  });
});
