/** The air-gapped workstation (and the rehearsal's air-gapped side), step by step. */
import { NetworkBanner } from '../components/NetworkBanner';
import { ScreenHeading } from '../components/ScreenHeading';
import { useAppStore } from '../store/store';
import { AirGapReceiptStep, MaterialStep, WrapStep } from './airgap/MaterialSteps';
import { FingerprintStep, NetworkStep, ParametersStep } from './airgap/ParametersSteps';

export function AirGapScreen() {
  const mode = useAppStore((s) => s.mode);
  const setup = useAppStore((s) => s.setup);
  return (
    <div className="screen">
      <ScreenHeading>{mode === 'rehearsal' ? 'Air-gapped side (rehearsal)' : 'Air-gapped workstation'}</ScreenHeading>
      <NetworkBanner />
      {setup && (
        <p className="lead">
          {setup.title}. Operator {setup.operator}; witnesses {setup.witnesses.join(', ')}.
        </p>
      )}
      <NetworkStep />
      <ParametersStep />
      <FingerprintStep />
      <MaterialStep />
      <WrapStep />
      <AirGapReceiptStep />
    </div>
  );
}
