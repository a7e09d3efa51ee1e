/**
 * Test helper: a replica group (a primary and its replica in region sim-local-2) planned, created and
 * its parameters fetched on the online folder, then wrapped 2-of-3 on the air-gapped folder (custody
 * folders on one volume, a rehearsal), as two machines run the printed commands. Returns both
 * folders, the online connection and what params and the wrap printed.
 */
import path from 'node:path';
import { expect } from 'vitest';
import { readBundleDigest } from '../../../src-main/core/bundle';
import { groupHex } from '../../../src-main/core/hex-groups';
import { keyAloneInBundle } from '../../helpers/group-split';
import type { KmsSimulator } from '../../../src-main/core/kms-simulator/index';
import { keyferry } from '../../integration/cli-in-process';
import { nextCommand, onPrintedMedia, twoMachines, withoutCustodyToFillIn } from '../../integration/pasted-shell';
import { onlineAt } from '../../helpers/cli-sides';
import { writeReplicaPlan } from '../../helpers/replica-plan';
import { airgapConfirmations } from './witness-args';

export async function wrappedReplicaGroup(
  dir: string,
  sim: KmsSimulator,
  plan: { readonly title: string; readonly alias: string },
) {
  const { online, airgap } = await twoMachines(dir);
  await writeReplicaPlan(online, sim, plan);
  const { args: connection, env } = onlineAt(sim);
  const on = (args: string[]) => keyferry([...args, ...connection], { cwd: online, env });
  expect((await on(['online', 'create-key', '--plan', 'plan.json'])).code).toBe(0);
  const params = await on(['online', 'params', '--out', 'params-1']);
  expect(params.code).toBe(0);
  const wrapped = await keyferry(
    [
      ...withoutCustodyToFillIn(nextCommand(onPrintedMedia(params.stdout))),
      ...airgapConfirmations(params.stdout, ['Ben']),
      ...['--allow-network', '--custody', '2/3', '--shares-on-one-volume'],
    ],
    { cwd: airgap, env: {} },
  );
  expect(wrapped.code).toBe(0);
  return { online, airgap, connection, env, on, params, wrapped };
}

/**
 * The group above, its parameters wrapped once more on the air-gapped folder (`--wrap-again`: fresh
 * material); the primary's import took the first wrap while the replica's was refused by its
 * region's KMS. Returns what wrappedReplicaGroup does, both key ids, the first wrap's import words
 * (as printed) and `offered`: those words with the wrap again, cut to the replica alone, and its digest.
 */
export async function replicaRefusedBesideWrapAgain(dir: string, sim: KmsSimulator) {
  const group = await wrappedReplicaGroup(dir, sim, { title: 'Group material', alias: 'group/aes' });
  const { params, airgap, online, env, wrapped } = group;
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
  return { ...group, primaryId, replicaId, importWords, offered, bundleAt, digestAt };
}
