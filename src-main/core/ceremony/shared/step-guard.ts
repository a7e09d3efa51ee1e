/**
 * Guarded transitions: each workflow names its states, and its step table
 * (shared/allowed-steps.ts) says from which states every step may run. A step called out of
 * order is refused with CEREMONY_STEP_OUT_OF_ORDER, naming where the ceremony stands and what
 * must happen first (both texts in the catalogue, chosen by the step, the side and the state).
 * Nothing changes when a step is refused.
 */
import { KeyferryError } from '../../errors';
import { ceremonyStateValue, selectCase } from '../../../i18n/ceremony-state';
import {
  mayRunFrom,
  type CeremonyStepName,
  type GuardedCeremony,
  type StepFacts,
  type StepTable,
} from './allowed-steps';

export type { CeremonyStepName } from './allowed-steps';

interface OutOfOrder {
  readonly reason: 'state' | 'notWrapped' | 'notImported' | 'notConnected' | 'bundleNotRead';
  readonly step?: CeremonyStepName;
  readonly side?: GuardedCeremony;
  readonly state?: string;
  readonly keyId?: string;
}

/** CEREMONY_STEP_OUT_OF_ORDER: a step refused for where the ceremony stands (`reason` says what is missing). */
export function stepOutOfOrder(values: OutOfOrder): KeyferryError {
  const side = values.side ?? 'online';
  const state = values.state ?? '';
  return new KeyferryError('CEREMONY_STEP_OUT_OF_ORDER', {
    reason: values.reason,
    step: values.step ?? '',
    side,
    statePhrase: ceremonyStateValue(state),
    next: `${side}_${selectCase(state)}`,
    keyId: values.keyId ?? '',
  });
}

export class StepGuard<S extends string, K extends string = string> {
  #state: S;
  readonly #side: GuardedCeremony;
  readonly #table: StepTable<S, K>;
  readonly #facts: () => StepFacts;
  #stopped = false;

  /** `facts`: which of the table's conditions (a rule's `alsoFrom`) hold now, asked at each step. */
  constructor(side: GuardedCeremony, initial: S, table: StepTable<S, K>, facts: () => StepFacts = () => new Set()) {
    this.#side = side;
    this.#table = table;
    this.#state = initial;
    this.#facts = facts;
  }

  get state(): S {
    return this.#state;
  }

  /** Throws unless the table lets `step` run from the current state (with the facts that hold). */
  require(step: K): void {
    if (this.#stopped) throw new KeyferryError('CEREMONY_STOPPED');
    const rule = this.#table[step];
    if (!mayRunFrom(rule, this.#state, this.#facts())) {
      throw stepOutOfOrder({ reason: 'state', step: rule.doing, side: this.#side, state: this.#state });
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
