/**
 * The air-gapped HSM token check, its own step after the folder check and before the witnesses
 * confirm (as `airgap wrap` does it): enabled when the core allows the HSM check (from the read
 * parameters on), so a token that cannot do the ceremony, a label already taken or a key label
 * several objects answer is refused before anyone types. Generating stays in the material step.
 */
import { PlannedStep } from '../../components/PlannedStep';
import { selectParameterKeys } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { useAirGapSteps } from '../../store/allowed-steps';
import { useT } from '../../i18n';
import { HsmTokenCheck } from './HsmSource';
import { AIR_GAP_PLAN } from './plan';

export function HsmStep() {
  const steps = useAirGapSteps();
  const keys = useAppStore(selectParameterKeys);
  const plan = useAppStore((s) => s.ceremony?.airGap?.preflight ?? null);
  const accepted = useAppStore((s) => s.hsmCapability?.accepted ?? false);
  const { t } = useT();
  const planned = plan?.materialFromHsm === true;
  const available = planned && steps.canRun('useHsm');
  const state = steps.stopped ? 'stopped' : planned && accepted ? 'done' : available ? 'current' : 'waiting';
  return (
    <PlannedStep plan={AIR_GAP_PLAN.hsm} state={state}>
      {plan === null ? (
        steps.canRun('useHsm') && (
          <p className="hint">{t('hsm.after-folders', { number: AIR_GAP_PLAN.preflight.number })}</p>
        )
      ) : !planned ? (
        <p className="hint">{t('hsm.not-planned')}</p>
      ) : plan.custody !== null ? (
        <p className="banner banner-warning">{t('hsm.custody-planned')}</p>
      ) : (
        <HsmTokenCheck available={available} keys={keys} />
      )}
    </PlannedStep>
  );
}
