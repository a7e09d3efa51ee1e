/**
 * A crash or power cut in the middle of an air-gapped ceremony, in real processes (`node
 * bin/keyferry.js`): the process is killed with SIGKILL (no handler runs, as in a power cut) after
 * the custody split and the wrapped bundle were written, before the receipt. The next run on the
 * same journal journals the crashed session as ended without a stop, withdraws what it wrote (the
 * custodians' files removed, the bundle folder marked ABANDONED), says so, and its receipt lists the
 * crashed session under Deviations and never says a custodian holds the withdrawn set. One
 * custodian's stick comes back at another path before the rerun: its files are named NOT withdrawn,
 * to delete by hand, on the command line and the receipt, and stay where they are. Killed in the
 * custodians' writes with a later holder's stick gone at the rerun, that holder's own section of the
 * receipt says their medium may hold a share of the withdrawn set, to check and delete.
 */
import { airgapWrapArgs } from '../helpers/cli-sides';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyJournal } from '../../src-main/core/journal';
import { KEYFERRY_BIN as BIN } from './cli-process';
import { custodyArgs, stoppedCliFolder } from './stopped-cli';

const cli = stoppedCliFolder('kf-crash-');
const { journalEvents } = cli;
const dir = () => cli.dir();

function run(args: string[], env: NodeJS.ProcessEnv, onOutput: (seen: string, child: ChildProcess) => void) {
  return cli.watch(spawn(process.execPath, [BIN, ...args], { cwd: dir(), detached: true, env }), onOutput);
}

/** Runs `args` until it prints the test pause `point`, then kills its process group with SIGKILL (a power cut there). */
function crashedAt(args: string[], point: string) {
  let killed = false;
  return run(args, { ...process.env, NODE_ENV: 'test', KEYFERRY_TEST_PAUSE_AT: point }, (seen, child) => {
    if (!killed && seen.includes(`test pause: ${point}`)) {
      killed = true;
      process.kill(-(child.pid as number), 'SIGKILL');
    }
  });
}

