/**
 * `online import` and who made a wrapped bundle on the air-gapped side (walker findings F3, F8), in
 * Chinese: it prints the operator, the witnesses and the air-gapped journal the manifest names; when
 * the import tokens lapsed before the import, the next `online params` prints the `airgap wrap` in
 * that same journal and says to wrap there, not in a new one. Two folders as two machines, one
 * simulator over real HTTP (the second air-gapped journal refused: tests/integration/second-airgap-journal).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startKmsSimulator, type KmsSimulator } from '../../../src-main/core/kms-simulator/index';
import { keyferry } from '../../integration/cli-in-process';
import { nextCommand, onMedia, onPrintedMedia, twoMachines } from '../../integration/pasted-shell';
import { airgapConfirmations } from './witness-args';
import { onlineAt } from '../../helpers/cli-sides';

let dir: string | undefined;
let sim: KmsSimulator | undefined;
afterAll(async () => {
  await sim?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const ZH = { LANG: 'zh_CN.UTF-8' };

describe('online import names who wrapped the bundle', () => {
  it('prints the air-gapped people and journal, and after lapsed tokens names that journal for the next wrap', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-made-by-'));
    sim = await startKmsSimulator();
    const { online, airgap } = await twoMachines(dir);
    await writeFile(
      path.join(online, 'plan.json'),
      JSON.stringify({
        title: 'Made by',
        operator: 'Ana',
        witnesses: ['Ben', 'Chloé'],
        materialExpiry: 'never',
        keys: [{ alias: 'made/ec', spec: 'EC_P256' }],
      }),
    );
    const { args: connection, env } = onlineAt(sim);
    const on = (args: string[]) => keyferry([...args, ...connection], { cwd: online, env });
    expect((await on(['online', 'create-key', '--plan', 'plan.json'])).code).toBe(0);
    const params = await on(['online', 'params', '--out', path.join(dir, 'params')]);
    expect(params.code).toBe(0);
    const printed = nextCommand(onPrintedMedia(params.stdout));
    const words = printed.map((w, i) => (printed[i - 1] === '--journal' ? 'airgap-X.jsonl' : w));
    const wrapped = await keyferry(
      [...words, ...airgapConfirmations(params.stdout, ['Ben', 'Chloé']), '--allow-network'],
      { cwd: airgap, env: {} },
    );
    expect(wrapped.stderr).toBe('');
    expect(wrapped.code).toBe(0);

    sim.clock.advance(25 * 3_600_000);
    const lapsed = await keyferry(nextCommand(onPrintedMedia(wrapped.stdout)), { cwd: online, env: { ...env, ...ZH } });
    expect(lapsed.code).toBe(1);
    expect(lapsed.stdout).toMatch(
      /在离线端由操作员 Ana 与见证人 Ben、Chloé 包装，离线日志为 airgap-X\.jsonl（首条记录 [0-9A-F ]{19}）：此为包中所述。/,
    );
    const again = await keyferry(nextCommand(onMedia(lapsed.stdout, online)), { cwd: online, env: { ...env, ...ZH } });
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    const next = nextCommand(again.stdout);
    expect(next[next.indexOf('--journal') + 1]).toBe('airgap-X.jsonl');
    expect(again.stdout).toMatch(
      /请在与之前相同的离线日志 airgap-X\.jsonl（首条记录 [0-9A-F ]{19}）中包装，不要使用新日志/,
    );
  }, 180_000);
});
