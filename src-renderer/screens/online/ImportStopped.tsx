/**
 * What the import step says when an import stopped part way (the KMS unreachable, a refusal, the
 * journal's medium full) or an earlier session sent imports whose answers it never recorded: which
 * keys hold their material, which were sent an import not recorded as taken (the next import asks
 * the KMS about them before sending anything), which are still to import, and that pressing Import
 * again finishes the ceremony (after checking the wrapped bundle again when this session has not:
 * after a restart the button waits for that check). With a hundred keys the officer must not work this out from the
 * table. Read from the ceremony overview (the journal's view), which main refreshes after every step.
 */
import { useT } from '../../i18n';
import { importStoppedSummary } from '../../../src-main/i18n/import-stopped-summary';
import { selectCeremonyKeys } from '../../store/selectors';
import { useAppStore } from '../../store/store';

/** `bundleKeyIds`: the keys of the wrapped bundle checked in this session (none checked yet: every key counts as in it). */
export function ImportStopped({ bundleKeyIds }: { bundleKeyIds: ReadonlySet<string> | undefined }) {
  const keys = useAppStore(selectCeremonyKeys);
  const problem = useAppStore((s) => s.problem);
  const busy = useAppStore((s) => s.busy);
  const tr = useT();
  const { t } = tr;
  const summary = importStoppedSummary(
    tr,
    keys,
    (keyId) => bundleKeyIds?.has(keyId) ?? true,
    'import.stopped.more-keys',
  );
  const { imported, unanswered, missing } = summary;
  const stoppedHere = problem?.section === 'online-import';
  // Nothing to say while an import runs, when every key holds its material, or when nothing was sent yet.
  if (busy !== null || missing + unanswered === 0) return null;
  if (imported + unanswered === 0 || (!stoppedHere && unanswered === 0)) return null;
  return (
    <div className="warning import-stopped" role="status">
      <p>{t('import.stopped.summary', summary.values)}</p>
      <p>{t('import.stopped.again', { checked: bundleKeyIds ? 'yes' : 'no' })}</p>
    </div>
  );
}
