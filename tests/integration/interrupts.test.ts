/**
 * Stops by the officer in real processes (`node bin/keyferry.js`, as the installed command runs):
 * Ctrl-C (SIGINT to the process group, as a terminal sends it) during RSA-4096 generation, and
 * Ctrl-C typed at the witness prompt on a real pseudo-terminal (`script`). Each stop wipes, journals
 * the stop, releases the journal lock and prints one line saying how to resume; the next run with
 * the same journal then finishes, and the stopped attempt stays visible as abandoned. Ctrl-C while
 * the custody split writes the custodians' folders ends the split there: no line names a holder of
 * that set (a trial printed them all, then "Stopped"), and the stop line says what was removed; a
 * custodian's folder moved away meanwhile is named to delete by hand, never as one files were removed
 * from, and the next receipt tells its custodian so (a trial said "withdrawn" with all five files in it).
 */
import { airgapWrapArgs } from '../helpers/cli-sides';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyJournal } from '../../src-main/core/journal';
import { KEYFERRY_BIN as BIN } from './cli-process';
import { custodyArgs, stoppedCliFolder, type Finished } from './stopped-cli';
import { translator } from '../../src-main/i18n/translate';
import { journalEventPhrase } from '../../src-main/i18n/journal-events';

const cli = stoppedCliFolder('kf-interrupts-');
const { watch, journalEvents } = cli;
const dir = () => cli.dir();
const rsa4096Parameters = (count: number, spec: 'RSA_4096' | 'AES_256' = 'RSA_4096') => cli.parameters(count, spec);

function wrapArgs(...extra: string[]): string[] {
  return airgapWrapArgs({}, '--allow-network', ...extra);
}

/**
 * `airgap wrap` of `count` AES keys with a 2-of-3 custody split to c1, c2, c3 (c2 exists, empty, as
 * a custodian might bring it; c1 and c3 are created by the ceremony), paused at `point`, where
 * `atPause` runs before Ctrl-C is sent to the process group.
 */
async function custodyWrapStoppedAt(
  count: number,
  point: string,
  atPause: (custodians: readonly string[]) => Promise<void> = async () => undefined,
  replicas = 0,
) {
  const digest = await cli.parameters(count, 'AES_256', replicas);
  const custodians = ['c1', 'c2', 'c3'].map((c) => path.join(dir(), c));
  await mkdir(custodians[1] as string);
  const custody = custodyArgs(custodians);
  const child = spawn(process.execPath, [BIN, ...wrapArgs('--witness-confirms', `Ben=${digest}`, ...custody)], {
    cwd: dir(),
    detached: true,
    env: { ...process.env, NODE_ENV: 'test', KEYFERRY_TEST_PAUSE_AT: point },
  });
  let sent = false;
  const run = await watch(child, (seen) => {
    if (!sent && seen.includes(`test pause: ${point}`)) {
      sent = true;
      void atPause(custodians).then(() => process.kill(-(child.pid as number), 'SIGINT'));
    }
  });
  return { digest, custodians, custody, run };
}

/**
 * The stop left a clean state: one stop line naming the last step journaled (`steps`: the events it
 * may be, by their labels), no failure text, journal verified, lock released, no bundle.
 */
async function expectCleanStop(run: Finished, steps: readonly string[]): Promise<void> {
  expect(run.code).toBe(130);
  const stopLines = run.stderr.split(/\r?\n/).filter((l) => l.includes('Stopped by'));
  expect(stopLines).toHaveLength(1);
  const step = /^Stopped by Ctrl-C \(SIGINT\) after step “([^”]+)” \(journal entry (\d+), by [^)]+\): /.exec(
    stopLines[0] as string,
  );
  expect(steps.map((event) => translator('en').message(journalEventPhrase(event)))).toContain(step?.[1]);
  expect(stopLines[0]).toContain(
    `To resume, run the same command again with --journal ${path.join(dir(), 'airgap.jsonl')}`,
  );
  expect(run.stdout + run.stderr).not.toMatch(/Unexpected failure|report it/);
  expect((await verifyJournal(path.join(dir(), 'airgap.jsonl'))).ok).toBe(true);
  expect(existsSync(path.join(dir(), 'airgap.jsonl.lock'))).toBe(false);
  expect((await journalEvents()).slice(-2)).toEqual(['ceremony.interrupted', 'ceremony.abandoned']);
  expect(await readdir(dir())).not.toContain('wrapped');
}

