import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  examplePlan,
  loadCeremonyPlan,
  parseCeremonyPlan,
  parseMaterialExpiry,
} from '../../../../src-main/core/ceremony/shared/ceremony-plan';
import { rehearsalPlan } from '../../../../src-main/core/ceremony/rehearsal/rehearsal';
import { KeyferryError, toProblem } from '../../../../src-main/core/errors';
import { translator } from '../../../../src-main/i18n/translate';

const now = new Date('2025-03-01T09:00:00Z');
const base = {
  title: 'Payments 2025',
  operator: 'Ana',
  witnesses: ['Ben'],
  keys: [{ alias: 'pay-aes', spec: 'AES_256' }],
};

describe('ceremony plan', () => {
  it('fills defaults: OAEP-SHA-256, never expires, usage by spec', () => {
    const plan = parseCeremonyPlan({ ...base, keys: [...base.keys, { alias: 'sig', spec: 'EC_P256' }] }, now);
    expect(plan.wrappingAlgorithm).toBe('RSAES_OAEP_SHA_256');
    expect(plan.materialExpiry).toEqual({ kind: 'never' });
    expect(plan.keys.map((k) => k.usage)).toEqual(['ENCRYPT_DECRYPT', 'SIGN_VERIFY']);
  });

  it('accepts an expiry in the future and refuses one in the past', () => {
    expect(parseCeremonyPlan({ ...base, materialExpiry: '2026-01-01T00:00:00Z' }, now).materialExpiry).toEqual({
      kind: 'at',
      at: new Date('2026-01-01T00:00:00Z'),
    });
    expect(() => parseCeremonyPlan({ ...base, materialExpiry: '2024-01-01T00:00:00Z' }, now)).toThrow(
      /not in the future/,
    );
  });

  it('accepts a duration as materialExpiry, resolved from the moment the plan is read (key creation)', () => {
    expect(parseCeremonyPlan({ ...base, materialExpiry: '90d' }, now).materialExpiry).toEqual({
      kind: 'at',
      at: new Date('2025-05-30T09:00:00Z'),
    });
    expect(parseCeremonyPlan({ ...base, materialExpiry: '1d12h' }, now).materialExpiry).toEqual({
      kind: 'at',
      at: new Date('2025-03-02T21:00:00Z'),
    });
  });

  it('refuses a materialExpiry that is neither a duration nor a zoned date-time, naming the field and both forms', () => {
    for (const [value, locale] of [
      ['90 days', 'en'],
      ['2026-01-01T00:00:00', 'en'],
      ['0d', 'en'],
      ['3 months', 'zh-CN'],
    ] as const) {
      let problem: KeyferryError | undefined;
      try {
        parseCeremonyPlan({ ...base, materialExpiry: value }, now);
      } catch (error) {
        problem = error as KeyferryError;
      }
      expect(problem?.code).toBe('EXPIRY_INVALID');
      const shown = translator(locale).problem(toProblem(problem));
      expect(shown.message).toContain(locale === 'en' ? `materialExpiry "${value}"` : `materialExpiry “${value}”`);
      expect(shown.message).not.toMatch(/Invalid ISO/);
      expect(shown.nextStep).toContain('90d');
      expect(shown.nextStep).toContain('2030-01-31T00:00:00Z');
    }
  });

  it('names a date-time in form whose day does not exist as that, not as another form (a trial: 30 February)', () => {
    let problem: unknown;
    try {
      parseMaterialExpiry('2027-02-30T00:00:00Z', now);
    } catch (error) {
      problem = error;
    }
    expect(translator('en').problem(toProblem(problem)).message).toBe(
      '--expires "2027-02-30T00:00:00Z" is written as a date-time with its zone, but no such date or time exists (such as 30 February, or hour 24).',
    );
    expect(translator('zh-CN').problem(toProblem(problem)).message).toContain('并不存在这样的日期或时间');
  });

  it('refuses duplicate aliases, HMAC specs, impossible usages, unknown fields and the operator as witness', () => {
    expect(() => parseCeremonyPlan({ ...base, keys: [base.keys[0], base.keys[0]] }, now)).toThrow(/appears twice/);
    expect(() => parseCeremonyPlan({ ...base, keys: [{ alias: 'h', spec: 'HMAC_256' }] }, now)).toThrow(
      /keys\[0\]\.spec: not one of the allowed values/,
    );
    expect(() =>
      parseCeremonyPlan({ ...base, keys: [{ alias: 'a', spec: 'AES_256', usage: 'SIGN_VERIFY' }] }, now),
    ).toThrow(/can only be ENCRYPT_DECRYPT/);
    expect(() => parseCeremonyPlan({ ...base, extra: 1 }, now)).toThrow(/PLAN|plan/);
    expect(() => parseCeremonyPlan({ ...base, witnesses: ['ana'] }, now)).toThrow(/different people/);
    expect(() => parseCeremonyPlan({ ...base, witnesses: [] }, now)).toThrow(/witnesses: at least 1 entry/);
    expect(() => parseCeremonyPlan({ ...base, keys: [{ alias: 'bad alias!', spec: 'AES_256' }] }, now)).toThrow(
      /alias/,
    );
  });

  it('offers an example plan that is valid and has the shape of a rehearsal plan.json', () => {
    const example = examplePlan();
    const plan = parseCeremonyPlan(JSON.parse(JSON.stringify(example)), now);
    expect(plan.keys.map((k) => k.spec)).toEqual(['AES_256', 'RSA_3072', 'EC_P256']);
    const rehearsed = rehearsalPlan(['AES_256'], 'Ana', ['Ben'], { kind: 'never' }, 'RSAES_OAEP_SHA_256');
    const rehearsalFile = {
      title: rehearsed.title,
      operator: rehearsed.operator,
      witnesses: rehearsed.witnesses,
      wrappingAlgorithm: rehearsed.wrappingAlgorithm,
      materialExpiry: 'never',
      keys: rehearsed.keys,
    };
    expect(Object.keys(example).sort()).toEqual(Object.keys(rehearsalFile).sort());
    expect(parseCeremonyPlan(rehearsalFile, now).title).toBe(rehearsed.title);
  });

  it('allows RSA keys for encryption', () => {
    const plan = parseCeremonyPlan(
      { ...base, keys: [{ alias: 'r', spec: 'RSA_2048', usage: 'ENCRYPT_DECRYPT' }] },
      now,
    );
    expect(plan.keys[0]?.usage).toBe('ENCRYPT_DECRYPT');
  });

  it('loads a plan file and refuses a file that is not JSON', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-plan-'));
    await writeFile(path.join(dir, 'plan.json'), JSON.stringify(base));
    expect((await loadCeremonyPlan(path.join(dir, 'plan.json'), now)).title).toBe('Payments 2025');
    await writeFile(path.join(dir, 'bad.json'), '{ title: ');
    await expect(loadCeremonyPlan(path.join(dir, 'bad.json'), now)).rejects.toMatchObject({ code: 'PLAN_NOT_JSON' });
    await expect(loadCeremonyPlan(path.join(dir, 'missing.json'), now)).rejects.toMatchObject({
      code: 'INPUT_FILE_UNREADABLE',
      message: expect.stringMatching(/ceremony plan .*missing\.json: no such file/),
    });
  });
});
