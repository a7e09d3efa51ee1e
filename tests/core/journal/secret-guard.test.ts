import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { toProblem } from '../../../src-main/core/errors';
import { assertNoSecrets, isSensitiveKeyName } from '../../../src-main/core/journal';
import { problemData } from '../../../src-main/core/journal/deviations';
import { secretFromEnvironment } from '../../../src-main/core/secret-from-environment';
import { en } from '../../../src-main/i18n/catalogues/en';

/** Every argument name of an ICU message, inside plural and select branches too. */
function argumentNames(elements: readonly MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      argumentNames(element.children, into);
      continue;
    }
    into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select)
      for (const option of Object.values(element.options)) argumentNames(option.value, into);
  }
  return into;
}

describe('the journal secret guard', () => {
  it.each([
    'material',
    'keyMaterial',
    'plaintextKeyMaterial',
    'secret',
    'clientSecret',
    'privateKey',
    'PRIVATE_KEY',
    'password',
    'passphrase',
    'plaintext',
    'sk',
    'SK',
    'huaweiSk',
    'accessKeySK',
    'aws_sk',
    'cloud-sk',
  ])('refuses the key name %s', (name) => {
    expect(isSensitiveKeyName(name)).toBe(true);
  });

  it.each([
    'keyId',
    'alias',
    'privateKeyFingerprint',
    'materialSha256',
    'material_sha256',
    'keyCheckValue',
    'materialKeyCheckValue',
    'disk',
    'task',
    'risk',
    'ak',
    'importTokenSha256',
    'spec',
  ])('allows the key name %s', (name) => {
    expect(isSensitiveKeyName(name)).toBe(false);
  });

  it('refuses a Buffer, a typed array and an ArrayBuffer anywhere, without echoing the bytes', () => {
    const key = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
    for (const data of [{ wrapped: key }, { list: [{ bytes: new Uint8Array(key) }] }, { raw: key.buffer }]) {
      let message = '';
      try {
        assertNoSecrets(data);
      } catch (error) {
        message = (error as Error).message;
        expect(error).toMatchObject({ code: 'JOURNAL_SECRET_REFUSED' });
      }
      expect(message).toMatch(/binary values/);
      expect(message).not.toContain('00112233');
    }
  });

  it('refuses a material key even when nested, naming the path but not the value', () => {
    expect(() => assertNoSecrets({ keys: [{ keyId: 'k1', material: 'deadbeef' }] })).toThrow(
      /data\.keys\[0\]\.material/,
    );
    expect(() => assertNoSecrets({ keys: [{ keyId: 'k1', material: 'deadbeef' }] })).not.toThrow(/deadbeef/);
  });

  it('refuses a PEM private key in a harmless-looking field', () => {
    expect(() => assertNoSecrets({ note: '-----BEGIN PRIVATE KEY-----\nMIIE...' })).toThrow(/PEM private key/);
    expect(() => assertNoSecrets({ note: '-----BEGIN EC PRIVATE KEY-----' })).toThrow(/PEM private key/);
  });

  it('passes ordinary ceremony facts', () => {
    expect(() =>
      assertNoSecrets({
        keyId: 'k',
        publicKeyFingerprint: 'ab'.repeat(32),
        files: [{ name: 'a.bin', sha256: 'cd'.repeat(32) }],
      }),
    ).not.toThrow();
  });
});

/**
 * A refusal or failure is journaled with its problem's values (problemData), and a stop with the
 * problem that caused it: a value name the guard refuses made that entry impossible to write, so a
 * missing --hsm-pin-env variable left its session without a stop, reported later as "a crash or
 * power loss" (a trial). No problem's or journal reason's value may carry such a name.
 */
describe('what Keyferry journals of a problem passes the guard', () => {
  it('no problem message or journal reason takes a value named like a secret', () => {
    const refused = Object.entries(en as Readonly<Record<string, string>>).flatMap(([key, text]) =>
      key.startsWith('problem.') || key.startsWith('journal.reason.')
        ? [...argumentNames(parse(text, { ignoreTag: true }))]
            .filter(isSensitiveKeyName)
            .map((name) => `${key}: ${name}`)
        : [],
    );
    expect(refused).toEqual([]);
  });

  it('a problem value named like a secret is left out of what is journaled, the rest kept', () => {
    const data = problemData({ code: 'X', message: 'words', values: { name: 'NOPE', secret: 'pin' } });
    expect(data.values).toEqual({ name: 'NOPE' });
    expect(() => assertNoSecrets({ ...data })).not.toThrow();
  });

  it('a PIN variable not set is journaled as the problem it is', () => {
    for (const [name, env] of [
      ['NOPE', {}],
      ['EMPTY', { EMPTY: '' }],
    ] as const) {
      const error = (() => {
        try {
          secretFromEnvironment('hsm-pin-env', name, { ...env });
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      const data = problemData(toProblem(error));
      expect(data.code).toBe('SECRET_ENV_MISSING');
      expect(() => assertNoSecrets({ ...data })).not.toThrow();
    }
  });
});
