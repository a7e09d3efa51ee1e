/** A path row and the button that acts on the path typed there: open once a path is typed, given trimmed. */
import type { ReactNode } from 'react';
import type { PathPurpose } from '../../src-main/ipc/contract';
import { FieldRow, type FieldRowProps } from './FieldRow';
import { StepButton } from './Step';

export function PathAction({
  row,
  available,
  primary,
  onAct,
  children,
}: {
  /** The path row (a path field named by its catalogue key). */
  row: Extract<FieldRowProps, { purpose: PathPurpose }>;
  /** The step may run (a path must be typed too). */
  available: boolean;
  primary?: boolean;
  onAct: (path: string) => void;
  /** The button's words. */
  children: ReactNode;
}) {
  return (
    <>
      <FieldRow {...row} />
      <StepButton
        available={available && row.value.trim() !== ''}
        primary={primary}
        onClick={() => onAct(row.value.trim())}
      >
        {children}
      </StepButton>
    </>
  );
}
