/**
 * A replica group through the CLI, two folders as two machines against one simulator serving three
 * regions over real HTTP: `online create-key --plan` with replicas creates each key in its region,
 * `online params` writes a format 2 bundle, `airgap wrap` generates each group's material once and
 * wraps it under every region's wrapping key, `online import` imports each key in its region and
 * proves each group (journaled replica-group.proven), every key Enabled in its own region.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKmsSimulator, type KmsSimulator } from '../../../src-main/core/kms-simulator/index';
import { keyferry } from '../../integration/cli-in-process';
import { paramsDigestFrom } from './witness-args';
import { airgapWrapArgs, onlineAt } from '../../helpers/cli-sides';

let dir: string;
let sim: KmsSimulator;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-replicas-'));
  sim = await startKmsSimulator({
    region: 'cn-north-4',
    regions: [{ region: 'cn-east-3' }, { region: 'ap-southeast-1' }],
  });
});

afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

/** The cells of the table rows (two spaces apart) whose first cell starts with `first`. */
function tableRows(stdout: string, first: string): string[][] {
  return stdout
    .split('\n')
    .map((line) => line.trim().split(/ {2,}/))
    .filter((cells) => cells[0]?.startsWith(first));
}

function journalEvents(text: string): { event: string; data: Record<string, unknown> }[] {
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { event: string; data: Record<string, unknown> });
}

