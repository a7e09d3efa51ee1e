/**
 * Writing a wrapped-material bundle: into the new folder the preflight checked, requesting the
 * expiry chosen there; the button, and once written the folder and digest to compare online.
 */
import type { ReactNode } from 'react';
import type { PreflightView, WrittenWrappedView } from '../../src-main/ipc/contract';
import { StepButton } from './Step';
import { WrittenBundleCard } from './WrittenBundleCard';
import { plannedExpiryLine } from './PreflightResult';
import { useT } from '../i18n';

/** The planned folder and "Write the wrapped-material bundle"; then the written folder and its digest. */
export function WrappedBundleWriter({
  plan,
  digestLabel,
  available,
  onWrite,
  bundle,
  consoleFiles = false,
  children,
}: {
  /** What passed the preflight (null before: nothing can be written). */
  plan: PreflightView | null;
  digestLabel: string;
  /** The wrapped material waits to be written. */
  available: boolean;
  onWrite: () => void;
  bundle: WrittenWrappedView | null;
  /** The parameters came from the console's files: no online check compares the digest. */
  consoleFiles?: boolean;
  /** More about the written bundle, inside its card. */
  children?: ReactNode;
}) {
  const tr = useT();
  const { t } = tr;
  return (
    <>
      {plan && !bundle && (
        <p>
          {t('wrapped.planned-folder')} <span className="file-name">{plan.wrappedBundle}</span>{' '}
          {plannedExpiryLine(tr, plan)}
        </p>
      )}
      <StepButton available={available && plan !== null} onClick={onWrite}>
        {t('wrapped.write')}
      </StepButton>
      {bundle && (
        <WrittenBundleCard
          bundle={bundle}
          lead={consoleFiles ? t('wrapped.digest-recorded') : t('wrapped.digest-to-compare')}
          digestLabel={digestLabel}
        >
          {children}
        </WrittenBundleCard>
      )}
    </>
  );
}
