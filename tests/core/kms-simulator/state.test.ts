/** The simulator's state file: written atomically after every change, resumed by a second instance. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startKmsSimulator } from '../../../src-main/core/kms-simulator/index';
import { KeyState } from '../../../src-main/core/kms/types';
import { asymmetricWrap, pkcs8 } from '../kms/helpers/raw-wrap';
import { externalKeyWithParameters, startSimWithClient, wrapFor } from '../kms/helpers/sim';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'keyferry-sim-state-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('simulator state file', () => {
  it('is resumed by a second simulator: same credentials, project, keys, states, material and tokens', async () => {
    const statePath = path.join(dir, 'rehearsal.json');
    const first = await startSimWithClient({ statePath });
    const aes = await externalKeyWithParameters(first.client, 'AES_256');
    const wrapped = await wrapFor(aes.parameters, 'AES_256');
    const expiresAt = new Date(Math.floor((Date.now() + 3 * 3600_000) / 1000) * 1000);
    await first.client.importKeyMaterial({
      keyId: aes.keyId,
      importToken: aes.parameters.importToken,
      encryptedKeyMaterial: wrapped.encryptedKeyMaterial,
      materialExpiresAt: expiresAt,
    });
    const { cipherText } = await first.client.encryptData({ keyId: aes.keyId, plainText: 'survives a restart' });
    const ec = await externalKeyWithParameters(first.client, 'EC_P256');
    const pending = await externalKeyWithParameters(first.client, 'RSA_2048');
    const identity = {
      ak: first.sim.ak,
      sk: first.sim.sk,
      projectId: first.sim.projectId,
      region: first.sim.region,
      domainId: first.sim.domainId,
    };
    const onDisk = JSON.parse(await fs.readFile(statePath, 'utf8')) as { keys: unknown[] };
    expect(onDisk.keys).toHaveLength(3);
    expect((await fs.stat(statePath)).mode & 0o777).toBe(0o600);
    await first.close();

    const second = await startSimWithClient({ statePath });
    try {
      expect({
        ak: second.sim.ak,
        sk: second.sim.sk,
        projectId: second.sim.projectId,
        region: second.sim.region,
        domainId: second.sim.domainId,
      }).toEqual(identity);
      const info = await second.client.describeKey(aes.keyId);
      expect(info.state).toBe(KeyState.Enabled);
      expect(info.materialExpiresAt?.getTime()).toBe(expiresAt.getTime());
      expect((await second.client.decryptData({ cipherText })).plainText).toBe('survives a restart');
      // a token issued before the restart still imports after it
      const material = pkcs8('p256');
      await second.client.importKeyMaterial({
        keyId: ec.keyId,
        importToken: ec.parameters.importToken,
        ...asymmetricWrap(ec.parameters.publicKeyDer, material.der),
      });
      expect((await second.client.getPublicKey(ec.keyId)).publicKeyDer.equals(material.spki)).toBe(true);
      expect((await second.client.describeKey(pending.keyId)).state).toBe(KeyState.PendingImport);
    } finally {
      await second.close();
    }
    expect((await fs.readdir(dir)).sort()).toEqual(['rehearsal.json']);
    wrapped.material.dispose();
  });

  it('is written after every change, before the answer', async () => {
    const statePath = path.join(dir, 'live.json');
    const setup = await startSimWithClient({ statePath });
    try {
      const read = async () =>
        JSON.parse(await fs.readFile(statePath, 'utf8')) as { keys: { keyId: string; state: number }[] };
      expect((await read()).keys).toEqual([]);
      const { keyId } = await setup.client.createKey({ alias: 'live', spec: 'AES_256', origin: 'kms' });
      expect((await read()).keys.map((k) => k.keyId)).toEqual([keyId]);
      await setup.client.disableKey(keyId);
      expect((await read()).keys[0]?.state).toBe(KeyState.Disabled);
    } finally {
      await setup.close();
    }
  });

  it('refuses a damaged or tampered state file with a plain message', async () => {
    const statePath = path.join(dir, 'bad.json');
    await fs.writeFile(statePath, '{"format":"keyferry-kms-simulator-state"');
    await expect(startKmsSimulator({ statePath })).rejects.toMatchObject({
      code: 'SIM_STATE_INVALID',
      message: expect.stringContaining('not JSON'),
    });
    const good = path.join(dir, 'good.json');
    const sim = await startKmsSimulator({ statePath: good });
    await sim.close();
    const state = JSON.parse(await fs.readFile(good, 'utf8')) as Record<string, unknown>;
    await fs.writeFile(statePath, JSON.stringify({ ...state, secretKey: 'short' }));
    await expect(startKmsSimulator({ statePath })).rejects.toMatchObject({
      code: 'SIM_STATE_INVALID',
      message: expect.stringContaining('secretKey'),
    });
    await fs.writeFile(statePath, JSON.stringify({ ...state, keys: [{ keyId: 'x' }] }));
    await expect(startKmsSimulator({ statePath })).rejects.toMatchObject({ code: 'SIM_STATE_INVALID' });
  });
});
