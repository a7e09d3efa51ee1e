/**
 * What every simulator action shares (context.ts): an unknown key is KMS.0207 (HTTP 404); a key is
 * described with every value a string, as the real API answers; a key that is not Enabled is
 * refused for use with the code of its state (KMS.0209 disabled, KMS.0210 pending deletion,
 * KMS.1301 pending import).
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

const post = async (action: string, body: Record<string, unknown>) =>
  signedPost(setup.sim, action, JSON.stringify(body));
const code = (json: unknown) => (json as { error?: { error_code: string } }).error?.error_code;

describe('keys as every action finds them', () => {
  it('an unknown key is KMS.0207 with HTTP 404, for describe and for use alike', async () => {
    for (const action of ['describe-key', 'encrypt-data', 'enable-key']) {
      const answer = await post(action, { key_id: '0d0466b0-e727-4d9c-b35d-f84bb474a37f', plain_text: 'x' });
      expect([answer.status, code(answer.json)], action).toEqual([404, 'KMS.0207']);
    }
  });

  it('describes a key with every value a string, its alias, spec, state and dates', async () => {
    const alias = uniqueAlias('described');
    const { keyId } = await setup.client.createKey({ alias, spec: 'EC_P256', origin: 'kms' });
    const { key_info: info } = (await post('describe-key', { key_id: keyId })).json as {
      key_info: Record<string, unknown>;
    };
    expect(Object.values(info).every((v) => typeof v === 'string')).toBe(true);
    expect(info).toMatchObject({
      key_id: keyId,
      key_alias: alias,
      key_spec: 'EC_P256',
      key_usage: 'SIGN_VERIFY',
      key_state: '2',
      origin: 'kms',
      realm: setup.sim.region,
      scheduled_deletion_date: '',
    });
    expect(Number(info.creation_date)).toBeCloseTo(setup.sim.clock.now(), -5);
  });

  it('refuses to use a key that is not Enabled, with the code of its state', async () => {
    const { keyId } = await setup.client.createKey({ alias: uniqueAlias('states'), spec: 'AES_256', origin: 'kms' });
    const use = async () => code((await post('encrypt-data', { key_id: keyId, plain_text: 'x' })).json);
    expect(await use()).toBeUndefined();
    await setup.client.disableKey(keyId);
    expect(await use()).toBe('KMS.0209');
    await setup.client.scheduleKeyDeletion(keyId, 7);
    expect(await use()).toBe('KMS.0210');
    const { keyId: pending } = await setup.client.createKey({ alias: uniqueAlias('pending'), spec: 'AES_256' });
    expect(code((await post('encrypt-data', { key_id: pending, plain_text: 'x' })).json)).toBe('KMS.1301');
  });
});