/** The next run with the same journal finishes; the stopped attempt is still in the journal. */
async function expectResume(digest: string): Promise<void> {
  const resumed = await watch(
    spawn(process.execPath, [BIN, ...wrapArgs('--witness-confirms', `Ben=${digest}`)], { cwd: dir() }),
    () => undefined,
  );
  expect(resumed.stderr).toBe('');
  expect(resumed.code).toBe(0);
  const events = await journalEvents();
  expect(events.filter((e) => e === 'ceremony.session-started')).toHaveLength(2);
  expect(events).toContain('ceremony.interrupted');
  expect(events.slice(-2)).toEqual(['receipt.written', 'wrapped-bundle.completed']);
  expect((await readdir(path.join(dir(), 'wrapped'))).sort()).toContain('manifest.json');
}

describe('Ctrl-C during an air-gapped ceremony', () => {
  it('during RSA-4096 generation: wiped, journaled, lock released, one line; the next run resumes', async () => {
    const digest = await rsa4096Parameters(3);
    const child = spawn(process.execPath, [BIN, ...wrapArgs('--witness-confirms', `Ben=${digest}`)], {
      cwd: dir(),
      detached: true,
    });
    let sent = false;
    const run = await watch(child, (seen) => {
      if (!sent && seen.includes('typed and confirmed')) {
        sent = true;
        // A terminal sends Ctrl-C to the whole foreground process group.
        setTimeout(() => process.kill(-(child.pid as number), 'SIGINT'), 300);
      }
    });
    await expectCleanStop(run, ['witness.confirmed', 'material.generated']);
    expect(run.stderr).toContain('no finished key material was held (a key still being generated is discarded)');
    const generated = (await journalEvents()).filter((e) => e === 'material.generated').length;
    expect(generated).toBeLessThan(3);
    await expectResume(digest);
  }, 240_000);

  it('at the witness prompt on a real terminal: the same clean stop; the next run resumes', async () => {
    // AES_256: the stop comes before any material, so an RSA-4096 key would only cost its generation on the resume.
    const digest = await rsa4096Parameters(1, 'AES_256');
    const command = [process.execPath, BIN, ...wrapArgs()].map((a) => `'${a}'`).join(' ');
    const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: dir(), detached: true });
    let typed = false;
    const run = await watch(child, (seen) => {
      if (!typed && seen.includes('type it as you heard it')) {
        typed = true;
        child.stdin?.write('\x03');
      }
    });
    // `script` merges the terminal's output into its stdout and exits with the command's code.
    // Before anyone typed: the last step done is the preflight, not the reading of the parameters.
    await expectCleanStop({ ...run, stderr: run.stdout }, ['preflight.passed']);
    // Nothing is generated before the witnesses confirm: the line does not speak of a key being generated.
    expect(run.stdout).toContain('no key material was held yet');
    expect(run.stdout).not.toContain('being generated');
    expect(await journalEvents()).not.toContain('material.generated');
    await expectResume(digest);
  }, 240_000);

  it('after the custody split, paused before the receipt: bundle withdrawn, the shares removed; the same command finishes', async () => {
    const { digest, custodians, custody, run } = await custodyWrapStoppedAt(2, 'before-receipt');
    expect(run.code).toBe(130);
    expect(run.stderr).toMatch(
      /Stopped by Ctrl-C \(SIGINT\) after step “Wrapped-material bundle written” \(journal entry \d+, by Ana\)/,
    );
    expect(run.stderr).toContain(`the unreceipted bundle ${path.join(dir(), 'wrapped')} was withdrawn`);
    // The withdrawn folder cannot take the next attempt: the way to resume names a new one.
    expect(run.stderr).toContain(`and --out naming a new folder (never ${path.join(dir(), 'wrapped')})`);
    expect(run.stderr).toContain(
      `The custody files this attempt wrote (shares, slips, backup) were removed from 3 custodian folders (${custodians.join(', ')})`,
    );
    // Said once, by the stop line, not again by the failure path.
    expect(run.stderr.split('The custody files this attempt wrote')).toHaveLength(2);
    // The custodians' media are as the preflight found them: no share of wiped material is left to take away.
    expect(existsSync(custodians[0] as string)).toBe(false);
    expect(await readdir(custodians[1] as string)).toEqual([]);
    expect(existsSync(custodians[2] as string)).toBe(false);
    const events = await journalEvents();
    expect(events).toContain('custody.split');
    expect(events.slice(-4)).toEqual([
      'ceremony.interrupted',
      'wrapped-bundle.withdrawn',
      'custody.withdrawn',
      'ceremony.abandoned',
    ]);
    expect((await verifyJournal(path.join(dir(), 'airgap.jsonl'))).ok).toBe(true);

    // The same command (a fresh --out: the withdrawn folder stays as evidence) now finishes.
    const again = airgapWrapArgs(
      { out: 'wrapped-2' },
      '--allow-network',
      '--witness-confirms',
      `Ben=${digest}`,
      ...custody,
    );
    const resumed = await watch(spawn(process.execPath, [BIN, ...again], { cwd: dir() }), () => undefined);
    expect(resumed.code).toBe(0);
    for (const folder of custodians) {
      expect((await readdir(folder)).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    }
  }, 240_000);
  it('while the custody split writes the custodians’ folders: no holder is named, the one folder written is emptied; the same command finishes', async () => {
    let firstFolder: string[] = [];
    const { digest, custodians, custody, run } = await custodyWrapStoppedAt(
      1,
      'custody-split-first-folder',
      async (c) => {
        firstFolder = await readdir(c[0] as string);
      },
    );
    // Stopped with Dana's folder complete and the others not begun.
    expect(firstFolder).toHaveLength(5);
    expect(run.code).toBe(130);
    // Nothing reads as a finished split: no set, no holder, no "share 1 of custodian Dana".
    expect(run.stdout + run.stderr).not.toMatch(/Custody: one set|share \d of custodian/);
    // The stop ends the split at once (the test pause too), and says what was removed from where.
    expect(run.stderr.match(/test pause/g)).toHaveLength(1);
    expect(run.stderr).toMatch(
      /Stopped by Ctrl-C \(SIGINT\) after step “Custody split begun: custodian folders made, share files to be written” \(journal entry \d+, by Ana\)/,
    );
    expect(run.stdout + run.stderr).not.toMatch(/Unexpected failure|report it|CUSTODY_SHARES_WRITE_FAILED/);
    expect(run.stderr).toContain(
      `The custody files this attempt wrote (shares, slips, backup) were removed from 1 custodian folder (${custodians[0]})`,
    );
    expect(existsSync(custodians[0] as string)).toBe(false);
    expect(await readdir(custodians[1] as string)).toEqual([]);
    expect(existsSync(custodians[2] as string)).toBe(false);
    const events = await journalEvents();
    expect(events).toContain('custody.split-started');
    expect(events).not.toContain('custody.split');
    expect(events.slice(-3)).toEqual(['ceremony.interrupted', 'custody.withdrawn', 'ceremony.abandoned']);
    expect((await verifyJournal(path.join(dir(), 'airgap.jsonl'))).ok).toBe(true);

    const again = airgapWrapArgs({}, '--allow-network', '--witness-confirms', `Ben=${digest}`, ...custody);
    const resumed = await watch(spawn(process.execPath, [BIN, ...again], { cwd: dir() }), () => undefined);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain('share 1 of custodian Dana');
  }, 240_000);

  it('right after the split made the custodians’ folders: says which it removed again, on whose media, and counts the keys of a replica group', async () => {
    // Three keys, the third a replica of the first: two materials held when the split begins.
    const { custodians, run } = await custodyWrapStoppedAt(3, 'custody-split-started', async () => undefined, 1);
    expect(run.code).toBe(130);
    const stop = run.stderr.split('\n').find((l) => l.includes('Stopped by')) ?? '';
    expect(stop).toContain(
      'the key material held (3 keys, 2 materials: the keys of a replica group share one) was wiped',
    );
    // Dana’s and Fay’s folders were made by the split (Eli brought his): both gone again, and said so.
    expect(run.stderr).toContain(
      `The 2 custodian folders this attempt had made for the shares were removed again before any file went in: ${custodians[0]} (custodian Dana), ${custodians[2]} (custodian Fay). Nothing of this attempt is left on those custodians’ media.`,
    );
    expect(run.stderr).not.toContain('The custody files this attempt wrote');
    expect(existsSync(custodians[0] as string)).toBe(false);
    expect(await readdir(custodians[1] as string)).toEqual([]);
    expect(existsSync(custodians[2] as string)).toBe(false);
    expect((await journalEvents()).slice(-3)).toEqual([
      'ceremony.interrupted',
      'custody.withdrawn',
      'ceremony.abandoned',
    ]);
  }, 240_000);

  it('right after the split made the custodians’ folders, Dana’s stick pulled: her empty folder is said to be on it, never removed', async () => {
    const stick = () => path.join(dir(), 'dana-stick');
    const { custodians, run } = await custodyWrapStoppedAt(2, 'custody-split-started', async (c) =>
      rename(c[0] as string, stick()),
    );
    expect(run.code).toBe(130);
    expect(run.stderr).toContain(
      `The custodian folder this attempt had made for the shares was removed again before any file went in: ${custodians[2]} (custodian Fay).`,
    );
    expect(run.stderr).toContain(
      `The custodian folder this attempt had made for the shares was gone from its path before any file went in, so the stop could not remove it: ${custodians[0]} (custodian Dana). If a custodian’s stick was pulled, that empty folder is still on it: it holds nothing of this attempt and need not be deleted`,
    );
    expect(await readdir(stick())).toEqual([]);
  }, 240_000);

  it('while the custody split writes, Dana’s folder moved away: nothing says her files were removed, and the next receipt tells her to delete them', async () => {
    const moved = () => path.join(dir(), 'dana-elsewhere');
    // Dana's stick taken out and put back under another name while the split wrote it.
    const { digest, custodians, custody, run } = await custodyWrapStoppedAt(1, 'custody-split-first-folder', (c) =>
      rename(c[0] as string, moved()),
    );
    expect(run.code).toBe(130);
    expect(run.stderr).not.toContain('were removed from');
    expect(run.stderr).toContain(
      `Custody files of this stopped attempt could not be removed, or are no longer where they were written (their folder moved, or its media removed): delete them by hand wherever they are now, before anyone takes them away as a share (${custodians[0]})`,
    );
    expect(await readdir(moved())).toHaveLength(5);

    const again = airgapWrapArgs({}, '--allow-network', '--witness-confirms', `Ben=${digest}`, ...custody);
    const resumed = await watch(spawn(process.execPath, [BIN, ...again], { cwd: dir() }), () => undefined);
    expect(resumed.code).toBe(0);
    const receipt = await readFile(path.join(dir(), 'receipt-air-gapped-KF-20250301-abcdef-session-2.txt'), 'utf8');
    const dana = receipt
      .slice(receipt.indexOf('Custodian: Dana'), receipt.indexOf('Custodian: Eli'))
      .replace(/\s+/g, ' ');
    expect(dana).toMatch(
      /was given share 1 of 3 of a custody set whose session did not finish \(backup digest [0-9A-F ]+…\): NOT withdrawn, delete by hand/,
    );
    expect(dana).not.toContain('it was withdrawn');
  }, 240_000);
});
