/**
 * A plan edited after the ceremony's keys were created and its parameters fetched (a key added, an
 * alias renamed), given to the create step again: the step is refused as out of order whatever the
 * plan, but the refusal must first say that the plan differs, naming the keys it adds, or the
 * officer goes on believing those keys are part of the ceremony. The same plan gets the usual
 * out-of-order refusal. Real simulator, real journal.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixture, type Fixture } from '../ceremony-fixture';
import { KeyferryError, toProblem } from '../../../../src-main/core/errors';
import { requireCreateStep } from '../../../../src-main/core/ceremony/online/planned-keys';
import { replayOnlineJournal } from '../../../../src-main/core/ceremony/online/state';
import { translator } from '../../../../src-main/i18n/translate';
import type { CeremonyPlan } from '../../../../src-main/core/ceremony/shared/ceremony-plan';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

/** `plan`'s keys created and their parameters fetched; then the create step run with `edited`: what it threw. */
async function createAgainPastKeys(plan: CeremonyPlan, edited: CeremonyPlan): Promise<unknown> {
  const journal = await f.journal('online.jsonl');
  const online = await f.online(journal, plan);
  await online.connect();
  await online.createKeys(plan.keys);
  await online.fetchParameters();
  const error = await online.createKeys(edited.keys).catch((e: unknown) => e);
  await journal.close();
  return error;
}

describe('the create step given an edited plan once the keys are created', () => {
  it('names the keys the plan adds, in English and Chinese, and creates nothing', async () => {
    const plan = f.plan(['AES_256']);
    const [first] = plan.keys;
    if (!first) throw new Error('no key planned');
    const added = { ...plan, keys: [...plan.keys, { ...first, alias: 'late/ec', spec: 'EC_P256' as const }] };
    const error = await createAgainPastKeys(plan, added);
    expect(error).toMatchObject({ code: 'PLAN_ADDS_KEYS_TOO_LATE' });
    const problem = toProblem(error);
    expect(translator('en').problem(problem).message).toBe(
      'The plan given lists a key this ceremony did not create: late/ec. This ceremony is past creating keys (its key was created and later steps begun), so it is not part of it and will not be created. Nothing was created.',
    );
    expect(translator('zh-CN').problem(problem).message).toBe(
      '给出的计划列出了本仪式未创建的 1 个密钥：late/ec。本仪式已过创建密钥的阶段（其 1 个密钥已创建，后续步骤已开始），因此这些密钥不属于本仪式，也不会被创建。未创建任何内容。',
    );
    expect((await f.kms.listKeys()).map((k) => k.alias)).toEqual([plan.keys[0]?.alias]);
  });

  // A trial ran two ceremonies in a day and gave one's journal the other's plan: told to create those
  // keys "in a ceremony of their own" while they stood in the other journal beside it; nothing journaled.
  it('says the keys of another ceremony’s plan are not this ceremony’s, and journals the refusal', async () => {
    const plan = f.plan(['AES_256']);
    const journal = await f.journal('staging.jsonl');
    const staging = await f.online(journal, plan);
    await staging.connect();
    await staging.createKeys(plan.keys);
    await staging.fetchParameters();
    const other = f.plan(['AES_256', 'AES_256']);
    const prod = {
      ...other,
      title: 'Prod keys Dec',
      keys: other.keys.map((k, i) => ({ ...k, alias: `prod/aes-${i + 1}` })),
    };
    const again = await f.online(journal, prod);
    await again.connect();
    // Keys from options (no plan file's title) are keys added late, as before.
    const fromOptions = await again.createKeys(prod.keys).catch((e: unknown) => e);
    expect(fromOptions).toMatchObject({ code: 'PLAN_ADDS_KEYS_TOO_LATE' });
    const error = await again.createKeys(prod.keys, { planTitle: prod.title }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PLAN_OF_ANOTHER_CEREMONY' });
    expect(translator('en').problem(toProblem(error)).message).toBe(
      `The keys given (${prod.keys.map((k) => k.alias).join(', ')}, under the title “Prod keys Dec”) are not this ceremony’s (“${plan.title}”, ${journal.entries[0]?.data.ceremonyId as string}): none of them is in this journal. Nothing was created.`,
    );
    expect(journal.entries.at(-1)).toMatchObject({
      event: 'step.failed',
      data: { step: 'create-key', code: 'PLAN_OF_ANOTHER_CEREMONY' },
    });
    await journal.close();
  });

  it('does not speak of later steps when the keys were only created', async () => {
    const plan = f.plan(['AES_256']);
    const journal = await f.journal('created-only.jsonl');
    const online = await f.online(journal, plan);
    await online.connect();
    await online.createKeys(plan.keys);
    const [first] = plan.keys;
    if (!first) throw new Error('no key planned');
    const error = await online.createKeys([...plan.keys, { ...first, alias: 'late/aes' }]).catch((e: unknown) => e);
    expect(translator('en').problem(toProblem(error)).message).toContain(
      '(its key was created: a ceremony creates its keys in one step)',
    );
    await journal.close();
  });

  it('names a renamed alias as a key the plan adds', async () => {
    const plan = f.plan(['AES_256']);
    const renamed = { ...plan, keys: plan.keys.map((k) => ({ ...k, alias: `${k.alias}-renamed` })) };
    const error = await createAgainPastKeys(plan, renamed);
    expect(toProblem(error).message).toContain(`did not create: ${plan.keys[0]?.alias}-renamed.`);
  });

  it('names a created key the plan leaves out', async () => {
    const plan = f.plan(['AES_256', 'AES_256']);
    const dropped = { ...plan, keys: plan.keys.slice(1) };
    const error = await createAgainPastKeys(plan, dropped);
    expect(error).toMatchObject({ code: 'PLAN_DROPS_CREATED_KEY', values: { alias: plan.keys[0]?.alias } });
  });

  it('refuses the same plan as a step out of order', async () => {
    const plan = f.plan(['AES_256']);
    const error = await createAgainPastKeys(plan, plan);
    expect(error).toMatchObject({ code: 'CEREMONY_STEP_OUT_OF_ORDER' });
  });

  it('passes any other refusal of the step through unchanged: a stopped session says so, not that the plan differs', async () => {
    const plan = f.plan(['AES_256']);
    const [first] = plan.keys;
    if (!first) throw new Error('no key planned');
    const journal = await f.journal('online.jsonl');
    const online = await f.online(journal, plan);
    await online.connect();
    await online.createKeys(plan.keys);
    await online.fetchParameters();
    const state = replayOnlineJournal(journal.entries);
    await journal.close();
    if (!state) throw new Error('no state');
    const added = [...plan.keys, { ...first, alias: 'late/ec', spec: 'EC_P256' as const }];
    const stopped = () => {
      throw new KeyferryError('CEREMONY_STOPPED');
    };
    const error = (() => {
      try {
        requireCreateStep(stopped, state, added);
        return undefined;
      } catch (e: unknown) {
        return e;
      }
    })();
    expect(error).toMatchObject({ code: 'CEREMONY_STOPPED' });
    expect(translator('en').problem(toProblem(error)).message).toBe(
      'The ceremony session was stopped: no further step runs in it, and material produced after the stop is wiped at once.',
    );
  });
});
