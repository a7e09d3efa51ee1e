/**
 * A create step that stops part way (Ctrl-C, a lost answer, a KMS refusal) and is run again: the
 * ceremony stays at its start until every planned key exists, the second run creates only what is
 * missing and takes back a key the KMS created for the stopped attempt, and an alias held by a key
 * this ceremony did not create is refused before anything is created.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixture, type Fixture } from '../ceremony-fixture';
import { keyUnderAlias } from '../../../../src-main/core/ceremony/online/planned-keys';
import { KeyState, type KmsKeyInfo } from '../../../../src-main/core/kms/types';
import { toProblem } from '../../../../src-main/core/errors';
import { translator } from '../../../../src-main/i18n/translate';
import { utcInMessage } from '../../../../src-main/i18n/message-formats';
import type { CeremonyPlan } from '../../../../src-main/core/ceremony/shared/ceremony-plan';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture({ concurrency: 1 });
});
afterEach(async () => {
  await f.close();
});

const aliasesInKms = async () => (await f.kms.listKeys()).map((k) => k.alias).sort();

/** A first run of `plan` that the KMS stops before the key after the first `created`. */
async function stoppedAfter(plan: CeremonyPlan, created: number) {
  const firstJournal = await f.journal('online.jsonl');
  const first = await f.online(firstJournal, plan);
  await first.connect();
  f.sim.faults.failWith('create-key', 500, 'before', 1, created);
  await expect(first.createKeys(plan.keys)).rejects.toThrow();
  return { first, firstJournal };
}

/** The create step run again on the ceremony's journal with `other`: what it threw. */
async function runAgain(other: CeremonyPlan): Promise<unknown> {
  const journal = await f.journal('online.jsonl');
  const again = await f.online(journal, other);
  await again.connect();
  const error = await again.createKeys(other.keys).catch((e: unknown) => e);
  await journal.close();
  return error;
}

