/**
 * `online create-key` without a plan file: the options that make the plan are one list. Every option
 * PLAN_MAKING_OPTIONS names (each refused beside --plan) changes the plan planFromOptions makes, so
 * an option listed but not read, or (a type error) read but not listed, cannot pass.
 */
import { describe, expect, it } from 'vitest';
import {
  PLAN_MAKING_OPTIONS,
  planFromOptions,
  type PlanMakingValues,
} from '../../../src-main/cli/commands/online-create-key';
import { parseCeremonyPlan } from '../../../src-main/core/ceremony/shared/ceremony-plan';

/** A value for each option that differs from the base plan's (a new option needs one here). */
const OTHER: Record<(typeof PLAN_MAKING_OPTIONS)[number], string | string[]> = {
  spec: 'EC_P256',
  usage: 'SIGN_VERIFY',
  description: 'payroll signing',
  title: 'Another title',
  operator: 'Eve',
  witness: ['Ben', 'Eve'],
  'wrapping-algorithm': 'RSAES_OAEP_SHA_1',
  expires: '90d',
};

const io = { env: { LANG: 'en_US.UTF-8' } };
const base: PlanMakingValues = { alias: 'pay/key', spec: 'AES_256', operator: 'Ana', witness: ['Ben'] };

describe('online create-key: the options that make a plan', () => {
  it('reads every option it refuses beside --plan, and each one changes the plan', () => {
    const made = JSON.stringify(planFromOptions(base, io));
    for (const option of PLAN_MAKING_OPTIONS) {
      const values = { ...base, [option]: OTHER[option] };
      expect(JSON.stringify(planFromOptions(values, io)), `--${option}`).not.toBe(made);
    }
  });

  it('makes a plan the plan check accepts from the options alone', () => {
    const plan = parseCeremonyPlan(planFromOptions({ ...base, usage: 'ENCRYPT_DECRYPT', expires: 'never' }, io));
    expect(plan.keys.map((k) => [k.alias, k.spec])).toEqual([['pay/key', 'AES_256']]);
    expect(plan.witnesses).toEqual(['Ben']);
  });
});
