/**
 * The credential binding holds in every replica region: the credentials bound to the ceremony's
 * endpoint reach a replica's region only at the endpoint beside it (here the simulator's region
 * host) and only for the replica's own project. A replica connection that goes elsewhere (another
 * host or port: a listening stand-in on 127.0.0.1; or another project) is refused before anything
 * is sent, journaled as a deviation, and no key is created in any region. So is a replica with no
 * endpoint beside a proxy's, or behind an IAM token (scoped to one project). Also: create-keys
 * progress counts once over primaries and replicas.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  replicaKmsClients,
  type ReplicaKmsFactory,
} from '../../../../src-main/core/ceremony/online/replica-connections';
import { OnlineCeremony } from '../../../../src-main/core/ceremony/online/workflow';
import type { CeremonyProgress } from '../../../../src-main/core/ceremony/shared/progress';
import { parseCeremonyPlan, type CeremonyPlan } from '../../../../src-main/core/ceremony/shared/ceremony-plan';
import { listDeviations, type Journal } from '../../../../src-main/core/journal';
import { KmsClient } from '../../../../src-main/core/kms/client';
import { AkSkCredentials, IamTokenCredentials } from '../../../../src-main/core/kms/credentials';
import { phraseOf } from '../../../../src-main/i18n/phrase';
import { APP, createFixture, type Fixture } from '../ceremony-fixture';
import { onlineStartOf } from '../../../../src-main/core/ceremony/online/open-journal';

const REGIONS = { region: 'cn-north-4', regions: [{ region: 'cn-east-3' }, { region: 'ap-southeast-1' }] };

let f: Fixture | undefined;
const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await f?.close();
  f = undefined;
});

function replicaPlan(fixture: Fixture): CeremonyPlan {
  return parseCeremonyPlan({
    title: 'Replica binding',
    operator: 'Ana',
    witnesses: ['Ben'],
    keys: [
      {
        alias: 'dr/aes',
        spec: 'AES_256',
        replicas: fixture.sim.regions.slice(1).map((r) => ({ region: r.region, projectId: r.projectId })),
      },
      {
        alias: 'dr/ec',
        spec: 'EC_P256',
        replicas: [{ region: 'cn-east-3', projectId: fixture.sim.regions[1]!.projectId }],
      },
    ],
  });
}

function clientAt(fixture: Fixture, endpoint: string, projectId: string): KmsClient {
  const client = new KmsClient({
    endpoint,
    projectId,
    region: 'cn-east-3',
    credentials: new AkSkCredentials({ accessKeyId: fixture.sim.ak, secretKey: fixture.sim.sk }),
    retry: { maxAttempts: 1 },
  });
  closers.push(() => client.close());
  return client;
}

async function openWith(
  fixture: Fixture,
  journal: Journal,
  plan: CeremonyPlan,
  replicaKms: ReplicaKmsFactory,
  onProgress?: (p: CeremonyProgress) => void,
) {
  const online = await OnlineCeremony.open({
    journal,
    kms: fixture.kms,
    region: fixture.sim.region,
    app: APP,
    replicaKms,
    ...(onProgress ? { onProgress } : {}),
    start: { ...onlineStartOf(plan), rehearsal: true },
  });
  await online.connect({
    source: phraseOf('credentials.source.config-file', { file: 'kms.json' }),
    endpoint: fixture.sim.endpoint,
    region: fixture.sim.region,
    projectId: fixture.sim.projectId,
  });
  return online;
}

/** Every key each region of the simulator holds. */
async function keysEverywhere(fixture: Fixture): Promise<number> {
  let n = 0;
  for (const r of fixture.sim.regions) n += (await clientAt(fixture, r.endpoint, r.projectId).listKeys()).length;
  return n;
}

