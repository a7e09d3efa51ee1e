/**
 * Credentials go only where they were entered for. A config file's credentials are bound to the
 * region, project and endpoint that file names; environment credentials go to an endpoint named on
 * the command line, the region's own, or the local simulator. Another endpoint (a typo, a hostile
 * config, a swapped journal) is refused naming both, before anything is sent: a listening stand-in
 * host on 127.0.0.1 receives nothing, and the refusal is journaled when the ceremony's journal exists.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openJournal, type JsonValue } from '../../../src-main/core/journal';
import { deviationReason, deviationReasonText } from '../../../src-main/core/receipt/deviation-facts';
import { startKmsSimulator, type KmsSimulator } from '../../../src-main/core/kms-simulator/index';
import { keyferry } from '../../integration/cli-in-process';

let dir: string;
let sim: KmsSimulator;
let other: http.Server;
let otherEndpoint: string;
const reachedOther: string[] = [];
let n = 0;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-binding-'));
  sim = await startKmsSimulator();
  other = http.createServer((req, res) => {
    reachedOther.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherEndpoint = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => other.close(resolve));
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

const simEnv = () => ({ KEYFERRY_AK: sim.ak, KEYFERRY_SK: sim.sk });
const oneKey = () => ['--alias', `bind/aes-${++n}`, '--spec', 'aes_256', '--operator', 'Ana', '--witness', 'Ben'];

async function configFile(name: string, content: object): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, JSON.stringify(content), { mode: 0o600 });
  return file;
}

async function events(journal: string): Promise<{ event: string; data: Record<string, unknown> }[]> {
  return (await readFile(path.join(dir, journal), 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { event: string; data: Record<string, unknown> });
}

describe('credentials bound to where they were entered for (CLI)', () => {
  it('config credentials: another --endpoint or --project-id is refused naming both; nothing is sent or written', async () => {
    const config = await configFile('sim.json', {
      endpoint: sim.endpoint,
      region: sim.region,
      projectId: sim.projectId,
      ak: sim.ak,
      sk: sim.sk,
    });
    const before = sim.trafficStats().requests;
    const typo = await keyferry(
      ['online', 'create-key', '--journal', 'typo.jsonl', '--config', config, '--endpoint', otherEndpoint, ...oneKey()],
      { cwd: dir, env: {} },
    );
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain(
      `The credentials in the config file sim.json are for the endpoint ${sim.endpoint}, but this connection would use them for the endpoint ${otherEndpoint} (from the option --endpoint). Nothing was sent.`,
    );
    const project = await keyferry(
      [
        'online',
        'create-key',
        '--journal',
        'typo.jsonl',
        '--config',
        config,
        '--project-id',
        'a4a5d4098fb4474fa22cd05f897d6b99',
        ...oneKey(),
      ],
      { cwd: dir, env: {} },
    );
    expect(project.stderr).toContain(
      `are for the project ${sim.projectId}, but this connection would use them for the project a4a5d4098fb4474fa22cd05f897d6b99 (from the option --project-id)`,
    );
    expect(reachedOther).toEqual([]);
    expect(sim.trafficStats().requests).toBe(before);
    await expect(readFile(path.join(dir, 'typo.jsonl'))).rejects.toThrow();

    // The same config, as written: connects, and the journal says where the credentials came from.
    const ok = await keyferry(['online', 'create-key', '--journal', 'cfg.jsonl', '--config', config, ...oneKey()], {
      cwd: dir,
      env: {},
    });
    expect(ok.stderr).toBe('');
    const connected = (await events('cfg.jsonl')).find((e) => e.event === 'kms.connected');
    expect(connected?.data.credentials).toEqual({
      source: { key: 'credentials.source.config-file', values: { file: 'sim.json' } },
      endpoint: sim.endpoint,
      region: sim.region,
      projectId: sim.projectId,
      accessKeyHint: `${sim.ak.slice(0, 4)}…${sim.ak.slice(-4)}`,
    });
    expect(await readFile(path.join(dir, 'cfg.jsonl'), 'utf8')).not.toContain(sim.sk);
  });

  it('config credentials without a project are bound to nothing: refused', async () => {
    const config = await configFile('unbound.json', { region: sim.region, ak: sim.ak, sk: sim.sk });
    const run = await keyferry(
      ['online', 'create-key', '--journal', 'u.jsonl', '--config', config, '--project-id', sim.projectId, ...oneKey()],
      { cwd: dir, env: {} },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'The config file unbound.json holds credentials but does not name the project they are for',
    );
  });

  it('a journal naming another endpoint (swapped): config credentials for the region are not sent there; journaled', async () => {
    const start = await keyferry(
      [
        'online',
        'create-key',
        '--journal',
        'swap.jsonl',
        '--endpoint',
        sim.endpoint,
        '--region',
        sim.region,
        '--project-id',
        sim.projectId,
        ...oneKey(),
      ],
      { cwd: dir, env: simEnv() },
    );
    expect(start.stderr).toBe('');
    // These credentials were entered for the region's own KMS (no "endpoint" in the file).
    const config = await configFile('region.json', {
      region: sim.region,
      projectId: sim.projectId,
      ak: sim.ak,
      sk: sim.sk,
    });
    const run = await keyferry(['online', 'status', '--journal', 'swap.jsonl', '--config', config], {
      cwd: dir,
      env: {},
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `are for the endpoint https://kms.${sim.region}.myhuaweicloud.com, but this connection would use them for the endpoint ${sim.endpoint} (from the ceremony journal)`,
    );
    // A Chinese officer reads where the value came from in Chinese, not "the journal".
    const zh = await keyferry(['online', 'status', '--journal', 'swap.jsonl', '--config', config], {
      cwd: dir,
      env: { LANG: 'zh_CN.UTF-8' },
    });
    expect(zh.stderr).toContain(`但此连接会将其用于终端节点 ${sim.endpoint}（来自仪式日志）。未发送任何内容。`);
    expect(zh.stderr).toContain('否则请更正仪式日志。');
    expect(zh.stderr).not.toMatch(/journal|credentials\.from/);
    const refused = (await events('swap.jsonl')).filter((e) => e.event === 'credentials.refused');
    expect(refused).toHaveLength(2);
    expect(refused[0]?.data).toMatchObject({
      code: 'CREDENTIALS_BOUND_ELSEWHERE',
      values: {
        field: 'endpoint',
        bound: `https://kms.${sim.region}.myhuaweicloud.com`,
        given: sim.endpoint,
        givenFromPhrase: JSON.stringify({ key: 'credentials.from.journal' }),
      },
    });
    // The receipt and the journal viewer say the refusal in the reader's language.
    const reason = deviationReason(refused[0]!.data as Record<string, JsonValue>);
    expect(reason && deviationReasonText('zh-CN', reason)).toContain('（来自仪式日志）');
    expect(reason && deviationReasonText('en', reason)).toContain('(from the ceremony journal)');
  });

  it('environment credentials: an endpoint only a journal or a config file names is refused unless given on the command line', async () => {
    // A swapped journal: a valid chain whose last connection names a host that is not the KMS.
    const swapped = await openJournal(path.join(dir, 'hostile.jsonl'), { create: true });
    await swapped.append('Ana', 'ceremony.started', { title: 'x' });
    await swapped.append('Ana', 'kms.connected', {
      endpoint: 'https://kms.attacker.example',
      region: sim.region,
      projectId: sim.projectId,
      keysVisible: 0,
    });
    await swapped.close();
    const fromJournal = await keyferry(['online', 'status', '--journal', 'hostile.jsonl'], {
      cwd: dir,
      env: simEnv(),
    });
    expect(fromJournal.code).toBe(1);
    expect(fromJournal.stderr).toContain(
      `The credentials from the environment would be sent to https://kms.attacker.example, which comes from the ceremony journal, not from the command line, and is neither the KMS endpoint of the region (https://kms.${sim.region}.myhuaweicloud.com) nor the local simulator. Nothing was sent.`,
    );
    expect((await events('hostile.jsonl')).at(-1)).toMatchObject({
      event: 'credentials.refused',
      data: {
        code: 'CREDENTIALS_ENDPOINT_UNCONFIRMED',
        values: {
          endpoint: 'https://kms.attacker.example',
          fromPhrase: JSON.stringify({ key: 'credentials.from.journal' }),
        },
      },
    });

    // A hostile config file (no credentials in it) pointing the environment's credentials elsewhere.
    const hostile = await configFile('hostile.json', {
      endpoint: 'https://kms.attacker.example',
      region: sim.region,
      projectId: sim.projectId,
    });
    const fromConfig = await keyferry(
      ['online', 'create-key', '--journal', 'h2.jsonl', '--config', hostile, ...oneKey()],
      { cwd: dir, env: simEnv() },
    );
    expect(fromConfig.code).toBe(1);
    expect(fromConfig.stderr).toContain(
      'which comes from "endpoint" in the config file hostile.json, not from the command line',
    );
    const fromConfigZh = await keyferry(
      ['online', 'create-key', '--journal', 'h3.jsonl', '--config', hostile, ...oneKey()],
      { cwd: dir, env: { ...simEnv(), LANG: 'zh_CN.UTF-8' } },
    );
    expect(fromConfigZh.stderr).toContain('该终端节点来自配置文件 hostile.json 中的“endpoint”而非命令行');
    expect(fromConfig.stderr).toContain('give --endpoint https://kms.attacker.example on the command line');
    expect(reachedOther).toEqual([]);
  });
});
