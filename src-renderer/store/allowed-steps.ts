/** The screens' hooks over the session views (the pure questions are in ./step-questions). */
import type { AirGapStepId, OnlineStepId, RestoreStepId } from '../../src-main/ipc/contract';
import { stepQuestions, type StepQuestions } from './step-questions';
import { useAppStore } from './store';

export type { StepQuestions } from './step-questions';

export const useOnlineSteps = (): StepQuestions<OnlineStepId> => stepQuestions(useAppStore((s) => s.ceremony?.online));
export const useAirGapSteps = (): StepQuestions<AirGapStepId> =>
  stepQuestions(
    useAppStore((s) => s.ceremony?.airGap),
    'checkNetwork',
  );
export const useRestoreSteps = (): StepQuestions<RestoreStepId> =>
  stepQuestions(
    useAppStore((s) => s.ceremony?.restore),
    'checkNetwork',
  );
