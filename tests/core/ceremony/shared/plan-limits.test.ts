/** The plan size limit has one source: the core's plan check and the IPC create-keys request both follow it. */
import { describe, expect, it } from 'vitest';
import { parseCeremonyPlan } from '../../../../src-main/core/ceremony/shared/ceremony-plan';
import { MAX_PLANNED_KEYS } from '../../../../src-main/core/ceremony/shared/plan-limits';
import { createKeysRequestSchema } from '../../../../src-main/ipc/schemas/online';

const keys = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ alias: `batch-${String(i).padStart(3, '0')}`, spec: 'AES_256' }));

describe('MAX_PLANNED_KEYS', () => {
  it('a plan file and the app take exactly as many keys, and refuse one more', () => {
    expect(MAX_PLANNED_KEYS).toBe(500);
    const plan = (count: number) => ({ title: 'Batch', operator: 'Ana', witnesses: ['Ben'], keys: keys(count) });
    expect(parseCeremonyPlan(plan(MAX_PLANNED_KEYS)).keys).toHaveLength(MAX_PLANNED_KEYS);
    expect(() => parseCeremonyPlan(plan(MAX_PLANNED_KEYS + 1))).toThrow(/PLAN_INVALID|keys/);
    expect(createKeysRequestSchema.safeParse({ keys: keys(MAX_PLANNED_KEYS) }).success).toBe(true);
    expect(createKeysRequestSchema.safeParse({ keys: keys(MAX_PLANNED_KEYS + 1) }).success).toBe(false);
  });
});
