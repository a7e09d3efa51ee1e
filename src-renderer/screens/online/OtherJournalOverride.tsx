/**
 * The officer's word for a wrapped bundle of another air-gapped journal than the ceremony's, or of
 * none, on the check step (core/ceremony/online/officers-word.ts): shown only once the check refused
 * the bundle for that, it asks for the ceremony's journal's file name typed, then checks the bundle
 * again with it. Main accepts it only when it is that name and journals it as an override, as
 * `online import --accept-other-airgap-journal` does.
 */
import { useState } from 'react';
import { OFFICERS_WORD_REFUSALS } from '../../../src-main/ipc/contract';
import { TextField } from '../../components/Fields';
import { StepButton } from '../../components/Step';
import { useT } from '../../i18n';
import { useAppStore } from '../../store/store';

export function OtherJournalOverride({
  available,
  onAccept,
}: {
  available: boolean;
  onAccept: (typedCeremonyJournal: string) => void;
}) {
  const problem = useAppStore((s) => (s.problem?.section === 'online-check' ? s.problem : null));
  const [typed, setTyped] = useState('');
  const { t } = useT();
  if (!problem || !(OFFICERS_WORD_REFUSALS as readonly string[]).includes(problem.code)) return null;
  const journal = String(problem.values?.['earlierAirGapJournal'] ?? '');
  return (
    <div className="other-journal-override">
      <p className="warning">
        {t('check.other-journal.lead', {
          missing: problem.code === 'WRAPPED_MADE_BY_MISSING' ? 'yes' : 'no',
          journal,
        })}
      </p>
      <TextField label={t('check.other-journal.type', { journal })} value={typed} onChange={setTyped} mono />
      <StepButton
        available={available && journal !== '' && typed.trim() === journal}
        primary={false}
        onClick={() => onAccept(typed.trim())}
      >
        {t('check.other-journal.button')}
      </StepButton>
    </div>
  );
}
