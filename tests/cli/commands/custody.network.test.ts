/**
 * `keyferry custody split --material` and `custody restore` without --bundle handle plaintext key
 * material, so they run the air-gapped side's network check before they read any material or
 * share: a live network (faked, as the air-gapped tests do, with a spy on os.networkInterfaces) is
 * refused unless --allow-network, which prints the override's WARNING and that no journal records
 * it. A restore --out names every plaintext file it wrote in a WARNING saying what to do with it (and,
 * under --allow-network, that it was just written on a networked machine).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../../../src-main/cli/command';
import { createCustodyCommands } from '../../../src-main/cli/commands/custody';
import { runCli } from '../../../src-main/cli/run-cli';
import { shareFileIn } from '../../helpers/custody-files';
import { LIVE_WLAN, OFFLINE } from '../../helpers/workstation';
import { englishSentences } from '../english-words';

const commands = createCustodyCommands({ volumeIdOf: (folder) => `volume:${folder}` });
const CEREMONY = 'KF-20261204-a1b2c3';
const KEY_ID = '0042abcd-0000-4000-8000-000000000042';
const V1_FIXTURE = path.resolve(__dirname, '../../fixtures/custody-v1-single-key');
const v1Share = (name: string) => path.join(V1_FIXTURE, `keyferry-share-7d1c4a2e-5b3f-4e6a-9c8d-0f1e2d3c4b5a-${name}`);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-custody-network-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

function network(interfaces: typeof OFFLINE): void {
  vi.spyOn(os, 'networkInterfaces').mockReturnValue(interfaces);
}

async function run(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env, cwd: dir };
  const code = await runCli(commands, argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const splitArgs = (material: string, outs: readonly string[]): string[] => [
  ...['custody', 'split', '--material', material, '--key-spec', 'AES_256'],
  ...['--ceremony-id', CEREMONY, '--key-id', KEY_ID, '--m', '2', '--n', String(outs.length)],
  ...outs.flatMap((o, i) => ['--custodian', `Custodian ${i + 1}`, '--out', o]),
];

/** Splits fresh AES material into 2-of-2 on the air-gapped workstation; returns the key and the share files. */
async function splitOffline(): Promise<{ key: Buffer; shares: string[] }> {
  const key = randomBytes(32);
  await writeFile(path.join(dir, 'key.bin'), key);
  const outs = [path.join(dir, 'usb1'), path.join(dir, 'usb2')];
  for (const o of outs) await mkdir(o);
  network(OFFLINE);
  const split = await run(splitArgs('key.bin', outs));
  expect(split.err).toBe('');
  expect(split.out).toContain('Network check: No network: only loopback interfaces are up.');
  vi.restoreAllMocks();
  return { key, shares: outs.map((o, i) => shareFileIn(o, i + 1)) };
}

const LIVE_REFUSAL =
  'This machine is connected to a network (wlan0 10.1.2.3); an air-gapped workstation must have no live network.';
const OVERRIDE = 'WARNING: network present and allowed by override: wlan0 10.1.2.3.';
const UNJOURNALED =
  'This command keeps no journal: nothing but this screen records the override. Handle plaintext key material on the air-gapped workstation only; allow a network for a rehearsal with test material only.';

