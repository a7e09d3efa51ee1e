/**
 * Faults a test can inject into the simulator's answers, per action: delay the answer (after the
 * action took effect), answer with an HTTP error, or drop the connection, either before the
 * action runs or after it took effect. Each injected fault fires `times` times.
 */
type FaultTiming = 'before' | 'after';
/** Where a fault fires: at the API gateway (before the KMS sees the request), or before/after the action. */
type FaultPlace = FaultTiming | 'gateway';

/** A test's rewrite of an answer body (a KMS answering something it never would). */
type AnswerRewrite = (body: Record<string, unknown>) => Record<string, unknown>;

type Fault =
  | { readonly kind: 'delay'; readonly ms: number }
  | { readonly kind: 'rewrite'; readonly rewrite: AnswerRewrite }
  | { readonly kind: 'status'; readonly status: number; readonly when: FaultTiming }
  | { readonly kind: 'drop'; readonly when: FaultTiming }
  | { readonly kind: 'throttle' };

interface Armed {
  readonly action: string;
  readonly fault: Fault;
  remaining: number;
  /** Matching requests to let through before the fault starts firing. */
  skip: number;
  /** Only requests naming this key (`key_id` in the body); absent: any. */
  readonly keyId?: string;
}

export class SimulatorFaults {
  readonly #armed: Armed[] = [];

  /** Delays the answer to `action` by `ms`; the action itself takes effect at once. */
  delayAnswer(action: string, ms: number, times = 1): void {
    this.#armed.push({ action, fault: { kind: 'delay', ms }, remaining: times, skip: 0 });
  }

  /**
   * Answers `action` with HTTP `status` (a KMS.0101 body), before it runs or after it took
   * effect, `times` times once `skip` matching requests went through normally; with `keyId`, only
   * requests for that key match (one key's import refused while the others' go through).
   */
  failWith(action: string, status: number, when: FaultTiming, times = 1, skip = 0, keyId?: string): void {
    this.#armed.push({
      action,
      fault: { kind: 'status', status, when },
      remaining: times,
      skip,
      ...(keyId === undefined ? {} : { keyId }),
    });
  }

  /** Drops the connection of `action`, before it runs or after it took effect. */
  dropConnection(action: string, when: FaultTiming, times = 1): void {
    this.#armed.push({ action, fault: { kind: 'drop', when }, remaining: times, skip: 0 });
  }

  /**
   * Answers `action` (after it took effect) with `rewrite` applied to the answer's JSON, e.g. a
   * get-parameters-for-import answer carrying a weak wrapping key, as a tampered path would.
   */
  rewriteAnswer(action: string, rewrite: AnswerRewrite, times = 1): void {
    this.#armed.push({ action, fault: { kind: 'rewrite', rewrite }, remaining: times, skip: 0 });
  }

  /**
   * Answers `action` APIG.0308 (HTTP 429) at the API gateway, as an exceeded rate limit does: the
   * KMS never sees the request. Fires `times` times once `skip` matching requests went through.
   */
  throttle(action: string, times = 1, skip = 0): void {
    this.#armed.push({ action, fault: { kind: 'throttle' }, remaining: times, skip });
  }

  clear(): void {
    this.#armed.splice(0);
  }

  /**
   * Takes the next armed fault for `action` at `place` ('after' also yields delays and rewrites), for
   * a request naming `keyId` when known.
   */
  take(action: string, place: FaultPlace, keyId?: string): Fault | undefined {
    const index = this.#armed.findIndex(
      (a) => a.action === action && placeOf(a.fault) === place && (a.keyId === undefined || a.keyId === keyId),
    );
    const armed = index < 0 ? undefined : this.#armed[index];
    if (!armed) return undefined;
    if (armed.skip > 0) {
      armed.skip -= 1;
      return undefined;
    }
    armed.remaining -= 1;
    if (armed.remaining <= 0) this.#armed.splice(index, 1);
    return armed.fault;
  }
}

function placeOf(fault: Fault): FaultPlace {
  if (fault.kind === 'throttle') return 'gateway';
  if (fault.kind === 'delay' || fault.kind === 'rewrite') return 'after';
  return fault.when;
}
