/**
 * Guarded transitions: each workflow names its states, and its step table
 * (shared/allowed-steps.ts) says from which states every step may run. A step called out of order is refused with CEREMONY_STEP_OUT_OF_ORDER, naming
 * where the ceremony stands and what must happen first. Nothing changes when a step is refused.
 */
import { KeyferryError } from '../../errors';
import type { StepTable } from './allowed-steps';

export class StepGuard<S extends string, K extends string = string> {
  #state: S;
  readonly #side: string;
  readonly #nextStepFrom: Readonly<Record<S, string>>;
  readonly #table: StepTable<S, K>;
  #stopped = false;

  /** `nextStepFrom[state]` is the sentence telling a person what to do next in that state. */
  constructor(side: string, initial: S, nextStepFrom: Readonly<Record<S, string>>, table: StepTable<S, K>) {
    this.#side = side;
    this.#table = table;
    this.#state = initial;
    this.#nextStepFrom = nextStepFrom;
  }

  get state(): S {
    return this.#state;
  }

  /** Throws unless the table lets `step` run from the current state. */
  require(step: K): void {
    if (this.#stopped) throw new KeyferryError('CEREMONY_STOPPED');
    const rule = this.#table[step];
    if (!rule.from.includes(this.#state)) {
      throw new KeyferryError(
        'CEREMONY_STEP_OUT_OF_ORDER',
        `Cannot ${rule.doing} now: the ${this.#side} ceremony is at "${this.#state}".`,
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
