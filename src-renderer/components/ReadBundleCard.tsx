/** A bundle just read and checked: what it holds, then the warnings main gave about it. */
import type { ReactNode } from 'react';
import type { LooseWarning } from '../../src-main/i18n/warning';
import { Warnings } from './Warnings';

export function ReadBundleCard({ warnings, children }: { warnings: readonly LooseWarning[]; children: ReactNode }) {
  return (
    <div className="card">
      {children}
      <Warnings warnings={warnings} />
    </div>
  );
}
