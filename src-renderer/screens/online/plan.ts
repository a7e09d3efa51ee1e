/** The online screen's steps in order (numbered by their place; sections `online-<name>`). */
import { stepPlan } from '../../components/step-plan';

export const ONLINE_PLAN = stepPlan('online', {
  // Worded by the step: a rehearsal starts the simulator instead.
  connect: null,
  keys: 'keys.title',
  create: 'create.title',
  parameters: 'params.title',
  check: 'check.title',
  import: 'import.title',
  verify: 'verify.title',
  receipt: 'online.receipt.title',
});
