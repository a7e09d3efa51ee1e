/**
 * `online import` given the wrapped bundle of another ceremony (two ceremonies at once, the sticks
 * swapped), with that bundle's own digest: refused, and the refusal is the first thing said about
 * the bundle. The "Wrapped on the air-gapped side by …" line, which reads like an acceptance, is not
 * printed before it (it used to be). Two ceremonies, two folders each, a real simulator.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { simAndFolderPerTest } from './sim-folder';
import { wrappedCliCeremony } from './wrapped-cli-ceremony';

const test = simAndFolderPerTest('kf-cli-import-other-');

describe('online import of another ceremony’s wrapped bundle', () => {
  it('is refused without first describing who wrapped it', async () => {
    const mine = await wrappedCliCeremony(path.join(test.dir(), 'mine'), test.kms().sim, [
      { alias: 'mine/aes', spec: 'AES_256' },
    ]);
    const other = await wrappedCliCeremony(path.join(test.dir(), 'other'), test.kms().sim, [
      { alias: 'other/aes', spec: 'AES_256' },
    ]);
    // My import command, with the other ceremony's bundle and its digest (both from its printed line).
    const at = (command: string[], option: string) => command.indexOf(option) + 1;
    const command = mine.importCommand.map((arg, i) =>
      i === at(mine.importCommand, '--bundle')
        ? (other.importCommand[at(other.importCommand, '--bundle')] as string)
        : i === at(mine.importCommand, '--expect-digest')
          ? (other.importCommand[at(other.importCommand, '--expect-digest')] as string)
          : arg,
    );
    const refused = await keyferry(command, { cwd: mine.online, env: mine.env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/The bundle belongs to ceremony KF-\S+, not to KF-\S+\./);
    expect(refused.stdout).not.toContain('Wrapped on the air-gapped side by');
  }, 180_000);
});
