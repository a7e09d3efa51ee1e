/**
 * `keyferry kms-sim` as a real process: the JSON line first, signed requests answered, the IAM
 * token it prints accepted (and only for its own time and project), SIGTERM exits 0.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { displayWidth } from '../../../src-main/cli/text-table';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KmsClient } from '../../../src-main/core/kms/client';
import { AkSkCredentials, IamTokenCredentials } from '../../../src-main/core/kms/credentials';
import { KeyState } from '../../../src-main/core/kms/types';
import { KEYFERRY_BIN } from '../../integration/cli-process';

const ROOT = path.resolve(__dirname, '../../..');
const running: ChildProcessWithoutNullStreams[] = [];

interface Started {
  readonly child: ChildProcessWithoutNullStreams;
  readonly first: string;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Started> {
  const child = spawn(process.execPath, [KEYFERRY_BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  running.push(child);
  let out = '';
  let err = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no output within 60 s; stderr: ${err}`)), 60_000);
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const newline = out.indexOf('\n');
      if (newline >= 0) {
        clearTimeout(timer);
        resolve({ child, first: out.slice(0, newline), stdout: () => out, stderr: () => err, exited });
      }
    });
    void exited.then(({ code }) => {
      clearTimeout(timer);
      if (!out.includes('\n')) reject(new Error(`exited ${code} before printing; stderr: ${err}`));
    });
  });
}

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

const clientFor = (info: { endpoint: string; projectId: string; ak: string; sk: string }) =>
  new KmsClient({
    endpoint: info.endpoint,
    projectId: info.projectId,
    credentials: new AkSkCredentials({ accessKeyId: info.ak, secretKey: info.sk }),
  });

describe('keyferry kms-sim', () => {
  it('--json prints one JSON line first, answers signed requests, and exits 0 on SIGTERM', async () => {
    const started = await startCli(['kms-sim', '--json']);
    const info = JSON.parse(started.first) as {
      endpoint: string;
      region: string;
      projectId: string;
      ak: string;
      sk: string;
      iamToken: string;
      iamTokenExpiresAt: string;
      now: number;
    };
    expect(Object.keys(info).sort()).toEqual([
      'ak',
      'clockControl',
      'endpoint',
      'iamToken',
      'iamTokenExpiresAt',
      'now',
      'offsetMs',
      'projectId',
      'region',
      'regions',
      'sk',
    ]);
    expect(info.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const client = clientFor(info);
    const { keyId } = await client.createKey({ alias: 'cli-rehearsal', spec: 'AES_256' });
    expect((await client.describeKey(keyId)).state).toBe(KeyState.PendingImport);
    const wrong = new KmsClient({
      endpoint: info.endpoint,
      projectId: info.projectId,
      credentials: new AkSkCredentials({
        accessKeyId: info.ak,
        secretKey: `${info.sk.slice(0, -1)}${info.sk.endsWith('0') ? '1' : '0'}`,
      }),
      retry: { maxAttempts: 1 },
    });
    await expect(wrong.listKeys()).rejects.toMatchObject({ code: 'APIGW.0301' });
    // The printed IAM token works in place of AK/SK for 24 hours; one altered character does not.
    expect(Date.parse(info.iamTokenExpiresAt) - info.now).toBe(24 * 3600_000);
    const byToken = (token: string) =>
      new KmsClient({
        endpoint: info.endpoint,
        projectId: info.projectId,
        credentials: new IamTokenCredentials(token),
        retry: { maxAttempts: 1 },
      });
    const tokenClient = byToken(info.iamToken);
    expect((await tokenClient.listKeys()).map((k) => k.keyId)).toEqual([keyId]);
    // Not the last character: in base64 its low bits may be padding, so changing it may change no byte.
    const at = info.iamToken.length - 10;
    const other = info.iamToken[at] === 'A' ? 'B' : 'A';
    const altered = byToken(`${info.iamToken.slice(0, at)}${other}${info.iamToken.slice(at + 1)}`);
    await expect(altered.listKeys()).rejects.toMatchObject({ code: 'KMS.0302' });
    client.close();
    wrong.close();
    tokenClient.close();
    altered.close();
    started.child.kill('SIGTERM');
    expect(await started.exited).toEqual({ code: 0, signal: null });
    expect(started.stdout().trim().split('\n')).toHaveLength(1);
  });

  it('with --state, a second process resumes the same credentials, project and keys', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'keyferry-cli-sim-'));
    try {
      const statePath = path.join(dir, 'sim-state.json');
      const first = await startCli(['kms-sim', '--json', '--state', statePath]);
      const info = JSON.parse(first.first) as {
        endpoint: string;
        projectId: string;
        ak: string;
        sk: string;
        region: string;
      };
      const client = clientFor(info);
      const { keyId } = await client.createKey({ alias: 'resumed', spec: 'EC_P256' });
      client.close();
      first.child.kill('SIGINT');
      expect((await first.exited).code).toBe(0);

      const second = await startCli(['kms-sim', '--json', '--state', statePath]);
      const again = JSON.parse(second.first) as typeof info;
      expect({ ak: again.ak, sk: again.sk, projectId: again.projectId, region: again.region }).toEqual({
        ak: info.ak,
        sk: info.sk,
        projectId: info.projectId,
        region: info.region,
      });
      const client2 = clientFor(again);
      expect((await client2.describeKey(keyId)).alias).toBe('resumed');
      client2.close();
      second.child.kill('SIGTERM');
      expect((await second.exited).code).toBe(0);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('prints the details for people without --json, and refuses a bad port plainly', async () => {
    const started = await startCli(['kms-sim', '--port', '0']);
    await new Promise((r) => setTimeout(r, 300));
    const text = started.stdout();
    expect(started.first).toMatch(/KMS simulator \(rehearsal only/);
    for (const label of ['endpoint', 'region', 'project ID', 'AK', 'SK', 'state']) expect(text).toContain(label);
    expect(text).toMatch(
      /\n  IAM token +MIIsim\S+ \(valid until \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC; KEYFERRY_IAM_TOKEN instead of AK\/SK, this project only\)\n/,
    );
    started.child.kill('SIGTERM');
    expect((await started.exited).code).toBe(0);

    // In Chinese every detail's value starts in the same terminal column (a CJK character takes two),
    // and the simulator's clock is written as the IAM token's expiry is (one date form in one block).
    const zh = await startCli(['kms-sim', '--port', '0', '--latency', '5ms'], { LANG: 'zh_CN.UTF-8', LC_ALL: '' });
    await new Promise((r) => setTimeout(r, 300));
    const details = zh
      .stdout()
      .split('\n')
      .filter((line) => /^  (终端节点|区域|项目 ID|AK|SK|IAM 令牌|状态|时钟|流量) /.test(line));
    expect(details.map((line) => line.trim().split(/ {2,}/)[0])).toEqual([
      '终端节点',
      '区域',
      '项目 ID',
      'AK',
      'SK',
      'IAM 令牌',
      '状态',
      '时钟',
      '流量',
    ]);
    const valueColumn = (line: string) => displayWidth(/^ +\S+(?: ID| 令牌)? +/.exec(line)![0]);
    expect(new Set(details.map(valueColumn)).size).toBe(1);
    const dateForm = (line: string | undefined) =>
      /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/.test(line ?? '') ? 'numeric' : (line ?? 'missing');
    expect(dateForm(details.find((line) => line.includes('时钟')))).toBe('numeric');
    expect(dateForm(details.find((line) => line.includes('IAM 令牌')))).toBe('numeric');
    zh.child.kill('SIGTERM');
    expect((await zh.exited).code).toBe(0);

    const bad = spawn(process.execPath, [KEYFERRY_BIN, 'kms-sim', '--port', '70000'], {
      cwd: ROOT,
    });
    let err = '';
    bad.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    const code = await new Promise<number | null>((resolve) => bad.on('exit', resolve));
    expect(code).toBe(1);
    expect(err).toContain('--port "70000" is not a whole number from 0 to 65535');
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('--throttle N/s answers the excess APIG.0308 (HTTP 429) like the API gateway, and the client waits it out', async () => {
    const started = await startCli(['kms-sim', '--json', '--throttle', '2/s', '--latency', '20ms']);
    const info = JSON.parse(started.first) as { endpoint: string; projectId: string; ak: string; sk: string };
    const impatient = new KmsClient({
      endpoint: info.endpoint,
      projectId: info.projectId,
      credentials: new AkSkCredentials({ accessKeyId: info.ak, secretKey: info.sk }),
      retry: { maxAttempts: 1, throttledAttempts: 1 },
    });
    const answers = await Promise.allSettled(Array.from({ length: 6 }, () => impatient.listKeys()));
    impatient.close();
    const refused = answers.filter((a) => a.status === 'rejected').map((a) => (a as PromiseRejectedResult).reason);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]).toMatchObject({ code: 'APIG.0308', httpStatus: 429 });

    const patient = clientFor(info);
    const keys = await Promise.all(
      Array.from({ length: 5 }, (_, i) => patient.createKey({ alias: `rl-${i}`, spec: 'AES_256' })),
    );
    expect(new Set(keys.map((k) => k.keyId)).size).toBe(5);
    expect(await patient.listKeys()).toHaveLength(5);
    patient.close();
    started.child.kill('SIGTERM');
    expect((await started.exited).code).toBe(0);
  });
});
