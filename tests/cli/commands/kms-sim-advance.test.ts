/**
 * `keyferry kms-sim advance` against a simulator over real HTTP on loopback: it moves the clock and
 * says to when; it explains a simulator started without clock control, refuses a non-loopback
 * endpoint before sending anything, and refuses a time before the simulator's.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startKmsSimulator, type KmsSimulator } from '../../../src-main/core/kms-simulator/index';
import { keyferry } from '../../integration/cli-in-process';
import { englishSentences } from '../english-words';

const H = 3_600_000;
const sims: KmsSimulator[] = [];
afterEach(async () => {
  for (const s of sims.splice(0)) await s.close();
});
async function sim(clockControl: boolean, startAt?: number): Promise<KmsSimulator> {
  const s = await startKmsSimulator({
    clockControl,
    wrappingKeyPoolSize: 1,
    ...(startAt === undefined ? {} : { startAt }),
  });
  sims.push(s);
  return s;
}

describe('keyferry kms-sim advance', () => {
  it('moves the clock forward and prints the simulator time and offset', async () => {
    const s = await sim(true);
    const run = await keyferry(['kms-sim', 'advance', '--endpoint', s.endpoint, '--by', '25h'], { cwd: '/' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(s.clock.offset()).toBe(25 * H);
    expect(run.stdout).toMatch(
      /^Simulator time: \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC \(1d 1h 0m ahead of this computer\)\.$/m,
    );
    expect(run.stdout).toMatch(/import tokens fetched more than 24 hours before it are refused \(KMS\.2601\)/);
  });

  it('says a clock still behind this computer’s (started with --start-at in the past) is behind, never “-2h ahead”', async () => {
    const s = await sim(true, Date.now() - 3 * H);
    const run = await keyferry(['kms-sim', 'advance', '--endpoint', s.endpoint, '--by', '1h'], { cwd: '/' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Simulator time: \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC \(2h 0m behind this computer\)\.$/m);
    const zh = await keyferry(['--lang', 'zh-CN', 'kms-sim', 'advance', '--endpoint', s.endpoint, '--by', '1h'], {
      cwd: '/',
    });
    expect(zh.stdout).toMatch(/（比本机慢 1h 0m）。/);
  });

  it('explains a simulator started without --clock-control, and leaves its clock alone', async () => {
    const s = await sim(false);
    const run = await keyferry(['kms-sim', 'advance', '--endpoint', s.endpoint, '--by', '1h'], { cwd: '/' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`The simulator at ${s.endpoint} was not started with clock control.`);
    expect(run.stderr).toMatch(/start it again with its --state file and --clock-control/);
    expect(s.clock.offset()).toBe(0);
  });

  it('refuses a non-loopback endpoint, a time before the simulator’s, and neither or both of --by/--to', async () => {
    const s = await sim(true);
    const remote = await keyferry(
      ['kms-sim', 'advance', '--endpoint', 'https://kms.cn-north-4.myhuaweicloud.com', '--by', '1h'],
      {
        cwd: '/',
      },
    );
    expect(remote.code).toBe(1);
    expect(remote.stderr).toContain('https://kms.cn-north-4.myhuaweicloud.com is not');
    const past = await keyferry(['kms-sim', 'advance', '--endpoint', s.endpoint, '--to', '2020-01-01T00:00:00Z'], {
      cwd: '/',
    });
    expect(past.code).toBe(1);
    expect(past.stderr).toMatch(/its clock moves only forward/);
    const neither = await keyferry(['kms-sim', 'advance', '--endpoint', s.endpoint], { cwd: '/' });
    expect(neither.stderr).toMatch(/--by or --to \(one of them\)/);
    const both = await keyferry(
      ['kms-sim', 'advance', '--endpoint', s.endpoint, '--by', '1h', '--to', '2030-01-01T00:00:00Z'],
      {
        cwd: '/',
      },
    );
    expect(both.stderr).toMatch(/--by or --to \(one of them\)/);
    expect(s.clock.offset()).toBe(0);
  });

  it('says in Chinese why a move failed, from the simulator code, never its English error_msg', async () => {
    const zh = { LANG: 'zh_CN.UTF-8', LC_ALL: '' };
    const s = await sim(true);
    const tooFar = await keyferry(['kms-sim', 'advance', '--endpoint', s.endpoint, '--to', '2099-01-01T00:00:00Z'], {
      cwd: '/',
      env: zh,
    });
    expect(tooFar.code).toBe(1);
    expect(tooFar.stderr).toContain(
      `位于 ${s.endpoint} 的模拟器未能调整时钟：它认为请求格式错误而拒绝（KFSIM.BAD_REQUEST）。`,
    );
    expect(tooFar.stderr).not.toMatch(/ten years/);
    expect(englishSentences(tooFar.stderr)).toEqual([]);
    expect(s.clock.offset()).toBe(0);

    const other = http.createServer((_req, res) =>
      res.writeHead(404, { 'content-type': 'text/html' }).end('<p>Not here</p>'),
    );
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const port = (other.address() as AddressInfo).port;
    try {
      const notSim = await keyferry(['kms-sim', 'advance', '--endpoint', `http://127.0.0.1:${port}`, '--by', '1h'], {
        cwd: '/',
        env: zh,
      });
      expect(notSim.stderr).toContain('它的应答为 HTTP 404，不是模拟器的应答方式。');
      expect(englishSentences(notSim.stderr)).toEqual([]);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
    const gone = await keyferry(['kms-sim', 'advance', '--endpoint', `http://127.0.0.1:${port}`, '--by', '1h'], {
      cwd: '/',
      env: zh,
    });
    expect(gone.stderr).toMatch(/无法连接（E[A-Z]+）。/);
  });
});
