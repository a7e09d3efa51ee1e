/**
 * What `online import` says when its import stops part way (the KMS unreachable, a refusal, Ctrl-C):
 * the progress lines name only the keys that finished or failed, and with a hundred keys the officer
 * must not have to work out from them which keys hold the material, which were sent an import whose
 * answer never came (the next run asks the KMS about those before sending anything), and which are
 * still to import, nor which command finishes the ceremony. Read from the journal's state, which
 * every finished KMS call has reached by then.
 */
import type { JournaledKey } from '../core/ceremony/online/types';
import { isRetryableError } from '../core/kms/retry';
import { KeyferryError } from '../core/errors';
import type { Translator } from '../i18n/translate';
import { importStoppedSummary } from '../i18n/import-stopped-summary';

/**
 * Why the import stopped: the officer's stop, or an error (whose own lines follow); `progressed`:
 * this run imported a key or sent an import (a refusal before anything was sent changed nothing).
 */
export type ImportStop =
  { readonly by: 'officer' } | { readonly by: 'error'; readonly error: unknown; readonly progressed: boolean };

/**
 * When the same import may go through, if it may: after the officer's stop; once the KMS answers
 * again (it could not be reached, did not answer clearly, or was busy); once the journal can be
 * written again (its medium full or gone: the entry was rolled back, the journal is whole). Not
 * after a refusal of the request itself, or a journal that must not take further entries: their
 * own advice says what to change.
 */
function runAgainWhen(stop: ImportStop): 'officer' | 'kms' | 'journal' | undefined {
  if (stop.by === 'officer') return 'officer';
  const { error } = stop;
  if (isRetryableError(error)) return 'kms';
  if (!(error instanceof KeyferryError)) return undefined;
  if (error.code === 'KMS_IMPORT_OUTCOME_UNKNOWN') return 'kms';
  return error.code === 'JOURNAL_WRITE_FAILED' ? 'journal' : undefined;
}

/**
 * The summary and, when running the same command is what finishes the ceremony, that command.
 * Nothing after a refusal that changed nothing in this run (nothing imported or sent: its own
 * message says what to do).
 */
export function importStoppedLines(
  translator: Pick<Translator, 't'>,
  keys: readonly JournaledKey[],
  bundleKeyIds: ReadonlySet<string>,
  stop: ImportStop,
  rerun: string,
): string[] {
  const { t } = translator;
  const summary = importStoppedSummary(translator, keys, (keyId) => bundleKeyIds.has(keyId), 'online.import.more-keys');
  const when = runAgainWhen(stop);
  if (!when && stop.by === 'error' && !stop.progressed) return [];
  const again = summary.missing + summary.unanswered > 0 ? when : undefined;
  return [
    t('online.import.stopped-part-way', summary.values),
    ...(again
      ? [t('online.import.run-again', { when: again, elsewhere: summary.values.elsewhere, command: rerun })]
      : []),
  ];
}
