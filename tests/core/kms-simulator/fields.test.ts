/**
 * The simulator reads request fields as the KMS does, so a client bug surfaces in rehearsal with
 * the code the real service would answer: a missing field KMS.0204, a wrong type or format
 * KMS.0202, a key ID of the wrong form KMS.0205, a sequence not 36 characters KMS.0206, a value
 * outside its list KMS.0308, integers as numbers or digit strings, base64 only in canonical form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedPost, startSimWithClient, uniqueAlias, type SimSetup } from '../kms/helpers/sim';

let setup: SimSetup;
beforeAll(async () => {
  setup = await startSimWithClient();
});
afterAll(async () => {
  await setup.close();
});

const codeOf = async (action: string, body: unknown) => {
  const answer = await signedPost(setup.sim, action, JSON.stringify(body));
  const json = answer.json as { error?: { error_code: string } };
  return json.error?.error_code ?? `HTTP ${answer.status}`;
};
const KEY_ID = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';

describe('request fields', () => {
  it('a required field absent, null or empty is KMS.0204; of another type KMS.0202', async () => {
    expect(await codeOf('describe-key', {})).toBe('KMS.0204');
    expect(await codeOf('describe-key', { key_id: null })).toBe('KMS.0204');
    expect(await codeOf('describe-key', { key_id: '' })).toBe('KMS.0204');
    expect(await codeOf('describe-key', { key_id: 42 })).toBe('KMS.0202');
    expect(await codeOf('create-key', { key_alias: uniqueAlias('f'), key_description: ['x'] })).toBe('KMS.0202');
  });

  it('a key ID not in the KMS form is KMS.0205; a sequence not 36 characters KMS.0206', async () => {
    expect(await codeOf('describe-key', { key_id: 'not-a-key-id' })).toBe('KMS.0205');
    expect(await codeOf('describe-key', { key_id: KEY_ID.toUpperCase().replace(/-/g, '') })).toBe('KMS.0205');
    expect(await codeOf('describe-key', { key_id: KEY_ID, sequence: 'short' })).toBe('KMS.0206');
    expect(await codeOf('describe-key', { key_id: KEY_ID, sequence: KEY_ID })).toBe('KMS.0207');
  });

  it('a value outside its list is KMS.0308', async () => {
    expect(await codeOf('create-key', { key_alias: uniqueAlias('f'), key_spec: 'AES_512' })).toBe('KMS.0308');
    expect(await codeOf('create-key', { key_alias: uniqueAlias('f'), origin: 'hsm' })).toBe('KMS.0308');
    expect(await codeOf('list-keys', { key_state: '9' })).toBe('KMS.0308');
  });

  it('an integer is read from a number or a digit string, and nothing else', async () => {
    expect(await codeOf('list-keys', { limit: 5 })).toBe('HTTP 200');
    expect(await codeOf('list-keys', { limit: '5' })).toBe('HTTP 200');
    expect(await codeOf('list-keys', { limit: 'five' })).toBe('KMS.1601');
    expect(await codeOf('list-keys', { limit: 2.5 })).toBe('KMS.1601');
    expect(await codeOf('list-keys', { marker: '1e3' })).toBe('KMS.1602');
  });

  it('base64 is accepted only in its canonical form', async () => {
    expect(await codeOf('decrypt-data', { cipher_text: 'not base64!' })).toBe('KMS.0202');
    expect(await codeOf('decrypt-data', { cipher_text: 'QUJD\nRA==' })).toBe('KMS.0202');
    expect(await codeOf('decrypt-data', { cipher_text: 'QUJDRA' })).toBe('KMS.0202');
    expect(await codeOf('decrypt-data', { cipher_text: 'QUJDRA==' })).toBe('KMS.2201');
  });
});
