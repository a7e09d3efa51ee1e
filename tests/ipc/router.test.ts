import { translator } from '../../src-main/i18n/translate';
import { describe, expect, it } from 'vitest';
import { KeyferryError } from '../../src-main/core/errors';
import { channels } from '../../src-main/ipc/contract';
import { createHandlers, type Handlers } from '../../src-main/ipc/handlers/index';
import { createIpcRouter } from '../../src-main/ipc/router';
import { testContext } from './test-context';

function router(overrides: Partial<Handlers> = {}) {
  const setup = testContext();
  const handlers = { ...createHandlers(setup.context), ...overrides } as Handlers;
  return { ...setup, router: createIpcRouter(handlers, setup.context.log) };
}

describe('createIpcRouter', () => {
  it('registers exactly the channels of the contract', () => {
    const { router: r } = router();
    expect([...r.channelNames].sort()).toEqual(
      Object.values(channels)
        .map((c) => c.name)
        .sort(),
    );
  });

  it('answers a valid call with a plain, cloneable value', async () => {
    const { router: r } = router();
    const result = await r.route('app.info', undefined);
    expect(result).toMatchObject({
      ok: true,
      value: { name: 'Keyferry', version: '0.1.0', build: 'test', mode: null },
    });
    expect(structuredClone(result)).toEqual(result);
  });

  it('runs one step at a time: a second step while one runs is refused, never queued; reads and leaving run beside it', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let generated = 0;
    const { router: r, lines } = router({
      generateMaterial: async () => {
        generated++;
        await held;
        return { keys: [] };
      },
    });
    const first = r.route('airgap.generate', undefined);
    const second = await r.route('airgap.generate', undefined);
    expect(second).toMatchObject({
      ok: false,
      problem: {
        code: 'STEP_RUNNING',
        message: expect.stringContaining('Another step of the ceremony is still running'),
      },
    });
    expect(await r.route('custody.split', undefined)).toMatchObject({ ok: false, problem: { code: 'STEP_RUNNING' } });
    expect(await r.route('app.info', undefined)).toMatchObject({ ok: true });
    // Leaving is no step: refused here for its own reason (no mode chosen), not for the running step.
    expect(await r.route('ceremony.leave', { side: 'air-gapped', reason: 'window-closed' })).not.toMatchObject({
      problem: { code: 'STEP_RUNNING' },
    });
    release();
    expect(await first).toEqual({ ok: true, value: { keys: [] } });
    expect(generated).toBe(1);
    expect(await r.route('airgap.generate', undefined)).toEqual({ ok: true, value: { keys: [] } });
    expect(lines.join('\n')).toContain('ipc.step-running');
  });

  it('refuses an unknown channel with a problem, not an exception', async () => {
    const { router: r, lines } = router();
    const result = await r.route('fs.readAnything', { path: '/etc/shadow' });
    expect(result).toEqual({ ok: false, problem: expect.objectContaining({ code: 'IPC_UNKNOWN_CHANNEL' }) });
    expect(lines.join('\n')).toContain('ipc.unknown-channel');
  });

  it.each([
    ['a wrong enum value', { mode: 'offline' }],
    ['an extra key', { mode: 'online', sneaky: true }],
    ['a missing field', {}],
    ['null', null],
    ['a string', 'air-gapped'],
    ['an array', ['online']],
    ['a number', 42],
    ['a polluted prototype', JSON.parse('{"__proto__": {"mode": "online"}}')],
  ])('refuses bad input (%s) with IPC_BAD_REQUEST', async (_label, payload) => {
    const { router: r, applied } = router();
    const result = await r.route('mode.choose', payload);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe('IPC_BAD_REQUEST');
    expect(result.problem.message).toMatch(/mode\.choose/);
    expect(applied).toEqual([]);
  });

  it('says which field was wrong, without echoing the value', async () => {
    const { router: r } = router();
    const result = await r.route('mode.choose', { mode: 'S3CRET-VALUE' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.message).toContain('the field mode is not one of the accepted choices');
    expect(result.problem.values).toMatchObject({ channel: 'mode.choose', field: 'mode', rule: 'notOneOf' });
    expect(JSON.stringify(result)).not.toContain('S3CRET-VALUE');
  });

  it('flattens a thrown KeyferryError into its problem', async () => {
    const { router: r } = router({
      networkStatus: () => {
        throw new KeyferryError('MEDIA_GONE', 'The media was removed.', 'Insert it again.');
      },
    });
    const result = await r.route('network.status', {});
    expect(result).toEqual({
      ok: false,
      // Shown in the app: its values say so, for texts that tell the app's way on.
      problem: {
        code: 'MEDIA_GONE',
        message: 'The media was removed.',
        nextStep: 'Insert it again.',
        values: { surface: 'app' },
      },
    });
  });

  it('says the app’s way on where the command line’s would name a command (surface: app)', async () => {
    const refused = new KeyferryError('BUNDLE_ABANDONED', { dir: '/media/usb/wrapped' });
    // The command line (and the journal) keep their words.
    expect(refused.nextStep).toContain('"keyferry online params"');
    const { router: r } = router({
      networkStatus: () => {
        throw refused;
      },
    });
    const result = await r.route('network.status', {});
    if (result.ok) throw new Error('expected a problem');
    expect(result.problem.values).toEqual({ dir: '/media/usb/wrapped', surface: 'app' });
    expect(result.problem.nextStep).toContain('step “Fetch the import parameters”');
    expect(result.problem.nextStep).not.toContain('keyferry');
    // The renderer says it in its language from the same values.
    expect(translator('zh-CN').problem(result.problem).nextStep).toContain('“获取导入参数”步骤');
  });

  it('turns any other thrown value into INTERNAL without a stack', async () => {
    const boom = new TypeError('cannot read properties of undefined');
    const { router: r } = router({
      networkStatus: async () => {
        throw boom;
      },
      appInfo: () => {
        throw 'a bare string';
      },
    });
    for (const [channel, text] of [
      ['network.status', 'cannot read properties of undefined'],
      ['app.info', 'a bare string'],
    ] as const) {
      const result = await r.route(channel, undefined);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.problem.code).toBe('INTERNAL');
      expect(result.problem.message).toContain(text);
      expect(JSON.stringify(result)).not.toContain(' at ');
      expect(Object.keys(result.problem).sort()).toEqual(['code', 'message', 'nextStep', 'values']);
      expect(result.problem.values).toEqual({ detail: expect.stringContaining(text), surface: 'app' });
    }
  });

  it('discards a handler answer that breaks the response schema, and logs it without its values', async () => {
    const { router: r, lines } = router({
      // A handler bug: a wrong type, and a field the contract does not have (which could leak).
      appInfo: () => ({ name: 42, secretAccessKey: 'LEAKED-SECRET-VALUE' }) as never,
    });
    const result = await r.route('app.info', undefined);
    expect(result).toEqual({ ok: false, problem: expect.objectContaining({ code: 'IPC_BAD_RESPONSE' }) });
    expect(JSON.stringify(result)).not.toContain('LEAKED-SECRET-VALUE');
    const log = lines.join('\n');
    expect(log).toContain('ipc.bad-response');
    expect(log).toContain('"level":"error"');
    expect(log).not.toContain('LEAKED-SECRET-VALUE');
  });
});
