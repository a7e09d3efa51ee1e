/**
 * `online import` of a bundle that would give a replica never imported other material than its
 * group already holds: the primary took the first wrap's material while the replica's import was
 * refused; a wrap again of the same parameters (fresh material) carrying the replica alone, as an
 * air-gapped side that did not honour the group would write it, is refused before anything is sent,
 * saying which member holds the group's material, both KCVs and the way on, in English and Chinese.
 * Two folders as two machines, one simulator serving two regions over real HTTP.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKmsSimulator, type KmsSimulator } from '../../../src-main/core/kms-simulator/index';
import { readBundleDigest } from '../../../src-main/core/bundle';
import { groupHex } from '../../../src-main/core/hex-groups';
import { keyferry } from '../../integration/cli-in-process';
import { nextCommand, onPrintedMedia, withoutCustodyToFillIn } from '../../integration/pasted-shell';
import { airgapConfirmations } from './witness-args';
import { wrappedReplicaGroup } from './wrapped-replica-group';
import { keyAloneInBundle } from '../../helpers/group-split';

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
  it('is refused before anything is sent, naming the primary holding the group’s material and the custody restore', async () => {
    const { online, airgap, env, params, wrapped } = await wrappedReplicaGroup(dir, sim, {
      title: 'Group material',
      alias: 'group/aes',
    });
    const primaryId = /group\/aes \(AES_256, key ([0-9a-f-]{36})\), token/.exec(params.stdout)?.[1] as string;
    const replicaId = /group\/aes \(AES_256, key ([0-9a-f-]{36}), the replica in region sim-local-2\)/.exec(
      params.stdout,
    )?.[1] as string;
    // The same parameters wrapped again on the air-gapped side: fresh material, its own custody set.
    const wrapWords = withoutCustodyToFillIn(nextCommand(onPrintedMedia(params.stdout)));
    const out = wrapWords.indexOf('--out') + 1;
    const againFolder = `${wrapWords[out] as string}-again`;
    const again = await keyferry(
      [
        ...wrapWords.map((w, i) => (i === out ? againFolder : w)),
        ...airgapConfirmations(params.stdout, ['Ben']),
        ...['--allow-network', '--wrap-again', 'the first stick was lost', '--no-backup'],
      ],
      { cwd: airgap, env: {} },
    );
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);

    // The primary's import takes the first wrap; the replica's is refused by its region's KMS.
    const importWords = nextCommand(onPrintedMedia(wrapped.stdout));
    sim.faults.failWith('import-key-material', 400, 'before', 10, 0, replicaId);
    expect((await keyferry(importWords, { cwd: online, env })).code).toBe(1);
    sim.faults.clear();

    const againDir = path.resolve(airgap, againFolder);
    await keyAloneInBundle(againDir, replicaId);
    const digest = groupHex(await readBundleDigest(againDir));
    const bundleAt = importWords.indexOf('--bundle') + 1;
    const digestAt = importWords.indexOf('--expect-digest') + 1;
    const offered = importWords.map((w, i) => (i === bundleAt ? againDir : i === digestAt ? digest : w));
    const sent = sim.importRequestCount(replicaId);
    const refused = await keyferry(offered, { cwd: online, env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      new RegExp(
        `Key group/aes \\(${replicaId}, the replica in region sim-local-2\\) was never imported, and its replica group already holds material: key ${primaryId} of the group took it \\(journal entry \\d+\\), KCV [0-9A-F]{6}\\. This bundle gives ${replicaId} other material \\(KCV [0-9A-F]{6}\\)`,
      ),
    );
    expect(refused.stderr).toContain(`keyferry online params --key-id ${replicaId}`);
    const zh = await keyferry(['--lang', 'zh-CN', ...offered], { cwd: online, env });
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain(`而其副本组已持有密钥材料：组内密钥 ${primaryId} 已导入该材料`);
    expect(sim.importRequestCount(replicaId)).toBe(sent);
  }, 180_000);
});
