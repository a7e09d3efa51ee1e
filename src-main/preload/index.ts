/**
 * The preload: exposes `window.keyferry` (built by ./api-factory) and nothing else. Sandboxed,
 * so it is bundled into one CommonJS file (out/preload/index.js) with zod inside; the only
 * module it requires at run time is 'electron'. No logic lives here.
 */
// First: zod must be jitless before any schema is built (see ./zod-jitless.ts).
import './zod-jitless';
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { PROGRESS_EVENT_CHANNEL } from '../ipc/contract';
import { createKeyferryApi } from './api-factory';

const api = createKeyferryApi(
  (channel, payload) => ipcRenderer.invoke(channel, payload),
  (listener) => {
    // The event object (with its `sender`) stays here; the page sees only the payload.
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(PROGRESS_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(PROGRESS_EVENT_CHANNEL, forward);
    };
  },
);

contextBridge.exposeInMainWorld('keyferry', api);