/** The journal's failed steps refused with `code`. */
async function stepsFailedWith(code: string) {
  return (await readFile(path.join(f.dir, 'online.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { event: string; data: Record<string, unknown> })
    .filter((e) => e.event === 'step.failed' && e.data['code'] === code);
}

/** A run with `plan` on the ceremony's journal creates every planned key: the ceremony continues. */
async function expectToContinueWith(plan: CeremonyPlan) {
  const journal = await f.journal('online.jsonl');
  const same = await f.online(journal, plan);
  await same.connect();
  expect((await same.createKeys(plan.keys)).map((k) => k.alias)).toEqual(plan.keys.map((k) => k.alias));
}

describe('a create step run again after it stopped part way', () => {
  it('creates only the missing keys and journals the one the KMS made before the stop, once', async () => {
    const plan = f.plan(['AES_256', 'EC_P256', 'AES_256', 'RSA_2048']);
    const journal = await f.journal('online.jsonl');
    const first = await f.online(journal, plan);
    await first.connect();
    // The third create-key takes effect in the KMS, but its answer is lost: the step stops there.
    f.sim.faults.failWith('create-key', 500, 'after', 1, 2);
    await expect(first.createKeys(plan.keys)).rejects.toThrow();
    expect(first.keys().map((k) => k.alias)).toEqual(plan.keys.slice(0, 2).map((k) => k.alias));
    expect(await aliasesInKms()).toEqual(
      plan.keys
        .slice(0, 3)
        .map((k) => k.alias)
        .sort(),
    );
    await journal.close();

    // Another session: nothing may run with part of the plan.
    const again = await f.online(await f.journal('online.jsonl'), plan);
    await again.connect();
    expect(again.step).toBe('new');
    await expect(again.fetchParameters()).rejects.toMatchObject({ code: 'CEREMONY_STEP_OUT_OF_ORDER' });

    const created = await again.createKeys(plan.keys);
    expect(created.map((k) => k.alias)).toEqual(plan.keys.map((k) => k.alias));
    expect(again.step).toBe('keys-created');
    // One key per alias in the KMS: the third was taken back, not created a second time.
    expect(await aliasesInKms()).toEqual(plan.keys.map((k) => k.alias).sort());
    const inKms = new Map((await f.kms.listKeys()).map((k) => [k.alias, k.keyId]));
    expect(created.map((k) => k.keyId)).toEqual(plan.keys.map((k) => inKms.get(k.alias)));
    const entries = (await readFile(path.join(f.dir, 'online.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string; data: Record<string, unknown> });
    const found = entries.filter((e) => e.event === 'key.created' && e.data['foundInKms'] === true);
    expect(found.map((e) => e.data['alias'])).toEqual([plan.keys[2]?.alias]);
    expect(entries.filter((e) => e.event === 'keys.planned')).toHaveLength(2);
    await again.fetchParameters();
  });

  it('journals a failed look-up of the keys the KMS holds as list-keys, not as a create-key', async () => {
    const plan = f.plan(['AES_256']);
    const journal = await f.journal('online.jsonl');
    const online = await f.online(journal, plan);
    await online.connect();
    f.sim.faults.failWith('list-keys', 500, 'before');
    await expect(online.createKeys(plan.keys)).rejects.toThrow();
    expect(await aliasesInKms()).toEqual([]);
    const failed = (await readFile(path.join(f.dir, 'online.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string; data: Record<string, unknown> })
      .filter((e) => e.event === 'step.failed');
    expect(failed.map((e) => e.data['step'])).toEqual(['list-keys']);
  });

  it('refuses a plan that leaves out a key the ceremony created, before creating anything', async () => {
    const plan = f.plan(['AES_256', 'EC_P256', 'AES_256']);
    const { first } = await stoppedAfter(plan, 2);
    const dropped = { ...plan, keys: plan.keys.slice(1) };
    const error = await first.createKeys(dropped.keys).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PLAN_DROPS_CREATED_KEY', values: { alias: plan.keys[0]?.alias } });
    expect(await aliasesInKms()).toEqual(
      plan.keys
        .slice(0, 2)
        .map((k) => k.alias)
        .sort(),
    );
    // The same plan continues.
    expect((await first.createKeys(plan.keys)).map((k) => k.alias)).toEqual(plan.keys.map((k) => k.alias));
  });

  it('refuses a run again with another title, wrapping algorithm or AES key expiry, naming both values and journaled', async () => {
    const plan = f.plan(['AES_256', 'EC_P256', 'AES_256']);
    const { firstJournal } = await stoppedAfter(plan, 2);
    await firstJournal.close();
    expect(await runAgain({ ...plan, title: 'Another title' })).toMatchObject({
      code: 'START_DIFFERS_FROM_JOURNAL',
      values: { field: 'title', journaled: plan.title, given: 'Another title' },
    });
    expect(await runAgain({ ...plan, wrappingAlgorithm: 'RSAES_OAEP_SHA_1' })).toMatchObject({
      values: { field: 'wrappingAlgorithm', journaled: 'RSAES_OAEP_SHA_256', given: 'RSAES_OAEP_SHA_1' },
    });
    const at = new Date(Date.now() + 30 * 86_400_000);
    const keys = plan.keys.map((k, i) => (i === 0 ? { ...k, materialExpiry: { kind: 'at', at } as const } : k));
    const keyExpiry = await runAgain({ ...plan, keys });
    expect(keyExpiry).toMatchObject({
      values: { field: 'materialExpiry', alias: plan.keys[0]?.alias, journaled: 'never', given: at.toISOString() },
    });
    const { message } = translator('en').problem(toProblem(keyExpiry));
    expect(message).toBe(
      `This ceremony was started with the material expiry of key ${plan.keys[0]?.alias} never, and this run gives ${utcInMessage('en', at)}. The journal’s value stays; nothing was created.`,
    );
    // In Chinese the expiry is a Chinese date in UTC, not an ISO timestamp.
    const zh = translator('zh-CN').problem(toProblem(keyExpiry)).message;
    expect(zh).toContain(`而本次运行给出的是${utcInMessage('zh-CN', at)}。`);
    expect(zh).not.toMatch(/\d{4}-\d\d-\d\dT/);
    expect(await stepsFailedWith('START_DIFFERS_FROM_JOURNAL')).toHaveLength(3);
    expect(await aliasesInKms()).toEqual(
      plan.keys
        .slice(0, 2)
        .map((k) => k.alias)
        .sort(),
    );
    // The plan the ceremony started with continues.
    await expectToContinueWith(plan);
  });

  it('refuses a run again by another operator or other witnesses, naming both, and creates nothing', async () => {
    const plan = f.plan(['AES_256', 'AES_256']);
    const { firstJournal } = await stoppedAfter(plan, 1);
    await firstJournal.close();
    const byDee = await runAgain({ ...plan, operator: 'Dee' });
    expect(byDee).toMatchObject({ code: 'PEOPLE_DIFFER_FROM_JOURNAL', values: { role: 'operator' } });
    expect(translator('en').problem(toProblem(byDee)).message).toMatch(
      /^This ceremony was started with operator Ana, and this run names Dee\./,
    );
    const otherWitnesses = await runAgain({ ...plan, witnesses: ['Ben', 'Eve'] });
    expect(otherWitnesses).toMatchObject({ code: 'PEOPLE_DIFFER_FROM_JOURNAL', values: { role: 'witnesses' } });
    expect(translator('zh-CN').problem(toProblem(otherWitnesses)).message).toMatch(
      /^本仪式开始时的见证人是 Ben、Chloé，而本次运行给出的是 Ben、Eve。/,
    );
    expect(await stepsFailedWith('PEOPLE_DIFFER_FROM_JOURNAL')).toHaveLength(2);
    expect(await aliasesInKms()).toEqual([plan.keys[0]?.alias]);
    // The same people, the witnesses named in another order, continue.
    await expectToContinueWith({ ...plan, witnesses: [...plan.witnesses].reverse() });
  });

  it('refuses, in a new journal, the keys another journal created minutes ago (a slip of --journal, or another team planning the same alias)', async () => {
    const plan = f.plan(['AES_256', 'EC_P256']);
    const first = await f.online(await f.journal('online.jsonl'), plan);
    await first.connect();
    const theirs = await first.createKeys(plan.keys);
    // The same plan under another journal name, moments later: the keys are external, Pending import, just created.
    const other = await f.online(await f.journal('online-typo.jsonl'), plan);
    await other.connect();
    const error = await other.createKeys(plan.keys).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'KEY_ALIAS_TAKEN', values: { keyId: theirs[0]?.keyId } });
    expect(other.keys()).toEqual([]);
    const entries = (await readFile(path.join(f.dir, 'online-typo.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string });
    expect(entries.filter((e) => e.event === 'key.created')).toEqual([]);
    expect((await f.kms.listKeys()).map((k) => k.keyId).sort()).toEqual(theirs.map((k) => k.keyId).sort());
  });

  it('refuses, in a run again, a key another journal created under an alias this journal planned but never sent', async () => {
    const plan = f.plan(['AES_256', 'AES_256', 'AES_256']);
    // This ceremony's first run stops at its second create (refused before anything is made): the third is never sent.
    await (await stoppedAfter(plan, 1)).firstJournal.close();
    // Meanwhile another team creates a key under the third alias, with a journal of its own.
    const theirs = await f.online(await f.journal('their.jsonl'), f.plan(['AES_256']));
    const alias = plan.keys[2]?.alias as string;
    await theirs.connect();
    const [their] = await theirs.createKeys([{ ...(plan.keys[2] as CeremonyPlan['keys'][number]), alias }]);
    // The run again creates the second key, and refuses to take the third: this journal never sent its create.
    const error = await runAgain(plan);
    expect(error).toMatchObject({ code: 'KEY_ALIAS_TAKEN', values: { alias, keyId: their?.keyId } });
    expect((await f.kms.listKeys()).filter((k) => k.alias === alias)).toHaveLength(1);
  });

  it('refuses an alias a key of another origin holds, naming it, before any key is created', async () => {
    const plan = f.plan(['AES_256', 'AES_256']);
    const taken = await f.kms.createKey({ alias: plan.keys[1]?.alias as string, spec: 'AES_256', origin: 'kms' });
    const online = await f.online(await f.journal('online.jsonl'), plan);
    await online.connect();
    const error = await online.createKeys(plan.keys).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'KEY_ALIAS_TAKEN', values: { keyId: taken.keyId, origin: 'kms' } });
    const { message } = translator('zh-CN').problem(toProblem(error));
    expect(message).toContain(`别名 ${plan.keys[1]?.alias} 在 KMS 中已被密钥 ${taken.keyId} 使用（启用`);
    expect(online.keys()).toEqual([]);
    expect((await f.kms.listKeys()).map((k) => k.keyId)).toEqual([taken.keyId]);
    // Journaled as the create step refused, so the receipt's Deviations say it.
    expect(await stepsFailedWith('KEY_ALIAS_TAKEN')).toHaveLength(1);
  });

  it('names every alias of the plan another key holds, at once', async () => {
    const plan = f.plan(['AES_256', 'AES_256', 'AES_256']);
    const aliases = plan.keys.map((k) => k.alias);
    for (const alias of aliases.slice(0, 2)) await f.kms.createKey({ alias, spec: 'AES_256', origin: 'kms' });
    const online = await f.online(await f.journal('online.jsonl'), plan);
    await online.connect();
    const error = await online.createKeys(plan.keys).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'KEY_ALIAS_TAKEN', values: { alias: aliases[0], more: 1 } });
    expect(translator('en').problem(toProblem(error)).message).toContain(
      `The alias ${aliases[1]} of the plan is taken by another key too. Nothing was created.`,
    );
    expect((await f.kms.listKeys()).map((k) => k.alias).sort()).toEqual(aliases.slice(0, 2).sort());
  });
});

describe('which key under a planned alias a stopped attempt left', () => {
  const startedAt = new Date('2026-12-01T10:00:00Z');
  const key = { alias: 'payments/aes', spec: 'AES_256', usage: 'ENCRYPT_DECRYPT', description: 'Card data' } as const;
  const info = (over: Partial<KmsKeyInfo>): KmsKeyInfo => ({
    keyId: 'k-1',
    alias: key.alias,
    spec: 'AES_256',
    usage: 'ENCRYPT_DECRYPT',
    origin: 'external',
    state: KeyState.PendingImport,
    stateName: 'Pending import',
    createdAt: new Date('2026-12-01T10:01:00Z'),
    ...over,
  });

  it('refuses one with no creation date', () => {
    const { createdAt: _none, ...undated } = info({});
    expect(keyUnderAlias([undated], key, startedAt)).toEqual({ taken: undated });
  });

  it('refuses even a fitting key when this journal sent no create for its alias', () => {
    expect(keyUnderAlias([info({})], key, undefined).taken?.keyId).toBe('k-1');
  });

  it('takes back an external Pending import key of the same spec and usage created since the start', () => {
    expect(keyUnderAlias([info({})], key, startedAt).found?.keyId).toBe('k-1');
    expect(keyUnderAlias([info({ alias: 'other' })], key, startedAt)).toEqual({});
  });

  it.each([
    ['created an hour before the ceremony', { createdAt: new Date('2026-12-01T09:00:00Z') }],
    ['already holding material', { state: KeyState.Enabled, stateName: 'Enabled' }],
    ['of another spec', { spec: 'AES_128' }],
    ['of another usage', { usage: 'SIGN_VERIFY' }],
    ['with another description', { description: 'Another team’s key' }],
  ])('refuses one %s', (_why, over) => {
    expect(keyUnderAlias([info(over as Partial<KmsKeyInfo>)], key, startedAt).taken?.keyId).toBe('k-1');
  });
});
