/**
 * A wrap again of ONE member of a replica group, imported, then the first bundle (the whole group)
 * offered: leaving that member out and importing the others would leave the group holding two
 * materials (the KMS binds each member to its first import for ever). The import refuses such a
 * bundle whole (WRAPPED_REPLICA_GROUP_SPLIT); online params now refuses the parameters for part of
 * a waiting group before any fetch, so the CLI no longer makes such a wrap. Two folders as two
 * machines, the real CLI against the simulator.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { onlineAt } from '../../helpers/cli-sides';
import { CUSTODY_TWO_OF_TWO, wrappedCliCeremony } from './wrapped-cli-ceremony';
import { simAndFolderPerTest } from './sim-folder';

const test = simAndFolderPerTest('kf-cli-partial-again-group-', { regions: [{ region: 'sim-local-2' }] });

describe('online import of a replica group bundle one of whose members took a later wrap', () => {
  it('never fetches parameters for one member of a waiting group: the whole group imports its one material', async () => {
    const { sim } = test.kms();
    const replica = sim.regions.slice(1).map((r) => ({ region: r.region, projectId: r.projectId }));
    const c = await wrappedCliCeremony(
      path.join(test.dir(), 'group'),
      sim,
      [{ alias: 'dr/aes', spec: 'AES_256', replicas: replica }],
      CUSTODY_TWO_OF_TWO,
    );
    const { args } = onlineAt(sim);
    const on = (words: string[]) => keyferry([...words, ...args], { cwd: c.online, env: c.env });
    const listed = (await on(['online', 'status'])).stdout;
    const primary = /dr\/aes\s.*?([0-9a-f-]{36})/.exec(listed)?.[1] as string;
    // A wrap again of the primary alone starts from parameters for it alone: refused now before any
    // fetch (parameters-choice.ts), the replica waiting too, so no such bundle is written or wrapped.
    const fetches = () => test.kms().requests.filter((r) => r.action === 'get-parameters-for-import').length;
    const before = fetches();
    const params = await on(['online', 'params', '--out', 'params-2', '--key-id', primary]);
    expect(params.code).toBe(1);
    expect(params.stderr).toContain('The keys chosen hold part of a replica group');
    expect(fetches()).toBe(before);
    // W1, the whole group, imports as before.
    const first = await keyferry(c.importCommand, { cwd: c.online, env: c.env });
    expect(first.code).toBe(0);
  }, 120_000);
});
