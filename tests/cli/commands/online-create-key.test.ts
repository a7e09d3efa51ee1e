/**
 * `online create-key` without a plan file: the options that make the plan are one list. Every option
 * PLAN_MAKING_OPTIONS names (each refused beside --plan) changes the plan planFromOptions makes, so
 * an option listed but not read, or (a type error) read but not listed, cannot pass.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PLAN_MAKING_OPTIONS,
  planFromOptions,
  type PlanMakingValues,
} from '../../../src-main/cli/commands/online-create-key';
import { parseCeremonyPlan } from '../../../src-main/core/ceremony/shared/ceremony-plan';
import { keyferry } from '../../integration/cli-in-process';

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

  it('refuses bad options by the option typed and the person as typed, never as fields of a plan file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-create-key-options-'));
    try {
      // Nothing listens on port 1: every refusal below comes before any connection or journal.
      const createKey = (...args: string[]) =>
        keyferry(['online', 'create-key', '--journal', 'j.jsonl', '--endpoint', 'http://127.0.0.1:1', ...args], {
          cwd: dir,
          env: { LANG: 'en_US.UTF-8' },
        });
      const run = (...args: string[]) => createKey('--alias', 'a', ...args);
      const spec = await run('--spec', 'AES_257', '--operator', 'Ana', '--witness', 'Ben');
      expect(spec.stderr).toContain('The options given do not make a valid ceremony plan: --spec: not one of');
      expect(spec.stderr).not.toContain('field named in the plan file');
      const twice = await run('--spec', 'AES_256', '--operator', 'Ana', '--witness', 'Ben', '--witness', ' ANA');
      expect(twice.stderr).toContain('the operator ("Ana") and witness 2 (" ANA") are the same person');
      const invisible = await run('--spec', 'AES_256', '--operator', 'Ana\u200b', '--witness', 'Ben');
      expect(invisible.stderr).toContain('the operator ("Ana\\u200b"): a name cannot contain control or invisible');
      expect((await run('--spec', 'AES_256', '--witness', 'Ben')).stderr).toContain(
        'The option --operator is required.',
      );
      expect((await run('--spec', 'AES_256', '--operator', 'Ana')).stderr).toContain('No witness was named.');
      // A --spec left out is said as missing, not as a value "not one of the allowed values".
      const noSpec = await run('--operator', 'Ana', '--witness', 'Ben');
      expect(noSpec.stderr).toContain('The option --spec is required.');
      expect(noSpec.stderr).not.toContain('not one of the allowed values');
      // An --alias left out beside a key's other options is said as missing, not as "No keys to create".
      const noAlias = await createKey('--spec', 'AES_256', '--operator', 'Ana', '--witness', 'Ben');
      expect(noAlias.stderr).toContain('The option --alias is required.');
      expect(noAlias.stderr).not.toContain('No keys to create');
      for (const refused of [spec, twice, invisible, noSpec, noAlias]) expect(refused.code).not.toBe(0);
      expect(existsSync(path.join(dir, 'j.jsonl'))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
