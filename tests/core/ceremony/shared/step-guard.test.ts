import { describe, expect, it } from 'vitest';
import { StepGuard } from '../../../../src-main/core/ceremony/shared/step-guard';
import { toProblem } from '../../../../src-main/core/errors';
import { translator } from '../../../../src-main/i18n/translate';

const TABLE = {
  wrap: { from: ['parameters-read'], to: null, doing: 'wrapTheKeyMaterial' },
  read: { from: ['network-checked'], to: 'parameters-read', doing: 'readTheImportParameters' },
} as const;

describe('step guard', () => {
  it('refuses a step from the wrong state with the next step, in either language, and changes nothing', () => {
    const guard = new StepGuard<'network-checked' | 'parameters-read', keyof typeof TABLE>(
      'airgap',
      'network-checked',
      TABLE,
    );
    expect(() => guard.require('wrap')).toThrow(
      /Cannot wrap the key material now: the air-gapped ceremony is at step “network checked”/,
    );
    let refused: unknown;
    try {
      guard.require('wrap');
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({
      code: 'CEREMONY_STEP_OUT_OF_ORDER',
      nextStep: 'Read the import-parameters bundle next.',
    });
    const chinese = translator('zh-CN').problem(toProblem(refused));
    expect(chinese.message).toBe('现在不能包装密钥材料：离线仪式处于“已检查网络”步骤。');
    expect(chinese.nextStep).toBe('下一步请读取导入参数包。');
    expect(guard.state).toBe('network-checked');
    guard.require('read');
    guard.advance('parameters-read');
    expect(guard.state).toBe('parameters-read');
    guard.stop();
    expect(() => guard.require('wrap')).toThrow(expect.objectContaining({ code: 'CEREMONY_STOPPED' }));
  });
});
