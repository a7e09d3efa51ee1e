/**
 * What the import step says when an import stopped part way (the KMS unreachable, a refusal, the
 * journal's medium full) or an earlier session sent imports whose answers it never recorded: which
 * keys hold their material, which were sent an import not recorded as taken (the next import asks
 * the KMS about them before sending anything), which are still to import, and that pressing Import
 * again finishes the ceremony. With a hundred keys the officer must not work this out from the
 * table. Read from the ceremony overview (the journal's view), which main refreshes after every step.
 */
import { useT } from '../../i18n';
import { listText } from '../../../src-main/i18n/list';
import { selectCeremonyKeys } from '../../store/selectors';
import { useAppStore } from '../../store/store';

type CeremonyKey = ReturnType<typeof selectCeremonyKeys>[number];

/** At most this many keys are named in one list; the key table above lists every one. */
const NAMED_AT_MOST = 10;

/** `bundleKeyIds`: the keys of the wrapped bundle checked in this session (none checked yet: every key counts as in it). */
export function ImportStopped({ bundleKeyIds }: { bundleKeyIds: ReadonlySet<string> | undefined }) {
  const keys = useAppStore(selectCeremonyKeys);
  const problem = useAppStore((s) => s.problem);
  const busy = useAppStore((s) => s.busy);
  const tr = useT();
  const { t } = tr;
  const imported = keys.filter((k) => k.imported);
  // Sent and not recorded as taken: no answer on record, or one that proves nothing (the next import asks the KMS first).
  const sentNotTaken = (k: CeremonyKey) => k.importSentUnrecorded || k.importAnswerUnproven !== null;
  const unanswered = keys.filter((k) => !k.imported && sentNotTaken(k));
  const waiting = keys.filter((k) => !k.imported && !sentNotTaken(k));
  const inBundle = (k: CeremonyKey) => bundleKeyIds?.has(k.keyId) ?? true;
  const missing = waiting.filter(inBundle);
  const elsewhere = waiting.filter((k) => !inBundle(k));
  const stoppedHere = problem?.section === 'online-import';
  // Nothing to say while an import runs, when every key holds its material, or when nothing was sent yet.
  if (busy !== null || missing.length + unanswered.length === 0) return null;
  if (imported.length + unanswered.length === 0 || (!stoppedHere && unanswered.length === 0)) return null;
  const named = (list: readonly CeremonyKey[]) => {
    const names = listText(
      tr,
      list.slice(0, NAMED_AT_MOST).map((k) =>
        t('online.named-key', {
          alias: k.alias,
          keyId: k.keyId,
          replica: k.replicaOf === null ? 'no' : 'yes',
          region: k.region,
        }),
      ),
    );
    return list.length <= NAMED_AT_MOST
      ? names
      : t('import.stopped.more-keys', { keys: names, count: list.length - NAMED_AT_MOST });
  };
  return (
    <div className="warning import-stopped" role="status">
      <p>
        {t('import.stopped.summary', {
          imported: imported.length,
          total: keys.length,
          unanswered: unanswered.length,
          unansweredKeys: named(unanswered),
          missing: missing.length,
          missingKeys: named(missing),
          elsewhere: elsewhere.length,
          elsewhereKeys: named(elsewhere),
        })}
      </p>
      <p>{t('import.stopped.again')}</p>
    </div>
  );
}
