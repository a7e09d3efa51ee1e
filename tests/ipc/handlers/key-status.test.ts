/**
 * The app's key states with the facts `online status` prints, through the real router and handlers
 * and the rehearsal's simulator over real HTTP: the keys holding material proven at any step (after
 * fresh parameters the ceremony's verify step refuses; each proof journaled), and what is next for a
 * key whose material was deleted: fresh parameters first, then, once they are written, the
 * air-gapped side with that bundle; the lines in English and Simplified Chinese through the catalogue.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Response } from '../../../src-main/ipc/contract';
import { translator } from '../../../src-main/i18n/translate';
import {
  airGapConfirmed,
  call,
  ceremonyFolder,
  journalEvents,
  value,
  wrapCheckImport,
  type CeremonyFolder,
} from './airgap-session';

let folder: CeremonyFolder;
beforeEach(async () => {
  folder = await ceremonyFolder('kf-ipc-key-status-');
});
afterEach(() => folder.close());

/** Two AES keys imported and verified in a rehearsal. */
async function imported(): Promise<string[]> {
  const { ipc, dir, media } = folder;
  const { keyIds } = await airGapConfirmed(ipc, dir, ['AES_256', 'AES_256']);
  await value(ipc, 'airgap.preflight', { folder: media });
  await value(ipc, 'airgap.generate');
  await wrapCheckImport(ipc, { expiry: { kind: 'never' } });
  return keyIds;
}

describe('the key states in the app, as online status says them', () => {
  it('proves the keys holding material after a deletion and says new parameters come first, then the air-gapped side', async () => {
    const { ipc, dir } = folder;
    const [deleted, kept] = (await imported()) as [string, string];
    const onlineJournal = path.join(dir, 'online-journal.jsonl');
    let status = await value<Response<'keyStatus'>>(ipc, 'online.status');
    expect(status.proofs?.allVerified).toBe(true);
    expect(status.next).toEqual({
      deleted: [],
      rounds: [],
      notTaken: [],
      sentUnrecorded: { keys: [], folders: [] },
      unproven: { keys: [], folders: [] },
      foreign: [],
      missing: [],
    });

    await value(ipc, 'online.delete-material', { keyId: deleted, acknowledgeLoss: true, confirmedKeyId: deleted });
    status = await value<Response<'keyStatus'>>(ipc, 'online.status');
    expect(status.proofs?.keys.map((p) => [p.keyId, p.ok])).toEqual([[kept, true]]);
    expect(status.next.deleted).toEqual([
      {
        keyId: deleted,
        alias: 'safety/k0',
        replicaOf: null,
        region: 'sim-local-1',
        spec: 'AES_256',
        round: 'parameters',
      },
    ]);
    const key = (lang: 'en' | 'zh-CN') =>
      translator(lang).t('online.named-key', { alias: 'safety/k0', keyId: deleted, replica: 'no', region: '' });
    expect(translator('en').t('status.next.deleted', { key: key('en'), round: 'parameters' })).toBe(
      `Material deleted on request: safety/k0 (${deleted}) is in Pending import and accepts only the same material again. Next: fetch new import parameters for it (step “Fetch the import parameters”), restore or wrap its material with them on the air-gapped workstation, then check and import the wrapped-material bundle here.`,
    );
    expect(translator('zh-CN').t('status.next.deleted', { key: key('zh-CN'), round: 'parameters' })).toBe(
      `已按要求删除密钥材料：safety/k0（${deleted}）处于待导入状态，只接受相同的密钥材料。下一步：为其获取新的导入参数（“获取导入参数”步骤），在离线工作站上用这些参数恢复或包装其密钥材料，然后在此处核对并导入已包装密钥材料包。`,
    );

    await value(ipc, 'online.fetch-parameters');
    const params = await value<{ dir: string }>(ipc, 'online.write-parameters', { folder: dir });
    // The ceremony is back at its parameters step: its verify step refuses, the key states prove the kept key all the same (journaled).
    expect(await call(ipc, 'online.verify')).toMatchObject({
      ok: false,
      problem: { code: 'CEREMONY_STEP_OUT_OF_ORDER' },
    });
    const provenBefore = (await journalEvents(onlineJournal)).filter((e) => e.event === 'key.verified').length;
    status = await value<Response<'keyStatus'>>(ipc, 'online.status');
    expect(status.proofs?.keys.map((p) => [p.keyId, p.ok])).toEqual([[kept, true]]);
    const proven = (await journalEvents(onlineJournal)).filter((e) => e.event === 'key.verified');
    expect(proven.length).toBe(provenBefore + 1);
    expect(status.next.deleted.map((k) => k.round)).toEqual(['later']);
    expect(status.next.rounds).toEqual([
      {
        stage: 'wrap',
        folder: params.dir,
        seq: expect.any(Number) as number,
        keys: [{ keyId: deleted, alias: 'safety/k0', replicaOf: null, region: 'sim-local-1' }],
      },
    ]);
  }, 120_000);
});
