/**
 * One simulator process serving several regions, reached as the real endpoints are named
 * (kms.{region}.…, here under localhost) over real HTTP: each region has its own project and keys;
 * the account's AK/SK works in every region; a region it does not serve has no KMS API.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KmsClient } from '../../../src-main/core/kms/client';
import { AkSkCredentials } from '../../../src-main/core/kms/credentials';
import { endpointBeside } from '../../../src-main/core/kms/endpoint';
import { startKmsSimulator, type KmsSimulator } from '../../../src-main/core/kms-simulator/index';
import { toProblem } from '../../../src-main/core/errors';
import { translator } from '../../../src-main/i18n/translate';

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

  it('keeps every region in its state file (version 2): a restarted simulator serves them with their keys', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-sim-regions-state-'));
    try {
      const statePath = path.join(dir, 'sim-state.json');
      sim = await startKmsSimulator({ statePath, regions: [{ region: 'sim-local-2' }, { region: 'sim-local-3' }] });
      const before = sim.regions.map((r) => ({ region: r.region, projectId: r.projectId }));
      const created = [];
      for (const r of sim.regions)
        created.push((await client(sim, r.endpoint, r.projectId).createKey({ alias: 'g', spec: 'AES_256' })).keyId);
      const onDisk = JSON.parse(await readFile(statePath, 'utf8')) as {
        version: number;
        keys: { keyId: string }[];
        regions: { region: string; keys: { keyId: string }[] }[];
      };
      expect(onDisk.version).toBe(2);
      expect([onDisk.keys, ...onDisk.regions.map((r) => r.keys)].map((keys) => keys.map((k) => k.keyId))).toEqual(
        created.map((id) => [id]),
      );
      for (const c of clients.splice(0)) c.close();
      await sim.close();

      // No regions named: the file's are served, each with its project and its key; a new one may join.
      sim = await startKmsSimulator({ statePath, regions: [{ region: 'sim-local-4' }] });
      expect(sim.regions.slice(0, 3).map((r) => ({ region: r.region, projectId: r.projectId }))).toEqual(before);
      expect(sim.regions.map((r) => r.region)).toEqual(['sim-local-1', 'sim-local-2', 'sim-local-3', 'sim-local-4']);
      for (const [i, r] of sim.regions.slice(0, 3).entries())
        expect((await client(sim, r.endpoint, r.projectId).listKeys()).map((k) => k.keyId)).toEqual([created[i]]);
      await sim.close();
      sim = undefined;
      // A region asked for with another project than its state records is refused.
      await expect(
        startKmsSimulator({
          statePath,
          regions: [{ region: 'sim-local-2', projectId: 'a4a5d4098fb4474fa22cd05f897d6b99' }],
        }),
      ).rejects.toMatchObject({ code: 'SIM_REGION_PROJECT_DIFFERS', values: { region: 'sim-local-2' } });
      // So is a first region, or its project, other than the file's first (it was served silently before).
      const otherRegion = await startKmsSimulator({ statePath, region: 'cn-east-3' }).catch((e: unknown) => e);
      expect(otherRegion).toMatchObject({
        code: 'SIM_STATE_REGION_DIFFERS',
        values: { region: 'cn-east-3', recorded: 'sim-local-1' },
      });
      expect(translator('en').problemLine(toProblem(otherRegion))).toMatch(
        /records sim-local-1 as its first region, but region cn-east-3 was asked for/,
      );
      await expect(
        startKmsSimulator({ statePath, projectId: 'a4a5d4098fb4474fa22cd05f897d6b99' }),
      ).rejects.toMatchObject({
        code: 'SIM_REGION_PROJECT_DIFFERS',
        values: { region: 'sim-local-1', recorded: before[0]?.projectId },
      });
      // The recorded ones, named again, are served.
      sim = await startKmsSimulator({ statePath, region: 'sim-local-1', projectId: before[0]?.projectId as string });
      expect(sim.regions.slice(0, 3).map((r) => ({ region: r.region, projectId: r.projectId }))).toEqual(before);
      await sim.close();
      sim = undefined;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
