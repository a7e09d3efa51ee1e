/**
 * The Keyferry window: a header with the mode and the screens this mode offers, and the current
 * screen. Progress events from the main process go into the store (shown in the running step).
 */
import { useEffect, type ComponentType } from 'react';
import { api } from './api';
import { useDocumentLanguage, useT } from './i18n';
import { AirGapScreen } from './screens/AirGapScreen';
import { CustodyScreen } from './screens/CustodyScreen';
import { JournalScreen } from './screens/JournalScreen';
import { OnlineScreen } from './screens/OnlineScreen';
import { RestoreScreen } from './screens/RestoreScreen';
import { SetupScreen } from './screens/SetupScreen';
import { StartScreen } from './screens/StartScreen';
import type { MessageKey } from '../src-main/i18n/catalogue';
import { LeaveCeremonyDialog } from './components/LeaveCeremonyDialog';
import { LeftCeremonyNotice } from './components/LeftCeremonyNotice';
import type { Screen } from './store/session';
import { useAppStore } from './store/store';

const SCREEN_LABELS: Readonly<Record<Screen, MessageKey>> = {
  start: 'nav.start',
  setup: 'nav.setup',
  online: 'nav.online',
  'air-gapped': 'nav.air-gapped',
  custody: 'nav.custody',
  restore: 'nav.restore',
  journal: 'nav.journal',
};

function screensFor(mode: string | null, hasSetup: boolean): Screen[] {
  if (!mode) return ['start'];
  if (!hasSetup) return ['start', 'setup'];
  if (mode === 'rehearsal') return ['setup', 'online', 'air-gapped', 'custody', 'restore', 'journal'];
  if (mode === 'online') return ['setup', 'online', 'journal'];
  return ['setup', 'air-gapped', 'custody', 'restore', 'journal'];
}

/** The component of each screen. */
const SCREEN_VIEWS: Readonly<Record<Screen, ComponentType>> = {
  start: StartScreen,
  setup: SetupScreen,
  online: OnlineScreen,
  'air-gapped': AirGapScreen,
  custody: CustodyScreen,
  restore: RestoreScreen,
  journal: JournalScreen,
};

function CurrentScreen({ screen }: { screen: Screen }) {
  const View = SCREEN_VIEWS[screen];
  return <View />;
}

export function App() {
  const screen = useAppStore((s) => s.screen);
  const mode = useAppStore((s) => s.mode);
  const hasSetup = useAppStore((s) => s.setup !== null);
  const goTo = useAppStore((s) => s.goTo);
  const loadStart = useAppStore((s) => s.loadStart);
  const setProgress = useAppStore((s) => s.setProgress);
  useDocumentLanguage();
  const { t, message } = useT();

  useEffect(() => {
    void loadStart();
    return api().onProgress(setProgress);
  }, [loadStart, setProgress]);

  const screens = screensFor(mode, hasSetup);
  return (
    <div className={`app ${mode === 'rehearsal' ? 'is-rehearsal' : ''}`}>
      <header className="app-header">
        <p className="brand">{t('app.brand')}</p>
        {mode && <p className={`mode-badge mode-${mode}`}>{t('app.mode-badge', { mode })}</p>}
        {screens.length > 1 && (
          <nav aria-label={t('nav.label')}>
            <ul>
              {screens.map((s) => (
                <li key={s}>
                  <button
                    type="button"
                    className="nav-button"
                    aria-current={s === screen ? 'page' : undefined}
                    onClick={() => goTo(s)}
                  >
                    {message({ key: SCREEN_LABELS[s] })}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main className="app-main">
        <LeftCeremonyNotice />
        <CurrentScreen key={screen} screen={screen} />
      </main>
      <LeaveCeremonyDialog />
    </div>
  );
}
