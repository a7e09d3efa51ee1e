/**
 * Test helper: a replica group (a primary and its replica in region sim-local-2) planned, created and
 * its parameters fetched on the online folder, then wrapped 2-of-3 on the air-gapped folder (custody
 * folders on one volume, a rehearsal), as two machines run the printed commands. Returns both
 * folders, the online connection and what params and the wrap printed.
 */
import { expect } from 'vitest';
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
