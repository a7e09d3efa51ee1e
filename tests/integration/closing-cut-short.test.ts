/**
 * A stop or a closing cut short, in real processes (`node bin/keyferry.js`) killed with SIGKILL at a
 * test pause (cli/test-pause.ts): a Ctrl-C's stop killed after it withdrew the bundle and the custody
 * files, before `ceremony.abandoned`; the next run's closing of a crashed session killed right after
 * its `ceremony.session-unfinished`. The run after each says what happened as it happened, withdraws
 * nothing twice, names nothing as left that is gone, and finishes with the custodians holding the new
 * set only.
 */
import { airgapWrapArgs } from '../helpers/cli-sides';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyJournal } from '../../src-main/core/journal';
import { entriesBeforeOpening } from '../../src-main/core/journal/journal';
import { refuseClosingUnchecked } from '../../src-main/core/ceremony/airgap/unfinished-before-opening';
import { unfinishedSessionOnMedia } from '../../src-main/core/ceremony/airgap/unfinished-session';
import { KEYFERRY_BIN as BIN } from './cli-process';
import { custodyArgs, stoppedCliFolder } from './stopped-cli';

const cli = stoppedCliFolder('kf-cut-');
const { journalEvents } = cli;
const dir = () => cli.dir();

function run(args: string[], env: NodeJS.ProcessEnv, onOutput: (seen: string, child: ChildProcess) => void) {
  return cli.watch(spawn(process.execPath, [BIN, ...args], { cwd: dir(), detached: true, env }), onOutput);
}

/** Runs `args` paused at each of `points` in turn, sending `signals[i]` to its process group at `points[i]`. */
function stoppedAt(args: string[], points: readonly string[], signals: readonly NodeJS.Signals[]) {
  let next = 0;
  return run(args, { ...process.env, NODE_ENV: 'test', KEYFERRY_TEST_PAUSE_AT: points.join(',') }, (seen, child) => {
    const point = points[next];
    if (point !== undefined && seen.includes(`test pause: ${point}`)) {
      const signal = signals[next] as NodeJS.Signals;
      next += 1;
      process.kill(-(child.pid as number), signal);
    }
  });
}

/** The sets (tags) of the custody files in `folders`. */
async function setsIn(folders: readonly string[]): Promise<Set<string>> {
  const sets = new Set<string>();
  for (const folder of folders)
    for (const name of await readdir(folder))
      sets.add(/^keyferry-(?:share|backup)-KF-\d+-\w+-([0-9A-F]{8})/.exec(name)?.[1] ?? name);
  return sets;
}

async function receiptText(): Promise<string> {
  const name = (await readdir(dir())).find((f) => /^receipt-air-gapped-.*\.txt$/.test(f)) as string;
  return (await readFile(path.join(dir(), name), 'utf8')).replace(/\s+/g, ' ');
}

