/**
 * `airgap wrap` of parameters fetched again for one key of a bundle already wrapped (online params
 * --key-id) while that wrap can still be imported: refused before any material exists
 * (WRAP_AGAIN_NOT_CHOSEN), saying that the new wrap covers 1 of the 3 keys that bundle holds and which
 * one, in English and Chinese. Two folders as two machines, the real CLI against the simulator.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { nextCommand, onPrintedMedia } from '../../integration/pasted-shell';
import { airgapConfirmations } from './witness-args';
import { threeKeysEcFetchedAgain, wrapWithSecondSet } from './wrapped-cli-ceremony';
import { simAndFolderPerTest } from './sim-folder';

const test = simAndFolderPerTest('kf-cli-some-keys-again-');

describe('airgap wrap of one key of a bundle already wrapped', () => {
  it('is refused while that wrap can be imported, naming the one key of its three the new wrap covers', async () => {
    const { ec, params, ...c } = await threeKeysEcFetchedAgain(path.join(test.dir(), 'three'), test.kms().sim);
    const refused = await wrapWithSecondSet(c, params);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `Wrapping again makes new material beside it, and for 1 key only of the 3 keys the bundle of air-gapped session 1 holds: app/ec (${ec}) (the import-parameters bundle read here carries no other key of it). Nothing was generated.`,
    );
    const zh = await keyferry(
      [
        '--lang',
        'zh-CN',
        ...nextCommand(onPrintedMedia(params)),
        ...airgapConfirmations(params, ['Ben']),
        '--allow-network',
      ],
      { cwd: c.airgap, env: {} },
    );
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain(`且只为离线侧第 1 次会话的材料包所含 3 个密钥中的 1 个生成：app/ec (${ec})`);
  }, 180_000);
});
