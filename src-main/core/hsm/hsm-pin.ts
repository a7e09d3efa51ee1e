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
    throw new KeyferryError('HSM_PIN_ENV_INVALID', { name: name.slice(0, 64) });
  }
  const pin = env[name];
  delete env[name];
  if (pin === undefined || pin.length === 0) {
    throw new KeyferryError('HSM_PIN_MISSING', { name });
  }
  return pin;
}
