/**
 * An old wrapped bundle given to `online import` after fresh parameters were written (a day later,
 * the first tokens expired): the KMS refuses its tokens (KMS.2601) and no earlier refusal is on
 * record. The import's own Next line must be the one `online status` prints (the bundle written
 * last is next), never fresh parameters again (a third material) nor that old bundle. Two folders
 * as two machines, one simulator over real HTTP.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { onlineAt } from '../../helpers/cli-sides';
import { nextCommand, onPrintedMedia } from '../../integration/pasted-shell';
import { CUSTODY_TWO_OF_TWO, wrappedCliCeremony } from './wrapped-cli-ceremony';
import { airgapConfirmations } from './witness-args';
import { simAndFolderPerFile } from './sim-folder';

const test = simAndFolderPerFile('kf-cli-stale-wrap-');
const HOUR = 3_600_000;

describe('online import of an old wrap whose tokens the KMS refuses, after newer parameters were written', () => {
  it('puts the old bundle aside and says the same next step as online status', async () => {
    const { online, airgap, env, importCommand } = await wrappedCliCeremony(
      path.join(test.dir(), 'c'),
      test.kms().sim,
      [{ alias: 's/aes', spec: 'AES_256' }],
      CUSTODY_TWO_OF_TWO,
    );
    const { args: connection } = onlineAt(test.kms().sim);
    test.kms().sim.clock.advance(25 * HOUR);
    const params = await keyferry(['online', 'params', '--out', 'params-2', ...connection], { cwd: online, env });
    expect(params.code).toBe(0);

    const refused = await keyferry(importCommand, { cwd: online, env });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('it was made from an earlier import-parameters bundle');
    expect(refused.stderr).toContain('Put this bundle aside: it cannot be imported any more.');
    expect(refused.stderr).not.toContain('Fetch new import parameters');
    const status = await keyferry(['online', 'status', '--journal', 'online.jsonl'], { cwd: online, env });
    const statusNext = status.stdout.slice(status.stdout.indexOf('The wrapped-material bundle')).trim();
    expect(statusNext).toContain(`Next, before the import tokens expire`);
    expect(statusNext).toContain(`wrap with the import-parameters bundle ${path.join(online, 'params-2')}`);
    expect(refused.stdout.trim().endsWith(statusNext)).toBe(true);
    expect(refused.stdout).not.toContain('keyferry online params');

    // The bundle written last, wrapped (a new custody set) and imported: the first set backs nothing now.
    const rewrap = await keyferry(
      [
        ...nextCommand(onPrintedMedia(params.stdout)),
        ...airgapConfirmations(params.stdout, ['Ben']),
        ...['--custody', '2/2', '--shares-on-one-volume', '--custodian', 'Dana', '--custodian-folder', 'dana-2'],
        ...['--custodian', 'Eli', '--custodian-folder', 'eli-2', '--allow-network'],
      ],
      { cwd: airgap, env: {} },
    );
    expect(rewrap.code).toBe(0);
    const imported = await keyferry(nextCommand(onPrintedMedia(rewrap.stdout)), { cwd: online, env });
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const firstSet = /custody set ([0-9A-F]{8})/.exec(refused.stdout)?.[1] as string;
    expect(firstSet).toMatch(/^[0-9A-F]{8}$/);
    expect(imported.stdout).toMatch(
      new RegExp(
        `Custody set ${firstSet} \\(2 of 2 shares, held by Dana, Eli\\), made with the wrapped-material bundle \\S+ checked at online journal entry 16, backs no imported material: the keys hold another wrap’s material \\(their key check values or public-key fingerprints differ from that bundle’s\\)\\. Its shares, slips and backup must be destroyed, per your procedure\\.`,
      ),
    );
    expect(imported.stdout.match(/^Custody set /gm)).toHaveLength(1);
    const destroy = imported.stdout.split('\n').find((l) => l.startsWith(`Custody set ${firstSet} `)) as string;

    // The online receipt and online status repeat it, from the same facts.
    const receipt = (await readdir(online)).find((f) => /^receipt-online-.*\.txt$/.test(f)) as string;
    const printed = (await readFile(path.join(online, receipt), 'utf8')).replace(/\s+/g, ' ');
    expect(printed).toContain(destroy.replace(/\s+/g, ' '));
    const after = await keyferry(['online', 'status', '--journal', 'online.jsonl'], {
      cwd: online,
      env,
    });
    expect(after.stdout.split('\n')).toContain(destroy);
    const zh = await keyferry(['--lang', 'zh-CN', 'online', 'status', '--journal', 'online.jsonl'], {
      cwd: online,
      env,
    });
    expect(zh.stdout).toContain(`托管集 ${firstSet}（2 份中的 2 份份额，由 Dana、Eli 持有）`);
    expect(zh.stdout).toContain('请按您的流程销毁其份额、凭条和备份');

    // The replaced bundle brought back: its refusal says its own set is the one to destroy.
    const back = await keyferry(importCommand, { cwd: online, env });
    expect(back.code).not.toBe(0);
    const said = back.stderr.replace(/\s+/g, ' ');
    expect(said).toMatch(
      new RegExp(
        `The bundle with the digest typed was checked at online journal entry 16, and its own custody set, ${firstSet} \\(2 of 2 shares, held by Dana, Eli\\), backs no imported material: a later wrap replaced it, and the keys hold that wrap’s material \\(their key check values or public-key fingerprints differ from that bundle’s\\)\\. Its shares, slips and backup must be destroyed, per your procedure`,
      ),
    );
    // The set the keys hold stays one to keep, and no other is to be destroyed on this word.
    expect(said).toContain('The custody copies it names, if any, are the keys’ backup: keep them.');
    expect(said).toContain('Destroy no other bundle or custody set on this message alone');
    const backZh = await keyferry(['--lang', 'zh-CN', ...importCommand], { cwd: online, env });
    expect(backZh.stderr).toContain(
      `而它自己的托管集 ${firstSet}（2 份中的 2 份份额，由 Dana、Eli 持有）不再支撑任何已导入的材料`,
    );
  }, 120_000);
});
