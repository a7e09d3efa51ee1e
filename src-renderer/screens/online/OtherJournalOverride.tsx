/**
 * The officer's word for a wrapped bundle of another air-gapped journal than the ceremony's, or of
 * none, on the check step (core/ceremony/online/officers-word.ts): shown only once the check refused
 * the bundle for that, it asks for the ceremony's journal's file name typed, then checks the bundle
 * again with it. Main accepts it only when it is that name and the bundle it reads is the one the
 * refusal named, and journals it as an override, as `online import --accept-other-airgap-journal`
 * does. The typed word is cleared when the step's fields (`fields`: folder and digest) change.
 */
import { useState } from 'react';
import { OFFICERS_WORD_REFUSALS } from '../../../src-main/ipc/contract';
import { TextField } from '../../components/Fields';
import { StepButton } from '../../components/Step';
import { useT } from '../../i18n';
import { useAppStore } from '../../store/store';

export function OtherJournalOverride({
  available,
  fields,
  onAccept,
}: {
  available: boolean;
  /** The step's folder and digest as they stand: the word typed is for the bundle they named when it was typed. */
  fields: string;
  onAccept: (word: { typedCeremonyJournal: string; refusedBundleSha256: string }) => void;
}) {
  const problem = useAppStore((s) => (s.problem?.section === 'online-check' ? s.problem : null));
  const [word, setWord] = useState({ fields, typed: '' });
  const typed = word.fields === fields ? word.typed : '';
  const { t } = useT();
  if (!problem || !(OFFICERS_WORD_REFUSALS as readonly string[]).includes(problem.code)) return null;
  const journal = String(problem.values?.['earlierAirGapJournal'] ?? '');
  const refusedBundleSha256 = String(problem.values?.['refusedBundleSha256'] ?? '');
  return (
    <div className="other-journal-override">
      <p className="warning">
        {t('check.other-journal.lead', {
          missing: problem.code === 'WRAPPED_MADE_BY_MISSING' ? 'yes' : 'no',
          journal,
        })}
      </p>
      <TextField
        label={t('check.other-journal.type', { journal })}
        value={typed}
        onChange={(value) => setWord({ fields, typed: value })}
        mono
      />
      <StepButton
        available={available && journal !== '' && refusedBundleSha256 !== '' && typed.trim() === journal}
        primary={false}
        onClick={() => onAccept({ typedCeremonyJournal: typed.trim(), refusedBundleSha256 })}
      >
        {t('check.other-journal.button')}
      </StepButton>
    </div>
  );
}
