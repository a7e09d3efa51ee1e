/**
 * The start screen: what Keyferry is, whether this machine has a network, and the one choice that
 * shapes the session: Rehearsal (preselected: the safe way to learn), Online or Air-gapped.
 */
import { useId, useState } from 'react';
import type { MessageKey } from '../../src-main/i18n/catalogue';
import type { KeyferryMode } from '../../src-main/ipc/contract';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Activity } from '../components/Activity';
import { FormSubmit } from '../components/FormSubmit';
import { ScreenHeading } from '../components/ScreenHeading';
import { useAppStore } from '../store/store';
import { useT } from '../i18n';
import { listText } from '../../src-main/i18n/list';

const MODES: ReadonlyArray<{ mode: KeyferryMode; label: MessageKey; sentence: MessageKey }> = [
  { mode: 'rehearsal', label: 'start.mode.rehearsal', sentence: 'start.mode.rehearsal.sentence' },
  { mode: 'online', label: 'start.mode.online', sentence: 'start.mode.online.sentence' },
  { mode: 'air-gapped', label: 'start.mode.air-gapped', sentence: 'start.mode.air-gapped.sentence' },
];

export function StartScreen() {
  const chosen = useAppStore((s) => s.mode);
  const network = useAppStore((s) => s.network);
  const info = useAppStore((s) => s.appInfo);
  const chooseMode = useAppStore((s) => s.chooseMode);
  const goTo = useAppStore((s) => s.goTo);
  const [selected, setSelected] = useState<KeyferryMode>(chosen ?? 'rehearsal');
  const groupId = useId();
  const { t, message } = useT();

  const proceed = async () => {
    if (chosen === selected || (await chooseMode(selected))) goTo('setup');
  };

  return (
    <div className="screen start-screen">
      <ScreenHeading>{t('start.heading')}</ScreenHeading>
      <p className="lead">{t('start.lead')}</p>
      {network && (
        <p className={`network-line ${network.summary === 'online' ? 'network-online' : 'network-offline'}`}>
          {network.summary === 'offline'
            ? t('start.network.offline')
            : t('start.network.online', { interfaces: listText({ t }, network.liveInterfaces) })}
        </p>
      )}
      <form
        className="mode-form"
        onSubmit={(event) => {
          event.preventDefault();
          void proceed();
        }}
      >
        <fieldset>
          <legend id={groupId}>{t('start.mode.legend')}</legend>
          {MODES.map(({ mode, label, sentence }) => {
            const disabled = chosen === 'air-gapped' && mode !== 'air-gapped';
            return (
              <div key={mode} className={`mode-choice ${selected === mode ? 'selected' : ''}`}>
                <input
                  type="radio"
                  id={`mode-${mode}`}
                  name="mode"
                  value={mode}
                  checked={selected === mode}
                  disabled={disabled}
                  onChange={() => setSelected(mode)}
                  aria-describedby={`mode-${mode}-sentence`}
                />
                <label htmlFor={`mode-${mode}`}>{message({ key: label })}</label>
                <p id={`mode-${mode}-sentence`} className="hint">
                  {message({ key: sentence })}
                </p>
              </div>
            );
          })}
        </fieldset>
        {chosen === 'air-gapped' && <p className="hint">{t('start.air-gapped-until-closed')}</p>}
        <FormSubmit>{t('common.continue')}</FormSubmit>
      </form>
      <Activity section="start" />
      <LanguageSwitch />
      {info && <p className="version">{t('start.version', { version: info.version, build: info.build })}</p>}
    </div>
  );
}
