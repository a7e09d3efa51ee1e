/**
 * The create form's plan file through the real router and handlers (online.read-plan): main reads
 * the JSON plan the CLI reads, with the CLI's loader and schema, and answers its keys and where it
 * differs from the setup; nothing is created. Broken plans are refused with the CLI's problems
 * (the field named), so are links and relative paths; the keys read create exactly those keys.
 */
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { examplePlan } from '../../../src-main/core/ceremony/shared/ceremony-plan';
import { translator } from '../../../src-main/i18n/translate';
import { problemSchema } from '../../../src-main/ipc/contract';
import { ninetyDayPlan } from '../../ui/expiry-plan';
import { createRecordedIpc, type RecordedIpc } from '../../ui/ipc-recorder';
import { call, value, type Answer } from './airgap-session';

const opened: RecordedIpc[] = [];
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((ipc) => ipc.close()));
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});

type Problem = Extract<Answer, { ok: false }>['problem'];
interface PlanKey {
  alias: string;
  spec: string;
  usage: string;
  replicas?: unknown[];
}
interface PlanFile {
  fileName: string;
  keys: PlanKey[];
  differences: unknown[];
}

/** A rehearsal (or another mode) set up by Ana with witness Ben, and a folder to write plan files into. */
async function setUp(mode: 'rehearsal' | 'air-gapped' = 'rehearsal', materialExpiry?: string) {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'keyferry-plan-file-'));
  folders.push(folder);
  const ipc = createRecordedIpc({ rehearsalRoot: folder });
  opened.push(ipc);
  await value(ipc, 'mode.choose', { mode });
  await value(ipc, 'ceremony.setup', {
    title: 'Payments keys 2026',
    operator: 'Ana',
    witnesses: ['Ben'],
    folder,
    ...(materialExpiry !== undefined ? { materialExpiry } : {}),
  });
  const planFile = async (name: string, plan: unknown) => {
    const file = path.join(folder, name);
    await writeFile(file, typeof plan === 'string' ? plan : JSON.stringify(plan, null, 2));
    return file;
  };
  const read = (file: string) => value<PlanFile>(ipc, 'online.read-plan', { file });
  /** The problem a refused read answers (the test fails if the read succeeds). */
  const refusal = async (file: string): Promise<Problem> => {
    const answer = await call(ipc, 'online.read-plan', { file });
    if (answer.ok) throw new Error(`read ${file}: not refused`);
    return answer.problem;
  };
  return { ipc, folder, planFile, read, refusal };
}

