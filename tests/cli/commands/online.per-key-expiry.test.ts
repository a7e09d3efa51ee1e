/**
 * Each key's own material expiry from the plan to the KMS, through the CLI and a real simulator on
 * 127.0.0.1: a plan whose default is 90 days gives one AES key 30 days and another never; create-key
 * journals each AES key's with key.created, the import-parameters bundle carries each, `airgap wrap`
 * requests each, and after `online import` the KMS holds 30 days, 90 days and no expiry, with no
 * "differs from the plan" warning or override entry (each key's plan is its own). A plan giving an
 * RSA key an expiry of its own is refused naming the field, before anything reaches the KMS.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBundle } from '../../../src-main/core/bundle';
import { KmsClient } from '../../../src-main/core/kms/client';
import { AkSkCredentials } from '../../../src-main/core/kms/credentials';
import { startKmsSimulator, type KmsSimulator } from '../../../src-main/core/kms-simulator/index';
import { keyferry } from '../../integration/cli-in-process';
import { momentText } from '../../../src-main/i18n/moment';
import { airgapWrapArgs, onlineAt } from '../../helpers/cli-sides';
import { paramsDigestFrom } from './witness-args';

const DAY = 86_400_000;
let dir: string;
let online: string;
let sim: KmsSimulator;
let connection: string[];
let env: NodeJS.ProcessEnv;

async function journalEntries(file: string): Promise<{ event: string; data: Record<string, unknown> }[]> {
  return (await readFile(file, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { event: string; data: Record<string, unknown> });
}

async function writePlan(name: string, keys: readonly Record<string, unknown>[]): Promise<void> {
  const plan = { title: 'Per-key expiry', operator: 'Ana', witnesses: ['Ben'], materialExpiry: '90d', keys };
  await writeFile(path.join(online, name), JSON.stringify(plan));
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-plan-key-expiry-'));
  online = path.join(dir, 'online');
  await mkdir(online);
  sim = await startKmsSimulator();
  ({ args: connection, env } = onlineAt(sim));
});

afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

describe("a plan's per-key materialExpiry", () => {
  it('is refused for an RSA key, naming the field, before anything reaches the KMS', async () => {
    await writePlan('rsa-plan.json', [{ alias: 'pk/rsa', spec: 'RSA_3072', materialExpiry: '30d' }]);
    const requests = sim.trafficStats().requests;
    const run = await keyferry(
      ['online', 'create-key', ...onlineAt(sim, 'rsa.jsonl').args, '--plan', 'rsa-plan.json'],
      { cwd: online, env },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'keys[0].materialExpiry: imported RSA_3072 material never expires (a KMS rule): leave "materialExpiry" out for this key',
    );
    expect(sim.trafficStats().requests).toBe(requests);
  });

  it("reaches the KMS per key: 30 days, the plan's 90 days and never", async () => {
    await writePlan('plan.json', [
      { alias: 'pk/thirty', spec: 'AES_256', materialExpiry: '30d' },
      { alias: 'pk/default', spec: 'AES_256' },
      { alias: 'pk/never', spec: 'AES_256', materialExpiry: 'never' },
      { alias: 'pk/ec', spec: 'EC_P256' },
    ]);
    const before = Date.now();
    const created = await keyferry(['online', 'create-key', ...connection, '--plan', 'plan.json'], {
      cwd: online,
      env,
    });
    const after = Date.now();
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const entries = await journalEntries(path.join(online, 'online.jsonl'));
    const planned = Object.fromEntries(
      entries
        .filter((e) => e.event === 'key.created')
        .map((e) => [e.data.alias as string, { keyId: e.data.keyId as string, expiry: e.data.plannedExpiry }]),
    );
    const started = entries.find((e) => e.event === 'ceremony.started')?.data.expiry as string;
    const thirty = Date.parse(planned['pk/thirty']?.expiry as string);
    expect(thirty).toBeGreaterThanOrEqual(before + 30 * DAY);
    expect(thirty).toBeLessThanOrEqual(after + 30 * DAY);
    expect(planned['pk/default']?.expiry).toBe(started);
    expect(Date.parse(started) - thirty).toBeGreaterThan(59 * DAY);
    expect(planned['pk/never']?.expiry).toBe('never');
    expect(planned['pk/ec']?.expiry).toBeUndefined();
    // The table create-key prints shows each key's own expiry, as the receipts and import lines do.
    const lines = created.stdout.split('\n');
    const cells = (alias: string) =>
      lines
        .find((l) => l.trim().startsWith(`${alias} `))
        ?.trim()
        .split(/\s{2,}/);
    expect(
      lines
        .find((l) => l.includes('alias'))
        ?.trim()
        .split(/\s{2,}/),
    ).toEqual(['alias', 'spec', 'usage', 'material expires', 'key id']);
    expect(cells('pk/thirty')?.[3]).toBe(momentText('en', planned['pk/thirty']?.expiry as string));
    expect(cells('pk/default')?.[3]).toBe(momentText('en', started));
    expect(cells('pk/never')?.[3]).toBe('never');
    expect(cells('pk/ec')?.[3]).toBe('never');

    const params = await keyferry(['online', 'params', ...connection, '--out', 'params'], { cwd: online, env });
    expect(params.stderr).toBe('');
    expect(params.code).toBe(0);
    const bundle = await readBundle(path.join(online, 'params'), { now: new Date() });
    if (bundle.kind !== 'import-parameters') throw new Error('not an import-parameters bundle');
    const keyIdOf = (alias: string) => planned[alias]?.keyId as string;
    expect(Object.fromEntries(bundle.keys.map((k) => [k.keyId, k.materialExpiry]))).toEqual({
      [keyIdOf('pk/thirty')]: planned['pk/thirty']?.expiry,
      [keyIdOf('pk/default')]: started,
      [keyIdOf('pk/never')]: 'never',
      [keyIdOf('pk/ec')]: 'never',
    });

    const wrap = await keyferry(
      airgapWrapArgs(
        { bundle: 'online/params', digest: paramsDigestFrom(params.stdout) },
        '--no-backup',
        '--allow-network',
      ),
      { cwd: dir },
    );
    expect(wrap.stderr).toBe('');
    expect(wrap.code).toBe(0);
    const digest = /bundle digest ([0-9A-F ]{79})/.exec(wrap.stdout)?.[1] as string;
    const imported = await keyferry(
      ['online', 'import', ...connection, '--bundle', '../wrapped', '--expect-digest', digest],
      { cwd: online, env },
    );
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    // Each key's bundle request is its plan: nothing to warn about, no override journaled.
    expect(imported.stdout).not.toContain('WARNING');
    const events = (await journalEntries(path.join(online, 'online.jsonl'))).map((e) => e.event);
    expect(events).not.toContain('import.expiry-chosen');

    const kms = new KmsClient({
      endpoint: sim.endpoint,
      projectId: sim.projectId,
      credentials: new AkSkCredentials({ accessKeyId: sim.ak, secretKey: sim.sk }),
    });
    const inKms = async (alias: string) =>
      (await kms.describeKey(keyIdOf(alias))).materialExpiresAt?.getTime() ?? 'never';
    // The KMS keeps whole seconds.
    expect(await inKms('pk/thirty')).toBe(Math.floor(thirty / 1000) * 1000);
    expect(await inKms('pk/default')).toBe(Math.floor(Date.parse(started) / 1000) * 1000);
    expect(await inKms('pk/never')).toBe('never');
    expect(await inKms('pk/ec')).toBe('never');
  });
});
