/** The air-gapped screen's steps in order (numbered by their place; sections `air-<name>`). */
import { stepPlan } from '../../components/step-plan';

export const AIR_GAP_PLAN = stepPlan('air', {
  network: 'network.step',
  parameters: 'air.parameters.title',
  // Worded by the step: it names where the parameters came from (bundle or console files).
  fingerprints: null,
  preflight: 'preflight.title',
  material: 'material.title',
  wrap: 'wrap.title',
  receipt: 'air.receipt.title',
});
