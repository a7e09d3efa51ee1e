/**
 * Each key's own planned material expiry, end to end through the CLI and a real simulator on
 * 127.0.0.1: a format 4 import-parameters bundle planning 90 days for one AES key and never for the
 * other (written by the real bundle writer), `airgap wrap` without --expires requests each key's own
 * (the no-backup refusal counts only the key whose expiry is a moment), the wrapped bundle, the
 * receipt and the KMS after `online import` carry each; an explicit --expires is journaled as an
 * override naming only the key whose plan it changes.
 */
import { cp, mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBundle, readBundleDigest, writeImportParametersBundle } from '../../../src-main/core/bundle';
import { KmsClient } from '../../../src-main/core/kms/client';
import { AkSkCredentials } from '../../../src-main/core/kms/credentials';
import { startKmsSimulator, type KmsSimulator } from '../../../src-main/core/kms-simulator/index';
import { formatUtc } from '../../../src-main/i18n/moment';
import { keyferry } from '../../integration/cli-in-process';
import { airgapWrapArgs, onlineAt } from '../../helpers/cli-sides';
import { nextCommand, onPrintedMedia } from '../../integration/pasted-shell';
import { paramsDigestFrom } from './witness-args';

let dir: string;
let online: string;
let sim: KmsSimulator;
let connection: string[];
let env: NodeJS.ProcessEnv;
let digest = '';
let in90Days = '';
let paramsOutput = '';
const keyIds: Record<'ninety' | 'never', string> = { ninety: '', never: '' };

async function journalEntries(file: string): Promise<{ event: string; data: Record<string, unknown> }[]> {
  return (await readFile(file, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { event: string; data: Record<string, unknown> });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-per-key-expiry-'));
  online = path.join(dir, 'online');
  await mkdir(online);
  sim = await startKmsSimulator();
  ({ args: connection, env } = onlineAt(sim));
  const plan = {
    title: 'Per-key expiry',
    operator: 'Ana',
    witnesses: ['Ben'],
    materialExpiry: '90d',
    keys: [
      { alias: 'expiry/ninety', spec: 'AES_256' },
      { alias: 'expiry/never', spec: 'AES_256' },
    ],
  };
  await import('node:fs/promises').then((fs) => fs.writeFile(path.join(online, 'plan.json'), JSON.stringify(plan)));
  const create = await keyferry(['online', 'create-key', ...connection, '--plan', 'plan.json'], { cwd: online, env });
  expect(create.stderr).toBe('');
  const params = await keyferry(['online', 'params', ...connection, '--out', 'params-one'], { cwd: online, env });
  expect(params.code).toBe(0);
  paramsOutput = params.stdout;
  // The plan asks 90 days for one key and never for the other: the format 4 bundle says so per key.
  const read = await readBundle(path.join(online, 'params-one'), { now: new Date() });
  if (read.kind !== 'import-parameters') throw new Error('not an import-parameters bundle');
  const keys = read.keys.map((k) =>
    k.origin.kind === 'kms-answer' && k.origin.keyAlias === 'expiry/never' ? { ...k, materialExpiry: 'never' } : k,
  );
  for (const k of keys) keyIds[k.materialExpiry === 'never' ? 'never' : 'ninety'] = k.keyId;
  in90Days = keys.find((k) => k.keyId === keyIds.ninety)?.materialExpiry as string;
  expect(Date.parse(in90Days) - Date.now()).toBeGreaterThan(89 * 86_400_000);
  await writeImportParametersBundle(path.join(dir, 'params'), {
    ceremonyId: read.manifest.ceremonyId,
    ...(read.manifest.ceremony ? { ceremony: read.manifest.ceremony } : {}),
    keys,
  });
  digest = await readBundleDigest(path.join(dir, 'params'));
}, 120_000);

afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

