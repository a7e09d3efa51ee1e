/** The online workstation (and the rehearsal's online side), step by step. */
import { CeremonyPeople } from '../components/CeremonyPeople';
import { ScreenHeading } from '../components/ScreenHeading';
import { useAppStore } from '../store/store';
import { CeremonyKeys } from './online/CeremonyKeys';
import { ConnectionStep } from './online/ConnectionStep';
import { CheckBundleStep, ImportStep, OnlineReceiptStep, VerifyStep } from './online/ImportSteps';
import { CreateKeysStep } from './online/CreateKeysStep';
import { KeyListStep } from './online/KeysStep';
import { ParametersStep } from './online/ParametersStep';
import { SimulatorClock } from './online/SimulatorClock';
import { useT } from '../i18n';

export function OnlineScreen() {
  const mode = useAppStore((s) => s.mode);
  // The digest typed for a bundle wrapped for older parameters is of no use once new ones were fetched.
  const parameterFetches = useAppStore((s) => s.parameterFetches);
  const { t } = useT();
  return (
    <div className="screen">
      <ScreenHeading>{t('online.heading', { rehearsal: mode === 'rehearsal' ? 'yes' : 'no' })}</ScreenHeading>
      <CeremonyPeople showFolder />
      <ConnectionStep />
      <SimulatorClock />
      <KeyListStep />
      <CreateKeysStep />
      <CeremonyKeys />
      <ParametersStep />
      <CheckBundleStep key={parameterFetches} />
      <ImportStep />
      <VerifyStep />
      <OnlineReceiptStep />
    </div>
  );
}
