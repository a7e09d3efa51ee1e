/**
 * A wrap again offered after its keys took an earlier wrap (ij's walk-through): keys aes, rsa and ec
 * wrapped with custody set S1 (W1); fresh parameters for ec alone, wrapped again with a set of its
 * own (W2, other material); W1 imported first, all three keys; then W2 offered. The refusal
 * (WRAPPED_OTHER_THAN_IMPORTED) read W2's manifest but named no set, nor did online status: S2
 * backs nothing (ec holds W1's material) and is now named by the refusal and status, in both
 * languages. Where W2 holds the same material as W1 (a restore of S1), S2 backs ec still
 * and is not named. Two folders as two machines, the real CLI against the simulator.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { nextCommand, onPrintedMedia } from '../../integration/pasted-shell';
import { importRestoredFirstSet, wrapWithSecondSet, threeKeysEcFetchedAgain } from './wrapped-cli-ceremony';
import { simAndFolderPerTest } from './sim-folder';

const test = simAndFolderPerTest('kf-cli-again-late-');

/** W1 (aes, rsa, ec; set S1) wrapped; ec's parameters fetched anew (params-2, `params` what it printed); W1 imported, all three keys. */
async function w1ImportedAfterEcParams(name: string) {
  const c = await threeKeysEcFetchedAgain(path.join(test.dir(), name), test.kms().sim);
  const first = await keyferry(c.importCommand, { cwd: c.online, env: c.env });
  expect(first.code).toBe(0);
  return c;
}

describe('online import of a wrap again offered after its keys took an earlier wrap', () => {
  it('names the wrap again’s own custody set as backing nothing: the refusal and online status', async () => {
    const c = await w1ImportedAfterEcParams('other-material');
    // ec wrapped again from params-2 with new material and a set of its own (S2): W2.
    const again = await wrapWithSecondSet(c, c.params, ['--wrap-again', 'ec only: made on the wrong token']);
    expect(again.code).toBe(0);
    const w2Import = nextCommand(onPrintedMedia(again.stdout));
    const refused = await keyferry(w2Import, { cwd: c.online, env: c.env });
    expect(refused.code).toBe(1);
    const said = (refused.stderr + refused.stdout).replace(/\s+/g, ' ');
    expect(said).toContain('The 3 keys of this ceremony already hold imported material');
    const named =
      /has a custody set of its own, ([0-9A-Z]{4,}) \(2 of 2 shares, held by Dana, Eli\), that backs no imported material/.exec(
        said,
      );
    expect(named).not.toBeNull();
    const setTag = named?.[1] as string;
    expect(said).toContain('Its shares, slips and backup must be destroyed');
    expect(said).toContain('Destroy no other bundle or custody set on this message alone');
    const status = (await c.on(['online', 'status'])).stdout.replace(/\s+/g, ' ');
    expect(status).toMatch(
      new RegExp(
        `Custody set ${setTag} \\(2 of 2 shares, held by Dana, Eli\\), made with the wrapped-material bundle \\S+ refused \\(nothing of it imported\\) at online journal entry \\d+, backs no imported material: the keys hold another wrap’s material`,
      ),
    );
    const zh = await keyferry(['--lang', 'zh-CN', ...w2Import], { cwd: c.online, env: c.env });
    expect(zh.stderr + zh.stdout).toContain(
      `有它自己的托管集 ${setTag}（2 份中的 2 份份额，由 Dana、Eli 持有），该托管集不再支撑任何已导入的材料`,
    );
    const zhStatus = (await c.on(['--lang', 'zh-CN', 'online', 'status'])).stdout;
    expect(zhStatus).toContain(`托管集 ${setTag}（2 份中的 2 份份额`);
  }, 180_000);

  it('names no set where the bundle offered holds the material the keys hold (a restore of their own set)', async () => {
    const c = await w1ImportedAfterEcParams('same-material');
    // S1 restored under params-2: ec's own material (W1's), wrapped anew.
    const refused = await importRestoredFirstSet(c, 'params-2', c.params);
    expect(refused.code).toBe(1);
    const said = (refused.stderr + refused.stdout).replace(/\s+/g, ' ');
    expect(said).toContain('The 3 keys of this ceremony already hold imported material');
    expect(said).not.toContain('backs no imported material');
    expect(said).toContain('Do not destroy a bundle or a custody set on this message alone');
    expect((await c.on(['online', 'status'])).stdout).not.toContain('backs no imported material');
  }, 180_000);
});
