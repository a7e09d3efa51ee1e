/**
 * When the air-gapped journal ends with a session unfinished (a crash, a power cut), opening it
 * closes that session and withdraws its custody shares; on an older copy of the journal those are a
 * finished wrap's. Main then refuses the network check until it has the parameters bundle the
 * officer will wrap now, to check the journal against (AIRGAP_UNFINISHED_NEEDS_PARAMETERS), or
 * the officer's choice of console files, which name no journal: a warning that only the media are
 * then read comes first, and a second click chooses them. Shown from that refusal on, until the check
 * passes; a bundle refused for this journal is said in the step's problem, as any is.
 */
import { useState } from 'react';
import { BundleFolderField, useBundleFolder } from '../../components/BundleFolderField';
import { StepButton } from '../../components/Step';
import { useT } from '../../i18n';
import { useAppStore } from '../../store/store';

export function EarlierSessionCheck({ available }: { available: boolean }) {
  const asked = useAppStore(
    (s) => s.problem?.section === 'air-network' && s.problem.code === 'AIRGAP_UNFINISHED_NEEDS_PARAMETERS',
  );
  const check = useAppStore((s) => s.checkAirGap);
  // Once the check passed the session is closed: nothing more to ask.
  const passed = useAppStore((s) => s.airNetwork !== null);
  const [needed, setNeeded] = useState(false);
  // Console files are checked against nothing: said first, then chosen with a second click.
  const [consoleAsked, setConsoleAsked] = useState(false);
  const [folder, setFolder] = useBundleFolder();
  const { t } = useT();
  // Remembered once asked: a bundle then refused replaces the problem shown, not the question.
  if (asked && !needed) setNeeded(true);
  if (!(asked || needed) || !available || passed) return null;
  return (
    <div className="earlier-session-check">
      <BundleFolderField
        section="air-network"
        label={t('air.network.earlier.folder')}
        folder={folder}
        onChange={setFolder}
        available={available}
        onRead={(dir) => void check({ beforeClosing: { parametersFolder: dir } })}
      />
      {consoleAsked ? (
        <>
          <p className="warning">{t('air.network.earlier.console-warning')}</p>
          <StepButton
            available={available}
            primary={false}
            onClick={() => void check({ beforeClosing: { consoleFiles: true } })}
          >
            {t('air.network.earlier.console-confirm')}
          </StepButton>
        </>
      ) : (
        <StepButton available={available} primary={false} onClick={() => setConsoleAsked(true)}>
          {t('air.network.earlier.console')}
        </StepButton>
      )}
    </div>
  );
}
