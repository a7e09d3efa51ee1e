/**
 * The HSM options shared by `airgap wrap`, `custody restore` and `rehearse`: which PKCS#11 module
 * and token, where the PIN comes from (a named environment variable, else a hidden prompt; never a
 * command-line value), and which keys (generated, chosen by label, or found by key id).
 */
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { HsmSourceRequest } from '../core/ceremony/airgap/hsm-source-request';
import { KeyferryError } from '../core/errors';
import { secretFromEnvironment } from '../core/secret-from-environment';
import { optionTable } from './options';
import { cliTranslator } from './cli-locale';
import type { CliIo } from './command';
import { terminalGone } from './terminal-input';

export const HSM_OPTIONS = optionTable({
  'hsm-module': { type: 'string', arg: 'FILE', group: 'hsm', help: 'cli.opt.hsm-module' },
  'hsm-token': { type: 'string', arg: 'LABEL|SERIAL', group: 'hsm', help: 'cli.opt.hsm-token' },
  'hsm-pin-env': { type: 'string', arg: 'VAR', group: 'hsm', help: 'cli.opt.hsm-pin-env' },
  'hsm-key-label': {
    type: 'string',
    multiple: true,
    arg: '[KEYID=]LABEL',
    group: 'hsm',
    help: 'cli.opt.hsm-key-label',
  },
  'hsm-existing-keys': { type: 'boolean', group: 'hsm', help: 'cli.opt.hsm-existing-keys' },
  'hsm-accept-zero-filled-pad': { type: 'boolean', group: 'hsm', help: 'cli.opt.hsm-accept-zero-filled-pad' },
});

interface HsmOptionValues {
  readonly 'hsm-module'?: string | undefined;
  readonly 'hsm-token'?: string | undefined;
  readonly 'hsm-pin-env'?: string | undefined;
  readonly 'hsm-key-label'?: string[] | undefined;
  readonly 'hsm-existing-keys'?: boolean | undefined;
  readonly 'hsm-accept-zero-filled-pad'?: boolean | undefined;
}

/**
 * Reads a PIN from the terminal without echoing it. Ctrl-C at the prompt is a stop by the officer
 * (handed to the process's stop handlers, as at the witness prompts); Ctrl-D or a terminal that goes
 * away ends the prompt without a PIN (HSM_PIN_INPUT_ENDED): the command fails, it never ends quietly.
 */
function promptPin(io: CliIo, token: string): Promise<string> {
  if (!process.stdin.isTTY) return Promise.reject(new KeyferryError('HSM_PIN_PROMPT_UNAVAILABLE', {}));
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const writeOut = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
    let muted = false;
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (!muted) writeOut(s);
    };
    let answered = false;
    const ended = (error?: unknown) => {
      if (answered) return;
      answered = true;
      reject(error === undefined || terminalGone(error) ? new KeyferryError('HSM_PIN_INPUT_ENDED', { token }) : error);
    };
    rl.on('SIGINT', () => process.kill(process.pid, 'SIGINT'));
    rl.on('close', () => ended());
    process.stdin.once('error', ended);
    rl.question(cliTranslator(io).t('hsm.pin.prompt', { token }), (answer) => {
      if (answered) return;
      answered = true;
      process.stdin.off('error', ended);
      try {
        rl.close(); // sets the terminal back from raw mode, which fails once the terminal is gone
      } catch (error) {
        if (!terminalGone(error)) throw error;
      }
      io.stderr('');
      resolve(answer);
    });
    muted = true;
  });
}

function keyLabels(values: readonly string[] | undefined): Record<string, string> | undefined {
  if (!values || values.length === 0) return undefined;
  const labels: Record<string, string> = {};
  for (const value of values) {
    const at = value.indexOf('=');
    labels[at > 0 ? value.slice(0, at) : '*'] = at > 0 ? value.slice(at + 1) : value;
  }
  return labels;
}

/**
 * The HSM request of the command line, or null when no --hsm-module was given. `keyIds` are the
 * ceremony's keys: a single --hsm-key-label without KEYID= applies to the only key.
 */
export async function hsmSourceFromOptions(
  values: HsmOptionValues,
  io: CliIo,
  keyIds: readonly string[],
): Promise<HsmSourceRequest | null> {
  const modulePath = values['hsm-module'];
  if (modulePath === undefined) {
    if (values['hsm-token'] || values['hsm-key-label'] || values['hsm-existing-keys'])
      throw new KeyferryError('HSM_OPTION_NEEDS_MODULE', {});
    return null;
  }
  const token = values['hsm-token'];
  if (!token) throw new KeyferryError('HSM_OPTION_NEEDS_TOKEN', {});
  const pinEnv = values['hsm-pin-env'];
  const pin = pinEnv !== undefined ? secretFromEnvironment('hsm-pin-env', pinEnv, io.env) : await promptPin(io, token);
  let labels = keyLabels(values['hsm-key-label']);
  if (labels?.['*'] !== undefined) {
    if (keyIds.length !== 1) throw new KeyferryError('HSM_KEY_LABEL_NEEDS_KEY_ID', { count: keyIds.length });
    labels = { [keyIds[0]!]: labels['*'] };
  }
  const existingKeys = labels ? { labels } : values['hsm-existing-keys'] ? { byKeyId: true } : undefined;
  return {
    modulePath: path.resolve(io.cwd, modulePath),
    token,
    pin,
    ...(existingKeys ? { existingKeys } : {}),
    acceptZeroFilledPad: values['hsm-accept-zero-filled-pad'] ?? false,
  };
}
