/**
 * Routes one IPC call: known channel? valid request? run the handler, check its answer, flatten
 * any failure into a problem. Never throws and never lets a stack or an Error object out: the
 * caller (src-main/app/ipc-bridge.ts, or a test) always gets a plain `Result`.
 */
import type { z } from 'zod';
import { KeyferryError, toProblem } from '../core/errors';
import { channels, CHANNELS_BESIDE_A_STEP, type ChannelDefinition, type ChannelKey } from './contract';
import type { OperationLog } from './context';
import type { Handlers } from './handlers/index';
import { REQUEST_CHECKS, type RequestCheck } from './schemas/common';
import { IPC_PROBLEM, ok, type Problem, type Result } from './problem';
import { shownInTheApp } from './shown-in-the-app';

export interface IpcRouter {
  /** Every IPC channel name of the contract, e.g. `app.info`. */
  readonly channelNames: readonly string[];
  /** Runs the call for IPC channel `channelName` with an untrusted `payload`. */
  route(channelName: string, payload: unknown): Promise<Result<unknown>>;
}

type AnyHandler = (request: unknown) => unknown;

/** Describes validation issues by path and rule, never by value (values may be secrets). */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ')
    .slice(0, 500);
}

/** A rule a request broke, as `problem.IPC_BAD_REQUEST` names it (`rule` select). */
type RequestRule =
  | 'missing'
  | 'wrongType'
  | 'tooShort'
  | 'tooLong'
  | 'tooSmall'
  | 'tooLarge'
  | 'badFormat'
  | 'notOneOf'
  | 'unknownField'
  | RequestCheck
  | 'other';

function valueAt(payload: unknown, at: readonly PropertyKey[]): unknown {
  let value = payload;
  for (const key of at) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Which rule `issue` reports, and the limit it names (0 when none): never zod's English sentence. */
function ruleOf(issue: z.core.$ZodIssue, payload: unknown): { rule: RequestRule; limit: number } {
  const sized = (limit: unknown, origin: unknown, small: boolean) => ({
    rule: (origin === 'number' || origin === 'bigint' || origin === 'date'
      ? small
        ? 'tooSmall'
        : 'tooLarge'
      : small
        ? 'tooShort'
        : 'tooLong') as RequestRule,
    limit: Number(limit) || 0,
  });
  switch (issue.code) {
    case 'invalid_type':
      return { rule: valueAt(payload, issue.path) === undefined ? 'missing' : 'wrongType', limit: 0 };
    case 'too_small':
      return sized(issue.minimum, issue.origin, true);
    case 'too_big':
      return sized(issue.maximum, issue.origin, false);
    case 'invalid_format':
      return { rule: 'badFormat', limit: 0 };
    case 'invalid_value':
    case 'invalid_union':
      return { rule: 'notOneOf', limit: 0 };
    case 'unrecognized_keys':
      return { rule: 'unknownField', limit: 0 };
    case 'custom': {
      const rule = (issue.params as { rule?: unknown } | undefined)?.rule;
      return {
        rule: (REQUEST_CHECKS as readonly unknown[]).includes(rule) ? (rule as RequestCheck) : 'other',
        limit: 0,
      };
    }
    default:
      return { rule: 'other', limit: 0 };
  }
}

/**
 * A request the contract refused, as a problem the renderer shows in its language: the channel,
 * the first offending field's path and the rule it broke (codes and numbers, never the value,
 * which may be a secret, and never zod's English), and how many more issues there were.
 */
function badRequestProblem(channel: string, error: z.ZodError, payload: unknown): Problem {
  const [first] = error.issues;
  const { rule, limit } = first ? ruleOf(first, payload) : { rule: 'other' as const, limit: 0 };
  const field = first && first.path.length > 0 ? first.path.map(String).join('.').slice(0, 200) : 'none';
  const more = Math.max(0, error.issues.length - 1);
  return new KeyferryError('IPC_BAD_REQUEST', { channel, field, rule, limit, more }).toProblem();
}

export function createIpcRouter(handlers: Handlers, log: OperationLog): IpcRouter {
  const byName = new Map<string, { definition: ChannelDefinition; handler: AnyHandler; step: boolean }>();
  for (const key of Object.keys(channels) as ChannelKey[]) {
    const definition: ChannelDefinition = channels[key];
    const step = !CHANNELS_BESIDE_A_STEP.includes(key);
    byName.set(definition.name, { definition, handler: handlers[key] as AnyHandler, step });
  }
  /** The step channel running now: a second step is refused (STEP_RUNNING), never queued to run after it. */
  let running: string | undefined;

  async function route(channelName: string, payload: unknown): Promise<Result<unknown>> {
    const entry = byName.get(channelName);
    if (!entry) {
      log.warn('ipc.unknown-channel', { channel: String(channelName).slice(0, 100) });
      return { ok: false, problem: new KeyferryError(IPC_PROBLEM.unknownChannel).toProblem() };
    }
    const { definition, handler, step } = entry;
    const request = definition.request.safeParse(payload);
    if (!request.success) {
      log.warn('ipc.bad-request', { channel: channelName, issues: describeIssues(request.error) });
      return { ok: false, problem: badRequestProblem(channelName, request.error, payload) };
    }
    if (step && running !== undefined) {
      log.warn('ipc.step-running', { channel: channelName, running });
      return { ok: false, problem: new KeyferryError('STEP_RUNNING').toProblem() };
    }
    let value: unknown;
    if (step) running = channelName;
    try {
      value = await handler(request.data);
    } catch (error) {
      const problem = shownInTheApp(toProblem(error));
      log.warn('ipc.handler-failed', { channel: channelName, code: problem.code, message: problem.message });
      return { ok: false, problem };
    } finally {
      if (step) running = undefined;
    }
    const response = definition.response.safeParse(value);
    if (!response.success) {
      log.error('ipc.bad-response', { channel: channelName, issues: describeIssues(response.error) });
      return { ok: false, problem: new KeyferryError(IPC_PROBLEM.badResponse, { channel: channelName }).toProblem() };
    }
    return ok(response.data);
  }

  return { channelNames: [...byName.keys()], route };
}
