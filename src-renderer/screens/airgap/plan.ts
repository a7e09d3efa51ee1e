/** The air-gapped screen's steps in order (numbered by their place; sections `air-<name>`). */
import { stepPlan } from '../../components/step-plan';

export const AIR_GAP_PLAN = stepPlan('air', {
  network: 'network.step',
  parameters: 'air.parameters.title',
  // Checked before the witnesses confirm, as `airgap wrap` does: folders first, then the HSM token.
  preflight: 'preflight.title',
  hsm: 'hsm.title',
  // Worded by the step: it names where the parameters came from (bundle or console files).
  fingerprints: null,
  material: 'material.title',
  wrap: 'wrap.title',
  receipt: 'air.receipt.title',
});
