/** A ceremony screen's receipt step: "Write the receipt", then the receipt as written (print, save as PDF). */
import type { ReactNode } from 'react';
import type { RecordKind } from '../../src-main/ipc/contract';
import type { StepQuestions } from '../store/step-questions';
import { ReceiptPanel } from './ReceiptPanel';
import { StepButton } from './Step';
import { PlannedStep } from './PlannedStep';
import type { PlannedStepOf } from './step-plan';
import { useT, type PlainKey } from '../i18n';
import { useAppStore, type AppState } from '../store/store';

/** Each side's "write the receipt" action. */
const WRITE_RECEIPT: Readonly<Record<RecordKind, (s: AppState) => () => Promise<boolean>>> = {
  online: (s) => s.writeOnlineReceipt,
  'air-gapped': (s) => s.writeAirGapReceipt,
  'custody-restore': (s) => s.writeRestoreReceipt,
};

export function ReceiptStep({
  plan,
  side,
  steps,
  children,
}: {
  /** The screen plan's receipt step. */
  plan: PlannedStepOf<PlainKey>;
  side: RecordKind;
  /** The side's step questions: the receipt step is `writeReceipt` on every side. */
  steps: Pick<StepQuestions<'writeReceipt'>, 'canRun' | 'display'>;
  /** What follows the receipt (e.g. the way back to the online screen in a rehearsal). */
  children?: ReactNode;
}) {
  const write = useAppStore(WRITE_RECEIPT[side]);
  const { t } = useT();
  return (
    <PlannedStep plan={plan} state={steps.display(['writeReceipt'], 'writeReceipt')}>
      <StepButton available={steps.canRun('writeReceipt')} onClick={() => void write()}>
        {t('common.write-receipt')}
      </StepButton>
      <ReceiptPanel side={side} />
      {children}
    </PlannedStep>
  );
}