describe('a stop or a closing killed before it ended', () => {
  it('a Ctrl-C’s stop killed after its withdrawals: the next run says the stop was cut short, withdraws nothing twice, names no share left', async () => {
    const digest = await cli.parameters(1, 'AES_256');
    const custodians = ['c1', 'c2', 'c3'].map((c) => path.join(dir(), c));
    const wrap = (out: string) =>
      airgapWrapArgs({ out }, '--allow-network', '--witness-confirms', `Ben=${digest}`, ...custodyArgs(custodians));
    const stopped = await stoppedAt(
      wrap('wrapped'),
      ['before-receipt', 'stop-before-abandoned'],
      ['SIGINT', 'SIGKILL'],
    );
    expect(stopped.signal).toBe('SIGKILL');
    const cut = await journalEvents();
    expect(cut.slice(-3)).toEqual(['ceremony.interrupted', 'wrapped-bundle.withdrawn', 'custody.withdrawn']);
    const interrupted = cut.indexOf('ceremony.interrupted') + 1;

    const next = await run(wrap('wrapped-2'), process.env, () => undefined);
    expect(next.stderr).toBe('');
    expect(next.code).toBe(0);
    const said = next.stdout.replace(/\s+/g, ' ');
    expect(said).toContain(
      `Session 1 of this journal (entries 1-${cut.length}) was stopped (journal entry ${interrupted}), and that stop was itself cut short (a crash or power loss) before it journaled its end: what the stop withdrew is not withdrawn again.`,
    );
    expect(said).not.toContain('ended without stopping');
    expect(said).not.toContain('NOT withdrawn');
    expect(said).toContain(`The wrapped-material bundle in ${path.join(dir(), 'wrapped')} was withdrawn`);
    expect(said).toContain(
      'The custody files that session wrote (shares, slips, backup) were removed from 3 custodian folders',
    );
    const events = await journalEvents();
    expect(events.slice(cut.length, cut.length + 3)).toEqual([
      'ceremony.session-unfinished',
      'ceremony.session-closed',
      'ceremony.session-started',
    ]);
    expect(events.filter((e) => e === 'wrapped-bundle.withdrawn')).toHaveLength(1);
    expect((await setsIn(custodians)).size).toBe(1);
    expect((await verifyJournal(path.join(dir(), 'airgap.jsonl'))).ok).toBe(true);
    const receipt = await receiptText();
    expect(receipt).toContain(
      `the session was stopped (journal entry ${interrupted}: ceremony.interrupted), and the process ended (a crash or power loss) before its stop journaled its end`,
    );
    expect(receipt).not.toContain('delete by hand');
  }, 240_000);

  it('a closing killed after its ceremony.session-unfinished: the next run finishes that closing, then the wrap', async () => {
    const digest = await cli.parameters(1, 'AES_256');
    const custodians = ['c1', 'c2', 'c3'].map((c) => path.join(dir(), c));
    const wrap = (out: string) =>
      airgapWrapArgs({ out }, '--allow-network', '--witness-confirms', `Ben=${digest}`, ...custodyArgs(custodians));
    expect((await stoppedAt(wrap('wrapped'), ['before-receipt'], ['SIGKILL'])).signal).toBe('SIGKILL');
    const crashed = await journalEvents();
    const cutClosing = await stoppedAt(wrap('wrapped-2'), ['closing-after-unfinished'], ['SIGKILL']);
    expect(cutClosing.signal).toBe('SIGKILL');
    expect(await journalEvents()).toEqual([...crashed, 'ceremony.session-unfinished']);
    // The crashed session's set is still in the custodians' folders.
    expect((await setsIn(custodians)).size).toBe(1);

    const next = await run(wrap('wrapped-3'), process.env, () => undefined);
    expect(next.stderr).toBe('');
    expect(next.code).toBe(0);
    const said = next.stdout.replace(/\s+/g, ' ');
    expect(said).toContain(
      `Session 1 of this journal (entries 1-${crashed.length}) ended without stopping: a crash or power loss.`,
    );
    expect(said).toContain(
      `The closing of that session, begun at journal entry ${crashed.length + 1}, was itself cut short (a crash or power loss) before it finished: it is run again now`,
    );
    expect(said).toContain(`The wrapped-material bundle in ${path.join(dir(), 'wrapped')} was withdrawn`);
    expect(said).toContain(
      'The custody files that session wrote (shares, slips, backup) were removed from 3 custodian folders',
    );
    expect(said).not.toContain('NOT');
    const events = await journalEvents();
    const n = crashed.length;
    expect(events.slice(n, n + 5)).toEqual([
      'ceremony.session-unfinished',
      'wrapped-bundle.withdrawn',
      'custody.withdrawn',
      'ceremony.session-closed',
      'ceremony.session-started',
    ]);
    expect(existsSync(path.join(dir(), 'wrapped', 'ABANDONED.txt'))).toBe(true);
    // Each custodian holds the new set only.
    const sets = await setsIn(custodians);
    expect(sets.size).toBe(1);
    expect((await verifyJournal(path.join(dir(), 'airgap.jsonl'))).ok).toBe(true);
    expect(await receiptText()).not.toContain('delete by hand');
  }, 240_000);
  it('a closing of a session cut after its receipt, killed, its bundle stick then pulled: every path asks for that stick, and with it back the closing is finished', async () => {
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
    expect((await stoppedAt(wrap('wrapped', ''), ['receipt-before-manifest'], ['SIGKILL'])).signal).toBe('SIGKILL');
    const crashed = await journalEvents();
    expect(crashed.at(-1)).toBe('receipt.written');
    const cut = await stoppedAt(wrap('wrapped-2', '-2'), ['closing-after-unfinished'], ['SIGKILL']);
    expect(cut.signal).toBe('SIGKILL');
    const begun = await journalEvents();
    expect(begun.at(-1)).toBe('ceremony.session-unfinished');

    // The stick with the bundle is out. airgap wrap finished that closing without it, saying nothing of
    // the bundle, while the app and custody restore asked for it: now each asks for it.
    const bundle = path.join(dir(), 'wrapped');
    await rename(bundle, path.join(dir(), 'stick-elsewhere'));
    const asked = await run(wrap('wrapped-3', '-3'), process.env, () => undefined);
    expect(asked.code).toBe(1);
    expect(asked.stderr.replace(/\s+/g, ' ')).toContain(
      `its receipt was written and journaled, and the wrapped bundle it names, ${bundle}, is not there`,
    );
    expect(await journalEvents()).toEqual(begun);
    const journal = path.join(dir(), 'airgap.jsonl');
    // The app's check before its journal opens, and the one custody restore makes before it opens its own.
    await expect(refuseClosingUnchecked(journal, { consoleFiles: true }, new Date())).rejects.toMatchObject({
      code: 'AIRGAP_SESSION_FINISHED_ON_MEDIA',
      values: { evidence: 'missingAfterReceipt', where: bundle },
    });
    await expect(unfinishedSessionOnMedia((await entriesBeforeOpening(journal)) ?? [], journal)).rejects.toMatchObject({
      code: 'AIRGAP_SESSION_FINISHED_ON_MEDIA',
    });
    // The Chinese refusal says the same.
    const zh = await run(wrap('wrapped-3', '-3'), { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '' }, () => undefined);
    expect(zh.code).toBe(1);
    expect(zh.stderr.replace(/\s+/g, ' ')).toContain(
      `其回执已写出并记入日志，而回执所注明的已包装密钥材料包 ${bundle}`,
    );

    // The stick is back: the closing is run again and finished, its bundle withdrawn and its set kept.
    await rename(path.join(dir(), 'stick-elsewhere'), bundle);
    const next = await run(wrap('wrapped-3', '-3'), process.env, () => undefined);
    expect(next.stderr).toBe('');
    expect(next.code).toBe(0);
    const said = next.stdout.replace(/\s+/g, ' ');
    expect(said).toContain(`The closing of that session, begun at journal entry ${begun.length}, was itself cut short`);
    expect(said).toContain(`The wrapped-material bundle in ${bundle} was withdrawn`);
    expect(said).toContain(`KEPT, not withdrawn: share 1/3 given to Dana, in ${custodians('')[0]}`);
    const events = await journalEvents();
    expect(events.slice(begun.length, begun.length + 5)).toEqual([
      'custody.kept',
      'custody.kept',
      'custody.kept',
      'wrapped-bundle.withdrawn',
      'ceremony.session-closed',
    ]);
    expect(events.filter((e) => e === 'ceremony.session-unfinished')).toHaveLength(1);
    expect(existsSync(path.join(bundle, 'ABANDONED.txt'))).toBe(true);
    expect((await verifyJournal(journal)).ok).toBe(true);
  }, 240_000);
});