describe('online.read-plan', () => {
  it('answers the keys of the plan the CLI reads, with usage filled in, and what differs from the setup', async () => {
    const { ipc, planFile, read } = await setUp();
    expect(await read(await planFile('plan.json', examplePlan()))).toEqual({
      fileName: 'plan.json',
      keys: [
        {
          alias: 'payments/aes',
          spec: 'AES_256',
          usage: 'ENCRYPT_DECRYPT',
          description: 'Encrypts card data at rest',
          replicas: [],
        },
        { alias: 'payments/signing-rsa', spec: 'RSA_3072', usage: 'SIGN_VERIFY', description: '', replicas: [] },
        { alias: 'payments/signing-ec', spec: 'EC_P256', usage: 'SIGN_VERIFY', description: '', replicas: [] },
      ],
      // Same title; the example names other people (witnesses sorted, for the screen to list).
      differences: [
        { field: 'operator', plan: 'Ana Lima', setup: 'Ana' },
        { field: 'witnesses', plan: ['Ben Okafor', 'Chloé Martin'], setup: ['Ben'] },
      ],
    });
    // Reading is not creating: no simulator was started.
    expect(ipc.simulator()).toBeUndefined();
  });

  it('lists a different wrapping algorithm and a material expiry, and nothing when the plan agrees', async () => {
    const { planFile, read } = await setUp();
    const agreeing = {
      title: 'Payments keys 2026',
      operator: 'Ana',
      witnesses: ['Ben'],
      keys: [{ alias: 'a', spec: 'AES_256' }],
    };
    expect((await read(await planFile('same.json', agreeing))).differences).toEqual([]);
    const expiry = '2031-01-31T00:00:00.000Z';
    const other = { ...agreeing, wrappingAlgorithm: 'RSAES_OAEP_SHA_1', materialExpiry: expiry };
    expect((await read(await planFile('other.json', other))).differences).toEqual([
      { field: 'wrappingAlgorithm', plan: 'RSAES_OAEP_SHA_1', setup: 'RSAES_OAEP_SHA_256' },
      { field: 'materialExpiry', plan: expiry, setup: 'never' },
    ]);
  });

  it("fills the plan's material expiry into each AES key without its own where the setup's differs", async () => {
    const plan = ninetyDayPlan('Payments keys 2026');
    type Expiring = PlanKey & { materialExpiry?: string };
    // The setup says never: the plan's 90 days is listed and becomes the AES key's own; EC stays without.
    const never = await setUp();
    const before = Date.now();
    const read = await never.read(await never.planFile('ninety.json', plan));
    const [ninety, thirty, ec] = (read.keys as Expiring[]).map((k) => k.materialExpiry);
    expect(Date.parse(ninety ?? '')).toBeGreaterThanOrEqual(before + 90 * 86_400_000);
    expect(Date.parse(ninety ?? '')).toBeLessThanOrEqual(Date.now() + 90 * 86_400_000);
    expect(Date.parse(thirty ?? '') - Date.parse(ninety ?? '')).toBe(-60 * 86_400_000);
    expect(ec).toBeUndefined();
    expect(read.differences).toEqual([{ field: 'materialExpiry', plan: ninety, setup: 'never' }]);
    // The setup says 90d too: nothing differs and the key keeps the ceremony's (no own expiry).
    const same = await setUp('rehearsal', '90d');
    const agreed = await same.read(await same.planFile('ninety.json', plan));
    expect(agreed.differences).toEqual([]);
    expect((agreed.keys as Expiring[]).map((k) => k.materialExpiry !== undefined)).toEqual([false, true, false]);
  });

  it("a plan that does not say its material expiry leaves the setup's: nothing differs, nothing is filled in", async () => {
    const { planFile, read } = await setUp('rehearsal', '90d');
    const unsaid = {
      title: 'Payments keys 2026',
      operator: 'Ana',
      witnesses: ['Ben'],
      keys: [{ alias: 'a', spec: 'AES_256' }],
    };
    const answer = await read(await planFile('unsaid.json', unsaid));
    expect(answer.differences).toEqual([]);
    expect(answer.keys).toEqual([
      { alias: 'a', spec: 'AES_256', usage: 'ENCRYPT_DECRYPT', description: '', replicas: [] },
    ]);
  });

  it("reads a plan after the setup's expiry date-time has passed (checked when the setup was made)", async () => {
    const soon = new Date(Date.now() + 1500).toISOString();
    const { planFile, read } = await setUp('rehearsal', soon);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const plan = await read(await planFile('plan.json', examplePlan()));
    expect(plan.keys.map((k) => k.alias)).toContain('payments/aes');
  });

  it("answers each key's replicas (region and project) and refuses a replica listed twice", async () => {
    const { planFile, read, refusal } = await setUp();
    const east = { region: 'cn-east-3', projectId: 'a4a5d4098fb4474fa22cd05f897d6b99' };
    const south = { region: 'cn-south-1', projectId: '0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e' };
    const plan = { ...examplePlan(), keys: [{ alias: 'dr/aes', spec: 'AES_256', replicas: [east, south] }] };
    expect((await read(await planFile('replicas.json', plan))).keys).toEqual([
      { alias: 'dr/aes', spec: 'AES_256', usage: 'ENCRYPT_DECRYPT', description: '', replicas: [east, south] },
    ]);
    const twice = { ...plan, keys: [{ alias: 'dr/aes', spec: 'AES_256', replicas: [east, east] }] };
    const refused = await refusal(await planFile('twice.json', twice));
    expect(refused.code).toBe('PLAN_INVALID');
    expect(translator('en').problem(problemSchema.parse(refused)).message).toContain('keys[0].replicas[1]');
  });

  it("keeps each AES key's own material expiry from the plan to the keys created, and refuses one for an EC key", async () => {
    const { ipc, planFile, read } = await setUp();
    const at = '2031-01-31T00:00:00.000Z';
    const plan = {
      title: 'Payments keys 2026',
      operator: 'Ana',
      witnesses: ['Ben'],
      keys: [
        { alias: 'pk/thirty', spec: 'AES_256', materialExpiry: '30d' },
        { alias: 'pk/dated', spec: 'AES_256', materialExpiry: at },
        { alias: 'pk/plain', spec: 'AES_256' },
        { alias: 'pk/ec', spec: 'EC_P256' },
      ],
    };
    const before = Date.now();
    const planned = (await read(await planFile('expiries.json', plan))).keys as (PlanKey & {
      materialExpiry?: string;
    })[];
    const thirty = Date.parse(planned[0]?.materialExpiry ?? '');
    expect(thirty - before).toBeGreaterThanOrEqual(30 * 86_400_000);
    expect(thirty - Date.now()).toBeLessThanOrEqual(30 * 86_400_000);
    expect(planned.map((k) => k.materialExpiry)).toEqual([planned[0]?.materialExpiry, at, undefined, undefined]);
    await value(ipc, 'rehearsal.start');
    const created = (
      await value<{ keys: { alias: string; materialExpiry: string }[] }>(ipc, 'online.create-keys', { keys: planned })
    ).keys;
    expect(created.map((k) => [k.alias, k.materialExpiry])).toEqual([
      ['pk/thirty', planned[0]?.materialExpiry],
      ['pk/dated', at],
      ['pk/plain', 'never'],
      ['pk/ec', 'never'],
    ]);
    // An expiry for an EC key is refused with the plan's rule, naming the field, before any key exists.
    const other = await setUp();
    await value(other.ipc, 'rehearsal.start');
    const refused = await call(other.ipc, 'online.create-keys', {
      keys: [{ alias: 'pk/ec', spec: 'EC_P256', materialExpiry: '30d' }],
    });
    if (refused.ok) throw new Error('an EC key with a material expiry was created');
    expect(refused.problem.code).toBe('PLAN_INVALID');
    expect(translator('en').problem(problemSchema.parse(refused.problem)).message).toContain('keys[0].materialExpiry');
  });

  it('refuses a broken plan with the field named, in both languages, as the CLI does', async () => {
    const { planFile, refusal } = await setUp();
    const bad = await refusal(
      await planFile('bad.json', { ...examplePlan(), keys: [{ alias: 'x', spec: 'AES_512' }] }),
    );
    expect(bad.code).toBe('PLAN_INVALID');
    const shown = problemSchema.parse(bad);
    expect(translator('en').problem(shown).message).toContain('keys[0].spec');
    expect(translator('zh-CN').problem(shown).message).toContain('keys[0].spec');
    expect((await refusal(await planFile('torn.json', '{"title": "Pay'))).code).toBe('PLAN_NOT_JSON');
  });

  it('refuses a link, a missing file and a relative path; outside the online side it refuses too', async () => {
    const { folder, planFile, refusal } = await setUp();
    const link = path.join(folder, 'link.json');
    await symlink(await planFile('plan.json', examplePlan()), link);
    expect(await refusal(link)).toMatchObject({ code: 'INPUT_FILE_UNREADABLE', values: { reason: 'link' } });
    expect(await refusal(path.join(folder, 'none.json'))).toMatchObject({
      code: 'INPUT_FILE_UNREADABLE',
      values: { reason: 'missing' },
    });
    expect((await refusal('plan.json')).code).toBe('IPC_BAD_REQUEST');
    const air = await setUp('air-gapped');
    expect((await air.refusal(await air.planFile('plan.json', examplePlan()))).code).toBe('MODE_WRONG');
  });

  it('creates exactly the keys read from the plan', async () => {
    const { ipc, planFile, read } = await setUp();
    const planned = (await read(await planFile('plan.json', examplePlan()))).keys;
    await value(ipc, 'rehearsal.start');
    const created = (
      await value<{ keys: (PlanKey & { keyId: string })[] }>(ipc, 'online.create-keys', { keys: planned })
    ).keys;
    const shape = ({ alias, spec, usage }: PlanKey) => ({ alias, spec, usage });
    expect(created.map(shape)).toEqual(planned.map(shape));
    // The KMS holds them under those aliases and specs, waiting for their material.
    const listed = await value<{ keys: { keyId: string; alias: string; spec: string }[] }>(ipc, 'online.list-keys', {
      filter: 'pending-import',
    });
    const byAlias = (a: { alias: string }, b: { alias: string }) => a.alias.localeCompare(b.alias);
    expect(listed.keys.map(({ alias, spec }) => ({ alias, spec })).sort(byAlias)).toEqual(
      created.map(({ alias, spec }) => ({ alias, spec })).sort(byAlias),
    );
  });
});
