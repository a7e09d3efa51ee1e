/**
 * `online status` and the import's check judging import tokens by the KMS's clock, as the journal
 * shows it (the tokens the KMS issued since, its refusal of a token as expired), where this
 * computer's clock lags it (the simulator's clock moved a day on, this computer's not):
 * - an old wrap given to the import after fresh parameters were written: the check's warning said
 *   "its import tokens have not expired", and once that import stopped the status gave the old
 *   tokens' deadline, passed by the KMS's clock, as the one to beat;
 * - a replica whose import token the KMS refused as expired while its primary holds the group's
 *   material: the status said to wrap its material, where online params prints a custody restore.
 * Two folders as two machines, the real CLI against the simulator over 127.0.0.1.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { nextCommand, onPrintedMedia } from '../../integration/pasted-shell';
import { onlineAt } from '../../helpers/cli-sides';
import { wrappedCliCeremony } from './wrapped-cli-ceremony';
import { wrappedReplicaGroup } from './wrapped-replica-group';
import { simAndFolderPerTest } from './sim-folder';

const test = simAndFolderPerTest('kf-cli-status-kms-clock-', { regions: [{ region: 'sim-local-2' }] });

const DAY = 24 * 3600_000;

describe('import tokens judged by the KMS’s clock, this computer’s lagging it', () => {
  it('an old wrap’s check and the status after its import stopped say its tokens expired by the KMS’s clock', async () => {
    const { sim } = test.kms();
    const c = await wrappedCliCeremony(path.join(test.dir(), 'c'), sim, [{ alias: 'app/one', spec: 'AES_256' }]);
    const on = (words: string[]) => keyferry([...words, ...onlineAt(sim).args], { cwd: c.online, env: c.env });
    sim.clock.advance(DAY + 3600_000);
    const params = await on(['online', 'params', '--out', 'params-2']);
    expect(params.code).toBe(0);
    // The old wrap given to the import; the KMS unreachable once it is checked, so nothing is sent.
    sim.faults.dropConnection('describe-key', 'before', 1000);
    const stopped = await keyferry(c.importCommand, { cwd: c.online, env: c.env });
    expect(stopped.code).not.toBe(0);
    const warning = stopped.stdout.replace(/\s+/g, ' ');
    expect(warning).toContain('This wrapped-material bundle was made from an earlier import-parameters bundle');
    expect(warning).toContain(
      `by the KMS’s clock, as the import tokens it issued for the last bundle show: the KMS will refuse this import. Keep the last bundle (${path.join(c.online, 'params-2')}): it is the one to wrap`,
    );
    expect(warning).not.toContain('Its import tokens have not expired');
    sim.faults.clear();

    const status = await on(['online', 'status']);
    expect(status.stderr).toBe('');
    // Not the old wrap's import "before its import tokens expire", a moment the KMS's clock passed.
    expect(status.stdout).not.toContain('but its import did not finish');
    expect(status.stdout).toContain(
      `on the air-gapped workstation: wrap with the import-parameters bundle ${path.join(c.online, 'params-2')}`,
    );
    expect(status.stdout).toMatch(/before the import tokens expire \([^)]+ by the KMS’s clock\)/);
    const zh = await keyferry(['--lang', 'zh-CN', 'online', 'status', ...onlineAt(sim).args], {
      cwd: c.online,
      env: c.env,
    });
    expect(zh.stdout).toMatch(/在导入令牌到期（KMS 时钟的 [^）]+）之前/);
  }, 180_000);

  it('a replica whose token the KMS refused as expired: the status gives the custody restore online params gives', async () => {
    const { sim } = test.kms();
    const { online, connection, env, params, wrapped } = await wrappedReplicaGroup(test.dir(), sim, {
      title: 'Replica refused',
      alias: 'ref/aes',
    });
    const replicaId = /ref\/aes \(AES_256, key ([0-9a-f-]{36}), the replica in region sim-local-2\)/.exec(
      params.stdout,
    )?.[1] as string;
    sim.faults.failWith('import-key-material', 400, 'before', 10, 0, replicaId);
    const importCommand = nextCommand(onPrintedMedia(wrapped.stdout));
    expect((await keyferry(importCommand, { cwd: online, env })).code).toBe(1);
    // A day on by the KMS's clock only: its answer to the same import is that the replica's token expired.
    sim.clock.advance(DAY + 3600_000);
    sim.faults.clear();
    const again = await keyferry(importCommand, { cwd: online, env });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('The import token has expired');
    const status = (lang: string) =>
      keyferry(['--lang', lang, 'online', 'status', ...connection], { cwd: online, env });
    const en = await status('en');
    expect(en.stderr).toBe('');
    const text = en.stdout.replace(/\s+/g, ' ');
    expect(text).toMatch(
      /Its import token expired at .+ by the KMS’s clock \(its refusal at journal entry \d+, KMS\.2601\), so that bundle cannot import it any more/,
    );
    expect(text).toContain(
      'keyferry custody restore with the bundle it writes and the shares of any 2 of the 3 custodians',
    );
    // Not a bare "wrap its material", which the refusal's line said, naming no custody restore.
    expect(text).not.toContain(
      'then wrap its material on the air-gapped workstation with the bundle that writes and import',
    );
    expect(text).toContain('(it says which keys must take material imported before, such as a replica group’s)');
    const zh = await status('zh-CN');
    expect(zh.stdout).toContain('按 KMS 的时钟：见其在日志条目');
    expect(zh.stdout).toContain('运行 keyferry custody restore');
    // The same next step as online params prints for the bundle it writes.
    const fresh = await keyferry(['online', 'params', '--out', 'params-2', ...connection], { cwd: online, env });
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toContain('keyferry custody restore');
  }, 180_000);
});
