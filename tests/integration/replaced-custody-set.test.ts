/**
 * A custody set a later wrap of new material replaces, in real processes (`node bin/keyferry.js`):
 * two finished wraps of one ceremony, the second with `--wrap-again` and a custody set of its own.
 * The second receipt's People section said each custodian "holds share 1 of 3 of the ceremony's
 * custody set" for both sets, as if both backed the keys. The earlier set is now marked as replaced
 * by that later wrap, citing its entries, and, since the air-gapped side cannot know which bundle the
 * KMS takes, to be destroyed only once that wrap's bundle is imported; in English and in Chinese.
 * A later wrap of some of its keys only neither marks it replaced nor tells (on the terminal or the
 * receipt's Deviations) to destroy it: it says to KEEP it, as it backs the other keys.
 */
import { airgapWrapArgs } from '../helpers/cli-sides';
import { spawn } from 'node:child_process';
import { readFile, readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYFERRY_BIN as BIN } from './cli-process';
import { custodyArgs, stoppedCliFolder } from './stopped-cli';

const cli = stoppedCliFolder('kf-replaced-');
const dir = () => cli.dir();

const run = (args: string[]) =>
  cli.watch(spawn(process.execPath, [BIN, ...args], { cwd: dir(), detached: true, env: process.env }), () => undefined);

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('a custody set a later wrap of new material replaces', () => {
  it('is marked replaced on the later receipt, to destroy only once that wrap’s bundle is imported, in English and Chinese', async () => {
    const digest = await cli.parameters(1, 'AES_256');
    const custodians = (set: string) => ['c1', 'c2', 'c3'].map((c) => path.join(dir(), `${c}${set}`));
    const wrap = (out: string, set: string, ...extra: string[]) =>
      airgapWrapArgs(
        { out },
        '--allow-network',
        '--witness-confirms',
        `Ben=${digest}`,
        ...custodyArgs(custodians(set)),
        ...extra,
      );
    const first = await run(wrap('wrapped', ''));
    expect(first.stderr).toBe('');
    const second = await run(
      wrap('wrapped-2', '-2', '--wrap-again', 'the first bundle’s stick was lost', '--receipt-lang', 'both'),
    );
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    // Every key of the earlier set gets new material: its custodians destroy it once this bundle is imported.
    expect(flat(second.stdout)).toContain(
      'the custodians of the earlier custody set destroy those shares (backup digest',
    );
    expect(second.stdout).not.toContain('KEEP');
    const events = (await readFile(path.join(dir(), 'airgap.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { event: string }).event);
    const [firstSplit, laterSplit] = events.flatMap((e, i) => (e === 'custody.split' ? [i + 1] : []));
    const repeat = events.indexOf('wrap.repeated') + 1;
    const sessions = events.filter((e) => e === 'ceremony.session-started').length;
    const name = (await readdir(dir())).find((f) => /^receipt-air-gapped-.*-2\.txt$/.test(f)) as string;
    const receipt = flat(await readFile(path.join(dir(), name), 'utf8'));
    const dana = receipt.slice(receipt.indexOf('Custodian: Dana'), receipt.indexOf('Custodian: Eli'));
    expect(dana).toContain(
      `entry ${firstSplit}: holds share 1 of 3 of a custody set of this ceremony (the material of 1 key or replica group, backup digest`,
    );
    expect(dana).toContain(
      `that a later wrap replaces: session ${sessions} made new material (entry ${repeat}) with a custody set of its own (entry ${laterSplit}). Once that wrap’s bundle is imported, this set backs nothing and its shares are to be destroyed; until the online workstation shows which material the keys hold, keep this share`,
    );
    expect(dana).toContain(`entry ${laterSplit}: holds share 1 of 3 of the ceremony’s custody set`);
    expect(dana.match(/holds share 1 of 3 of the ceremony’s custody set/g)).toHaveLength(1);
    // The text receipt breaks Chinese lines anywhere: compared without whitespace.
    const chinese = receipt.replace(/\s+/g, '');
    expect(chinese).toContain(`条目${firstSplit}：持有本仪式一个托管集的份额1`);
    expect(chinese).toContain(`该托管集由之后的一次包装取代：第${sessions}个会话生成了新材料（条目${repeat}）`);
    expect(chinese).toContain(
      '该次包装的材料包导入后，此托管集不再备份任何材料，其份额应予销毁；在联网工作站显示密钥持有哪份材料之前，请保留此份额',
    );
  }, 240_000);

  it('is not marked replaced by a later wrap of one of its two keys, which says to keep it: the other key’s material is in it alone', async () => {
    const bothDigest = await cli.parameters(2, 'AES_256');
    const custodians = (set: string) => ['c1', 'c2', 'c3'].map((c) => path.join(dir(), `${c}${set}`));
    const wrap = (bundle: string, out: string, set: string, digest: string, ...extra: string[]) =>
      airgapWrapArgs(
        { bundle, out },
        '--allow-network',
        '--witness-confirms',
        `Ben=${digest}`,
        ...custodyArgs(custodians(set)),
        ...extra,
      );
    await rename(path.join(dir(), 'params'), path.join(dir(), 'params-both'));
    const first = await run(wrap('params-both', 'wrapped', '', bothDigest));
    expect(first.code).toBe(0);
    // Key 2 imported from the first bundle, key 1's refused: new parameters for key 1 alone, wrapped again.
    const oneDigest = await cli.parameters(1, 'AES_256');
    const second = await run(
      wrap('params', 'wrapped-2', '-2', oneDigest, '--wrap-again', 'key 1 import refused', '--receipt-lang', 'both'),
    );
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    // Key 2's material may be in the KMS from the first bundle, backed by the first set alone: it is kept.
    const said = flat(second.stdout);
    expect(said).not.toContain('the custodians of the earlier custody set destroy those shares');
    expect(said).not.toContain('Import one bundle only. Once it is imported');
    expect(said).toMatch(
      /KEEP the earlier custody set \(backup digest [0-9A-F ]+…\): it backs keys this session makes no new material for \(test\/key-2 \(0a1b2c3d-0000-4000-8000-000000000002\)\)/,
    );
    const name = (await readdir(dir())).find((f) => /^receipt-air-gapped-.*-2\.txt$/.test(f)) as string;
    const receipt = flat(await readFile(path.join(dir(), name), 'utf8'));
    // The receipt's Deviations: the earlier set is to be kept, not destroyed; in English and Chinese.
    expect(receipt).not.toContain('the custodians of the earlier custody set (backup digest');
    expect(receipt).toMatch(
      /the earlier custody set \(backup digest [0-9A-F ]+…\) must be KEPT, its shares not destroyed: it also backs keys this wrap makes no new material for \(test\/key-2 \(0a1b2c3d-0000-4000-8000-000000000002\)\)/,
    );
    expect(receipt.replace(/\s+/g, '')).toMatch(/先前的1个托管集（备份摘要[0-9A-F]+…）必须保留，不得销毁其份额/);
    const dana = receipt.slice(receipt.indexOf('Custodian: Dana'), receipt.indexOf('Custodian: Eli'));
    expect(dana).toContain(
      'holds share 1 of 3 of the ceremony’s custody set (the material of 2 keys or replica groups, backup digest',
    );
    expect(dana).not.toContain('backs nothing');
  }, 240_000);
});
