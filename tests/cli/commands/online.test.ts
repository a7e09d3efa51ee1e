import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKmsSimulator, type KmsSimulator } from '../../../src-main/core/kms-simulator/index';
import { keyferry } from '../../integration/cli-in-process';

let dir: string;
let sim: KmsSimulator;
let where: string[];
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-online-'));
  sim = await startKmsSimulator();
  where = ['--endpoint', sim.endpoint, '--region', sim.region, '--project-id', sim.projectId];
  env = { KEYFERRY_AK: sim.ak, KEYFERRY_SK: sim.sk };
});
afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

let aliases = 0;
const oneKey = () => ['--alias', `cli/aes-${++aliases}`, '--spec', 'aes_256', '--operator', 'Ana', '--witness', 'Ben'];

describe('keyferry online: credentials', () => {
  it('never takes credentials from the command line', async () => {
    const run = await keyferry(['online', 'status', '--journal', 'j.jsonl', ...where, '--sk', sim.sk], {
      cwd: dir,
      env,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/keyferry online status: This command has no option --sk\./);
    expect(run.stderr).not.toContain(sim.sk);
  });

  it('says where credentials come from when none are set, and refuses half a pair', async () => {
    // create-key: the one step that may name a journal that does not exist yet (the others say so first).
    const none = await keyferry(['online', 'create-key', '--journal', 'j.jsonl', ...oneKey(), ...where], {
      cwd: dir,
      env: {},
    });
    expect(none.stderr).toMatch(/No KMS credentials were given\. Set KEYFERRY_AK and KEYFERRY_SK/);
    const half = await keyferry(['online', 'create-key', '--journal', 'j.jsonl', ...oneKey(), ...where], {
      cwd: dir,
      env: { KEYFERRY_AK: sim.ak },
    });
    expect(half.stderr).toMatch(/Only half of the AK\/SK pair/);
  });

  it('refuses a config file others can read, and uses it (here with an IAM token) once it is private', async () => {
    const config = path.join(dir, 'kms.json');
    await writeFile(
      config,
      JSON.stringify({
        endpoint: sim.endpoint,
        region: sim.region,
        projectId: sim.projectId,
        iamToken: sim.issueIamToken(),
      }),
    );
    await chmod(config, 0o644);
    const open = await keyferry(['online', 'create-key', '--journal', 'cfg.jsonl', '--config', config, ...oneKey()], {
      cwd: dir,
      env: {},
    });
    expect(open.code).toBe(1);
    expect(open.stderr).toMatch(/can be read by other users \(mode 644\).*chmod 600/);
    await chmod(config, 0o600);
    const run = await keyferry(['online', 'create-key', '--journal', 'cfg.jsonl', '--config', config, ...oneKey()], {
      cwd: dir,
      env: {},
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/credentials from the config file/);
    expect(await readFile(path.join(dir, 'cfg.jsonl'), 'utf8')).not.toContain('iamToken');
  });

  it("refuses a --config region or project that differs from the journal's, naming the file (never replaced silently)", async () => {
    const start = await keyferry(['online', 'create-key', '--journal', 'cfg-region.jsonl', ...where, ...oneKey()], {
      cwd: dir,
      env,
    });
    expect(start.code).toBe(0);
    /** `online status` of the ceremony with the config file `name` holding `config`. */
    const statusWith = async (name: string, config: Record<string, string>, lang?: string) => {
      await writeFile(path.join(dir, name), JSON.stringify(config), { mode: 0o600 });
      return keyferry(['online', 'status', '--journal', 'cfg-region.jsonl', '--config', path.join(dir, name)], {
        cwd: dir,
        env: lang ? { ...env, LANG: lang } : env,
      });
    };
    const region = await statusWith('other-region.json', { region: 'ap-southeast-1' });
    expect(region.code).toBe(1);
    expect(region.stderr).toContain(
      `records --region ${sim.region} for this ceremony, but this command was given ap-southeast-1 (from "region" in the config file other-region.json)`,
    );
    const otherProject = { projectId: 'a4a5d4098fb4474fa22cd05f897d6b99' };
    const projectRun = await statusWith('other-project.json', otherProject);
    expect(projectRun.code).toBe(1);
    expect(projectRun.stderr).toContain(
      'a4a5d4098fb4474fa22cd05f897d6b99 (from "projectId" in the config file other-project.json)',
    );
    const projectZh = await statusWith('other-project.json', otherProject, 'zh_CN.UTF-8');
    expect(projectZh.stderr).toContain(
      '但本命令给出的是 a4a5d4098fb4474fa22cd05f897d6b99（来自配置文件 other-project.json 中的“projectId”）。',
    );
    // The same region in the config file: the journal's connection is used for the rest.
    const ok = await statusWith('same-region.json', { region: sim.region });
    expect(ok.stderr).toBe('');
    // Nothing imported yet: not finished, nothing wrong.
    expect(ok.code).toBe(3);
  });

  it("refuses a config file with unknown or invalid fields, naming them in the reader's language", async () => {
    const config = path.join(dir, 'bad.json');
    await writeFile(config, JSON.stringify({ region: 'x', password: 'y' }), { mode: 0o600 });
    const run = await keyferry(['online', 'create-key', '--journal', 'j.jsonl', '--config', config, ...oneKey()], {
      cwd: dir,
      env: {},
    });
    expect(run.stderr).toContain(`The config file ${config} has invalid fields: region, password.`);
    // Named from the catalogue in the officer's language, never in zod's English ("Unrecognized key").
    const zh = await keyferry(['online', 'create-key', '--journal', 'j.jsonl', '--config', config, ...oneKey()], {
      cwd: dir,
      env: { LANG: 'zh_CN.UTF-8' },
    });
    expect(zh.stderr).toContain(`配置文件 ${config} 的字段 region、password 无效。`);
  });
});

describe('keyferry online: steps in order', () => {
  it('refuses params before create-key, a second create-key, and delete-material without --yes', async () => {
    const early = await keyferry(['online', 'params', '--journal', 'order.jsonl', ...where, '--out', 'p'], {
      cwd: dir,
      env,
    });
    expect(early.stderr).toMatch(/order\.jsonl does not exist, so there is no ceremony to continue/);
    const key = oneKey();
    const created = await keyferry(['online', 'create-key', '--journal', 'order.jsonl', ...where, ...key], {
      cwd: dir,
      env,
    });
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/cli\/aes-\d+\s+AES_256\s+ENCRYPT_DECRYPT\s+never\s+[0-9a-f-]{36}/);
    // The Next line puts the parameters bundle on the removable media, named by its placeholder, never the working folder.
    expect(created.stdout).toMatch(
      /^Next, onto the removable media \(MEDIA: its folder as this workstation mounts it, e\.g\. \/media\/usb\): keyferry online params .* --out MEDIA\/import-parameters-KF-\S+$/m,
    );
    // The same key again (another one would be refused as a key added too late: planned-keys.too-late.test.ts).
    const again = await keyferry(['online', 'create-key', '--journal', 'order.jsonl', ...where, ...key], {
      cwd: dir,
      env,
    });
    expect(again.stderr).toMatch(
      /Cannot create keys now: the online ceremony is at step “keys created”\. Fetch the import parameters next/,
    );
    const importEarly = await keyferry(
      ['online', 'import', '--journal', 'order.jsonl', ...where, '--bundle', 'w', '--expect-digest', 'ab'.repeat(32)],
      { cwd: dir, env },
    );
    expect(importEarly.stderr).toMatch(/Cannot check the wrapped-material bundle now/);
    const del = await keyferry(['online', 'delete-material', '--journal', 'order.jsonl', ...where, '--key-id', 'k'], {
      cwd: dir,
      env,
    });
    // The first refusal already names everything the delete will ask for, not one option per try.
    expect(del.stderr).toMatch(
      /Add --yes to confirm, and --acknowledge-loss once you have read what the run with --yes says/,
    );
    expect(del.stderr).toContain('--confirm-key-id with the key ID typed again');
    const unacknowledged = await keyferry(
      ['online', 'delete-material', '--journal', 'order.jsonl', ...where, '--key-id', 'k', '--yes'],
      { cwd: dir, env },
    );
    expect(unacknowledged.code).toBe(1);
    // No such key, and nothing imported yet: said before any acknowledgement is asked for.
    expect(unacknowledged.stderr).toContain(
      'Key k is not a key of this ceremony. Nothing was deleted. No key of this ceremony holds imported material the KMS lets delete (AES keys only).',
    );
    const params = await keyferry(['online', 'params', '--journal', 'order.jsonl', ...where, '--out', 'params'], {
      cwd: dir,
      env,
    });
    expect(params.code).toBe(0);
    expect(params.stdout).toMatch(/^ {4}([0-9A-F]{4} ){15}[0-9A-F]{4}$/m);
    const status = await keyferry(['online', 'status', '--journal', 'order.jsonl', ...where], { cwd: dir, env });
    expect(status.stdout).toMatch(/Pending import/);
    expect(status.stdout).toMatch(/Nothing imported yet \(ceremony step: import-parameters bundle written\)/);
  });

  it('run again after a stop, says what this run created, what it found a stopped attempt had created, and what was there', async () => {
    await writeFile(
      path.join(dir, 'three.json'),
      JSON.stringify({
        title: 'Three',
        operator: 'Ana',
        witnesses: ['Ben'],
        keys: ['one', 'two', 'three'].map((n) => ({ alias: `again/${n}`, spec: 'AES_256' })),
      }),
    );
    const create = ['online', 'create-key', '--journal', 'again.jsonl', '--plan', 'three.json', '--concurrency', '1'];
    // The second create takes effect in the KMS and its answer is lost: the run stops there.
    sim.faults.failWith('create-key', 500, 'after', 1, 1);
    const stopped = await keyferry([...create, ...where], { cwd: dir, env });
    expect(stopped.code).not.toBe(0);
    const again = await keyferry([...create, ...where], { cwd: dir, env });
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      'The plan’s 3 keys exist in the KMS, Pending import: 1 created by this run, 1 found where a stopped attempt created it, 1 created by an earlier run.',
    );
  });

  it('--example-plan prints a plan that, saved and used as printed, creates its keys', async () => {
    const example = await keyferry(['online', 'create-key', '--example-plan'], { cwd: dir, env: {} });
    expect(example.stderr).toBe('');
    expect(example.code).toBe(0);
    await writeFile(path.join(dir, 'example-plan.json'), `${example.stdout}\n`);
    const created = await keyferry(
      ['online', 'create-key', '--journal', 'example.jsonl', '--plan', 'example-plan.json', ...where],
      { cwd: dir, env },
    );
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('The plan’s 3 keys exist in the KMS, Pending import: 3 created by this run.');
    // One counted line per key as its calls finish (several keys run at once).
    for (const n of [1, 2, 3]) expect(created.stdout).toMatch(new RegExp(`^  \\[${n}/3\\] Creating \\S+ key `, 'm'));
    const help = await keyferry(['online', 'create-key', '--help'], { cwd: dir, env: {} });
    // --title names a ceremony made from options; no bundle is read here.
    expect(help.stdout).toContain('names the ceremony, without --plan (default: "Import of" and the key’s alias)');
    for (const field of ['title', 'witnesses', 'materialExpiry', 'keys[].spec', 'keys[].usage'])
      expect(help.stdout).toMatch(new RegExp(`^  ${field.replace(/[[\].]/g, '\\$&')} +\\S`, 'm'));
  });

  it('a plan without "materialExpiry" says its AES keys get the default, not the plan\'s word', async () => {
    const plan = {
      title: 'Unsaid',
      operator: 'Ana',
      witnesses: ['Ben'],
      keys: [{ alias: 'unsaid/aes', spec: 'AES_256' }],
    };
    await writeFile(path.join(dir, 'plan-unsaid.json'), JSON.stringify(plan));
    const created = await keyferry(
      ['online', 'create-key', '--journal', 'unsaid.jsonl', '--plan', 'plan-unsaid.json', ...where],
      { cwd: dir, env },
    );
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain(
      'The plan does not say "materialExpiry": the AES material of 1 key never expires (the default, not the plan’s word).',
    );
  });

  it('a plan\'s "materialExpiry": "90d" is journaled as the absolute time at key creation; --expires "3 months" is refused naming both forms', async () => {
    await writeFile(
      path.join(dir, 'plan-90d.json'),
      JSON.stringify({
        title: 'Ninety days',
        operator: 'Ana',
        witnesses: ['Ben'],
        materialExpiry: '90d',
        keys: [{ alias: 'ninety/aes', spec: 'AES_256' }],
      }),
    );
    const before = Date.now();
    const created = await keyferry(
      ['online', 'create-key', '--journal', 'ninety.jsonl', '--plan', 'plan-90d.json', ...where],
      {
        cwd: dir,
        env,
      },
    );
    const after = Date.now();
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).not.toContain('does not say "materialExpiry"');
    const started = (await readFile(path.join(dir, 'ninety.jsonl'), 'utf8'))
      .split('\n')
      .map((l) => (l ? (JSON.parse(l) as { event: string; data: { expiry?: string } }) : undefined))
      .find((e) => e?.event === 'ceremony.started');
    const expiry = Date.parse(started?.data.expiry ?? '');
    expect(started?.data.expiry).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(expiry).toBeGreaterThanOrEqual(before + 90 * 86_400_000);
    expect(expiry).toBeLessThanOrEqual(after + 90 * 86_400_000);
    const refused = await keyferry(
      ['online', 'create-key', '--journal', 'months.jsonl', ...where, ...oneKey(), '--expires', '3 months'],
      { cwd: dir, env },
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--expires "3 months" is not "never", a duration or a date-time with its zone.');
    expect(refused.stderr).toContain('90d');
  });

  it('refuses a plan without witnesses and a key spec the KMS cannot import', async () => {
    const noWitness = await keyferry(
      [
        'online',
        'create-key',
        '--journal',
        'w.jsonl',
        ...where,
        '--alias',
        'a',
        '--spec',
        'AES_256',
        '--operator',
        'Ana',
      ],
      { cwd: dir, env },
    );
    expect(noWitness.stderr).toContain('No witness was named. Name every witness with --witness NAME.');
    const hmac = await keyferry(
      [
        'online',
        'create-key',
        '--journal',
        'w.jsonl',
        ...where,
        '--alias',
        'a',
        '--spec',
        'HMAC_256',
        '--operator',
        'Ana',
        '--witness',
        'Ben',
      ],
      { cwd: dir, env },
    );
    expect(hmac.code).toBe(1);
    expect(hmac.stderr).toMatch(/--spec: not one of the allowed values/);
  });
});
