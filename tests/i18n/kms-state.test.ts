/**
 * KMS key states (i18n/kms-state.ts): every state the KMS documents reads as a word in both
 * languages, in sentences (the catalogue's KEY_STATE) and on its own (`kms.state`, what the key
 * tables and the CLI show), from the one table KMS_STATE_NAMES. A frozen key (key_state "7",
 * Huawei's 冻结) is read from a describe-key answer and shown as 冻结 (the console's label), not refused as a bad answer.
 */
import { describe, expect, it } from 'vitest';
import { KeyferryError, toProblem } from '../../src-main/core/errors';
import { parseAnswer } from '../../src-main/core/kms/answers';
import { describeKeyAnswer } from '../../src-main/core/kms/api-schemas';
import { keyInfoFromWire } from '../../src-main/core/kms/types';
import { KMS_STATE_NAMES, kmsStateText } from '../../src-main/i18n/kms-state';
import { translator } from '../../src-main/i18n/translate';

const [en, zh] = [translator('en'), translator('zh-CN')];
const states = Object.entries(KMS_STATE_NAMES);

describe('KMS key states', () => {
  it('every documented state has its own words in both languages, in a sentence and on its own', () => {
    for (const [number, name] of states) {
      const problem = toProblem(new KeyferryError('KMS_KEY_NOT_PENDING_IMPORT', { state: number }));
      expect(en.problem(problem).message).toContain(`The key is ${name},`);
      expect(zh.problem(problem).message).not.toMatch(/状态\s*\d/);
      expect(kmsStateText(en, number)).toBe(name);
      expect(kmsStateText(zh, Number(number))).toBe(kmsStateText(zh, name));
      expect(kmsStateText(zh, name)).not.toMatch(/\d|[A-Za-z]/);
    }
  });

  it('a frozen key from describe-key reads 冻结 in Chinese and Frozen in English', () => {
    const body = { key_info: { key_id: '43f1ffd7-18fb-4568-9575-602e009b7ee8', key_state: '7', origin: 'external' } };
    const wire = parseAnswer(
      { status: 200, headers: {}, body: Buffer.from(JSON.stringify(body)) },
      describeKeyAnswer,
      'describe-key',
    );
    const info = keyInfoFromWire(wire.key_info);
    expect([info.state, info.stateName]).toEqual([7, 'Frozen']);
    expect(kmsStateText(zh, info.stateName)).toBe('冻结');
    expect(kmsStateText(en, info.state)).toBe('Frozen');
    expect(zh.problem(toProblem(new KeyferryError('KMS_KEY_NOT_PENDING_IMPORT', { state: '7' }))).message).toContain(
      '冻结',
    );
  });

  it('a state name the KMS does not document is shown as it came', () => {
    expect(kmsStateText(zh, 'Migrating')).toBe('Migrating');
  });
});
