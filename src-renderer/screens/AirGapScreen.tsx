/** The air-gapped workstation (and the rehearsal's air-gapped side), step by step. */
import { NetworkBanner } from '../components/NetworkBanner';
import { CeremonyPeople } from '../components/CeremonyPeople';
import { ScreenHeading } from '../components/ScreenHeading';
import { useAppStore } from '../store/store';
import { AirGapReceiptStep, MaterialStep, WrapStep } from './airgap/MaterialSteps';
import { FingerprintStep, NetworkStep, ParametersStep } from './airgap/ParametersSteps';
import { PreflightStep } from './airgap/PreflightStep';
import { HsmStep } from './airgap/HsmStep';
import { useT } from '../i18n';

export function AirGapScreen() {
  const mode = useAppStore((s) => s.mode);
  const { t } = useT();
  return (
    <div className="screen">
      <ScreenHeading>{t('airgap.heading', { rehearsal: mode === 'rehearsal' ? 'yes' : 'no' })}</ScreenHeading>
      <NetworkBanner />
      <CeremonyPeople />
      <NetworkStep />
      <ParametersStep />
      <PreflightStep />
      <HsmStep />
      <FingerprintStep />
      <MaterialStep />
      <WrapStep />
      <AirGapReceiptStep />
    </div>
  );
}
