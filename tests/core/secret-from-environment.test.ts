import { describe, expect, it } from 'vitest';
import { secretFromEnvironment } from '../../src-main/core/secret-from-environment';
import { expectKeyferryError } from './crypto/helpers/openssl';

describe('secretFromEnvironment: one rule for passphrases and PINs named by a variable', () => {
  it('returns the value and removes it from the environment, so children do not inherit it', () => {
    const env: NodeJS.ProcessEnv = { HSM_PIN: '246810', KEY_PASS: 'correct horse' };
    expect(secretFromEnvironment('hsm-pin-env', 'HSM_PIN', env)).toBe('246810');
    expect(secretFromEnvironment('passphrase-env', 'KEY_PASS', env)).toBe('correct horse');
    expect(env).toEqual({});
    expect(secretFromEnvironment('passphrase-env', undefined, env)).toBeUndefined();
  });

  it('refuses an unset or empty variable, naming it and the option', () => {
    expectKeyferryError(
      () => secretFromEnvironment('hsm-pin-env', 'HSM_PIN', {}),
      'SECRET_ENV_MISSING',
      'The environment variable HSM_PIN named by --hsm-pin-env is not set.',
    );
    const env: NodeJS.ProcessEnv = { KEY_PASS: '' };
    expectKeyferryError(
      () => secretFromEnvironment('passphrase-env', 'KEY_PASS', env),
      'SECRET_ENV_MISSING',
      'The environment variable KEY_PASS named by --passphrase-env is empty.',
    );
    expect(env.KEY_PASS).toBeUndefined();
  });

  it('refuses what is not a variable name without ever printing it (it may be the secret)', () => {
    for (const [option, given] of [
      ['hsm-pin-env', '246810'],
      ['passphrase-env', 'correct horse battery'],
      ['passphrase-env', 'X'.repeat(65)],
    ] as const) {
      const error = expectKeyferryError(() => secretFromEnvironment(option, given, {}), 'SECRET_ENV_NAME_INVALID');
      expect(error.message).not.toContain(given);
      expect(error.nextStep).not.toContain(given);
      expect(error.message).toContain(`--${option} takes the NAME of an environment variable`);
    }
  });
});
