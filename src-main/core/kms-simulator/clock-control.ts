/**
 * The simulator's clock control: `GET|POST /keyferry-sim/v1/clock` on the simulator's own port,
 * so a rehearsal can let a day pass (an import token lapses after 24 hours, imported material at
 * its expiry) without changing the computer's clock. Not part of the Huawei API.
 *
 * Refused unless the simulator was started with clock control (`kms-sim --clock-control`), unless
 * the request comes from loopback and names a loopback Host (a web page cannot reach it through
 * DNS rebinding), and unless a POST says `content-type: application/json` (a browser cannot send
 * that across origins without a preflight, which the simulator never grants). The clock only moves
 * forward, as time does for the real service.
 *
 * GET answers `{now, offsetMs}`; POST takes `{"advanceMs": N}` or `{"to": EPOCH_MS}` and answers
 * the same after the move. Errors: `{"error":{"error_code":"KFSIM.…","error_msg":"…"}}`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { SimulatorClock } from './clock';
import { readBodyUpTo, sendJson } from './http-json';
import { applyTime, type SimState } from './state';

export const CLOCK_CONTROL_PATH = '/keyferry-sim/v1/clock';
/** The most one call may move the clock: ten years. */
export const MAX_CLOCK_MOVE_MS = 10 * 366 * 24 * 60 * 60 * 1000;
const MAX_BODY_BYTES = 1024;

/** The codes the clock control answers with (the `kms-sim advance` command explains each). */
const CLOCK_CONTROL_ERRORS = {
  'KFSIM.CLOCK_CONTROL_OFF': 403,
  'KFSIM.NOT_LOOPBACK': 403,
  'KFSIM.NOT_JSON': 415,
  'KFSIM.BAD_REQUEST': 400,
  'KFSIM.CLOCK_BACKWARDS': 409,
  'KFSIM.METHOD': 405,
  'KFSIM.STATE_WRITE': 500,
} as const;
type ClockControlErrorCode = keyof typeof CLOCK_CONTROL_ERRORS;

export const clockAnswerSchema = z.object({ now: z.number().int(), offsetMs: z.number().int() });
export type ClockAnswer = z.infer<typeof clockAnswerSchema>;

export const clockErrorSchema = z.object({
  error: z.object({
    error_code: z.enum(Object.keys(CLOCK_CONTROL_ERRORS) as [ClockControlErrorCode, ...ClockControlErrorCode[]]),
    error_msg: z.string(),
    /** The simulator's time, on KFSIM.CLOCK_BACKWARDS. */
    now: z.number().int().optional(),
  }),
});

const moveSchema = z.union([
  z.object({ advanceMs: z.number().int().min(0).max(MAX_CLOCK_MOVE_MS) }).strict(),
  z.object({ to: z.number().int().min(0).max(8.64e15) }).strict(),
]);

interface ClockControlDeps {
  readonly enabled: boolean;
  readonly clock: SimulatorClock;
  /** Every region's state: lapsed material goes in each when the clock moves. */
  readonly states: readonly SimState[];
  readonly persist: () => Promise<void>;
  readonly onRequest?: (info: { action: string; status: number }) => void;
}

/** True when `address` (a socket's remote address) is a loopback address. */
function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** True when the Host header names loopback (127.x, localhost or [::1], any port). */
function isLoopbackHostHeader(host: string | undefined): boolean {
  if (!host) return false;
  const name = (host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : (host.split(':')[0] ?? ''))
    .toLowerCase()
    .trim();
  return name === 'localhost' || name === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

class ClockRefusal extends Error {
  constructor(
    readonly code: ClockControlErrorCode,
    message: string,
    readonly now?: number,
  ) {
    super(message);
  }
}

const bodyTooLarge = () => new ClockRefusal('KFSIM.BAD_REQUEST', `The body is larger than ${MAX_BODY_BYTES} bytes.`);

function send(res: ServerResponse, status: number, body: unknown): void {
  sendJson(res, status, body, { 'cache-control': 'no-store' });
}

async function move(req: IncomingMessage, deps: ClockControlDeps): Promise<void> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json')
    throw new ClockRefusal('KFSIM.NOT_JSON', 'The body must be sent as content-type: application/json.');
  let json: unknown;
  try {
    json = JSON.parse((await readBodyUpTo(req, MAX_BODY_BYTES, bodyTooLarge)).toString('utf8'));
  } catch (error) {
    if (error instanceof ClockRefusal) throw error;
    throw new ClockRefusal('KFSIM.BAD_REQUEST', 'The body is not JSON.');
  }
  const parsed = moveSchema.safeParse(json);
  if (!parsed.success)
    throw new ClockRefusal(
      'KFSIM.BAD_REQUEST',
      `Send {"advanceMs": N} (0 to ${MAX_CLOCK_MOVE_MS}) or {"to": EPOCH_MS}, nothing else.`,
    );
  const now = deps.clock.now();
  const target = 'advanceMs' in parsed.data ? now + parsed.data.advanceMs : parsed.data.to;
  if (target < now)
    throw new ClockRefusal(
      'KFSIM.CLOCK_BACKWARDS',
      `The simulator's time is ${new Date(now).toISOString()}; it moves only forward.`,
      now,
    );
  if (target - now > MAX_CLOCK_MOVE_MS)
    throw new ClockRefusal('KFSIM.BAD_REQUEST', 'One call moves the clock at most ten years.');
  // An advance moves the offset by exactly the amount asked: re-reading the clock to set an absolute
  // time would lose the milliseconds that pass between the two readings.
  if ('advanceMs' in parsed.data) deps.clock.advance(parsed.data.advanceMs);
  else deps.clock.set(target);
  for (const state of deps.states) applyTime(state, deps.clock.now());
  await deps.persist();
}

/** Handles one request to the clock control path; never throws. */
export async function handleClockControl(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ClockControlDeps,
): Promise<void> {
  let status = 200;
  try {
    if (!deps.enabled)
      throw new ClockRefusal(
        'KFSIM.CLOCK_CONTROL_OFF',
        'This simulator was not started with clock control (kms-sim --clock-control).',
      );
    if (!isLoopbackAddress(req.socket.remoteAddress) || !isLoopbackHostHeader(req.headers.host))
      throw new ClockRefusal('KFSIM.NOT_LOOPBACK', 'The clock is moved only from this computer (loopback).');
    if (req.method === 'POST') await move(req, deps);
    else if (req.method !== 'GET') throw new ClockRefusal('KFSIM.METHOD', 'Use GET or POST.');
    send(res, 200, { now: deps.clock.now(), offsetMs: deps.clock.offset() } satisfies ClockAnswer);
  } catch (error) {
    const refusal =
      error instanceof ClockRefusal
        ? error
        : new ClockRefusal('KFSIM.STATE_WRITE', 'The simulator could not write its state file.');
    status = CLOCK_CONTROL_ERRORS[refusal.code];
    send(res, status, {
      error: {
        error_code: refusal.code,
        error_msg: refusal.message,
        ...(refusal.now !== undefined ? { now: refusal.now } : {}),
      },
    });
  } finally {
    deps.onRequest?.({ action: 'clock', status });
  }
}
