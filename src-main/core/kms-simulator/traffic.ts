/**
 * How the simulator behaves like a distant, rate-limited region: every answer takes `latencyMs`
 * (the round trip a real region costs), and the API gateway admits at most `ratePerSecond`
 * requests a second (a token bucket holding one second's worth), answering the rest with
 * APIG.0308 (HTTP 429) before the KMS sees them. It also counts what a bench or test wants to know:
 * requests, throttled answers and the most requests in flight at once.
 */
export interface SimulatorTrafficOptions {
  /** Added to every answer, in milliseconds (default 0). */
  readonly latencyMs?: number;
  /** Requests admitted per second; absent or 0: no rate limit. */
  readonly ratePerSecond?: number;
}

export interface SimulatorTrafficStats {
  readonly requests: number;
  readonly throttled: number;
  readonly maxInFlight: number;
}

export class SimulatorTraffic {
  readonly latencyMs: number;
  readonly ratePerSecond: number;
  readonly #now: () => number;
  #tokens: number;
  #refilledAt: number;
  #inFlight = 0;
  #maxInFlight = 0;
  #requests = 0;
  #throttled = 0;

  constructor(options: SimulatorTrafficOptions = {}, now: () => number = () => performance.now()) {
    this.latencyMs = Math.max(0, options.latencyMs ?? 0);
    this.ratePerSecond = Math.max(0, options.ratePerSecond ?? 0);
    this.#now = now;
    this.#tokens = this.ratePerSecond;
    this.#refilledAt = now();
  }

  /** A request arrived; resolves after the simulated latency. */
  async arrive(): Promise<void> {
    this.#requests += 1;
    this.#inFlight += 1;
    this.#maxInFlight = Math.max(this.#maxInFlight, this.#inFlight);
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
  }

  /** The request was answered (or dropped). */
  leave(): void {
    this.#inFlight -= 1;
  }

  /** True when the gateway lets the request through; false means answer APIG.0308. */
  admit(): boolean {
    if (this.ratePerSecond === 0) return true;
    const now = this.#now();
    this.#tokens = Math.min(this.ratePerSecond, this.#tokens + ((now - this.#refilledAt) / 1000) * this.ratePerSecond);
    this.#refilledAt = now;
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      return true;
    }
    this.#throttled += 1;
    return false;
  }

  stats(): SimulatorTrafficStats {
    return { requests: this.#requests, throttled: this.#throttled, maxInFlight: this.#maxInFlight };
  }
}
