/** A form's submit row: its one primary button, disabled while anything runs. */
import type { ReactNode } from 'react';
import { StepButton } from './Step';

export function FormSubmit({ children }: { children: ReactNode }) {
  return (
    <div className="actions">
      <StepButton available submit>
        {children}
      </StepButton>
    </div>
  );
}
