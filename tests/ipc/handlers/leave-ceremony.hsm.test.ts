/**
 * Leaving an air-gapped ceremony (the app's Ctrl-C) whose material was generated in a real SoftHSM
 * token, through the real router and handlers: the token objects are destroyed (OpenSC's
 * pkcs11-tool lists none afterwards), `hsm.objects-destroyed` is journaled, and the answer names
 * them for the screen. A ceremony that finished keeps them.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createSoftHsmToken,
  listTokenObjects,
  SOFTHSM_MODULE,
  type SoftToken,
} from '../../core/hsm/helpers/soft-tokens';
import { createRecordedIpc, type RecordedIpc } from '../../ui/ipc-recorder';
import { airGapConfirmed, journalEvents, value } from './airgap-session';

const PIN = '29384756';
let dir: string;
let media: string;
let token: SoftToken;
let ipc: RecordedIpc;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-ipc-leave-hsm-'));
  media = path.join(dir, 'media');
  await mkdir(media);
  token = await createSoftHsmToken('ipc-leave-hsm', PIN);
  ipc = createRecordedIpc();
});
afterEach(async () => {
  await ipc.close();
  await token.cleanup();
  await rm(dir, { recursive: true, force: true });
});

/** The air-gapped side with the AES_256 material of `keyId` generated in the token and wrapped. */
async function wrappedInToken(): Promise<string> {
  const { keyIds } = await airGapConfirmed(ipc, dir, ['AES_256'], { wrappingAlgorithm: 'RSAES_OAEP_SHA_1' });
  await value(ipc, 'airgap.preflight', { folder: media, materialFromHsm: true });
  await value(ipc, 'airgap.use-hsm', { modulePath: SOFTHSM_MODULE, token: token.label, pin: PIN });
  await value(ipc, 'airgap.generate');
  await value(ipc, 'airgap.wrap');
  return keyIds[0] as string;
}

describe('leaving a ceremony whose material was generated in an HSM token', () => {
  it('destroys the token object, journals it, and answers which', async () => {
    const keyId = await wrappedInToken();
    expect(listTokenObjects(token)).toHaveLength(1);
    const left = await value<{ tokenObjects?: unknown }>(ipc, 'ceremony.leave', {
      side: 'air-gapped',
      reason: 'ceremony-left',
    });
    expect(left.tokenObjects).toEqual({
      tokenLabel: 'ipc-leave-hsm',
      tokenSerial: token.serial,
      destroyed: [
        {
          keyId,
          label: expect.stringMatching(new RegExp(`^keyferry KF-\\S+ ${keyId}$`)),
          objectId: Buffer.from(keyId).toString('hex'),
          objectClass: 'CKO_SECRET_KEY',
        },
      ],
      left: [],
      problem: null,
    });
    expect(listTokenObjects(token)).toEqual([]);
    const events = (await journalEvents(path.join(dir, 'air-gapped-journal.jsonl'))).map((e) => e.event);
    expect(events.slice(-2)).toEqual(['hsm.objects-destroyed', 'ceremony.abandoned']);
  }, 120_000);

  it('keeps it once the receipt finished the ceremony', async () => {
    await wrappedInToken();
    await value(ipc, 'airgap.write-bundle');
    await value(ipc, 'airgap.receipt');
    expect(listTokenObjects(token)).toHaveLength(1);
  }, 120_000);
});
