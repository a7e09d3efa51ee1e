/** The custody restore screen's steps in order (numbered by their place; sections `restore-<name>`). */
import { stepPlan } from '../../components/step-plan';

export const RESTORE_PLAN = stepPlan('restore', {
  network: 'network.step',
  parameters: 'restore.parameters.title',
  preflight: 'restore.preflight.title',
  fingerprint: 'restore.fingerprint.title',
  shares: 'restore.shares.title',
  rebuild: 'restore.rebuild.title',
  wrap: 'wrap.title',
  receipt: 'restore.receipt.title',
});
