/**
 * One simulator process serving several regions, reached as the real endpoints are named
 * (kms.{region}.…, here under localhost) over real HTTP: each region has its own project and keys;
 * the account's AK/SK works in every region; a region it does not serve has no KMS API.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { KmsClient } from '../../../src-main/core/kms/client';
import { AkSkCredentials } from '../../../src-main/core/kms/credentials';
import { endpointBeside } from '../../../src-main/core/kms/endpoint';
import { startKmsSimulator, type KmsSimulator } from '../../../src-main/core/kms-simulator/index';

let sim: KmsSimulator | undefined;
const clients: KmsClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await sim?.close();
  sim = undefined;
});

function client(s: KmsSimulator, endpoint: string, projectId: string): KmsClient {
  const c = new KmsClient({
    endpoint,
    projectId,
    credentials: new AkSkCredentials({ accessKeyId: s.ak, secretKey: s.sk }),
    retry: { maxAttempts: 1 },
  });
  clients.push(c);
  return c;
}

describe('the simulator serving several regions', () => {
  it('keeps each region its own project and keys, and finds the region from the endpoint host', async () => {
    sim = await startKmsSimulator({
      region: 'cn-north-4',
      regions: [{ region: 'cn-east-3' }, { region: 'ap-southeast-1' }],
    });
    expect(sim.regions.map((r) => r.region)).toEqual(['cn-north-4', 'cn-east-3', 'ap-southeast-1']);
    expect(new Set(sim.regions.map((r) => r.projectId)).size).toBe(3);
    const [north, east] = sim.regions as [(typeof sim.regions)[0], (typeof sim.regions)[0]];
    expect(east.endpoint).toBe(endpointBeside(new URL(sim.endpoint), 'cn-east-3')?.origin);

    const inNorth = client(sim, north.endpoint, north.projectId);
    const inEast = client(sim, east.endpoint, east.projectId);
    const a = await inNorth.createKey({ alias: 'group-a', spec: 'AES_256' });
    const b = await inEast.createKey({ alias: 'group-a', spec: 'AES_256' });
    expect((await inNorth.listKeys()).map((k) => k.keyId)).toEqual([a.keyId]);
    expect((await inEast.listKeys()).map((k) => k.keyId)).toEqual([b.keyId]);
    expect((await inEast.callAction('describe-key', { key_id: b.keyId })) as object).toMatchObject({
      key_info: { realm: 'cn-east-3' },
    });
    // The first region also answers on 127.0.0.1, as before.
    expect((await client(sim, sim.endpoint, north.projectId).listKeys()).map((k) => k.keyId)).toEqual([a.keyId]);
    // Another region's project is refused; so is a region the simulator does not serve.
    await expect(client(sim, east.endpoint, north.projectId).listKeys()).rejects.toMatchObject({ code: 'KMS.0306' });
    const nowhere = endpointBeside(new URL(sim.endpoint), 'eu-west-101') as URL;
    await expect(client(sim, nowhere.origin, north.projectId).listKeys()).rejects.toMatchObject({
      code: 'APIGW.0101',
    });
  });

  it('derives a region endpoint beside Huawei endpoints and the simulator, and no other', () => {
    expect(endpointBeside(new URL('https://kms.cn-north-4.myhuaweicloud.com'), 'cn-east-3')?.origin).toBe(
      'https://kms.cn-east-3.myhuaweicloud.com',
    );
    expect(endpointBeside(new URL('http://127.0.0.1:8790'), 'cn-east-3')?.origin).toBe(
      'http://kms.cn-east-3.localhost:8790',
    );
    expect(endpointBeside(new URL('https://kms-vpc.example.internal'), 'cn-east-3')).toBeUndefined();
  });

  it('refuses several regions with a state file (regions live in memory only)', async () => {
    await expect(
      startKmsSimulator({ statePath: '/tmp/never-written.json', regions: [{ region: 'cn-east-3' }] }),
    ).rejects.toMatchObject({ code: 'SIM_REGIONS_IN_MEMORY_ONLY' });
  });
});
