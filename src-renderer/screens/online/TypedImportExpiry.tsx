/**
 * The import's material expiry as typed (the forms `online import --expires` takes): main resolves
 * it at the session's clock (the simulator's in a rehearsal) with the core's parser, and the screen
 * shows the moment it means, in the officer's zone and UTC, before the import can start. A refusal
 * is the core's, shown in the step's problem region; a changed text must be resolved again.
 */
import { useState } from 'react';
import type { MaterialExpiryChoice } from '../../../src-main/ipc/contract';
import { momentText } from '../../../src-main/i18n/moment';
import { StepButton } from '../../components/Step';
import { useT } from '../../i18n';
import { useAppStore } from '../../store/store';

/** What main resolved, for which text. */
interface Resolved {
  readonly text: string;
  readonly expiry: MaterialExpiryChoice;
}

/** The resolved expiry for `typed` (trimmed), or undefined while it is not resolved for that text. */
export function useTypedImportExpiry(typed: string | null) {
  const [resolved, setResolved] = useState<Resolved | null>(null);
  const current = typed !== null && resolved?.text === typed ? resolved.expiry : undefined;
  return { current, setResolved };
}

export function TypedImportExpiry({
  typed,
  current,
  onResolved,
  available,
}: {
  typed: string;
  current: MaterialExpiryChoice | undefined;
  onResolved: (resolved: Resolved | null) => void;
  available: boolean;
}) {
  const resolve = useAppStore((s) => s.resolveImportExpiry);
  const { t, locale } = useT();
  const show = async () => {
    const expiry = await resolve(typed);
    onResolved(expiry ? { text: typed, expiry } : null);
  };
  return (
    <>
      <p>
        <StepButton available={available && typed !== ''} primary={false} onClick={() => void show()}>
          {t('import.expiry-resolve')}
        </StepButton>
      </p>
      {current ? (
        <p className="resolved-expiry">
          {current.kind === 'never'
            ? t('import.expiry-resolved-never')
            : t('import.expiry-resolved', { when: momentText(locale, current.at) })}
        </p>
      ) : (
        <p className="hint">{t('import.expiry-resolve-first')}</p>
      )}
    </>
  );
}
