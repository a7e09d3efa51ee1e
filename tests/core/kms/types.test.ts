/**
 * What the app knows of a KMS key (kms/types.ts): a describe-key answer from the simulator over
 * 127.0.0.1 becomes its state (number and name), its origin and its dates; a date the KMS leaves
 * empty or writes as 0 is absent rather than 1970.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnswer } from '../../../src-main/core/kms/answers';
import { describeKeyAnswer } from '../../../src-main/core/kms/api-schemas';
import { KeyState, keyInfoFromWire, keyStateOfName } from '../../../src-main/core/kms/types';
import { externalKeyWithParameters, startSimWithClient, wrapFor, type SimSetup } from './helpers/sim';

let setup: SimSetup;
beforeAll(async () => {
  setup = await startSimWithClient();
});
afterAll(async () => {
  await setup.close();
});

describe('a key as describe-key shows it', () => {
  it('a new external key waits for its material, with its creation time and no material expiry', async () => {
    const before = setup.sim.clock.now();
    const { keyId } = await externalKeyWithParameters(setup.client, 'AES_256');
    const info = await setup.client.describeKey(keyId);
    expect(info).toMatchObject({
      keyId,
      state: KeyState.PendingImport,
      stateName: 'Pending import',
      origin: 'external',
    });
    expect(info.spec).toBe('AES_256');
    expect(info.createdAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(info.createdAt?.getTime()).toBeLessThanOrEqual(setup.sim.clock.now());
    expect(info.materialExpiresAt).toBeUndefined();
    expect(info.scheduledDeletionAt).toBeUndefined();
  });

  it('imported AES material shows when it expires, and a key scheduled for deletion when it goes', async () => {
    const { keyId, parameters } = await externalKeyWithParameters(setup.client, 'AES_256');
    const wrapped = await wrapFor(parameters, 'AES_256');
    const expires = new Date(setup.sim.clock.now() + 30 * 86_400_000);
    await setup.client.importKeyMaterial({
      keyId,
      importToken: parameters.importToken,
      encryptedKeyMaterial: wrapped.encryptedKeyMaterial,
      materialExpiresAt: expires,
    });
    wrapped.material.dispose();
    const imported = await setup.client.describeKey(keyId);
    expect([imported.state, imported.stateName]).toEqual([KeyState.Enabled, 'Enabled']);
    expect(imported.materialExpiresAt?.getTime()).toBe(Math.floor(expires.getTime() / 1000) * 1000);

    await setup.client.scheduleKeyDeletion(keyId, 7);
    const leaving = await setup.client.describeKey(keyId);
    expect([leaving.state, leaving.stateName]).toEqual([KeyState.PendingDeletion, 'Pending deletion']);
    const days = ((leaving.scheduledDeletionAt?.getTime() ?? 0) - setup.sim.clock.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
  });
});

describe('keyInfoFromWire', () => {
  const read = (keyInfo: Record<string, unknown>) =>
    keyInfoFromWire(
      parseAnswer(
        { status: 200, headers: {}, body: Buffer.from(JSON.stringify({ key_info: keyInfo })) },
        describeKeyAnswer,
        'describe-key',
      ).key_info,
    );
  const keyId = '43f1ffd7-18fb-4568-9575-602e009b7ee8';

  it('leaves out a date written as 0 or as no number, and fields the KMS did not send', () => {
    const info = read({
      key_id: keyId,
      key_state: '3',
      creation_date: '0',
      expiration_time: '',
      scheduled_deletion_date: 'soon',
    });
    expect(info).toEqual({ keyId, state: KeyState.Disabled, stateName: 'Disabled' });
  });

  it('reads milliseconds since 1970 as the moment they name', () => {
    const info = read({ key_id: keyId, key_state: '2', creation_date: '1767225600000', key_alias: 'payments' });
    expect(info.createdAt?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(info.alias).toBe('payments');
  });

  it('turns a state name into the number the catalogue selects on, and leaves an unknown name as it is', () => {
    expect(keyStateOfName('Enabled')).toBe('2');
    expect(keyStateOfName('Frozen')).toBe('7');
    expect(keyStateOfName('Migrating')).toBe('Migrating');
  });
});