describe('replica connections and the credential binding', () => {
  it('refuses a replica connection to another host before anything is sent there or created anywhere', async () => {
    f = await createFixture({ simulator: REGIONS });
    const fixture = f;
    const reached: string[] = [];
    const standIn = http.createServer((req, res) => {
      reached.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
      res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => standIn.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => standIn.close(resolve)));
    const elsewhere = `http://127.0.0.1:${(standIn.address() as AddressInfo).port}`;
    const plan = replicaPlan(fixture);
    const journal = await fixture.journal('online.jsonl');
    const online = await openWith(fixture, journal, plan, (target) => clientAt(fixture, elsewhere, target.projectId));

    await expect(online.createKeys(plan.keys)).rejects.toMatchObject({
      code: 'CREDENTIALS_REPLICA_ENDPOINT_DIFFERS',
      values: {
        region: 'cn-east-3',
        field: 'endpoint',
        given: elsewhere,
        expected: fixture.sim.regions[1]!.endpoint,
        bound: fixture.sim.endpoint,
      },
    });
    expect(reached).toEqual([]);
    expect(await keysEverywhere(fixture)).toBe(0);
    const refused = journal.entries.filter((e) => e.event === 'kms.replica-refused');
    expect(refused.map((e) => e.data)).toEqual([
      expect.objectContaining({
        region: 'cn-east-3',
        given: elsewhere,
        source: phraseOf('credentials.source.config-file', { file: 'kms.json' }),
      }),
    ]);
    expect(listDeviations(journal.entries).map((d) => d.entry.event)).toContain('kms.replica-refused');
    expect(journal.entries.some((e) => e.event === 'kms.replica-connected')).toBe(false);
  });

  it('refuses a replica connection for another project than the plan places the replica in', async () => {
    f = await createFixture({ simulator: REGIONS });
    const fixture = f;
    const plan = replicaPlan(fixture);
    const journal = await fixture.journal('online.jsonl');
    const beside = fixture.sim.regions[1]!.endpoint;
    const online = await openWith(fixture, journal, plan, () => clientAt(fixture, beside, fixture.sim.projectId));
    await expect(online.createKeys(plan.keys)).rejects.toMatchObject({
      code: 'CREDENTIALS_REPLICA_ENDPOINT_DIFFERS',
      values: { field: 'projectId', given: fixture.sim.projectId, expected: fixture.sim.regions[1]!.projectId },
    });
    expect(await keysEverywhere(fixture)).toBe(0);
  });

  it('refuses, journaled and before any call there, a replica with no endpoint beside a proxy, or behind an IAM token of one project', async () => {
    f = await createFixture({ simulator: REGIONS });
    const fixture = f;
    const plan = replicaPlan(fixture);
    const options = {
      region: fixture.sim.region,
      projectId: fixture.sim.projectId,
      credentials: new AkSkCredentials({ accessKeyId: fixture.sim.ak, secretKey: fixture.sim.sk }),
    };
    const cases = [
      {
        journal: 'behind-a-proxy.jsonl',
        factory: replicaKmsClients({ ...options, endpoint: 'https://kms-proxy.example.com' }),
        refusal: {
          code: 'REPLICA_ENDPOINT_UNKNOWN',
          values: { region: 'cn-east-3', endpoint: 'https://kms-proxy.example.com' },
        },
      },
      {
        journal: 'iam-token.jsonl',
        factory: replicaKmsClients({
          ...options,
          endpoint: fixture.sim.endpoint,
          credentials: new IamTokenCredentials(fixture.sim.issueIamToken()),
        }),
        refusal: {
          code: 'REPLICA_TOKEN_ONE_PROJECT',
          values: {
            region: 'cn-east-3',
            projectId: fixture.sim.regions[1]!.projectId,
            tokenProjectId: fixture.sim.projectId,
          },
        },
      },
    ];
    for (const { journal: name, factory, refusal } of cases) {
      closers.push(() => factory.close());
      const journal = await fixture.journal(name);
      const online = await openWith(fixture, journal, plan, factory.open);
      await expect(online.createKeys(plan.keys)).rejects.toMatchObject(refusal);
      const failed = journal.entries.filter((e) => e.event === 'step.failed');
      expect(failed.map((e) => [e.data.step, e.data.code])).toEqual([['connect', refusal.code]]);
      expect(journal.entries.some((e) => e.event === 'kms.replica-connected' || e.event === 'key.created')).toBe(false);
    }
    expect(await keysEverywhere(fixture)).toBe(0);
  });

  it('creates through connections beside the bound endpoint, counting progress once over every key', async () => {
    f = await createFixture({ simulator: REGIONS });
    const fixture = f;
    const plan = replicaPlan(fixture);
    const journal = await fixture.journal('online.jsonl');
    const replicas = replicaKmsClients({
      endpoint: fixture.sim.endpoint,
      projectId: fixture.sim.projectId,
      credentials: new AkSkCredentials({ accessKeyId: fixture.sim.ak, secretKey: fixture.sim.sk }),
      retry: { maxAttempts: 1 },
    });
    closers.push(() => replicas.close());
    const progress: CeremonyProgress[] = [];
    const online = await openWith(fixture, journal, plan, replicas.open, (p) => progress.push(p));
    const created = await online.createKeys(plan.keys);
    expect(created).toHaveLength(5);
    expect(await keysEverywhere(fixture)).toBe(5);
    const done = progress.filter((p) => p.step === 'create-keys' && p.keyPhase === 'done');
    expect(done.map((p) => [p.done, p.total])).toEqual([1, 2, 3, 4, 5].map((n) => [n, 5]));
    expect(progress.filter((p) => p.code === 'create-replica').map((p) => p.values?.region)).toContain(
      'ap-southeast-1',
    );
    expect(journal.entries.filter((e) => e.event === 'kms.replica-connected')).toHaveLength(2);
  });
});
