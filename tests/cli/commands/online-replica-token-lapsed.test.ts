/**
 * A replica group whose replica's import was refused while the primary's took (the same journal as
 * tests/ui/key-status.group-material.test.ts). Once the replica's import token lapsed (the same
 * import again refused for it), `online status` says that the bundle cannot import it any more, and that the replica
 * takes its group's material (held by the primary, named), restored from the custody shares after
 * new parameters, never fresh material. In English and Simplified Chinese. One simulator serving two
 * regions over real HTTP; the CLI in this process, its clock moved a day on.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startKmsSimulator, type KmsSimulator } from '../../../src-main/core/kms-simulator/index';
import { keyferry } from '../../integration/cli-in-process';
import { nextCommand, onPrintedMedia } from '../../integration/pasted-shell';
import { wrappedReplicaGroup } from './wrapped-replica-group';

let dir: string;
let sim: KmsSimulator;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-replica-token-lapsed-'));
  sim = await startKmsSimulator({ regions: [{ region: 'sim-local-2' }] });
});
afterAll(async () => {
  vi.useRealTimers();
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a replica never imported, its import token lapsed', () => {
  it('online status names the primary holding the group’s material and the custody restore after new parameters', async () => {
    const { online, connection, env, params, wrapped } = await wrappedReplicaGroup(dir, sim, {
      title: 'Replica lapsed',
      alias: 'lapsed/aes',
    });
    // Two KMS keys, one material: the line says both counts, as the slips count materials.
    expect(wrapped.stdout).toContain(
      'Custody: one set for both keys (one material: the keys of a replica group share one, and the slips count materials), 2-of-3',
    );
    const primaryId = /lapsed\/aes \(AES_256, key ([0-9a-f-]{36})\), token/.exec(params.stdout)?.[1] as string;
    const replicaId = /lapsed\/aes \(AES_256, key ([0-9a-f-]{36}), the replica in region sim-local-2\)/.exec(
      params.stdout,
    )?.[1] as string;
    expect(primaryId).toBeDefined();
    expect(replicaId).toBeDefined();
    // The replica's import is refused before it runs, every time; the primary's goes through.
    sim.faults.failWith('import-key-material', 400, 'before', 10, 0, replicaId);
    const importCommand = nextCommand(onPrintedMedia(wrapped.stdout));
    expect((await keyferry(importCommand, { cwd: online, env })).code).toBe(1);
    const status = (lang: string) =>
      keyferry(['--lang', lang, 'online', 'status', ...connection], { cwd: online, env });
    expect((await status('en')).stdout).not.toContain('holds the material imported before');

    // A day later, on this computer and in the KMS (whose clock is its own); the same import again
    // meets the lapsed token, refused before anything is sent.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 25 * 3_600_000 });
    sim.clock.advance(25 * 3_600_000);
    sim.faults.clear();
    const again = await keyferry(importCommand, { cwd: online, env });
    expect(again.code).toBe(1);
    // Not "wrap again": the replica takes its group's material, by a custody restore.
    expect(again.stdout).toContain(
      'it prints what to run on the air-gapped workstation with the new bundle: a wrap, or a custody restore for a key that must take material imported before',
    );
    expect(again.stdout).not.toContain('wrap again on the air-gapped workstation');
    const lapsed = await status('en');
    expect(lapsed.stderr).toBe('');
    expect(lapsed.stdout).not.toContain('it imports only what is missing');
    expect(lapsed.stdout).toMatch(
      new RegExp(
        `lapsed/aes \\(${replicaId}, the replica in sim-local-2\\) is a replica of lapsed/aes \\(${primaryId}\\), which holds the material imported before: a replica group holds one material, so this key takes that same material, never fresh material from keyferry airgap wrap \\(fresh material would leave the group holding two\\)\\. Its import token has expired, so the bundle it was in cannot import it any more\\. Next: keyferry online params --journal \\S+ --out MEDIA/import-parameters-KF-\\S+-2 --key-id ${replicaId} \\(fresh wrapping key and import token\\); then, on the air-gapped workstation, keyferry custody restore with the bundle it writes and the shares of any 2 of the 3 custodians \\(.+; online journal entry \\d+\\), as that command prints it; then keyferry online import here with the wrapped-material bundle that writes\\.`,
      ),
    );
    const zh = await status('zh-CN');
    expect(zh.stdout).toMatch(
      new RegExp(
        `lapsed/aes（${replicaId}，位于 sim-local-2 的副本）是lapsed/aes（${primaryId}）的副本，而后者持有此前导入的密钥材料：一个副本组只持有一份密钥材料，因此该密钥须导入同一份密钥材料，绝不能使用 keyferry airgap wrap 新生成的密钥材料`,
      ),
    );
    expect(zh.stdout).toContain(
      '它的导入令牌已过期，因此它所在的材料包已无法再导入它。下一步：keyferry online params --journal',
    );
    expect(zh.stdout).toContain('运行 keyferry custody restore');
  }, 180_000);
});
