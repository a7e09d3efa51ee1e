/** A ceremony screen's receipt step: "Write the receipt", then the receipt as written (print, save as PDF). */
import type { ReactNode } from 'react';
import type { RecordKind } from '../../src-main/ipc/contract';
import type { StepQuestions } from '../store/step-questions';
import { ReceiptPanel } from './ReceiptPanel';
import { Step, StepButton } from './Step';
import { useT } from '../i18n';

export function ReceiptStep({
  number,
  title,
  section,
  side,
  steps,
  onWrite,
  children,
}: {
  number: number;
  title: string;
  section: string;
  side: RecordKind;
  /** The side's step questions: the receipt step is `writeReceipt` on every side. */
  steps: Pick<StepQuestions<'writeReceipt'>, 'canRun' | 'display'>;
  onWrite: () => void;
  /** What follows the receipt (e.g. the way back to the online screen in a rehearsal). */
  children?: ReactNode;
}) {
  const { t } = useT();
  return (
    <Step number={number} title={title} state={steps.display(['writeReceipt'], 'writeReceipt')} section={section}>
      <StepButton available={steps.canRun('writeReceipt')} onClick={onWrite}>
        {t('common.write-receipt')}
      </StepButton>
      <ReceiptPanel side={side} />
      {children}
    </Step>
  );
}
