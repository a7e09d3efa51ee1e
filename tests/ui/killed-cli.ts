/**
 * A `keyferry` command killed as by a crash or a power cut (SIGKILL to its process group, so no
 * handler runs) once it reaches a test pause point (src-main/cli/test-pause.ts): what the app then
 * finds on the same journal is what the UI tests check.
 */
import { spawn } from 'node:child_process';
import { KEYFERRY_BIN } from '../integration/cli-process';

/** Runs `args` (with `env` added) until it prints `pause`, then kills it (and its process group) with SIGKILL. */
export function killedAt(
  args: readonly string[],
  cwd: string,
  pause: string,
  env: Readonly<Record<string, string>> = {},
): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, [KEYFERRY_BIN, ...args], {
    cwd,
    detached: true,
    env: { ...process.env, ...env, NODE_ENV: 'test', KEYFERRY_TEST_PAUSE_AT: pause },
  });
  let seen = '';
  const onData = (d: Buffer) => {
    seen += d.toString('utf8');
    if (seen.includes(`test pause: ${pause}`) && child.signalCode === null)
      process.kill(-(child.pid as number), 'SIGKILL');
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (_code, signal) => resolve(signal));
  });
}
