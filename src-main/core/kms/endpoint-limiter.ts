/**
 * How many requests Keyferry has in flight to one KMS endpoint at once, adapted to the API gateway's
 * rate limit: lowered when the gateway throttles and raised slowly while calls go through (additive
 * increase, multiplicative decrease, as TCP does). Every KMS client of the same endpoint shares one
 * limiter (`endpointLimiter`), so the keys a ceremony handles at once (--concurrency) and every
 * connection to that region back off together instead of colliding until their attempts run out.
 *
 * - A throttled answer halves the limit (never below 1), once per round: answers to requests sent
 *   before the last halving do not halve it again.
 * - While a throttled call waits out its backoff, no request is sent to the endpoint (the gateway's
 *   bucket refills), and the throttled call's next attempt goes first.
 * - A call that goes through while the limit was in full use raises it by 1/limit (about one more
 *   request in flight per round of the whole window). Until the first throttle there is no
 *   limit: the callers' own bound (--concurrency) is the only one.
 */

export interface EndpointPermit {
  /** The request has its answer (or failed; `throttled`: the gateway turned it away). Once is enough. */
  release(throttled: boolean): void;
}

export class EndpointLimiter {
  #limit = Number.POSITIVE_INFINITY;
  #inFlight = 0;
  /** Requests sent so far; the number of the last one sent when the limit was last halved. */
  #sent = 0;
  #halvedAfter = 0;
  /** Backoffs under way after throttled answers: nothing is sent while any runs. */
  #pauses = 0;
  /** How many times the limit was reached: a call in flight meanwhile may raise it. */
  #timesFull = 0;
  /** Callers waiting for a permit, first served first (a throttled call's next attempt is put first). */
  readonly #waiting: Array<() => void> = [];

  /** Requests allowed in flight at once now (Infinity until the gateway first throttled). */
  get limit(): number {
    return this.#limit;
  }

  /** Resolves when a request may be sent; `first`: a throttled call's next attempt, served before the others. */
  acquire(first = false): Promise<EndpointPermit> {
    return new Promise((resolve) => {
      const grant = () => resolve(this.#grant());
      if (first) this.#waiting.unshift(grant);
      else this.#waiting.push(grant);
      this.#pump();
    });
  }

  /** Holds every request back until `backoff` settles (a throttled call's wait). */
  async pauseWhile(backoff: Promise<void>): Promise<void> {
    this.#pauses += 1;
    try {
      await backoff;
    } finally {
      this.#pauses -= 1;
      // After the throttled call's continuation has asked again (acquire(true)), so it goes first.
      setImmediate(() => this.#pump());
    }
  }

  #grant(): EndpointPermit {
    this.#inFlight += 1;
    this.#sent += 1;
    const number = this.#sent;
    const timesFullBefore = this.#timesFull;
    if (this.#inFlight >= Math.floor(this.#limit)) this.#timesFull += 1;
    let released = false;
    return {
      release: (throttled) => {
        if (released) return;
        released = true;
        if (throttled) {
          if (number > this.#halvedAfter) {
            this.#limit = Math.max(1, Math.min(this.#limit, this.#inFlight) / 2);
            this.#halvedAfter = this.#sent;
          }
        } else if (this.#timesFull > timesFullBefore) {
          this.#limit += 1 / this.#limit;
        }
        this.#inFlight -= 1;
        this.#pump();
      },
    };
  }

  #pump(): void {
    while (this.#pauses === 0 && this.#inFlight < Math.floor(this.#limit) && this.#waiting.length > 0) {
      this.#waiting.shift()?.();
    }
  }
}

const limiters = new Map<string, EndpointLimiter>();

/** The one limiter of `endpoint` (its origin and path), shared by every client of that endpoint. */
export function endpointLimiter(endpoint: URL): EndpointLimiter {
  const key = `${endpoint.origin}${endpoint.pathname}`;
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = new EndpointLimiter();
    limiters.set(key, limiter);
  }
  return limiter;
}
