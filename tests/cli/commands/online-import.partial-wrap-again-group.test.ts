/**
 * A wrap again of ONE member of a replica group, imported, then the first bundle (the whole group)
 * offered: leaving that member out and importing the others would leave the group holding two
 * materials (the KMS binds each member to its first import for ever). The bundle is refused whole,
 * nothing sent. Two folders as two machines, the real CLI against the simulator.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { nextCommand, onPrintedMedia } from '../../integration/pasted-shell';
import { onlineAt } from '../../helpers/cli-sides';
import { CUSTODY_TWO_OF_TWO, wrappedCliCeremony } from './wrapped-cli-ceremony';
import { paramsDigestFrom } from './witness-args';
import { simAndFolderPerTest } from './sim-folder';

const test = simAndFolderPerTest('kf-cli-partial-again-group-', { regions: [{ region: 'sim-local-2' }] });

describe('online import of a replica group bundle one of whose members took a later wrap', () => {
  it('refuses the bundle whole: the other member never takes material the group does not hold', async () => {
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
    const params = await on(['online', 'params', '--out', 'params-2', '--key-id', primary]);
    expect(params.code).toBe(0);
    // The officer wraps it all the same (told not to): the command of the first wrap, this bundle and its digest.
    const digest = paramsDigestFrom(params.stdout);
    const bundleAt = c.wrapCommand.indexOf('--bundle') + 1;
    const outAt = c.wrapCommand.indexOf('--out') + 1;
    const wrap = c.wrapCommand
      .map((w, i) =>
        i === bundleAt
          ? path.join(c.online, 'params-2')
          : i === outAt
            ? path.join(c.online, 'wrapped-2')
            : w.startsWith('Ben=')
              ? `Ben=${digest}`
              : w,
      )
      .map((w) => (w === 'dana' || w === 'eli' ? `${w}-2` : w));
    const again = await keyferry([...wrap, '--wrap-again', 'the primary alone: wrong token'], {
      cwd: c.airgap,
      env: {},
    });
    expect(again.code).toBe(0);
    const second = await keyferry(nextCommand(onPrintedMedia(again.stdout)), { cwd: c.online, env: c.env });
    expect(second.code).toBe(0);
    const imports = () => test.kms().requests.filter((r) => r.action === 'import-key-material').length;
    const before = imports();
    const first = await keyferry(c.importCommand, { cwd: c.online, env: c.env });
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(
      new RegExp(
        `Key dr/aes \\(${primary}\\) holds other material than this bundle’s, .*this bundle would give dr/aes \\([0-9a-f-]{36}\\) of its replica group its own material`,
      ),
    );
    expect(first.stderr).toContain('Fetch new import parameters for that key only');
    expect(first.stdout).not.toContain('is left out of this import');
    expect(imports() - before).toBe(0);
    // The replica waits, to take the group's material (its primary's) from a restore, as status says.
    const status = await on(['online', 'status']);
    expect(status.stdout).toContain('1 of 2 keys is not imported yet');
    expect(status.stdout).not.toContain('The ceremony is finished');
    const zh = await keyferry(['--lang', 'zh-CN', ...c.importCommand], { cwd: c.online, env: c.env });
    expect(zh.stderr).toContain('一个副本组只持有一份密钥材料');
    expect(imports() - before).toBe(0);
    // The way on the refusal names: parameters for the replica alone, bound to the material its primary holds.
    const replicaId = /replica of \S+\s+AES_256\s+([0-9a-f-]{36})/.exec(status.stdout)?.[1] as string;
    const forReplica = await on(['online', 'params', '--out', 'params-3', '--key-id', replicaId]);
    expect(forReplica.code).toBe(0);
    expect(nextCommand(onPrintedMedia(forReplica.stdout)).slice(0, 2)).toEqual(['custody', 'restore']);
  }, 120_000);
});
