/**
 * The start screen: what Keyferry is, whether this machine has a network, and the one choice that
 * shapes the session: Rehearsal (preselected: the safe way to learn), Online or Air-gapped.
 */
import { useId, useState } from 'react';
import type { KeyferryMode } from '../../src-main/ipc/contract';
import { Activity } from '../components/Activity';
import { ScreenHeading } from '../components/ScreenHeading';
import { useAppStore } from '../store/store';

const MODES: ReadonlyArray<{ mode: KeyferryMode; label: string; sentence: string }> = [
  {
    mode: 'rehearsal',
    label: 'Rehearsal',
    sentence:
      'Run the whole ceremony on this machine against the built-in KMS simulator: no cloud account, no real keys.',
  },
  {
    mode: 'online',
    label: 'Online workstation',
    sentence:
      'Connect to Huawei Cloud KMS, create the keys, write the import parameters to removable media, and later import and verify the wrapped material.',
  },
  {
    mode: 'air-gapped',
    label: 'Air-gapped workstation',
    sentence:
      'On the offline machine: check the parameters, have witnesses confirm fingerprints, generate or load the key material, wrap it and print the receipt.',
  },
];

export function StartScreen() {
  const chosen = useAppStore((s) => s.mode);
  const network = useAppStore((s) => s.network);
  const info = useAppStore((s) => s.appInfo);
  const busy = useAppStore((s) => s.busy !== null);
  const chooseMode = useAppStore((s) => s.chooseMode);
  const goTo = useAppStore((s) => s.goTo);
  const [selected, setSelected] = useState<KeyferryMode>(chosen ?? 'rehearsal');
  const groupId = useId();

  const proceed = async () => {
    if (chosen === selected || (await chooseMode(selected))) goTo('setup');
  };

  return (
    <div className="screen start-screen">
      <ScreenHeading>Keyferry key ceremony</ScreenHeading>
      <p className="lead">
        Keyferry carries key material across an air gap into a cloud KMS, so that no networked machine ever sees the
        plaintext.
      </p>
      {network && (
        <p className={`network-line ${network.summary === 'online' ? 'network-online' : 'network-offline'}`}>
          {network.summary === 'offline'
            ? 'This machine has no live network.'
            : `This machine has a live network (${network.liveInterfaces.join(', ')}).`}
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
          <legend id={groupId}>Choose the mode for this session</legend>
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
                <label htmlFor={`mode-${mode}`}>{label}</label>
                <p id={`mode-${mode}-sentence`} className="hint">
                  {sentence}
                </p>
              </div>
            );
          })}
        </fieldset>
        {chosen === 'air-gapped' && (
          <p className="hint">This session is in air-gapped mode until Keyferry is closed.</p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            Continue
          </button>
        </div>
      </form>
      <Activity section="start" />
      {info && (
        <p className="version">
          Keyferry {info.version} ({info.build})
        </p>
      )}
    </div>
  );
}