describe('keyferry online and airgap with a replica group in three regions', () => {
  it('creates, wraps once per wrapping key, imports in every region and proves each group', async () => {
    const online = path.join(dir, 'online');
    const airgap = path.join(dir, 'airgap');
    await mkdir(online);
    await mkdir(airgap);
    const replicas = sim.regions.slice(1).map((r) => ({ region: r.region, projectId: r.projectId }));
    await writeFile(
      path.join(online, 'plan.json'),
      JSON.stringify({
        title: 'Disaster recovery keys',
        operator: 'Ana',
        witnesses: ['Ben', 'Chloé'],
        keys: [
          { alias: 'dr/aes', spec: 'AES_256', replicas },
          { alias: 'dr/ec', spec: 'EC_P256', replicas },
        ],
      }),
    );
    const { args: where, env } = onlineAt(sim);
    const create = await keyferry(['online', 'create-key', ...where, '--plan', 'plan.json'], { cwd: online, env });
    expect(create.stderr).toBe('');
    expect(create.code).toBe(0);
    // Counted as the KMS holds them: each primary and its two replicas, the replicas said apart.
    expect(create.stdout).toContain(
      'The plan’s 6 keys (4 of them replicas in other regions or projects) exist in the KMS, Pending import: 6 created by this run.',
    );
    expect(create.stdout).toContain('the AES material of 3 keys never expires (the default');
    // Each group's three rows share an alias: the table tells them apart by region and group.
    const created = tableRows(create.stdout, 'dr/');
    const aesPrimary = created[0]?.[7] ?? '';
    const ecPrimary = created[3]?.[7] ?? '';
    const projectOf = new Map(sim.regions.map((r) => [r.region, r.projectId]));
    expect(created.map((r) => r.slice(0, 4))).toEqual([
      ['dr/aes', 'cn-north-4', projectOf.get('cn-north-4'), 'primary'],
      ['dr/aes', 'cn-east-3', projectOf.get('cn-east-3'), `replica of ${aesPrimary.slice(0, 8)}…`],
      ['dr/aes', 'ap-southeast-1', projectOf.get('ap-southeast-1'), `replica of ${aesPrimary.slice(0, 8)}…`],
      ['dr/ec', 'cn-north-4', projectOf.get('cn-north-4'), 'primary'],
      ['dr/ec', 'cn-east-3', projectOf.get('cn-east-3'), `replica of ${ecPrimary.slice(0, 8)}…`],
      ['dr/ec', 'ap-southeast-1', projectOf.get('ap-southeast-1'), `replica of ${ecPrimary.slice(0, 8)}…`],
    ]);
    expect(new Set(created.map((r) => r[7])).size).toBe(6);
    // The plan names no expiry: every key's material never expires.
    expect(created.map((r) => r[6])).toEqual(Array(6).fill('never'));
    const params = await keyferry(['online', 'params', ...where, '--out', 'media-params'], { cwd: online, env });
    expect(params.code).toBe(0);
    // Every region the credentials were used in is said, on day 1 as the replicas are created and at each later connection.
    const port = new URL(sim.endpoint).port;
    for (const run of [create, params])
      for (const region of ['cn-east-3', 'ap-southeast-1'])
        expect(run.stdout).toContain(
          `  and region ${region} for replicas: connected to http://kms.${region}.localhost:${port} (project ${projectOf.get(region)}, `,
        );
    // A replica shares its primary's alias: its progress line and its fingerprint line name its region.
    for (const [alias, spec, rows] of [
      ['dr/aes', 'AES_256', created.slice(0, 3)],
      ['dr/ec', 'EC_P256', created.slice(3, 6)],
    ] as const) {
      const [primary, ...replicaRows] = rows;
      expect(params.stdout).toContain(`  ${alias} (${spec}, key ${primary?.[7]}), token valid until `);
      for (const r of replicaRows) {
        expect(params.stdout).toContain(
          `  ${alias} (${spec}, key ${r[7]}, the replica in region ${r[1]}), token valid until `,
        );
        expect(params.stdout).toContain(`Fetching import parameters for ${alias} (the replica in region ${r[1]})`);
      }
    }
    // Both sides list the fingerprints in the tables' order: each group's replicas under their primary.
    const keyIdsIn = (lines: string[]) => lines.map((line) => /key ([0-9a-f-]{36})/.exec(line)?.[1] ?? '');
    const tableOrder = created.map((r) => r[7]);
    expect(keyIdsIn(params.stdout.split('\n').filter((l) => /token valid until/.test(l)))).toEqual(tableOrder);
    const manifest = JSON.parse(await readFile(path.join(online, 'media-params', 'manifest.json'), 'utf8')) as {
      formatVersion: number;
      keys: { region: string; replicaOf?: string }[];
    };
    // Format 5: replica groups (format 2), each key's own material expiry (4) and the ceremony's people.
    expect(manifest.formatVersion).toBe(5);
    expect(manifest.keys.map((k) => k.region).sort()).toEqual([
      'ap-southeast-1',
      'ap-southeast-1',
      'cn-east-3',
      'cn-east-3',
      'cn-north-4',
      'cn-north-4',
    ]);

    const wrap = await keyferry(
      airgapWrapArgs(
        {
          bundle: path.join(online, 'media-params'),
          out: path.join(dir, 'media-wrapped'),
          witnesses: ['Ben', 'Chloé'],
          digest: paramsDigestFrom(params.stdout),
        },
        '--allow-network',
      ),
      { cwd: airgap },
    );
    expect(wrap.stderr).toBe('');
    expect(wrap.code).toBe(0);
    // The air-gapped side's key table tells the group's rows apart as create-key's does: region, project, group.
    expect(tableRows(wrap.stdout, 'dr/').map((r) => r.slice(0, 4))).toEqual(created.map((r) => r.slice(0, 4)));
    const fingerprintLines = wrap.stdout.split('\n').filter((l) => /^ {2}[0-9A-F]{4} .*\(key [0-9a-f-]{36}\)$/.test(l));
    expect(keyIdsIn(fingerprintLines)).toEqual(tableOrder);
    const air = journalEvents(await readFile(path.join(airgap, 'airgap.jsonl'), 'utf8'));
    expect(air.filter((e) => e.event === 'material.generated')).toHaveLength(2);
    // Each group's one material line names the replicas it also serves.
    for (const [spec, primary, first] of [
      ['AES_256', aesPrimary, 1],
      ['EC_P256', ecPrimary, 4],
    ] as const) {
      const replicaIds = created.slice(first, first + 2).map((r) => r[7]);
      expect(wrap.stdout).toMatch(
        new RegExp(
          `Generated ${spec} material for key ${primary} \\([^)]+\\); the same material serves its replica group: 2 replicas \\(${replicaIds.join(', ')}\\)\\.`,
        ),
      );
    }
    expect(air.filter((e) => e.event === 'material.wrapped')).toHaveLength(6);
    const digest = /bundle digest ([0-9A-F ]{79})/.exec(wrap.stdout)?.[1] as string;

    const imported = await keyferry(
      ['online', 'import', ...where, '--bundle', path.join(dir, 'media-wrapped'), '--expect-digest', digest],
      { cwd: online, env },
    );
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    // One "imported" line per key, each group's lines together, each naming its region and its role.
    const importedLines = imported.stdout.split('\n').filter((l) => l.startsWith('  imported '));
    expect(
      importedLines.map((l) =>
        /^ {2}imported (\S+) key (\S+) in ([^,]+), ([^(]+) \(material expires: [^;]+; the KMS answered\)$/
          .exec(l)
          ?.slice(1),
      ),
    ).toEqual(
      created.map((r, i) => [
        r[0] === 'dr/aes' ? 'AES_256' : 'EC_P256',
        r[7],
        r[1],
        i % 3 === 0 ? 'primary of its replica group' : `replica of ${i < 3 ? aesPrimary : ecPrimary}`,
      ]),
    );
    const events = journalEvents(await readFile(path.join(online, 'online.jsonl'), 'utf8'));
    expect(events.filter((e) => e.event === 'kms.replica-connected').map((e) => e.data.region)).toEqual([
      'cn-east-3',
      'ap-southeast-1',
      'cn-east-3',
      'ap-southeast-1',
      'cn-east-3',
      'ap-southeast-1',
    ]);
    const proven = events.filter((e) => e.event === 'replica-group.proven');
    expect(proven.map((e) => e.data.method).sort()).toEqual(['kcv-of-wrapped-material', 'public-key-equal']);
    const verified = events.filter((e) => e.event === 'key.verified');
    expect(verified.map((e) => e.data.keyState)).toEqual(Array(6).fill('Enabled'));
    // The proof table: key id, then the same region, project and group as create-key's row of that key.
    const createdRow = new Map(created.map((r) => [r[7], r]));
    const proofRows = (stdout: string) =>
      tableRows(stdout, '')
        .filter((r) => createdRow.has(r[0]))
        .map((r) => r.slice(0, 4));
    const proofExpected = created.map((r) => [r[7], r[1], r[2], r[3]]);
    expect(proofRows(imported.stdout)).toEqual(proofExpected);
    // Beside each member's own proof, a line per way of proof counts the groups it proved (none NOT proven).
    const groupLines = [
      '  1 replica group (RSA/EC) proven: get-publickey of every member, asked in its own region, equals the group’s one public key',
      '  1 replica group (AES) proven as far as the KMS allows: every member was imported from wrapped material with the group’s key check value and passed its own encrypt/decrypt round trip',
    ];
    const groupProofLines = (stdout: string) =>
      stdout.split('\n').filter((l) => /^ {2}(\d+ replica group|Replica group of )/.test(l));
    expect(groupProofLines(imported.stdout)).toEqual(groupLines);

    const status = await keyferry(['online', 'status', '--journal', 'online.jsonl'], { cwd: online, env });
    expect(status.stderr).toBe('');
    expect(status.code).toBe(0);
    expect(tableRows(status.stdout, 'dr/').map((r) => r.slice(0, 4))).toEqual(created.map((r) => r.slice(0, 4)));
    expect(proofRows(status.stdout)).toEqual(proofExpected);
    expect(groupProofLines(status.stdout)).toEqual(groupLines);
  }, 240_000);

  /** `online create-key` of one AES key with one replica at `replica`, in a folder of its own; `env` replaces the AK/SK. */
  async function createWithReplica(
    name: string,
    replica: { region: string; projectId: string },
    env?: NodeJS.ProcessEnv,
  ) {
    const folder = path.join(dir, name);
    await mkdir(folder);
    await writeFile(
      path.join(folder, 'plan.json'),
      JSON.stringify({
        title: `Replica refused: ${name}`,
        operator: 'Ana',
        witnesses: ['Ben'],
        keys: [{ alias: `${name}/aes`, spec: 'AES_256', replicas: [replica] }],
      }),
    );
    const online = onlineAt(sim);
    const create = await keyferry(['online', 'create-key', ...online.args, '--plan', 'plan.json'], {
      cwd: folder,
      env: env ?? online.env,
    });
    const events = journalEvents(await readFile(path.join(folder, 'online.jsonl'), 'utf8'));
    return { create, events, endpoint: `http://kms.${replica.region}.localhost:${new URL(sim.endpoint).port}` };
  }

  it('names the replica region, project and endpoint the simulator does not serve, and how to serve it', async () => {
    const projectId = 'a'.repeat(32);
    const { create, events, endpoint } = await createWithReplica('unserved', { region: 'eu-west-101', projectId });
    expect(create.code).not.toBe(0);
    expect(create.stderr).toContain(
      `The replica region eu-west-101 (project ${projectId}) is not served at ${endpoint}`,
    );
    // A region the simulator does not serve is as often a typo in the plan as a region left out of --regions.
    expect(create.stderr).toContain('If eu-west-101 is misspelt, correct it in the plan');
    expect(create.stderr).toContain('keyferry kms-sim --regions eu-west-101');
    expect(events.filter((e) => e.event === 'kms.replica-connected')).toEqual([]);
    // Journaled as what it is (the region, project and endpoint), so the receipt's Deviations can say it.
    expect(events.filter((e) => e.event === 'step.failed').map((e) => [e.data.step, e.data.code])).toEqual([
      ['connect', 'REPLICA_REGION_NOT_SERVED'],
    ]);
    expect(events.find((e) => e.event === 'step.failed')?.data.values).toMatchObject({
      region: 'eu-west-101',
      projectId,
      endpoint,
    });
  }, 120_000);

  it("names the replica whose project the region refuses, not only the KMS's code", async () => {
    // The ceremony's own project ID given for another region: that region answers KMS.0306.
    const { create, events, endpoint } = await createWithReplica('wrong-project', {
      region: 'cn-east-3',
      projectId: sim.projectId,
    });
    expect(create.code).not.toBe(0);
    expect(create.stderr).toContain(
      `The replica region cn-east-3 refused these credentials for project ${sim.projectId} at ${endpoint} (KMS.0306)`,
    );
    expect(create.stderr).toContain('Check the plan’s project ID for cn-east-3');
    expect(events.filter((e) => e.event === 'key.created' || e.event === 'kms.replica-connected')).toEqual([]);
    expect(events.filter((e) => e.event === 'step.failed').map((e) => [e.data.step, e.data.code])).toEqual([
      ['connect', 'REPLICA_ACCESS_REFUSED'],
    ]);
    expect(events.find((e) => e.event === 'step.failed')?.data.values).toMatchObject({
      region: 'cn-east-3',
      projectId: sim.projectId,
      endpoint,
      code: 'KMS.0306',
    });
  }, 120_000);
  it('refuses an IAM token for a replica in another project before any call there: a project-scoped token reaches one project', async () => {
    const replica = { region: 'cn-east-3', projectId: sim.regions[1]?.projectId as string };
    const { create, events } = await createWithReplica('iam-token', replica, {
      KEYFERRY_IAM_TOKEN: sim.issueIamToken(),
    });
    expect(create.code).not.toBe(0);
    expect(create.stderr).toContain(
      `The credentials are an IAM token, which reaches only the project it was issued for (${sim.projectId}); the replica in cn-east-3 is in project ${replica.projectId}. Nothing was created.`,
    );
    expect(create.stderr).toContain('KEYFERRY_AK and KEYFERRY_SK');
    expect(create.stderr).not.toContain('Check the plan’s project ID');
    expect(events.filter((e) => e.event === 'key.created' || e.event === 'kms.replica-connected')).toEqual([]);
    expect(events.filter((e) => e.event === 'step.failed').map((e) => [e.data.step, e.data.code])).toEqual([
      ['connect', 'REPLICA_TOKEN_ONE_PROJECT'],
    ]);
  }, 120_000);

  it("refuses a replica in the ceremony's own region and project before anything is created, journaled", async () => {
    const { create, events } = await createWithReplica('own-place', { region: sim.region, projectId: sim.projectId });
    expect(create.code).not.toBe(0);
    expect(events.filter((e) => e.event === 'key.created' || e.event === 'kms.replica-connected')).toEqual([]);
    expect(events.filter((e) => e.event === 'step.failed').map((e) => [e.data.step, e.data.code])).toEqual([
      ['connect', 'REPLICA_SAME_AS_PRIMARY'],
    ]);
  }, 120_000);
});
