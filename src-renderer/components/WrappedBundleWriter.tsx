/**
 * Writing a wrapped-material bundle: into the new folder the preflight checked, requesting the
 * expiry chosen there; the button, and once written the folder and digest to compare online.
 */
import type { ReactNode } from 'react';
import type { WrittenWrappedView } from '../../src-main/ipc/contract';
import type { AppState } from '../store/store';
import { useAppStore } from '../store/store';
import type { StepQuestions } from '../store/step-questions';
import { StepButton } from './Step';
import { WrittenBundleCard } from './WrittenBundleCard';
import { plannedExpiryLine } from './PreflightResult';
import { useT } from '../i18n';

/** The two sides that write a wrapped-material bundle: where each keeps its preflight and its bundle, and its write. */
const WRITER_OF = {
  'air-gapped': {
    plan: (s: AppState) => s.ceremony?.airGap?.preflight ?? null,
    bundle: (s: AppState) => s.wrappedBundle,
    write: (s: AppState) => s.writeWrappedBundle,
  },
  'custody-restore': {
    plan: (s: AppState) => s.ceremony?.restore?.preflight ?? null,
    bundle: (s: AppState) => s.restoreBundle,
    write: (s: AppState) => s.restoreWriteBundle,
  },
} as const;

/** The planned folder and "Write the wrapped-material bundle"; then the written folder and its digest. */
export function WrappedBundleWriter({
  side,
  steps,
  digestLabel,
  consoleFiles = false,
  children,
}: {
  side: keyof typeof WRITER_OF;
  /** The side's step questions: writing is `writeBundle`, once the preflight passed. */
  steps: Pick<StepQuestions<'writeBundle'>, 'canRun'>;
  digestLabel: string;
  /** The parameters came from the console's files: no online check compares the digest. */
  consoleFiles?: boolean;
  /** More about the written bundle, inside its card. */
  children?: (bundle: WrittenWrappedView) => ReactNode;
}) {
  const plan = useAppStore(WRITER_OF[side].plan);
  const bundle = useAppStore(WRITER_OF[side].bundle);
  const write = useAppStore(WRITER_OF[side].write);
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
      <StepButton available={steps.canRun('writeBundle') && plan !== null} onClick={() => void write()}>
        {t('wrapped.write')}
      </StepButton>
      {bundle && (
        <WrittenBundleCard
          bundle={bundle}
          lead={consoleFiles ? t('wrapped.digest-recorded') : t('wrapped.digest-to-compare')}
          digestLabel={digestLabel}
        >
          {children?.(bundle)}
        </WrittenBundleCard>
      )}
    </>
  );
}
