import { describe, expect, it } from 'vitest';
import { KeyferryError } from '../../src-main/core/errors';
import type { KeyferryMode } from '../../src-main/ipc/contract';
import { createModeController, requireMode } from '../../src-main/ipc/mode';

describe('createModeController', () => {
  it('has no mode until one is chosen, and records it only after the policy is applied', async () => {
    const seen: Array<KeyferryMode | null> = [];
    const controller = createModeController(async () => {
      seen.push(controller.current());
    });
    expect(controller.current()).toBeNull();
    await controller.choose('air-gapped');
    expect(seen).toEqual([null]);
    expect(controller.current()).toBe('air-gapped');
  });

  it('keeps the previous mode when the policy fails', async () => {
    let fail = false;
    const controller = createModeController(async () => {
      if (fail) throw new Error('session gone');
    });
    await controller.choose('online');
    fail = true;
    await expect(controller.choose('air-gapped')).rejects.toMatchObject({ code: 'MODE_GUARD_FAILED' });
    expect(controller.current()).toBe('online');
  });

  it('never leaves air-gapped mode in the same session', async () => {
    const controller = createModeController(async () => undefined);
    await controller.choose('air-gapped');
    await expect(controller.choose('online')).rejects.toMatchObject({ code: 'MODE_LOCKED' });
    await expect(controller.choose('rehearsal')).rejects.toBeInstanceOf(KeyferryError);
    await expect(controller.choose('air-gapped')).resolves.toBe('air-gapped');
    expect(controller.current()).toBe('air-gapped');
  });

  it('applies quick successive choices one at a time, in order', async () => {
    const log: string[] = [];
    const controller = createModeController(async (mode) => {
      log.push(`start ${mode}`);
      await new Promise((resolve) => setTimeout(resolve, mode === 'online' ? 20 : 1));
      log.push(`end ${mode}`);
    });
    await Promise.all([controller.choose('online'), controller.choose('air-gapped')]);
    expect(log).toEqual(['start online', 'end online', 'start air-gapped', 'end air-gapped']);
    expect(controller.current()).toBe('air-gapped');
  });
});

describe('requireMode', () => {
  it('refuses before a mode is chosen and in the wrong mode', async () => {
    const controller = createModeController(async () => undefined);
    expect(() => requireMode(controller, 'air-gapped')).toThrow(expect.objectContaining({ code: 'MODE_NOT_CHOSEN' }));
    await controller.choose('online');
    expect(() => requireMode(controller, 'air-gapped')).toThrow(expect.objectContaining({ code: 'MODE_WRONG' }));
    expect(requireMode(controller, 'online', 'rehearsal')).toBe('online');
  });
});
