import { describe, expect, it } from 'vitest';
import { examplePlan, parseCeremonyPlan } from '../../../../src-main/core/ceremony/shared/ceremony-plan';
import { PLAN_FIELD_PATHS } from '../../../../src-main/core/ceremony/shared/plan-issues';
import { toProblem } from '../../../../src-main/core/errors';
import { translator } from '../../../../src-main/i18n/translate';
import type { DisplayLocale } from '../../../../src-main/i18n/locale';

const now = new Date('2025-03-01T09:00:00Z');

/** A plan with one of each kind of mistake an officer makes by hand. */
const wrong = {
  title: 'Payments 2025',
  operator: 'Ana',
  witnesses: 'Ben',
  expiry: 'never',
  keys: [
    { alias: 'pay-aes', spec: 'AES_256' },
    { alias: 'sig', spec: 'AES-256', size: 256 },
  ],
};

/** PLAN_INVALID for `plan` as the officer reads it in `locale` (what went wrong, then what to do). */
function refusal(plan: unknown, locale: DisplayLocale): string {
  try {
    parseCeremonyPlan(plan, now);
  } catch (error) {
    const problem = toProblem(error);
    expect(problem.code).toBe('PLAN_INVALID');
    return translator(locale).problemLine(problem);
  }
  throw new Error('the plan was accepted');
}

describe('plan issues (PLAN_INVALID)', () => {
  it('names each wrong field by its path, what is wrong and the shape it should have, in English', () => {
    const line = refusal(wrong, 'en');
    expect(line).toContain('witnesses: expected a list, found text (should be: a list of 1-20 names');
    expect(line).toContain('keys[1].spec: not one of the allowed values (should be: one of "AES_256", "RSA_2048"');
    expect(line).toContain(
      'keys[1]: unknown field "size" (the fields are alias, spec, usage, description, materialExpiry, replicas)',
    );
    expect(line).toContain('the plan: unknown field "expiry" (the fields are title, operator, witnesses,');
    expect(line).not.toMatch(/Invalid input|received/);
  });

  it('says the same in Chinese, with the field paths and values as written in the plan', () => {
    const line = refusal(wrong, 'zh-CN');
    expect(line).toContain('仪式计划无效：');
    expect(line).toContain('witnesses：应为列表，实际为文字（应为：1-20 个姓名的列表');
    expect(line).toContain('keys[1].spec：不是允许的值之一（应为：取其一："AES_256"、"RSA_2048"');
    expect(line).toContain(
      'keys[1]：未知字段 "size"（共 1 个；可用字段为 alias、spec、usage、description、materialExpiry、replicas）',
    );
    expect(line).toContain('计划：未知字段 "expiry"');
    // clauses are joined the Chinese way, and no English sentence or zod text is left
    expect(line).toContain('）；');
    // lists are joined the Chinese way too (、), never with an English comma between plan values
    expect(line).not.toMatch(/\w, \w/);
    expect(line).not.toMatch(/Invalid|expected|should be|unknown field|the plan/);
  });

  it('renders lengths, counts, the plan’s own rules and "N more" from the catalogue in both languages', () => {
    const plan = {
      ...examplePlan(),
      title: '',
      witnesses: ['Ana Lima'],
      keys: [
        { alias: 'a', spec: 'AES_256', usage: 'SIGN_VERIFY' },
        { alias: 'a', spec: 'EC_P256' },
        {
          alias: 'r',
          spec: 'AES_256',
          replicas: [
            { region: 'cn-east-3', projectId: 'a4a5d4098fb4474fa22cd05f897d6b99' },
            { region: 'cn-east-3', projectId: 'a4a5d4098fb4474fa22cd05f897d6b99' },
          ],
        },
      ],
      materialExpiry: 7,
    };
    const en = refusal(plan, 'en');
    expect(en).toContain('title: at least 1 character (should be: text, 1-200 characters');
    expect(en).toContain('materialExpiry: expected text, found a number');
    // refinements run only on a plan of the right types: check them on one
    const typed = refusal({ ...plan, title: 'T', materialExpiry: 'never' }, 'en');
    expect(typed).toContain('keys[0].usage: AES_256 keys can only be ENCRYPT_DECRYPT');
    expect(typed).toContain('keys[1].alias: the alias "a" appears twice');
    expect(typed).toContain(
      'keys[2].replicas[1]: the replica in cn-east-3/a4a5d4098fb4474fa22cd05f897d6b99 appears twice',
    );
    expect(typed).toContain('witnesses: the operator and every witness must be different people');
    const zh = refusal({ ...plan, title: 'T', materialExpiry: 'never' }, 'zh-CN');
    expect(zh).toContain('keys[0].usage：AES_256 密钥只能用于 ENCRYPT_DECRYPT');
    expect(zh).toContain('keys[1].alias：别名“a”出现了两次');
    expect(zh).toContain('keys[2].replicas[1]：位于 cn-east-3/a4a5d4098fb4474fa22cd05f897d6b99 的副本出现了两次');
    expect(zh).toContain('witnesses：操作员和每位见证人必须是不同的人');
    expect(refusal({ ...plan, title: '' }, 'zh-CN')).toContain('title：至少 1 个字符（应为：文字，1-200 个字符');

    // A misspelt region (the trial's "ap-southeast-l") is told what a region looks like, and a
    // refusal that shows no shape (a duplicate) is not told to follow one.
    const misspelt = {
      ...examplePlan(),
      keys: [{ alias: 'r', spec: 'AES_256', replicas: [{ region: 'ap-southeast-l', projectId: 'a'.repeat(32) }] }],
    };
    expect(refusal(misspelt, 'en')).toContain(
      'keys[0].replicas[0].region: not in the allowed form (should be: a region: lower-case words joined by dashes, ending in a number, e.g. "cn-east-3"',
    );
    expect(refusal(misspelt, 'zh-CN')).toContain('以数字结尾');
    expect(typed).toContain(
      'Correct each field named in the plan file (in the shape shown after it, where one is shown)',
    );

    const many = { ...examplePlan(), keys: Array.from({ length: 7 }, () => ({ alias: 'x', spec: 'DES' })) };
    expect(refusal(many, 'en')).toMatch(/; and 2 more\. /);
    expect(refusal(many, 'zh-CN')).toContain('；另有 2 处问题。');
  });

  it('documents the shape of every field a plan has', () => {
    const example = examplePlan() as { keys: Record<string, unknown>[] };
    for (const field of Object.keys(example)) expect(PLAN_FIELD_PATHS).toContain(field);
    for (const field of ['alias', 'spec', 'usage', 'description', 'replicas'])
      expect(PLAN_FIELD_PATHS).toContain(`keys[].${field}`);
    for (const locale of ['en', 'zh-CN'] as const) {
      const t = translator(locale);
      for (const field of PLAN_FIELD_PATHS) {
        const shape = t.t('plan.field-shape', {
          field: field.replace(/\[\]\./g, '_'),
          max: 500,
          maxReplicas: 8,
          specsList: 'x',
        });
        // a field without its own branch would print its bare name
        expect(shape, `${locale} ${field}`).not.toBe(field.replace(/\[\]\./g, '_'));
      }
    }
  });
});
