/**
 * One HTTP request through the simulator, as the real service treats it: route
 * (POST /v1.0/{project_id}/kms/{action}), authenticate, check the project, parse JSON, let time
 * pass (lapsed material), run the action, persist any change, then answer (faults permitting).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SIMULATOR_ACTIONS } from './actions/index';
import type { SimAuthenticator } from './auth';
import type { SimContext } from './context';
import type { SimulatorFaults } from './faults';
import type { Body } from './fields';
import { readBodyUpTo, sendJson } from './http-json';
import { SimError, simError } from './sim-error';
import { applyTime } from './state';
import { eventLoopSlicer } from '../yield';
import type { SimulatorTraffic } from './traffic';

const MAX_REQUEST_BYTES = 1024 * 1024;
const ROUTE = /^\/v1\.0\/([^/?]+)\/kms\/([a-z-]+)$/;

interface RequestHandlerDeps {
  readonly ctx: SimContext;
  readonly auth: SimAuthenticator;
  readonly faults: SimulatorFaults;
  readonly traffic: SimulatorTraffic;
  /** Persists the state; resolves once written. */
  readonly persist: () => Promise<void>;
  readonly onRequest?: (info: { action: string; status: number }) => void;
}

class TooLarge extends Error {}

function send(res: ServerResponse, status: number, body: unknown, requestId: string): void {
  sendJson(res, status, body, { 'x-request-id': requestId });
}

function parseBody(body: Buffer): Body {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw simError('KMS.0202');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw simError('KMS.0202');
  return json as Body;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Handles one request end to end; never throws. */
export async function handleSimulatorRequest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: RequestHandlerDeps,
  unknownRegion = false,
): Promise<void> {
  const requestId = randomUUID().replace(/-/g, '');
  const rawUrl = req.url ?? '/';
  const route = ROUTE.exec(rawUrl.split('?')[0] ?? '');
  const action = route?.[2] ?? '';
  let status = 200;
  const answer = (code: number, body: unknown) => {
    status = code;
    send(res, code, body, requestId);
  };
  try {
    await deps.traffic.arrive();
    let bytes: Buffer;
    try {
      bytes = await readBodyUpTo(req, MAX_REQUEST_BYTES, () => new TooLarge());
    } catch (error) {
      if (error instanceof TooLarge) throw simError('KMS.0203');
      throw error;
    }
    const handler = route && req.method === 'POST' ? SIMULATOR_ACTIONS[action] : undefined;
    // A region this simulator does not serve has no such API, as a region without KMS would answer.
    if (!route || !handler || unknownRegion) throw new SimError('APIGW.0101');
    deps.auth.verify({ method: req.method ?? 'POST', rawUrl, headers: req.headers, body: bytes });
    const projectHeader = req.headers['x-project-id'];
    if (
      safeDecode(route[1] ?? '') !== deps.ctx.state.projectId ||
      (projectHeader !== undefined && projectHeader !== deps.ctx.state.projectId)
    ) {
      throw simError('KMS.0306', 'The project ID does not belong to these credentials.');
    }
    if (!deps.traffic.admit() || deps.faults.take(action, 'gateway')) throw new SimError('APIG.0308');
    const body = parseBody(bytes);
    if (action === 'import-key-material' && typeof body.key_id === 'string') {
      deps.ctx.importsReceived.set(body.key_id, (deps.ctx.importsReceived.get(body.key_id) ?? 0) + 1);
    }
    // Imports due together (eight in flight, each an RSA decryption) take turns of the event loop once
    // a slice is used: in a rehearsal the simulator runs in the app's main process (issue 15). Only
    // imports: a create answered after a later one would reorder the ceremony's keys. Before the
    // clock is applied, so an import is handled at the time its lapses were applied for.
    if (action === 'import-key-material') await eventLoopSlicer().pause();
    if (applyTime(deps.ctx.state, deps.ctx.now())) await deps.persist();

    const keyId = typeof body.key_id === 'string' ? body.key_id : undefined;
    const before = deps.faults.take(action, 'before', keyId);
    if (before?.kind === 'drop') {
      req.socket.destroy();
      status = 0;
      return;
    }
    if (before?.kind === 'status') return answer(before.status, new SimError('KMS.0101').body(requestId));

    const result = await handler(deps.ctx, body);
    if (result.changed) {
      try {
        await deps.persist();
      } catch {
        throw simError('KMS.0102', 'The simulator could not write its state file.');
      }
    }

    const after = deps.faults.take(action, 'after', keyId);
    if (after?.kind === 'delay') await sleep(after.ms);
    if (after?.kind === 'drop') {
      req.socket.destroy();
      status = 0;
      return;
    }
    if (after?.kind === 'status') return answer(after.status, new SimError('KMS.0101').body(requestId));
    answer(200, after?.kind === 'rewrite' ? after.rewrite(result.body as Record<string, unknown>) : result.body);
  } catch (error) {
    const simulated = error instanceof SimError ? error : new SimError('KMS.0101');
    answer(simulated.status, simulated.body(requestId));
  } finally {
    deps.traffic.leave();
    deps.onRequest?.({ action: action || rawUrl.slice(0, 80), status });
  }
}
