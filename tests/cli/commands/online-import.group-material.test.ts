/**
 * `online import` of a bundle that would give a replica never imported other material than its
 * group already holds: the primary took the first wrap's material while the replica's import was
 * refused; a wrap again of the same parameters (fresh material) carrying the replica alone, as an
 * air-gapped side that did not honour the group would write it, is refused before anything is sent,
 * saying which member holds the group's material, both KCVs and the way on, in English and Chinese:
 * the first wrap, which carries the replica with a token still valid, imported again (as `online
 * status` says). Parameters fetched for the replica anyway say not to wrap that bundle, as their
 * warning does, never a custody restore into it; the import again then gives the replica its material.
 * Two folders as two machines, one simulator serving two regions over real HTTP.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKmsSimulator, type KmsSimulator } from '../../../src-main/core/kms-simulator/index';
import { keyferry } from '../../integration/cli-in-process';
import { replicaRefusedBesideWrapAgain } from './wrapped-replica-group';
import { onlineAt } from '../../helpers/cli-sides';

let dir: string;
let sim: KmsSimulator;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-group-material-'));
  sim = await startKmsSimulator({ regions: [{ region: 'sim-local-2' }] });
});
afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

describe('online import of other material for a replica never imported', () => {
  it('is refused before anything is sent, naming the first wrap to import again, which then imports the replica', async () => {
    const { online, env, primaryId, replicaId, importWords, offered, bundleAt, digestAt } =
      await replicaRefusedBesideWrapAgain(dir, sim);
    const sent = sim.importRequestCount(replicaId);
    const refused = await keyferry(offered, { cwd: online, env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      new RegExp(
        `Key group/aes \\(${replicaId}, the replica in region sim-local-2\\) was never imported, and its replica group already holds material: key ${primaryId} of the group took it \\(journal entry \\d+\\), KCV [0-9A-F]{6}\\. This bundle gives ${replicaId} other material \\(KCV [0-9A-F]{6}\\)`,
      ),
    );
    // The first wrap carries the replica with a token still valid: import it again, as online status says.
    const firstDir = importWords[bundleAt] as string;
    const firstDigest = importWords[digestAt] as string;
    expect(refused.stderr).toContain(
      `import that bundle again before then (keyferry online import with --bundle ${path.resolve(online, firstDir)} and --expect-digest with the digest on its air-gapped receipt, ${firstDigest}). It imports only the keys still missing; no new import parameters and no custody restore are needed.`,
    );
    expect(refused.stderr).not.toContain('online params --key-id');
    const zh = await keyferry(['--lang', 'zh-CN', ...offered], { cwd: online, env });
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain(`而其副本组已持有密钥材料：组内密钥 ${primaryId} 已导入该材料`);
    expect(zh.stderr).toContain(
      `请在此之前再次导入该已包装密钥材料包（keyferry online import，--bundle ${path.resolve(online, firstDir)}`,
    );
    expect(sim.importRequestCount(replicaId)).toBe(sent);

    // Parameters fetched for the replica anyway: the plan takes the first wrap, so the Next line
    // says not to wrap (nor restore into) the new bundle, as its warning says, never a custody restore.
    const { args: connection } = onlineAt(sim);
    // Online status (which also proves the primary) says the same way on: that bundle's import again.
    const status = await keyferry(['online', 'status', ...connection], { cwd: online, env });
    expect(status.stdout).toContain(`Run the import again`);
    expect(status.stdout).toContain(`--bundle ${path.resolve(online, firstDir)}`);
    const params2 = await keyferry(['online', 'params', '--out', 'params-2', '--key-id', replicaId, ...connection], {
      cwd: online,
      env,
    });
    expect(params2.stderr).toBe('');
    expect(params2.code).toBe(0);
    expect(params2.stdout).toContain('Import that wrap; do not wrap those keys again.');
    expect(params2.stdout).toContain('Next: not the air-gapped wrap of this bundle');
    expect(params2.stdout).not.toContain('custody restore');
    // Followed, the refusal's way on imports the replica with the group's material.
    const reimport = await keyferry(importWords, { cwd: online, env });
    expect(reimport.stderr).toBe('');
    expect(reimport.code).toBe(0);
    expect(sim.importCount(replicaId)).toBe(1);
  }, 180_000);
});