describe('an air-gapped session killed (a crash, a power cut) after the custody split', () => {
  it('is journaled and withdrawn by the next session, whose receipt lists it and never says the custodians hold its set', async () => {
    const digest = await cli.parameters(2, 'AES_256');
    const custodians = ['c1', 'c2', 'c3'].map((c) => path.join(dir(), c));
    const custody = custodyArgs(custodians);
    const wrap = (out: string) =>
      airgapWrapArgs({ out }, '--allow-network', '--witness-confirms', `Ben=${digest}`, ...custody);
    const crashed = await crashedAt(wrap('wrapped'), 'before-receipt');
    expect(crashed.signal).toBe('SIGKILL');
    const crashedEvents = await journalEvents();
    expect(crashedEvents).toContain('custody.split');
    expect(crashedEvents.at(-1)).not.toBe('ceremony.abandoned');
    for (const folder of custodians) expect((await readdir(folder)).length).toBeGreaterThan(0);

    // Fay's stick is remounted at another path; the rerun makes her a fresh folder at the old one.
    const fayElsewhere = path.join(dir(), 'fay-remounted');
    await rename(custodians[2] as string, fayElsewhere);
    const fayFiles = await readdir(fayElsewhere);

    // The same command on the same custodian folders (a fresh --out) now finishes.
    const next = await run(wrap('wrapped-2'), process.env, () => undefined);
    expect(next.stderr).toBe('');
    expect(next.code).toBe(0);
    expect(next.stdout).toContain(
      `Session 1 of this journal (entries 1-${crashedEvents.length}) ended without stopping: a crash or power loss.`,
    );
    expect(next.stdout).toContain(`The wrapped-material bundle in ${path.join(dir(), 'wrapped')} was withdrawn`);
    expect(next.stdout).toContain(
      'The custody files that session wrote (shares, slips, backup) were removed from 2 custodian folders',
    );
    expect(next.stdout).toContain(
      `NOT withdrawn, delete by hand: share 3/3 given to Fay, written into ${custodians[2]}: that folder could not be read`,
    );
    expect((await readdir(fayElsewhere)).sort()).toEqual([...fayFiles].sort());
    expect(existsSync(path.join(dir(), 'wrapped', 'ABANDONED.txt'))).toBe(true);
    // Each custodian holds the new set only: one share file, one backup.
    for (const folder of custodians) {
      const names = await readdir(folder);
      expect(names.filter((f) => f.endsWith('.json'))).toHaveLength(1);
      expect(names.filter((f) => f.startsWith('keyferry-backup-') && f.endsWith('.txt'))).toHaveLength(1);
    }
    const events = await journalEvents();
    const n = crashedEvents.length;
    expect(events.slice(n, n + 6)).toEqual([
      'ceremony.session-unfinished',
      'wrapped-bundle.withdrawn',
      'custody.withdrawn',
      'custody.withdraw-failed',
      'ceremony.session-closed',
      'ceremony.session-started',
    ]);
    expect((await verifyJournal(path.join(dir(), 'airgap.jsonl'))).ok).toBe(true);

    const receiptName = (await readdir(dir())).find((f) => /^receipt-air-gapped-.*\.txt$/.test(f)) as string;
    // The text receipt wraps long lines: compared with its whitespace as single spaces.
    const receipt = (await readFile(path.join(dir(), receiptName), 'utf8')).replace(/\s+/g, ' ');
    expect(receipt).toContain('Earlier session closed by the next run (no end of its own journaled)');
    expect(receipt).toContain('the process ended without stopping: a crash or power loss');
    // Dana holds share 1 of the new set; of the crashed session's set the receipt says it was withdrawn,
    // except Fay's share: NOT withdrawn, only the files of that set (their tag), citing the entry that names them.
    const crashedTag = receipt.match(/keyferry-share-KF-[^ ]*-([0-9A-F]{8})-3of3\.json/)?.[1];
    expect(crashedTag).toBeDefined();
    expect(receipt.match(/holds share 1 of 3 of the ceremony’s custody set/g)).toHaveLength(1);
    expect(receipt).toContain(
      `entry ${events.indexOf('custody.split') + 1}: was given share 1 of 3 of a custody set whose session did not finish`,
    );
    expect(receipt).toContain(
      `NOT withdrawn, delete by hand only its files, those whose names carry ${crashedTag}, where entry ${events.indexOf('custody.withdraw-failed') + 1} says they were left, and nothing else there: a later set’s live share may be beside them (see Deviations)`,
    );
  }, 240_000);

  it('the same command with the same --out: the closing says how it withdrew that folder, and that this run names it', async () => {
    const digest = await cli.parameters(1, 'AES_256');
    const args = airgapWrapArgs({ out: 'wrapped' }, '--allow-network', '--witness-confirms', `Ben=${digest}`);
    expect((await crashedAt(args, 'before-receipt')).signal).toBe('SIGKILL');
    const again = await run(args, process.env, () => undefined);
    const bundle = path.join(dir(), 'wrapped');
    expect(again.stdout).toContain(`The wrapped-material bundle in ${bundle} was withdrawn`);
    expect(again.stdout).toContain('marked ABANDONED.txt.');
    expect(again.stdout).not.toContain('(the journal records which)');
    expect(again.stdout).toContain(
      `This command’s --out names that withdrawn folder (${bundle}), which stays as it is: the folder check refuses it`,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${bundle} already holds`);
  }, 240_000);

  it('killed while it wrote the custodians’ files: the next run removes exactly that set and the folders it made, names nothing to delete by hand, and the same folders take the new set', async () => {
    const digest = await cli.parameters(1, 'AES_256');
    const custodians = ['c1', 'c2', 'c3'].map((c) => path.join(dir(), c));
    const wrap = (out: string) =>
      airgapWrapArgs({ out }, '--allow-network', '--witness-confirms', `Ben=${digest}`, ...custodyArgs(custodians));
    const crashed = await crashedAt(wrap('wrapped'), 'custody-split-first-folder');
    expect(crashed.signal).toBe('SIGKILL');
    const crashedEvents = await journalEvents();
    expect(crashedEvents.at(-1)).toBe('custody.split-started');
    const [first, ...others] = await Promise.all(custodians.map((c) => readdir(c)));
    expect(first?.length).toBeGreaterThan(0);
    for (const names of others) expect(names).toEqual([]);

    const next = await run(wrap('wrapped-2'), process.env, () => undefined);
    expect(next.stderr).toBe('');
    expect(next.code).toBe(0);
    const said = next.stdout.replace(/\s+/g, ' ');
    // Files were written into the first folder only; the two it had made empty are removed without a word.
    expect(said).toContain(
      `The custody files that session wrote (shares, slips, backup) were removed from 1 custodian folder (${custodians[0]})`,
    );
    expect(said).not.toContain('NOT withdrawn');
    const n = crashedEvents.length;
    expect((await journalEvents()).slice(n, n + 4)).toEqual([
      'ceremony.session-unfinished',
      'custody.withdrawn',
      'ceremony.session-closed',
      'ceremony.session-started',
    ]);
    // Each custodian holds the new set only.
    const sets = new Set<string>();
    for (const folder of custodians) {
      const names = await readdir(folder);
      expect(names.filter((f) => f.endsWith('.json'))).toHaveLength(1);
      for (const name of names) sets.add(/^keyferry-(?:share|backup)-KF-\d+-\w+-([0-9A-F]{8})/.exec(name)?.[1] ?? name);
    }
    expect(sets.size).toBe(1);
    const receiptName = (await readdir(dir())).find((f) => /^receipt-air-gapped-.*\.txt$/.test(f)) as string;
    expect(await readFile(path.join(dir(), receiptName), 'utf8')).not.toContain('delete by hand');
  }, 240_000);

  it('killed while it wrote the custodians’ files, a later holder’s stick gone at the rerun: that custodian’s own receipt section says their medium may hold a share of the withdrawn set', async () => {
    const digest = await cli.parameters(1, 'AES_256');
    const custodians = ['c1', 'c2', 'c3'].map((c) => path.join(dir(), c));
    const wrap = (out: string) =>
      airgapWrapArgs({ out }, '--allow-network', '--witness-confirms', `Ben=${digest}`, ...custodyArgs(custodians));
    expect((await crashedAt(wrap('wrapped'), 'custody-split-first-folder')).signal).toBe('SIGKILL');
    const started = (await journalEvents()).length;
    // Eli's stick is taken away after the kill: the writes may have reached it.
    await rename(custodians[1] as string, path.join(dir(), 'eli-elsewhere'));

    const next = await run(wrap('wrapped-2'), process.env, () => undefined);
    expect(next.code).toBe(0);
    const events = await journalEvents();
    const receiptName = (await readdir(dir())).find((f) => /^receipt-air-gapped-.*\.txt$/.test(f)) as string;
    const text = (await readFile(path.join(dir(), receiptName), 'utf8')).replace(/\s+/g, ' ');
    // Deviations name Eli too: his section is in the People section.
    const receipt = text.slice(text.indexOf('PEOPLE'));
    // Eli's own section (the People section lists each custodian's lines under their name).
    const eli = receipt.slice(receipt.indexOf('Custodian: Eli'), receipt.indexOf('Custodian: Fay'));
    expect(eli).toContain(
      `entry ${started}: was to get share 2 of 3 of a custody set whose session was cut while writing it`,
    );
    expect(eli).toContain(
      `NOT withdrawn: the folder ${custodians[1]} could not be read, and the writes may have reached it`,
    );
    expect(eli).toContain(`(entry ${events.indexOf('custody.withdraw-failed') + 1}, see Deviations)`);
    expect(eli).toMatch(/holds share 2 of 3 of the ceremony’s custody set/);
    // Dana's files were removed; Fay's folder, after Eli's, was never written (nothing to say of that set).
    const dana = receipt.slice(receipt.indexOf('Custodian: Dana'), receipt.indexOf('Custodian: Eli'));
    expect(dana).toContain(`entry ${started}: was given share 1 of 3 of a custody set whose session did not finish`);
    expect(receipt.slice(receipt.indexOf('Custodian: Fay'))).not.toContain(`entry ${started}:`);
  }, 240_000);

  it('killed after its receipt was journaled, before the bundle manifest: the next run voids that receipt, keeps its custody set, and needs no wrap-again', async () => {
    const digest = await cli.parameters(1, 'AES_256');
    const custodians = (set: string) => ['c1', 'c2', 'c3'].map((c) => path.join(dir(), `${c}${set}`));
    const wrap = (out: string, set: string) =>
      airgapWrapArgs(
        { out },
        '--allow-network',
        '--witness-confirms',
        `Ben=${digest}`,
        ...custodyArgs(custodians(set)),
      );
    const crashed = await crashedAt(wrap('wrapped', ''), 'receipt-before-manifest');
    expect(crashed.signal).toBe('SIGKILL');
    const crashedEvents = await journalEvents();
    expect(crashedEvents.at(-1)).toBe('receipt.written');
    expect(existsSync(path.join(dir(), 'wrapped', 'manifest.json'))).toBe(false);
    const printed = (await readdir(dir())).filter((f) => f.startsWith('receipt-air-gapped-')).sort();
    expect(printed).toHaveLength(2);

    // The stick with the bundle is out: nothing is closed, the folder is asked for.
    await rename(path.join(dir(), 'wrapped'), path.join(dir(), 'stick-elsewhere'));
    const asked = await run(wrap('wrapped-2', '-2'), process.env, () => undefined);
    expect(asked.code).toBe(1);
    expect(asked.stderr.replace(/\s+/g, ' ')).toContain(
      `its receipt was written and journaled, and the wrapped bundle it names, ${path.join(dir(), 'wrapped')}, is not there`,
    );
    expect(await journalEvents()).toEqual(crashedEvents);
    // Lost for good (nothing of it imported): an empty folder put there, as the advice says, closes it as cut.
    await mkdir(path.join(dir(), 'wrapped'));
    // The custodians' folders hold the kept set: the next run gives new ones.
    const next = await run(wrap('wrapped-2', '-2'), process.env, () => undefined);
    expect(next.stderr).toBe('');
    expect(next.code).toBe(0);
    const said = next.stdout.replace(/\s+/g, ' ');
    expect(said).toContain(
      `Session 1 of this journal (entries 1-${crashedEvents.length}) ended after its receipt and before its bundle’s manifest was written`,
    );
    expect(said).toContain(
      `The receipt that session printed (${printed[0]}, ${printed[1]}) was voided, renamed NAME.void: it names the bundle just withdrawn.`,
    );
    expect(said).toContain(`KEPT, not withdrawn: share 1/3 given to Dana, in ${custodians('')[0]}`);
    expect((await readdir(dir())).filter((f) => printed.some((p) => f.startsWith(p))).sort()).toEqual(
      printed.map((p) => `${p}.void`),
    );
    for (const folder of [...custodians(''), ...custodians('-2')])
      expect((await readdir(folder)).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    const events = await journalEvents();
    expect(events).not.toContain('wrap.repeated');
    expect((await verifyJournal(path.join(dir(), 'airgap.jsonl'))).ok).toBe(true);
    const receiptName = (await readdir(dir())).find((f) => /^receipt-air-gapped-.*-2\.txt$/.test(f)) as string;
    const receipt = (await readFile(path.join(dir(), receiptName), 'utf8')).replace(/\s+/g, ' ');
    expect(receipt).toContain('the bundle never became whole, and its receipt is voided');
    expect(receipt.match(/holds share 1 of 3 of the ceremony’s custody set/g)).toHaveLength(1);
    expect(receipt).toContain('KEPT, not withdrawn: its session wrote its receipt before its bundle manifest');
    // Under Deviations, as kept, never as a failure to withdraw.
    expect(receipt).toContain('Custody set of a session cut after its receipt KEPT, not withdrawn');
    expect(events).toContain('custody.kept');
    expect(events).not.toContain('custody.withdraw-failed');
  }, 240_000);
});
