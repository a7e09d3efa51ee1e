/**
 * A custodian's stick that comes back with a share the tool failed to withdraw, in real processes
 * (`node bin/keyferry.js`) on a real tmpfs stick: a wrap killed (SIGKILL) after its custody split,
 * Fay's stick read-only at the rerun, so the closing journals `custody.withdraw-failed` for her folder
 * and the preflight finds it not empty. The refusal names the set by its tag, the session that split
 * it, Fay's share and the entry that names the files, and says to delete them by hand, in English and
 * in Chinese, where a trial's officer got only "already holds 5 items … may be an earlier custody set,
 * the only backup of keys already imported".
 */
import { airgapWrapArgs } from '../helpers/cli-sides';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYFERRY_BIN as BIN } from './cli-process';
import { custodyArgs, stoppedCliFolder } from './stopped-cli';
import { MOUNTS_AVAILABLE, mountTmpfs } from '../support/tmpfs-mount';

const cli = stoppedCliFolder('kf-left-set-');
const { journalEvents } = cli;
const dir = () => cli.dir();

function run(args: string[], env: NodeJS.ProcessEnv, onOutput: (seen: string, child: ChildProcess) => void) {
  return cli.watch(spawn(process.execPath, [BIN, ...args], { cwd: dir(), detached: true, env }), onOutput);
}

/** Runs `args` until it prints the test pause `point`, then kills its process group with SIGKILL. */
function crashedAt(args: string[], point: string) {
  let killed = false;
  return run(args, { ...process.env, NODE_ENV: 'test', KEYFERRY_TEST_PAUSE_AT: point }, (seen, child) => {
    if (!killed && seen.includes(`test pause: ${point}`)) {
      killed = true;
      process.kill(-(child.pid as number), 'SIGKILL');
    }
  });
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe.skipIf(!MOUNTS_AVAILABLE)('a custodian stick back with files its set’s closing could not withdraw', () => {
  it('is refused naming that set, its session, the holder and the entry, and says to delete them, in English and Chinese', async () => {
    const digest = await cli.parameters(1, 'AES_256');
    const custodians = ['c1', 'c2', 'c3'].map((c) => path.join(dir(), c));
    const unmount = mountTmpfs(custodians[2] as string, { sizeKiB: 2048 });
    try {
      const wrap = (out: string) =>
        airgapWrapArgs({ out }, '--allow-network', '--witness-confirms', `Ben=${digest}`, ...custodyArgs(custodians));
      expect((await crashedAt(wrap('wrapped'), 'before-receipt')).signal).toBe('SIGKILL');
      const crashed = await journalEvents();
      const fayFiles = await readdir(custodians[2] as string);
      expect(fayFiles).toHaveLength(5);
      const tag = /-([0-9A-F]{8})-1of3\.json$/.exec(
        (await readdir(custodians[0] as string)).find((f) => f.endsWith('.json')) as string,
      )?.[1] as string;
      // Fay's stick comes back read-only: the closing cannot take her files away.
      execFileSync('mount', ['-o', 'remount,ro', custodians[2] as string]);

      const next = await run(wrap('wrapped-2'), process.env, () => undefined);
      expect(next.code).not.toBe(0);
      const events = await journalEvents();
      const failedSeq = events.indexOf('custody.withdraw-failed') + 1;
      expect(failedSeq).toBeGreaterThan(crashed.length);
      expect(events.lastIndexOf('preflight.refused')).toBeGreaterThan(failedSeq - 1);
      const splitSeq = crashed.indexOf('custody.split') + 1;
      const said = flat(next.stderr);
      expect(said).toContain(
        `The folder of custodian 3 ${custodians[2]} still holds 5 files of custody set ${tag} (their names carry that tag): share 3 of that set was given to Fay at journal entry ${splitSeq}, in session 1 of this journal (from entry 1), and journal entry ${failedSeq} names those files NOT withdrawn, to delete by hand.`,
      );
      expect(said).toContain(
        `delete the files of set ${tag} from that folder by hand, as journal entry ${failedSeq} says`,
      );
      expect(said).not.toContain('may be an earlier custody set');
      // Nothing of Fay's was touched, and the refusal is journaled with the set it names.
      expect((await readdir(custodians[2] as string)).sort()).toEqual([...fayFiles].sort());
      const journal = await readFile(path.join(dir(), 'airgap.jsonl'), 'utf8');
      const refused = journal
        .trim()
        .split('\n')
        .find((l) => l.includes('"preflight.refused"'));
      expect(refused).toContain('PREFLIGHT_CUSTODIAN_LEFT_SET');

      const zh = await run(wrap('wrapped-3'), { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '' }, () => undefined);
      expect(zh.code).not.toBe(0);
      const zhSaid = flat(zh.stderr);
      expect(zhSaid).toContain(`保管人 3 的文件夹 ${custodians[2]} 中仍有托管集 ${tag} 的 5 个文件`);
      expect(zhSaid).toContain(`该托管集的份额 3 在日志条目 ${splitSeq} 交给了 Fay`);
      expect(zhSaid).toContain(`日志条目 ${failedSeq} 记载这些文件未撤回，须手动删除`);
    } finally {
      unmount();
    }
  }, 240_000);
});
