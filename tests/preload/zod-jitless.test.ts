/**
 * The built preload (out/preload/index.js, as electron-vite bundles it) loaded in a fresh V8
 * context whose `Function` constructor is a trap: zod must never reach it. Where it does, the
 * page's CSP (no 'unsafe-eval') reports an eval violation each time the app loads.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppInto } from '../support/app-build';

interface Loaded {
  functionCalls: unknown[][];
  exposed: Map<string, unknown>;
}

/** Runs the CommonJS preload as Electron would, with `electron` faked at contextBridge and ipcRenderer. */
function loadPreload(source: string): Loaded {
  const functionCalls: unknown[][] = [];
  const exposed = new Map<string, unknown>();
  const trap = new Proxy(Function, {
    construct(_target, args: unknown[]) {
      functionCalls.push(args);
      throw new EvalError('Refused to evaluate a string as JavaScript (CSP: no unsafe-eval)');
    },
    apply(_target, _this, args: unknown[]) {
      functionCalls.push(args);
      throw new EvalError('Refused to evaluate a string as JavaScript (CSP: no unsafe-eval)');
    },
  });
  const electron = {
    contextBridge: { exposeInMainWorld: (name: string, api: unknown) => exposed.set(name, api) },
    ipcRenderer: { invoke: async () => undefined, on: () => undefined, removeListener: () => undefined },
  };
  const fakeRequire = (name: string) => {
    if (name === 'electron') return electron;
    throw new Error(`a sandboxed preload can only require 'electron', not '${name}'`);
  };
  const context = vm.createContext({ Function: trap, console });
  const wrapper = vm.runInContext(
    `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
    context,
  ) as (...args: unknown[]) => void;
  const module = { exports: {} };
  wrapper(module.exports, fakeRequire, module, 'index.js', '.');
  return { functionCalls, exposed };
}

describe('the built preload under the page CSP', () => {
  let stage: string;
  let preload: string;

  beforeAll(async () => {
    stage = await mkdtemp(path.join(os.tmpdir(), 'keyferry-preload-'));
    await buildAppInto(stage);
    preload = await readFile(path.join(stage, 'out/preload/index.js'), 'utf8');
  });
  afterAll(async () => {
    if (stage) await rm(stage, { recursive: true, force: true });
  });

  it('exposes window.keyferry without ever calling the Function constructor (no eval probe by zod)', () => {
    const loaded = loadPreload(preload);
    expect([...loaded.exposed.keys()]).toEqual(['keyferry']);
    expect(loaded.functionCalls).toEqual([]);
  });

  it('the exposed API still validates a request (zod works jitless) without calling Function', async () => {
    const loaded = loadPreload(preload);
    const api = loaded.exposed.get('keyferry') as Record<string, (request: unknown) => Promise<unknown>>;
    const refused = await api.chooseMode!({ mode: 'no-such-mode' });
    expect(refused).toMatchObject({ ok: false });
    expect(loaded.functionCalls).toEqual([]);
  });
});
