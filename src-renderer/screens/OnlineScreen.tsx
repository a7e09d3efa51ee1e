/** The online workstation (and the rehearsal's online side), step by step. */
import { ScreenHeading } from '../components/ScreenHeading';
import { useAppStore } from '../store/store';
import { ConnectionStep } from './online/ConnectionStep';
import { CheckBundleStep, ImportStep, OnlineReceiptStep, VerifyStep } from './online/ImportSteps';
import { CreateKeysStep, KeyListStep } from './online/KeysStep';
import { ParametersStep } from './online/ParametersStep';

export function OnlineScreen() {
  const mode = useAppStore((s) => s.mode);
  const setup = useAppStore((s) => s.setup);
  return (
    <div className="screen">
      <ScreenHeading>{mode === 'rehearsal' ? 'Online side (rehearsal)' : 'Online workstation'}</ScreenHeading>
      {setup && (
        <p className="lead">
          {setup.title}. Operator {setup.operator}; witnesses {setup.witnesses.join(', ')}. Journal and receipts in{' '}
          <span className="file-name">{setup.folder}</span>.
        </p>
      )}
      <ConnectionStep />
      <KeyListStep />
      <CreateKeysStep />
      <ParametersStep />
      <CheckBundleStep />
      <ImportStep />
      <VerifyStep />
      <OnlineReceiptStep />
    </div>
  );
}
