/**
 * Guarded transitions: each workflow names its states, and every step says from which states
 * it may run. A step called out of order is refused with CEREMONY_STEP_OUT_OF_ORDER, naming
 * where the ceremony stands and what must happen first. Nothing changes when a step is refused.
 */
import { KeyferryError } from '../../errors';

export class StepGuard<S extends string> {
  #state: S;
  readonly #side: string;
  readonly #nextStepFrom: Readonly<Record<S, string>>;
  #stopped = false;

  /** `nextStepFrom[state]` is the sentence telling a person what to do next in that state. */
  constructor(side: string, initial: S, nextStepFrom: Readonly<Record<S, string>>) {
    this.#side = side;
    this.#state = initial;
    this.#nextStepFrom = nextStepFrom;
  }

  get state(): S {
    return this.#state;
  }

  /** Throws unless the current state is one of `allowed`. `step` names the refused action. */
  require(step: string, allowed: readonly S[]): void {
    if (this.#stopped) throw new KeyferryError('CEREMONY_STOPPED');
    if (!allowed.includes(this.#state)) {
      throw new KeyferryError(
        'CEREMONY_STEP_OUT_OF_ORDER',
        `Cannot ${step} now: the ${this.#side} ceremony is at "${this.#state}".`,
        this.#nextStepFrom[this.#state],
      );
    }
  }

  /** The session was stopped (abandoned or interrupted): every later step is refused with CEREMONY_STOPPED. */
  stop(): void {
    this.#stopped = true;
  }

  /** Moves to `next`; call only after the step succeeded. */
  advance(next: S): void {
    this.#state = next;
  }
}