describe('custody commands that handle plaintext key material check the network first', () => {
  it('split --material on a live network is refused before the material is read; --allow-network goes on with a WARNING', async () => {
    const outs = [path.join(dir, 'usb1'), path.join(dir, 'usb2')];
    for (const o of outs) await mkdir(o);
    network(LIVE_WLAN);
    // The material file does not even exist: the refusal comes before it is read.
    const refused = await run(splitArgs('missing.bin', outs));
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(LIVE_REFUSAL);
    expect(refused.err).toContain(
      'Only for a rehearsal may the check be overridden (--allow-network); the override is printed as a warning, and journaled by a command that keeps a journal.',
    );
    expect(refused.err).not.toContain('missing.bin');
    for (const o of outs) expect(await readdir(o)).toEqual([]);

    await writeFile(path.join(dir, 'key.bin'), randomBytes(32));
    const allowed = await run([...splitArgs('key.bin', outs), '--allow-network']);
    expect(allowed.err).toBe('');
    expect(allowed.code).toBe(0);
    const lines = allowed.out.split('\n');
    expect(lines.slice(0, 2)).toEqual([OVERRIDE, UNJOURNALED]);
    expect(allowed.out).toContain('into a custody set of 2 shares');
  });

  it('restore without --bundle on a live network is refused before any share is read; --out writes nothing', async () => {
    const { shares } = await splitOffline();
    network(LIVE_WLAN);
    const refused = await run(['custody', 'restore', '--share', shares[0]!, '--share', shares[1]!, '--out', 'keys']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(LIVE_REFUSAL);
    expect(refused.out).toBe('');
    expect(await readdir(dir)).not.toContain('keys');
    // Share files that do not exist: the network is refused first, so neither is read.
    const unread = await run(['custody', 'restore', '--share', 'gone-1.json', '--share', 'gone-2.json']);
    expect(unread.err).toContain(LIVE_REFUSAL);
    expect(unread.err).not.toContain('gone-1.json');
    // Per-key shares (format 1) too.
    const perKey = await run(['custody', 'restore', '--share', v1Share('1of3.json'), '--share', v1Share('2of3.json')]);
    expect(perKey.code).toBe(1);
    expect(perKey.err).toContain(LIVE_REFUSAL);
  });

  it('restore --out with --allow-network: the override WARNING, then a WARNING naming the plaintext file and what to do', async () => {
    const { key, shares } = await splitOffline();
    network(LIVE_WLAN);
    const run1 = await run([
      ...['custody', 'restore', '--share', shares[1]!, '--share', shares[0]!, '--out', 'keys', '--allow-network'],
    ]);
    expect(run1.err).toBe('');
    expect(run1.code).toBe(0);
    const file = path.join(dir, 'keys', `${KEY_ID}.key`);
    expect((await readFile(file)).equals(key)).toBe(true);
    const lines = run1.out.split('\n');
    expect(lines.slice(0, 2)).toEqual([OVERRIDE, UNJOURNALED]);
    // Nothing before the warning tells the officer to hand the file to an HSM: it was written on a networked machine.
    expect(run1.out).not.toContain('hand it to the HSM');
    expect(lines.slice(-3)).toEqual([
      'WARNING: this file holds plaintext key material, recorded in no journal and seen by no witness:',
      `  ${file}`,
      // Written on a networked machine: the warning says so, rather than "never on a networked machine".
      'It was just written on this networked machine, as --allow-network allowed: fit only for a rehearsal with test material. Never copy it elsewhere or import it where real data depends on it; when the rehearsal is done, delete the file and wipe the media it was on.',
    ]);
  });

  it('restore --out on the air-gapped workstation: the check passes and the WARNING names every file (per-key shares: the one file)', async () => {
    network(OFFLINE);
    const restored = await run([
      ...['custody', 'restore', '--share', v1Share('1of3.json'), '--share', v1Share('2of3.json'), '--out', 'v1.bin'],
    ]);
    expect(restored.err).toBe('');
    expect(restored.code).toBe(0);
    const lines = restored.out.split('\n');
    expect(lines[0]).toBe('Network check: No network: only loopback interfaces are up.');
    expect(restored.out).not.toContain('override');
    expect(lines.slice(-3)).toEqual([
      'WARNING: this file holds plaintext key material, recorded in no journal and seen by no witness:',
      `  ${path.join(dir, 'v1.bin')}`,
      'Keep it offline: never on a networked machine, in a synchronised folder or on media others can reach. Hand it to the HSM at once, then destroy every copy: delete the file and wipe or destroy the media it was on.',
    ]);
    // Without --out nothing is written, and no plaintext warning.
    const proven = await run(['custody', 'restore', '--share', v1Share('1of3.json'), '--share', v1Share('2of3.json')]);
    expect(proven.code).toBe(0);
    expect(proven.out).not.toContain('plaintext key material, recorded');
  });

  it('in Chinese: the refusal, the override and the plaintext warning', async () => {
    const zh = { LANG: 'zh_CN.UTF-8' };
    const { shares } = await splitOffline();
    network(LIVE_WLAN);
    const refused = await run(['custody', 'restore', '--share', shares[0]!, '--share', shares[1]!, '--out', 'k'], zh);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('本机已连接网络（wlan0 10.1.2.3）；离线工作站不得有任何处于启用状态的网络。');
    expect(refused.err).toContain(
      '只有演练时才可覆盖此检查（--allow-network）；覆盖操作会打印为警告，记日志的命令还会将其记入日志。',
    );
    const allowed = await run(
      ['custody', 'restore', '--share', shares[0]!, '--share', shares[1]!, '--out', 'k', '--allow-network'],
      zh,
    );
    expect(allowed.err).toBe('');
    expect(allowed.code).toBe(0);
    expect(englishSentences(allowed.out)).toEqual([]);
    const lines = allowed.out.split('\n');
    expect(lines.slice(0, 2)).toEqual([
      '警告：存在网络连接，已通过覆盖放行：wlan0 10.1.2.3。',
      '此命令不记日志：除了本屏幕，没有任何地方记录这次覆盖。只能在离线工作站上处理明文密钥材料；只有使用测试材料的演练才可允许联网。',
    ]);
    expect(lines.slice(-3)).toEqual([
      '警告：以下 1 个文件含有明文密钥材料，未记入任何日志，也没有任何见证人见证：',
      `  ${path.join(dir, 'k', `${KEY_ID}.key`)}`,
      '这 1 个文件刚刚写在了这台联网的计算机上（--allow-network 放行）：只适用于使用测试材料的演练。切勿复制到别处，也不得导入任何真实数据所依赖的地方；演练结束后删除文件，并擦除存放过它的介质。',
    ]);
    await writeFile(path.join(dir, 'key2.bin'), randomBytes(32));
    const outs = [path.join(dir, 'zh1'), path.join(dir, 'zh2')];
    for (const o of outs) await mkdir(o);
    const split = await run(splitArgs('key2.bin', outs), zh);
    expect(split.code).toBe(1);
    expect(split.err).toContain('本机已连接网络（wlan0 10.1.2.3）');
  });
});
