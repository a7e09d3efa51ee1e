/**
 * A section's live regions: what is running (with the progress the main process reports), what of
 * this section waits for another action to end, and, when the last action of this section failed,
 * what went wrong and what to do next.
 * Both regions always exist, so screen readers announce what appears in them.
 */
import { useT } from '../i18n';
import { useAppStore } from '../store/store';

export function Activity({ section }: { section: string }) {
  const running = useAppStore((s) => s.busy);
  const busy = running?.section === section ? running : null;
  const waiting = useAppStore((s) => s.waiting);
  const progress = useAppStore((s) => s.progress);
  const problem = useAppStore((s) => (s.problem?.section === section ? s.problem : null));
  const dismiss = useAppStore((s) => s.dismissProblem);
  const { t, message, problem: problemText, progress: progressText } = useT();
  const shown = problem ? problemText(problem) : null;
  return (
    <div className="activity-regions" data-activity={section}>
      <div role="status" aria-live="polite" className="activity">
        {busy && (
          <div className="busy">
            <p>{t('activity.running', { action: message(busy.action) })}</p>
            {progress && progress.total !== undefined && progress.total > 0 && (
              <>
                <progress
                  value={progress.done ?? 0}
                  max={progress.total}
                  aria-label={t('activity.progress', {
                    action: message(busy.action),
                    done: progress.done ?? 0,
                    total: progress.total,
                  })}
                />
                <p className="progress-message">{progressText(progress)}</p>
              </>
            )}
          </div>
        )}
        {running &&
          waiting
            .filter((w) => w.section === section)
            .map((w, i) => (
              <p key={i} className="waiting">
                {t('activity.waiting', { action: message(w.action), running: message(running.action) })}
              </p>
            ))}
      </div>
      <div role="alert" className="problem-region">
        {problem && shown && (
          <div className="problem">
            <p className="problem-title">{t('activity.failed', { action: message(problem.action) })}</p>
            <p className="problem-message">{shown.message}</p>
            <p className="problem-next">
              <strong>{t('activity.nextStep')}</strong>
              {shown.nextStep}
            </p>
            <p className="problem-code">{t('activity.code', { code: problem.code })}</p>
            <button type="button" className="secondary" onClick={dismiss}>
              {t('activity.dismiss')}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
