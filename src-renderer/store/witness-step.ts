/**
 * The witnesses' confirmation step of both sides on the air-gapped workstation (the air-gapped
 * side's and the custody restore's): the artefact as it now stands replaces its entry in the side's
 * list. The refusal that stopped the session is said once, by the step's notice of the stop
 * (components/StoppedSession.tsx), not again beside it.
 */
import type { Request } from '../../src-main/ipc/contract';
import type { StepMaker } from './step';
import type { AppState } from './store';
import { uiAction } from './ui-action';

/** Each side's confirmation channel: its screen section, the store's list of what is confirmed, and its session view. */
const WITNESS_STEP_OF = {
  confirmAsWitness: { section: 'air-fingerprints', list: 'confirmations', view: 'airGap' },
  restoreConfirmAsWitness: { section: 'restore-fingerprint', list: 'restoreConfirmations', view: 'restore' },
} as const;

type WitnessChannel = keyof typeof WITNESS_STEP_OF;

/** The store action of `channel`'s confirmation step. */
export function witnessStep<C extends WitnessChannel>(
  { step, followedBy }: Pick<StepMaker, 'step' | 'followedBy'>,
  set: (partial: Partial<AppState>) => void,
  get: () => AppState,
  channel: C,
): (request: Request<C>) => Promise<boolean> {
  const { section, list, view } = WITNESS_STEP_OF[channel];
  return followedBy(
    step(
      channel,
      section,
      ({ witness }) => uiAction('action.recording-confirmation', { witness }),
      ({ confirmed }) => set({ [list]: get()[list].map((a) => (a.index === confirmed.index ? confirmed : a)) }),
    ),
    async () => {
      const { ceremony, problem } = get();
      if (ceremony?.[view]?.stopped && problem?.section === section) set({ problem: null });
    },
  );
}
