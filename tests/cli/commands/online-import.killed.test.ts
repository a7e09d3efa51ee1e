/**
 * An `online import` killed (SIGKILL: no handler runs, as a crash or a power cut) after the KMS took
 * the material and before the keys were proven: nothing in the journal says how that session ended.
 * The next run finds the journal's lock the killed process left behind, says that session ended
 * without stopping, journals it, and its receipt lists it under Deviations instead of saying that
 * nothing was interrupted. Two folders as two machines, one simulator over real HTTP, the import a
 * real process.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { runOf, spawnCli } from '../../integration/cli-process';
import { journalFileEntries } from '../../helpers/journal-entries';
import { wrappedCliCeremony, CUSTODY_TWO_OF_TWO } from './wrapped-cli-ceremony';
import { simAndFolderPerFile } from './sim-folder';

const test = simAndFolderPerFile('kf-cli-import-killed-');

describe('online import killed between the import and the proof', () => {
  it('the next import says the killed session ended without stopping, and its receipt lists it as interrupted', async () => {
    const { online, env, journal, importCommand } = await wrappedCliCeremony(
      path.join(test.dir(), 'c'),
      test.kms().sim,
      [
        { alias: 'k/aes', spec: 'AES_256' },
        { alias: 'k/ec', spec: 'EC_P256' },
      ],
      CUSTODY_TWO_OF_TWO,
    );
    const point = 'import-before-verify';
    const child = spawnCli(importCommand, {
      cwd: online,
      env: { ...env, NODE_ENV: 'test', KEYFERRY_TEST_PAUSE_AT: point },
      detached: true,
    });
    child.stderr?.on('data', (d: Buffer) => {
      if (d.toString('utf8').includes(`test pause: ${point}`)) process.kill(-(child.pid as number), 'SIGKILL');
    });
    const killed = await runOf(child);
    expect(killed.code).toBeNull();
    const before = await journalFileEntries(journal);
    expect(before.filter((e) => e.event === 'key.imported')).toHaveLength(2);
    const session = before.filter((e) => e.event === 'ceremony.session-started').length + 1;
    const from = before.findLast((e) => e.event === 'ceremony.session-started')?.seq as number;

    const rerun = await keyferry(importCommand, { cwd: online, env });
    expect(rerun.stderr).toBe('');
    expect(rerun.code).toBe(0);
    const said = `Journal entry ${before.length + 1}: session ${session} of this journal (entries ${from}-${before.length}) ended without stopping and without recording its end: its process (${child.pid}) was killed, crashed or lost its power, and left the journal’s lock behind.`;
    expect(rerun.stdout).toContain(said);
    const receipt = (await readdir(online)).find((f) => /^receipt-online-.*\.txt$/.test(f)) as string;
    const text = (await readFile(path.join(online, receipt), 'utf8')).replace(/\s+/g, ' ');
    expect(text).not.toContain('record no refusal, override, failed step, acknowledged loss, interrupt');
    expect(text).toContain(
      `! Entry ${before.length + 1}: Interrupted, Earlier session ended without recording its end`,
    );
    expect(text).toContain(
      `session ${session} of this journal (entries ${from}-${before.length}) ended without stopping and without recording its end: its process (${child.pid}) was killed`,
    );
  }, 120_000);
});
