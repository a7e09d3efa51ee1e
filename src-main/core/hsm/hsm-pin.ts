/**
 * Where a user PIN may come from: a prompt, or an environment variable the operator names
 * (`--hsm-pin-env VAR`). Never a command-line value, never a file, never the journal or a log.
 * Reading it from the environment removes it there, so child processes do not inherit it.
 */
import { KeyferryError } from '../errors';

export const PIN_ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** The PIN from environment variable `name`, removed from `env` once read. */
export function takePinFromEnvironment(name: string, env: NodeJS.ProcessEnv = process.env): string {
  if (!PIN_ENV_NAME_PATTERN.test(name)) {
    throw new KeyferryError(
      'HSM_PIN_ENV_INVALID',
      `"${name.slice(0, 64)}" is not an environment variable name.`,
      'Give --hsm-pin-env the NAME of a variable that holds the PIN (for example HSM_PIN), never the PIN itself.',
    );
  }
  const pin = env[name];
  delete env[name];
  if (pin === undefined || pin.length === 0) {
    throw new KeyferryError(
      'HSM_PIN_MISSING',
      `The environment variable ${name} holds no PIN.`,
      `Set ${name} in this shell without echoing it (for example: read -rs ${name}; export ${name}), or leave out --hsm-pin-env to be asked for the PIN.`,
    );
  }
  return pin;
}
