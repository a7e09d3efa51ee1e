/** The online workstation (and the rehearsal's online side), step by step. */
import { CeremonyPeople } from '../components/CeremonyPeople';
import { ScreenHeading } from '../components/ScreenHeading';
import { useAppStore } from '../store/store';
import { CeremonyKeys } from './online/CeremonyKeys';
import { ConnectionStep } from './online/ConnectionStep';
import { CheckBundleStep, ImportStep, OnlineReceiptStep, VerifyStep } from './online/ImportSteps';
import { CreateKeysStep, KeyListStep } from './online/KeysStep';
import { ParametersStep } from './online/ParametersStep';
import { SimulatorClock } from './online/SimulatorClock';
import { useT } from '../i18n';

export function OnlineScreen() {
  const mode = useAppStore((s) => s.mode);
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
      <CheckBundleStep />
      <ImportStep />
      <VerifyStep />
      <OnlineReceiptStep />
    </div>
  );
}
