/**
 * The one rule for a secret (a private key's passphrase, an HSM user PIN) given through the
 * environment: the operator names a variable (`--passphrase-env VAR`, `--hsm-pin-env VAR`), never
 * the secret itself. The name must look like a variable name; what was given instead is never
 * echoed (it may be the secret). The variable must be set and not empty. Once read it is removed
 * from `env`, so child processes do not inherit it.
 */
import { KeyferryError } from './errors';

/** A portable environment variable name, at most 64 characters. */
const SECRET_ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** The options that name a variable holding a secret. */
type SecretEnvOption = 'passphrase-env' | 'hsm-pin-env';

function secretOf(option: SecretEnvOption): 'pin' | 'passphrase' {
  return option === 'hsm-pin-env' ? 'pin' : 'passphrase';
}

/** The secret held by the variable `name` (given with `--option`), removed from `env` once read. */
export function secretFromEnvironment(option: SecretEnvOption, name: string, env: NodeJS.ProcessEnv): string;
/** The same when the option may be absent: no name, no secret. */
export function secretFromEnvironment(
  option: SecretEnvOption,
  name: string | undefined,
  env: NodeJS.ProcessEnv,
): string | undefined;
export function secretFromEnvironment(
  option: SecretEnvOption,
  name: string | undefined,
  env: NodeJS.ProcessEnv,
): string | undefined {
  if (name === undefined) return undefined;
  if (!SECRET_ENV_NAME_PATTERN.test(name))
    throw new KeyferryError('SECRET_ENV_NAME_INVALID', { option, holds: secretOf(option) });
  const value = env[name];
  delete env[name];
  if (value === undefined || value === '')
    throw new KeyferryError('SECRET_ENV_MISSING', {
      option,
      name,
      holds: secretOf(option),
      state: value === undefined ? 'unset' : 'empty',
    });
  return value;
}
