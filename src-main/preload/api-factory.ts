/**
 * Builds `window.keyferry` from the contract: one function per channel plus `onProgress`.
 * Takes the transport as two functions, so the same factory serves the Electron preload
 * (ipcRenderer) and the Chromium UI tests (Playwright's exposeBinding).
 *
 * Renderer-safe: imports zod and the contract only. The object it returns holds nothing but
 * these functions: no ipcRenderer, no event objects, no way to name an arbitrary channel.
 * Every function resolves to a `Result`; none of them ever rejects.
 */
import {
  channels,
  progressEventSchema,
  type ChannelKey,
  type ProgressEvent,
  type Request,
  type Response,
} from '../ipc/contract';
import { fail, IPC_PROBLEM, resultSchema, type Result } from '../ipc/problem';

/** Sends `payload` on IPC channel `channel` and resolves to main's answer. */
export type Invoke = (channel: string, payload: unknown) => Promise<unknown>;
/** Registers a listener for progress payloads; returns the function that removes it. */
export type Subscribe = (listener: (payload: unknown) => void) => () => void;

/** A channel's function: the request may be left out when the channel accepts `undefined`. */
type ApiMethod<C extends ChannelKey> =
  undefined extends Request<C>
    ? (request?: Request<C>) => Promise<Result<Response<C>>>
    : (request: Request<C>) => Promise<Result<Response<C>>>;

export type KeyferryApi = { readonly [C in ChannelKey]: ApiMethod<C> } & {
  /** Calls `listener` with each progress event; returns the unsubscribe function. */
  readonly onProgress: (listener: (event: ProgressEvent) => void) => () => void;
};

function method(channel: ChannelKey, invoke: Invoke) {
  const definition = channels[channel];
  const answer = resultSchema(definition.response);
  return async (request?: unknown): Promise<Result<unknown>> => {
    let raw: unknown;
    try {
      raw = await invoke(definition.name, request);
    } catch {
      return fail(
        IPC_PROBLEM.unavailable,
        `Keyferry's main process did not answer ${definition.name}.`,
        'Restart Keyferry; if this happens again, keep the log and report it.',
        { channel: definition.name },
      );
    }
    const parsed = answer.safeParse(raw);
    return parsed.success
      ? parsed.data
      : fail(
          IPC_PROBLEM.badResponse,
          `The answer to ${definition.name} did not match the contract and was discarded.`,
          'Restart Keyferry; if this happens again, keep the log and report it.',
          { channel: definition.name },
        );
  };
}

/** Builds the frozen `window.keyferry` object over the given transport. */
export function createKeyferryApi(invoke: Invoke, subscribe: Subscribe): KeyferryApi {
  const api: Record<string, unknown> = {};
  for (const channel of Object.keys(channels) as ChannelKey[]) {
    api[channel] = method(channel, invoke);
  }
  api.onProgress = (listener: (event: ProgressEvent) => void) => {
    const unsubscribe = subscribe((payload) => {
      const event = progressEventSchema.safeParse(payload);
      if (event.success) listener(event.data);
    });
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      unsubscribe();
    };
  };
  return Object.freeze(api) as KeyferryApi;
}

declare global {
  interface Window {
    /** The renderer's only way to reach the main process (exposed by src-main/preload/index.ts). */
    readonly keyferry: KeyferryApi;
  }
}
