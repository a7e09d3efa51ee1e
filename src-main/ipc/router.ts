/**
 * Routes one IPC call: known channel? valid request? run the handler, check its answer, flatten
 * any failure into a problem. Never throws and never lets a stack or an Error object out: the
 * caller (src-main/app/ipc-bridge.ts, or a test) always gets a plain `Result`.
 */
import type { z } from 'zod';
import { toProblem } from '../core/errors';
import { channels, type ChannelDefinition, type ChannelKey } from './contract';
import type { OperationLog } from './context';
import type { Handlers } from './handlers/index';
import { fail, IPC_PROBLEM, ok, type Result } from './problem';

export interface IpcRouter {
  /** Every IPC channel name of the contract, e.g. `app.info`. */
  readonly channelNames: readonly string[];
  /** Runs the call for IPC channel `channelName` with an untrusted `payload`. */
  route(channelName: string, payload: unknown): Promise<Result<unknown>>;
}

type AnyHandler = (request: unknown) => unknown;

/** Describes validation issues by path and rule, never by value (values may be secrets). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ')
    .slice(0, 500);
}

export function createIpcRouter(handlers: Handlers, log: OperationLog): IpcRouter {
  const byName = new Map<string, { definition: ChannelDefinition; handler: AnyHandler }>();
  for (const key of Object.keys(channels) as ChannelKey[]) {
    const definition: ChannelDefinition = channels[key];
    byName.set(definition.name, { definition, handler: handlers[key] as AnyHandler });
  }

  async function route(channelName: string, payload: unknown): Promise<Result<unknown>> {
    const entry = byName.get(channelName);
    if (!entry) {
      log.warn('ipc.unknown-channel', { channel: String(channelName).slice(0, 100) });
      return fail(
        IPC_PROBLEM.unknownChannel,
        'The app asked for an operation that does not exist.',
        'Restart Keyferry; if this happens again, report it with the log.',
      );
    }
    const { definition, handler } = entry;
    const request = definition.request.safeParse(payload);
    if (!request.success) {
      log.warn('ipc.bad-request', { channel: channelName, issues: describeIssues(request.error) });
      return fail(
        IPC_PROBLEM.badRequest,
        `The request for ${channelName} was not valid (${describeIssues(request.error)}).`,
        'Check what was entered and try again.',
      );
    }
    let value: unknown;
    try {
      value = await handler(request.data);
    } catch (error) {
      const problem = toProblem(error);
      log.warn('ipc.handler-failed', { channel: channelName, code: problem.code, message: problem.message });
      return { ok: false, problem };
    }
    const response = definition.response.safeParse(value);
    if (!response.success) {
      log.error('ipc.bad-response', { channel: channelName, issues: describeIssues(response.error) });
      return fail(
        IPC_PROBLEM.badResponse,
        `Keyferry produced an answer for ${channelName} that does not match its contract; it was discarded.`,
        'Nothing was marked as done. Retry; if it fails again, keep the log and report it.',
      );
    }
    return ok(response.data);
  }

  return { channelNames: [...byName.keys()], route };
}
