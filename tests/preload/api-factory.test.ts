import { describe, expect, it, vi } from 'vitest';
import { channels, type ProgressEvent } from '../../src-main/ipc/contract';
import { KeyferryError } from '../../src-main/core/errors';
import { createHandlers } from '../../src-main/ipc/handlers/index';
import { createIpcRouter } from '../../src-main/ipc/router';
import { createKeyferryApi, type Invoke, type Subscribe } from '../../src-main/preload/api-factory';
import { testContext } from '../ipc/test-context';

/** The real router behind a structured-clone "pipe", as Electron's IPC would carry it. */
function realApi() {
  const setup = testContext();
  const router = createIpcRouter(createHandlers(setup.context), setup.context.log);
  const invoke: Invoke = async (channel, payload) =>
    structuredClone(await router.route(channel, structuredClone(payload)));
  return { ...setup, api: createKeyferryApi(invoke, () => () => undefined) };
}

/** A transport whose progress side can be driven by the test. */
function progressTransport() {
  let listener: ((payload: unknown) => void) | null = null;
  const unsubscribe = vi.fn(() => {
    listener = null;
  });
  const subscribe: Subscribe = (next) => {
    listener = next;
    return unsubscribe;
  };
  return { subscribe, unsubscribe, emit: (payload: unknown) => listener?.(payload) };
}

describe('createKeyferryApi', () => {
  it('has one function per channel plus onProgress, and nothing else', () => {
    const api = createKeyferryApi(
      async () => undefined,
      () => () => undefined,
    );
    expect(Object.keys(api).sort()).toEqual([...Object.keys(channels), 'onProgress'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.getPrototypeOf(api)).toBe(Object.prototype);
    for (const forbidden of ['invoke', 'send', 'on', 'ipcRenderer', 'sendSync', 'removeListener']) {
      expect(forbidden in api).toBe(false);
    }
  });

  it('sends each function on its contract channel with the request as given', async () => {
    const calls: Array<[string, unknown]> = [];
    const api = createKeyferryApi(
      async (channel, payload) => {
        calls.push([channel, payload]);
        return { ok: false, problem: { code: 'X', message: 'm', nextStep: 'n' } };
      },
      () => () => undefined,
    );
    await api.appInfo();
    await api.networkStatus({});
    await api.chooseMode({ mode: 'rehearsal' });
    expect(calls).toEqual([
      ['app.info', undefined],
      ['network.status', {}],
      ['mode.choose', { mode: 'rehearsal' }],
    ]);
  });

  it('reaches the real handlers through the router', async () => {
    const { api, applied } = realApi();
    const info = await api.appInfo();
    expect(info).toMatchObject({ ok: true, value: { name: 'Keyferry', mode: null, runtime: { electron: null } } });
    const chosen = await api.chooseMode({ mode: 'air-gapped' });
    expect(chosen).toEqual({ ok: true, value: { mode: 'air-gapped', networkGuard: 'offline' } });
    expect(applied).toEqual(['air-gapped']);
    const again = await api.appInfo();
    expect(again.ok && again.value.mode).toBe('air-gapped');
  });

  it('resolves to a problem, never rejects, when the transport fails', async () => {
    const api = createKeyferryApi(
      async () => {
        throw new Error('Error invoking remote method: no handler registered');
      },
      () => () => undefined,
    );
    const result = await api.networkStatus();
    expect(result).toEqual({ ok: false, problem: expect.objectContaining({ code: 'IPC_UNAVAILABLE' }) });
  });

  it.each([
    ['nothing', undefined],
    ['a bare value', { name: 'Keyferry' }],
    ['ok without value shape', { ok: true, value: { name: 1 } }],
    ['an extra envelope key', { ok: false, problem: { code: 'A', message: 'b', nextStep: 'c' }, stack: 'at x' }],
  ])('refuses a malformed answer (%s)', async (_label, answer) => {
    const api = createKeyferryApi(
      async () => answer,
      () => () => undefined,
    );
    const result = await api.appInfo();
    expect(result).toEqual({ ok: false, problem: expect.objectContaining({ code: 'IPC_BAD_RESPONSE' }) });
  });

  it('delivers progress values only, ignores malformed events, and unsubscribes once', () => {
    const transport = progressTransport();
    const api = createKeyferryApi(async () => undefined, transport.subscribe);
    const seen: ProgressEvent[] = [];
    const stop = api.onProgress((event) => seen.push(event));

    const payload = {
      taskId: 't1',
      stage: 'wrap',
      done: 1,
      total: 3,
      message: 'Wrapping key 1 of 3',
      sender: { id: 7 },
    };
    transport.emit(payload);
    transport.emit({ taskId: 't1', stage: 'wrap', done: -1, message: 'bad count' });
    transport.emit('not an event');
    expect(seen).toEqual([{ taskId: 't1', stage: 'wrap', done: 1, total: 3, message: 'Wrapping key 1 of 3' }]);
    expect(seen[0]).not.toBe(payload);

    stop();
    stop();
    expect(transport.unsubscribe).toHaveBeenCalledTimes(1);
    transport.emit({ taskId: 't1', stage: 'wrap', message: 'after stop' });
    expect(seen).toHaveLength(1);
  });

  it('carries a problem naming a hundred token objects whole to the renderer: every object, none cut', async () => {
    // HSM_LABEL_TAKEN for a 100-key ceremony: each object, with its label, class and CKA_ID.
    const objects = Array.from({ length: 100 }, (_, i) => ({
      label: `keyferry KF-20301231-abcdef 0000${String(i).padStart(4, '0')}-0000-4000-8000-000000000000`,
      id: `4b46${String(i).padStart(4, '0')}${'30'.repeat(16)}`,
    }));
    const objectsList = objects.map((o) => `"${o.label}" (CKO_SECRET_KEY, CKA_ID ${o.id})`).join(', ');
    expect(objectsList.length).toBeGreaterThan(10_000);
    const setup = testContext();
    const router = createIpcRouter(
      {
        ...createHandlers(setup.context),
        networkStatus: () => {
          throw new KeyferryError('HSM_LABEL_TAKEN', {
            token: 'Ceremony token',
            count: objects.length,
            objectsList,
            where: 'app',
            finishedSession: 0,
          });
        },
      },
      setup.context.log,
    );
    const api = createKeyferryApi(
      async (channel, payload) => structuredClone(await router.route(channel, structuredClone(payload))),
      () => () => undefined,
    );
    const result = await api.networkStatus({});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe('HSM_LABEL_TAKEN');
    expect(result.problem.values?.objectsList).toBe(objectsList);
    expect(result.problem.message).toContain(objectsList);
  });
});
