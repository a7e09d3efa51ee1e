/**
 * A replica group whose primary's import took while the replica's was refused; a day later the
 * KMS refuses the replica's import token as expired (KMS.2601, this computer's clock not moved). The
 * bundle's custody set is the only custody copy of the material the primary holds, and the one the
 * replica must be restored from: the refusal's next step must never tell the officer to destroy it.
 * One simulator serving two regions over real HTTP.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { nextCommand, onPrintedMedia } from '../../integration/pasted-shell';
import { wrappedReplicaGroup } from './wrapped-replica-group';
import { simAndFolderPerFile } from './sim-folder';

const test = simAndFolderPerFile('kf-cli-replica-keep-custody-', { regions: [{ region: 'sim-local-2' }] });

describe('a replica’s import refused, then its token lapsed in the KMS', () => {
  it('the refusal keeps the custody set the primary’s material and the replica’s restore need', async () => {
    const sim = test.kms().sim;
    const { online, env, params, wrapped } = await wrappedReplicaGroup(path.join(test.dir()), sim, {
      title: 'Replica keep',
      alias: 'keep/aes',
    });
    const replicaId = /keep\/aes \(AES_256, key ([0-9a-f-]{36}), the replica in region sim-local-2\)/.exec(
      params.stdout,
    )?.[1] as string;
    sim.faults.failWith('import-key-material', 400, 'before', 10, 0, replicaId);
    const importCommand = nextCommand(onPrintedMedia(wrapped.stdout));
    const first = await keyferry(importCommand, { cwd: online, env });
    expect(first.stdout).toContain('1 of 2 keys holds its material');
    sim.clock.advance(25 * 3_600_000);
    sim.faults.clear();
    const again = await keyferry(['--lang', 'en', ...importCommand], { cwd: online, env });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('The import token has expired');
    expect(again.stderr).toContain('Keep the custody copy of the material of the bundle refused here');
    expect(again.stderr).not.toContain('destroy that bundle, and any custody copy of its material');
  }, 120_000);
});
