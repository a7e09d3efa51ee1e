/**
 * The simulator's key actions refuse what the KMS refuses, with its codes, so a rehearsal meets
 * the same walls as the real ceremony: an alias taken (KMS.1104) or malformed (KMS.1101), a usage
 * the spec cannot have (KMS.0308), deletion outside 7-1096 days (KMS.1401) or twice (KMS.1402),
 * enable/disable/cancel from the wrong state; list-keys pages with a marker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyState } from '../../../../src-main/core/kms/types';
import { signedPost, startSimWithClient, uniqueAlias, type SimSetup } from '../../kms/helpers/sim';

let setup: SimSetup;
beforeAll(async () => {
  setup = await startSimWithClient();
});
afterAll(async () => {
  await setup.close();
});

const code = async (action: string, body: Record<string, unknown>) => {
  const json = (await signedPost(setup.sim, action, JSON.stringify(body))).json as { error?: { error_code: string } };
  return json.error?.error_code ?? 'ok';
};

describe('create-key', () => {
  it('refuses an alias already taken, a malformed alias, a description over 255 characters', async () => {
    const alias = uniqueAlias('taken');
    expect(await code('create-key', { key_alias: alias })).toBe('ok');
    expect(await code('create-key', { key_alias: alias })).toBe('KMS.1104');
    expect(await code('create-key', { key_alias: 'has space' })).toBe('KMS.1101');
    expect(await code('create-key', { key_alias: uniqueAlias('d'), key_description: 'd'.repeat(256) })).toBe(
      'KMS.1103',
    );
    expect(await code('create-key', { key_alias: uniqueAlias('d'), key_description: 'd'.repeat(255) })).toBe('ok');
  });

  it('refuses a usage the spec cannot have; an external key waits for material, a kms key is Enabled', async () => {
    expect(
      await code('create-key', { key_alias: uniqueAlias('u'), key_spec: 'AES_256', key_usage: 'SIGN_VERIFY' }),
    ).toBe('KMS.0308');
    expect(
      await code('create-key', { key_alias: uniqueAlias('u'), key_spec: 'EC_P256', key_usage: 'ENCRYPT_DECRYPT' }),
    ).toBe('KMS.0308');
    const external = await setup.client.createKey({ alias: uniqueAlias('ext'), spec: 'RSA_2048', origin: 'external' });
    const generated = await setup.client.createKey({ alias: uniqueAlias('gen'), spec: 'RSA_2048', origin: 'kms' });
    expect((await setup.client.describeKey(external.keyId)).state).toBe(KeyState.PendingImport);
    expect((await setup.client.describeKey(generated.keyId)).state).toBe(KeyState.Enabled);
  });
});

describe('state changes', () => {
  it('enable/disable only from the other state; deletion 7 to 1096 days, once; cancel only when pending', async () => {
    const { keyId } = await setup.client.createKey({ alias: uniqueAlias('life'), spec: 'AES_256', origin: 'kms' });
    expect(await code('enable-key', { key_id: keyId })).toBe('KMS.1201');
    expect(await code('cancel-key-deletion', { key_id: keyId })).toBe('KMS.1501');
    expect(await code('schedule-key-deletion', { key_id: keyId })).toBe('KMS.0204');
    expect(await code('schedule-key-deletion', { key_id: keyId, pending_days: '6' })).toBe('KMS.1401');
    expect(await code('schedule-key-deletion', { key_id: keyId, pending_days: '1097' })).toBe('KMS.1401');
    expect(await code('schedule-key-deletion', { key_id: keyId, pending_days: '7' })).toBe('ok');
    expect(await code('schedule-key-deletion', { key_id: keyId, pending_days: '7' })).toBe('KMS.1402');
    expect(await code('disable-key', { key_id: keyId })).toBe('KMS.1301');
    expect(await setup.client.cancelKeyDeletion(keyId)).toBe(KeyState.Disabled);
  });

  it('a key that never received material goes back to waiting for it when its deletion is cancelled', async () => {
    const { keyId } = await setup.client.createKey({ alias: uniqueAlias('empty'), spec: 'AES_256' });
    await setup.client.scheduleKeyDeletion(keyId, 30);
    const described = await setup.client.describeKey(keyId);
    expect(described.state).toBe(KeyState.PendingDeletion);
    expect(await setup.client.cancelKeyDeletion(keyId)).toBe(KeyState.PendingImport);
  });
});

describe('list-keys', () => {
  it('pages with limit and marker, says when more follow, and filters by spec', async () => {
    const spec = 'EC_P384';
    for (let i = 0; i < 3; i += 1) await setup.client.createKey({ alias: uniqueAlias('page'), spec });
    const page = async (marker: string | undefined) =>
      (
        await signedPost(
          setup.sim,
          'list-keys',
          JSON.stringify({ limit: '2', key_spec: spec, ...(marker ? { marker } : {}) }),
        )
      ).json as { keys: string[]; next_marker: string; truncated: string; total: number };
    const first = await page(undefined);
    expect(first).toMatchObject({ truncated: 'true', next_marker: '2', total: 3 });
    const second = await page(first.next_marker);
    expect(second).toMatchObject({ truncated: 'false', next_marker: '' });
    expect(new Set([...first.keys, ...second.keys]).size).toBe(3);
  });

  it('filters by every key state the KMS numbers, Frozen (7) included, and refuses a state it has not (6)', async () => {
    const { keyId } = await setup.client.createKey({ alias: uniqueAlias('state'), spec: 'AES_256' });
    const listed = async (state: string) =>
      (await signedPost(setup.sim, 'list-keys', JSON.stringify({ key_state: state }))).json as {
        keys?: string[];
        error?: { error_code: string };
      };
    expect((await listed('5')).keys).toContain(keyId);
    expect((await listed('2')).keys).not.toContain(keyId);
    expect(await listed('7')).toMatchObject({ keys: [] });
    expect((await listed('6')).error?.error_code).toBe('KMS.0308');
  });
});
