/**
 * A section's live regions: what is running (with the progress the main process reports) and,
 * when the last action of this section failed, what went wrong and what to do next.
 * Both regions always exist, so screen readers announce what appears in them.
 */
import { useAppStore } from '../store/store';

export function Activity({ section }: { section: string }) {
  const busy = useAppStore((s) => (s.busy?.section === section ? s.busy : null));
  const progress = useAppStore((s) => s.progress);
  const problem = useAppStore((s) => (s.problem?.section === section ? s.problem : null));
  const dismiss = useAppStore((s) => s.dismissProblem);
  return (
    <div className="activity-regions" data-activity={section}>
      <div role="status" aria-live="polite" className="activity">
        {busy && (
          <div className="busy">
            <p>{busy.action}…</p>
            {progress && progress.total !== undefined && progress.total > 0 && (
              <>
                <progress
                  value={progress.done ?? 0}
                  max={progress.total}
                  aria-label={`${busy.action}: ${progress.done ?? 0} of ${progress.total}`}
                />
                <p className="progress-message">{progress.message}</p>
              </>
            )}
          </div>
        )}
      </div>
      <div role="alert" className="problem-region">
        {problem && (
          <div className="problem">
            <p className="problem-title">{problem.action} did not succeed.</p>
            <p className="problem-message">{problem.message}</p>
            <p className="problem-next">
              <strong>What to do next: </strong>
              {problem.nextStep}
            </p>
            <p className="problem-code">Code {problem.code}</p>
            <button type="button" className="secondary" onClick={dismiss}>
              Dismiss
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
