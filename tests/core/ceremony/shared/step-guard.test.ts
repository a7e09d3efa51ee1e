import { describe, expect, it } from 'vitest';
import { StepGuard } from '../../../../src-main/core/ceremony/shared/step-guard';
import { RESTORE_STEP_FROM, type RestoreStepId } from '../../../../src-main/core/ceremony/shared/allowed-steps';
import type { RestoreState } from '../../../../src-main/core/ceremony/shared/ceremony-states';
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

  it('names the custody restore’s next step in the order it runs (a review met the order of an earlier restore)', () => {
    const next = (state: RestoreState) => {
      const guard = new StepGuard<RestoreState, RestoreStepId>('restore', state, RESTORE_STEP_FROM);
      try {
        guard.require('writeReceipt');
      } catch (error) {
        return (error as { nextStep: string }).nextStep;
      }
      return '';
    };
    expect(next('parameters-read')).toBe(
      'Have every witness type the import-parameters bundle digest read aloud from the online workstation next.',
    );
    expect(next('fingerprints-confirmed')).toBe(
      'Check the output folders, then have the custodians present their shares (or restore from the HSM) next.',
    );
    expect(next('restored')).toBe('Wrap the rebuilt material next.');
    // Each says what the table lets run from that state.
    expect(RESTORE_STEP_FROM.confirmArtefact.from).toContain('parameters-read');
    expect(RESTORE_STEP_FROM.presentShare.from).toContain('fingerprints-confirmed');
    expect(RESTORE_STEP_FROM.wrap.from).toEqual(['restored']);
  });
});
