/**
 * `online import` given the wrapped bundle of another ceremony (two ceremonies at once, the sticks
 * swapped), with that bundle's own digest: refused, and the refusal is the first thing said about
 * the bundle. The "Wrapped on the air-gapped side by …" line, which reads like an acceptance, is not
 * printed before it (it used to be). With the bundle's ceremony's journal beside the one given, the
 * refusal names it as the --journal to give. Two ceremonies, two folders each, a real simulator.
 */
import { copyFile } from 'node:fs/promises';
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
    expect(refused.stderr).toContain('Do not import this bundle.');
    expect(refused.stdout).not.toContain('Wrapped on the air-gapped side by');

    // The other ceremony's journal lies beside mine (one online workstation, two ceremonies): the
    // wrong --journal is the likelier slip, and the refusal names the journal to give (a trial's).
    await copyFile(other.journal, path.join(mine.online, 'online other.jsonl'));
    const beside = await keyferry(command, { cwd: mine.online, env: mine.env });
    expect(beside.code).toBe(1);
    const journal = command[at(command, '--journal')] as string;
    const named = path.join(path.dirname(journal), 'online other.jsonl');
    // Quoted as the shell takes it: a file's name may hold a space, or worse.
    expect(beside.stderr).toContain(
      `the wrong journal was given: '${named}', in the same folder, records that ceremony; run the same import with --journal '${named}'.`,
    );
    // Followed, the import goes through in that ceremony's journal.
    const followed = command.map((arg, i) => (i === at(command, '--journal') ? named : arg));
    const imported = await keyferry(followed, { cwd: mine.online, env: mine.env });
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
  }, 180_000);
});
