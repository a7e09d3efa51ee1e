/**
 * An `online import` killed (SIGKILL: no handler runs, as a crash or a power cut) after the KMS took
 * the material and before the keys were proven: nothing in the journal says how that session ended.
 * The next run finds the journal's lock the killed process left behind, says that session ended
 * without stopping, journals it, and its receipt lists it under Deviations instead of saying that
 * nothing was interrupted. Two folders as two machines, one simulator over real HTTP, the import a
 * real process.
 */
import { spawn } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { killedAt } from '../../integration/cli-process';
import { journalFileEntries } from '../../helpers/journal-entries';
import { wrappedCliCeremony, CUSTODY_TWO_OF_TWO } from './wrapped-cli-ceremony';
import { simAndFolderPerFile } from './sim-folder';

const test = simAndFolderPerFile('kf-cli-import-killed-');

/** A wrapped ceremony of `keys` in folder `name`, its `online import` killed (SIGKILL) between the import and the proof. */
async function killedImport(name: string, keys: Parameters<typeof wrappedCliCeremony>[2]) {
  const ceremony = await wrappedCliCeremony(path.join(test.dir(), name), test.kms().sim, keys, CUSTODY_TWO_OF_TWO);
  const { child, run } = await killedAt(
    ceremony.importCommand,
    { cwd: ceremony.online, env: ceremony.env },
    'import-before-verify',
  );
  expect(run.code).toBeNull();
  return { ...ceremony, child };
}

describe('online import killed between the import and the proof', () => {
  it('the next import says the killed session ended without stopping, and its receipt lists it as interrupted', async () => {
    const { online, env, journal, importCommand, child } = await killedImport('c', [
      { alias: 'k/aes', spec: 'AES_256' },
      { alias: 'k/ec', spec: 'EC_P256' },
    ]);
    const before = await journalFileEntries(journal);
    expect(before.filter((e) => e.event === 'key.imported')).toHaveLength(2);
    const session = before.filter((e) => e.event === 'ceremony.session-started').length + 1;
    const from = before.findLast((e) => e.event === 'ceremony.session-started')?.seq as number;

    const rerun = await keyferry(importCommand, { cwd: online, env });
    expect(rerun.stderr).toBe('');
    expect(rerun.code).toBe(0);
    const said = `Journal entry ${before.length + 1}: session ${session} of this journal (entries ${from}-${before.length}) ended without stopping and without recording its end: its process (${child.pid}) was killed, crashed or lost its power, and left the journal’s lock behind.`;
    expect(rerun.stdout).toContain(said);
    // How far it went, by its own entries: every import journaled, only the proof and the receipt left.
    const check = before.findLast((e) => e.event === 'wrapped-bundle.checked')?.seq as number;
    expect(rerun.stdout.replace(/\s+/g, ' ')).toContain(
      `It had journaled the import of both keys of the wrapped-material bundle it checked at entry ${check}: what it left unfinished is the proof of those keys and the online receipt`,
    );
    expect(rerun.stdout).not.toContain('Whatever it was doing when it ended is unfinished');
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

  it('a journal verify run between the kill and the next import does not make the killed session unsaid', async () => {
    const { online, env, journal, importCommand, child } = await killedImport('d', [
      { alias: 'v/aes', spec: 'AES_256' },
    ]);
    const before = await journalFileEntries(journal);
    // The officer checks the journal after the crash (a reader's look, under the lock it takes over).
    const verify = await keyferry(['journal', 'verify', 'online.jsonl'], { cwd: online, env });
    expect(verify.code).toBe(0);
    const rerun = await keyferry(importCommand, { cwd: online, env });
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain(`Journal entry ${before.length + 1}: session `);
    expect(rerun.stdout).toContain(`its process (${child.pid}) was killed, crashed or lost its power`);
    const receipt = (await readdir(online)).find((f) => /^receipt-online-.*\.txt$/.test(f)) as string;
    const text = (await readFile(path.join(online, receipt), 'utf8')).replace(/\s+/g, ' ');
    expect(text).not.toContain('record no refusal, override, failed step, acknowledged loss, interrupt');
    expect(text).toContain(
      `! Entry ${before.length + 1}: Interrupted, Earlier session ended without recording its end`,
    );
  }, 120_000);

  it('a credentials refusal between the kill and the next import journals the killed session before the refusal', async () => {
    const { online, env, journal, importCommand, child } = await killedImport('e', [
      { alias: 'r/aes', spec: 'AES_256' },
    ]);
    const before = await journalFileEntries(journal);
    // A config file naming no region: refused, and the refusal journaled (the journal's lock taken over to write it).
    const config = path.join(online, 'kms-config.json');
    await writeFile(config, JSON.stringify({ ak: 'AK', sk: 'SK' }), { mode: 0o600 });
    const refused = await keyferry([...importCommand, '--config', config], { cwd: online, env: {} });
    expect(refused.code).toBe(1);
    const after = await journalFileEntries(journal);
    expect(after.slice(before.length).map((e) => e.event)).toEqual([
      'ceremony.session-unrecorded',
      'credentials.refused',
    ]);
    const rerun = await keyferry(importCommand, { cwd: online, env });
    expect(rerun.code).toBe(0);
    const receipt = (await readdir(online)).find((f) => /^receipt-online-.*\.txt$/.test(f)) as string;
    const text = (await readFile(path.join(online, receipt), 'utf8')).replace(/\s+/g, ' ');
    expect(text).toContain(
      `! Entry ${before.length + 1}: Interrupted, Earlier session ended without recording its end`,
    );
    expect(text).toContain(`its process (${child.pid}) was killed`);
  }, 120_000);

  it('journal set-aside-torn-line refused (the journal is not torn) between the kill and the next import does not make the killed session unsaid', async () => {
    const { online, env, journal, importCommand, child } = await killedImport('g', [
      { alias: 't/aes', spec: 'AES_256' },
    ]);
    const before = await journalFileEntries(journal);
    // The officer, after the crash, takes the journal for torn: refused, nothing changed.
    const setAside = await keyferry(['journal', 'set-aside-torn-line', 'online.jsonl', '--operator', 'Ada'], {
      cwd: online,
      env,
    });
    expect(setAside.code).toBe(1);
    expect(setAside.stderr).toContain('nothing was changed');
    const rerun = await keyferry(importCommand, { cwd: online, env });
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain(`Journal entry ${before.length + 1}: session `);
    expect(rerun.stdout).toContain(`its process (${child.pid}) was killed, crashed or lost its power`);
  }, 120_000);

  it('a journal verify killed while it reads, between the kill and the next import, does not make the killed session unsaid', async () => {
    const { online, env, journal, importCommand, child } = await killedImport('f', [
      { alias: 'k2/aes', spec: 'AES_256' },
    ]);
    const before = await journalFileEntries(journal);
    // The lock as journal verify takes it (lock.ts), in a process SIGKILLed while it holds it: no release runs.
    const lockHolder = path.resolve(__dirname, '../../core/journal/lock-holder.ts');
    const verify = spawn(process.execPath, ['--import', 'tsx', lockHolder, 'read', journal], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve) =>
      verify.stdout.on('data', (d: Buffer) => d.toString('utf8').includes('locked') && resolve()),
    );
    const gone = new Promise((resolve) => verify.once('exit', resolve));
    verify.kill('SIGKILL');
    await gone;
    const rerun = await keyferry(importCommand, { cwd: online, env });
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain(`Journal entry ${before.length + 1}: session `);
    expect(rerun.stdout).toContain(`its process (${child.pid}) was killed, crashed or lost its power`);
  }, 120_000);
});
