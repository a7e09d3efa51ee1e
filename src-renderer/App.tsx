/**
 * Placeholder start screen: who we are, whether this machine has a network, and the choice of
 * mode. The UI engineer replaces it with the real screens; it exists so the shell can be run.
 */
import { useEffect, useState } from 'react';
import type { AppInfo, KeyferryMode, ModeChoice, NetworkStatus, Problem } from '../src-main/ipc/contract';
import type { KeyferryApi } from '../src-main/preload/api-factory';

const MODES: ReadonlyArray<{ mode: KeyferryMode; label: string; hint: string }> = [
  { mode: 'rehearsal', label: 'Rehearsal', hint: 'The whole ceremony against the built-in KMS simulator. No cloud account.' },
  { mode: 'online', label: 'Online workstation', hint: 'Create the key, fetch import parameters, import the wrapped material.' },
  { mode: 'air-gapped', label: 'Air-gapped workstation', hint: 'Check parameters, wrap the key material, print the receipt.' },
];

export function App({ api }: { api: KeyferryApi }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [network, setNetwork] = useState<NetworkStatus | null>(null);
  const [choice, setChoice] = useState<ModeChoice | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    void api.appInfo().then((result) => (result.ok ? setInfo(result.value) : setProblem(result.problem)));
    void api.networkStatus().then((result) => (result.ok ? setNetwork(result.value) : setProblem(result.problem)));
  }, [api]);

  const choose = async (mode: KeyferryMode) => {
    const result = await api.chooseMode({ mode });
    if (result.ok) {
      setChoice(result.value);
      setProblem(null);
    } else {
      setProblem(result.problem);
    }
  };

  return (
    <main>
      <h1>Keyferry</h1>
      <p>{info ? `Version ${info.version} (${info.build}) on ${info.platform}` : 'Starting…'}</p>
      {network && (
        <p role="status">
          {network.summary === 'offline'
            ? 'No network: this machine has no live network interface.'
            : `Network present: ${network.liveInterfaces.join(', ')}.`}
        </p>
      )}
      <h2>Choose the mode for this session</h2>
      <ul>
        {MODES.map(({ mode, label, hint }) => (
          <li key={mode}>
            <button type="button" onClick={() => void choose(mode)} disabled={choice?.mode === mode}>
              {label}
            </button>{' '}
            {hint}
          </li>
        ))}
      </ul>
      {choice && (
        <p role="status">
          {`Mode: ${choice.mode}. Network guard: ${choice.networkGuard === 'offline' ? 'offline' : 'this window loads only Keyferry pages'}.`}
        </p>
      )}
      {problem && (
        <p role="alert">
          {problem.message} {problem.nextStep}
        </p>
      )}
    </main>
  );
}