describe("airgap wrap: each key's own planned expiry", () => {
  it('refuses without custody counting only the key whose own expiry is a moment', async () => {
    // On a workstation of its own (its folder): a journal of this ceremony beside the next wrap's would be named instead.
    await mkdir(path.join(dir, 'elsewhere'));
    const run = await keyferry(
      airgapWrapArgs({ out: 'refused', journal: path.join('elsewhere', 'refused.jsonl'), digest }, '--allow-network'),
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `The AES material of 1 key would expire in the KMS at ${formatUtc(new Date(in90Days))}`,
    );
  });

  it('wraps each key with its own expiry, the receipt shows each, and the KMS imports each as planned', async () => {
    const run = await keyferry(airgapWrapArgs({ digest }, '--no-backup', '--allow-network'), { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('WARNING: the wrapped bundle will request');
    expect(run.stdout).toContain('the AES material of 1 key is kept nowhere');
    const entries = await journalEntries(path.join(dir, 'airgap.jsonl'));
    expect(entries.map((e) => e.event)).not.toContain('expiry.plan-overridden');
    expect(entries.find((e) => e.event === 'material.no-backup-acknowledged')?.data).toMatchObject({
      keyIds: [keyIds.ninety],
      expiresAt: in90Days,
    });
    const wrapped = await readBundle(path.join(dir, 'wrapped'), { now: new Date() });
    if (wrapped.kind !== 'wrapped-material') throw new Error('not a wrapped-material bundle');
    expect(Object.fromEntries(wrapped.manifest.keys.map((k) => [k.keyId, k.materialExpiresAt]))).toEqual({
      [keyIds.ninety]: in90Days,
      [keyIds.never]: null,
    });
    const receipt = (await readdir(dir)).find((n) => n.startsWith('receipt-air-gapped-') && n.endsWith('.txt'));
    const text = await readFile(path.join(dir, receipt as string), 'utf8');
    const expiryOf = (keyId: string) => {
      const section = text.slice(text.indexOf(keyId));
      return /Material expiry[ .]+(.+)/.exec(section)?.[1]?.trim();
    };
    expect(expiryOf(keyIds.ninety)).toBe(formatUtc(new Date(in90Days)));
    expect(expiryOf(keyIds.never)).toBe('never');

    const digestOut = /bundle digest ([0-9A-F ]{79})/.exec(run.stdout)?.[1] as string;
    const imported = await keyferry(
      ['online', 'import', ...connection, '--bundle', path.join(dir, 'wrapped'), '--expect-digest', digestOut],
      { cwd: online, env },
    );
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const kms = new KmsClient({
      endpoint: sim.endpoint,
      projectId: sim.projectId,
      credentials: new AkSkCredentials({ accessKeyId: sim.ak, secretKey: sim.sk }),
    });
    // The KMS keeps whole seconds.
    expect((await kms.describeKey(keyIds.ninety)).materialExpiresAt?.getTime()).toBe(
      Math.floor(Date.parse(in90Days) / 1000) * 1000,
    );
    expect((await kms.describeKey(keyIds.never)).materialExpiresAt ?? null).toBeNull();
  });

  it('journals --expires as an override naming only the key whose plan it changes', async () => {
    // Another medium with the same parameters and no wrap of them beside it: a journal of its own
    // (beside the first wrap's bundle, parameters naming no journal are held to that wrap's).
    const second = path.join(dir, 'second');
    await mkdir(path.join(second, 'receipts-2'), { recursive: true });
    await cp(path.join(dir, 'params'), path.join(second, 'params'), { recursive: true });
    const run = await keyferry(
      airgapWrapArgs(
        { out: 'overridden', journal: 'overridden.jsonl', digest },
        '--expires',
        'never',
        '--allow-network',
        '--receipt-dir',
        'receipts-2',
      ),
      { cwd: second },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('WARNING: the wrapped bundle will request the AES material expiry never for 1 key');
    const overrides = (await journalEntries(path.join(dir, 'second', 'overridden.jsonl'))).filter(
      (e) => e.event === 'expiry.plan-overridden',
    );
    expect(overrides.map((e) => e.data)).toMatchObject([
      { planned: in90Days, requested: 'never', keyIds: [keyIds.ninety] },
    ]);
  });

  it("online params' Next hint names what the plan's AES expiry needs: refused unfilled, accepted filled in", async () => {
    const words = nextCommand(onPrintedMedia(paramsOutput));
    expect(words.slice(0, 2)).toEqual(['airgap', 'wrap']);
    expect(words.join(' ')).toContain('--custody M/N --custodian NAME --custodian-folder DIR');
    expect(paramsOutput).toContain(
      `The plan lets the AES material of 2 keys expire in the KMS (first at ${formatUtc(new Date(in90Days))})`,
    );
    const machine = path.join(dir, 'hint');
    await mkdir(machine);
    const confirms = ['--witness-confirms', `Ben=${paramsDigestFrom(paramsOutput)}`, '--allow-network'];
    const unfilled = await keyferry([...words, ...confirms], { cwd: machine });
    expect(unfilled.code).toBe(1);
    expect(unfilled.stderr).toContain('M/N');
    expect(await readdir(machine)).toEqual([]);
    const filled = words.flatMap((w) => {
      if (w === 'M/N') return ['2/2'];
      if (w === 'NAME') return ['Dana'];
      if (w === 'DIR') return ['custodian-dana', '--custodian', 'Eli', '--custodian-folder', 'custodian-eli'];
      return [w];
    });
    const run = await keyferry([...filled, ...confirms, '--shares-on-one-volume'], { cwd: machine });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /Custody copy: 2 of 2 shares, held by Dana, Eli, custody set [0-9A-F]{8} \(the tag in its share files’ names\)\./,
    );
  });
});
