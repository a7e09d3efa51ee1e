/**
 * After imported AES material lapsed (the simulator's clock moved past the plan's "1d" expiry),
 * `online params` must not send the officer to `airgap wrap` (fresh material, which the KMS and
 * Keyferry refuse for a key imported before): it names `custody restore` with the ceremony's
 * custody (M share files, the restore journal, the people, an explicit EXPIRY), and following it
 * brings the same material back into the KMS. Without a custody copy it says plainly that only the
 * original material can. Two folders as two machines, one simulator over real HTTP.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKmsSimulator, type KmsSimulator } from '../../../src-main/core/kms-simulator/index';
import { keyferry } from '../../integration/cli-in-process';
import { airGappedThenImport, nextCommand, onPrintedMedia, twoMachines } from '../../integration/pasted-shell';
import { onlineAt } from '../../helpers/cli-sides';

const DAY_MS = 86_400_000;
let dir: string;
const sims: KmsSimulator[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-reimport-'));
});
afterAll(async () => {
  for (const sim of sims) await sim.close();
  await rm(dir, { recursive: true, force: true });
});

/**
 * One AES key with a one-day material expiry (with `replicas`, a replica group across the
 * simulator's three regions; with `withEc`, beside an EC key whose material never lapses),
 * imported; then the KMS's clock passes the expiry.
 */
async function importedThenLapsed(name: string, custody: string[], replicas = false, withEc = false) {
  // Each ceremony has its own KMS: the clock moves for one ceremony only.
  const sim = await startKmsSimulator(
    replicas ? { regions: [{ region: 'sim-local-2' }, { region: 'sim-local-3' }] } : {},
  );
  sims.push(sim);
  const others = sim.regions.slice(1).map((r) => ({ region: r.region, projectId: r.projectId }));
  await mkdir(path.join(dir, name));
  const { online, airgap } = await twoMachines(path.join(dir, name));
  await writeFile(
    path.join(online, 'plan.json'),
    JSON.stringify({
      title: 'Lapse',
      operator: 'Ana',
      witnesses: ['Ben'],
      materialExpiry: '1d',
      keys: [
        { alias: `${name}/aes`, spec: 'AES_256', ...(replicas ? { replicas: others } : {}) },
        ...(withEc ? [{ alias: `${name}/ec`, spec: 'EC_P256' }] : []),
      ],
    }),
  );
  const { args: connection, env } = onlineAt(sim);
  const on = (args: string[]) => keyferry([...args, ...connection], { cwd: online, env });
  expect((await on(['online', 'create-key', '--plan', 'plan.json'])).code).toBe(0);
  const params = await on(['online', 'params', '--out', 'params-1']);
  expect(params.code).toBe(0);
  await airGappedThenImport(
    nextCommand(onPrintedMedia(params.stdout)),
    params.stdout,
    { online, airgap, env },
    custody,
  );
  sim.clock.advance(2 * DAY_MS);
  const status = await on(['online', 'status']);
  expect(status.code).toBe(1);
  expect(status.stdout).toContain(`Key material lapsed: ${replicas ? '3 keys were' : '1 key was'} imported`);
  // The restore of material that had an expiry requires --expires: the hint gives it and says why;
  // with no custody copy, step 2 wraps the material someone brings (there is nothing to restore from).
  const second = custody.includes('--no-backup') ? 'airgap wrap' : 'custody restore';
  expect(status.stdout).toMatch(
    new RegExp(
      `^ {2}2\\. keyferry ${second} --bundle \\S+ .*--expires EXPIRY \\(with the other options step 1 prints\\), on the air-gapped workstation, .*--expires is required because this material had an expiry`,
      'm',
    ),
  );
  // Both steps name the restore bundle on the removable media: written there online, read there air-gapped.
  const restoreBundle = 'MEDIA/import-parameters-restore';
  expect(status.stdout).toContain(`--out ${restoreBundle}      (fresh wrapping key`);
  expect(status.stdout).toContain(`2. keyferry ${second} --bundle ${restoreBundle} `);
  const again = await on(['online', 'params', '--out', 'params-2']);
  expect(again.stderr).toBe('');
  expect(again.code).toBe(0);
  return { online, airgap, env, params: again };
}

/** Follows the printed `custody restore` with the share files of custodians 1 and 3, then imports what it wrote. */
async function restoreThenImport(lapsed: Awaited<ReturnType<typeof importedThenLapsed>>) {
  const { online, airgap, env, params } = lapsed;
  const words = nextCommand(onPrintedMedia(params.stdout));
  const shares = await Promise.all(
    [1, 3].map(async (i) => {
      // In the air-gapped folder the printed wrap ran in, never on the media that carries the bundles (here online/).
      expect(await readdir(online)).not.toContain(`custodian-${i}`);
      const folder = path.join(airgap, `custodian-${i}`);
      const file = (await readdir(folder)).find((f) => f.startsWith('keyferry-share-') && f.endsWith('.json'));
      return path.join(folder, file as string);
    }),
  );
  const followed = words.map((w) =>
    w === 'SHARE-1' ? shares[0] : w === 'SHARE-2' ? shares[1] : w === 'EXPIRY' ? '30d' : w,
  );
  return (await airGappedThenImport(followed as string[], params.stdout, { online, airgap, env })).imported;
}

describe('online params after imported material lapsed', () => {
  it('names custody restore with the ceremony custody, and following it re-imports the same material', async () => {
    // An EC key keeps its material beside the lapsed AES key: the ceremony, finished once, must take the re-import.
    const lapsed = await importedThenLapsed('shares', ['--custody', '2/3', '--shares-on-one-volume'], false, true);
    const { params } = lapsed;
    expect(params.stdout).not.toMatch(/keyferry airgap wrap --bundle/);
    expect(params.stdout).toMatch(/^Key \S+ had material imported before: the KMS accepts only that same material/m);
    const words = nextCommand(params.stdout);
    expect(words.slice(0, 6)).toEqual(['custody', 'restore', '--share', 'SHARE-1', '--share', 'SHARE-2']);
    expect(words).toEqual(expect.arrayContaining(['--operator', 'Ana', '--witness', 'Ben', '--expires', 'EXPIRY']));
    expect(params.stdout).toContain('the share files of any 2 of the 3 custodians');
    // The lapsed material's original expiry has passed: the restore would refuse original, so it is not offered.
    expect(params.stdout).toContain(
      'EXPIRY is the material expiry of the restored keys: a date-time, a duration such as 90d, or never (not original: their original expiry has passed)',
    );

    // Followed: two custodians' share files in place of SHARE-i, a new expiry in place of EXPIRY.
    const reimport = await restoreThenImport(lapsed);
    expect(reimport.stdout).toMatch(/AES_256\s+Enabled\s+OK: /);
    // The restore's bundle was taken without comparing its makers (every key bound), and the online
    // journal says so: the ceremony's air-gapped journal neither moves by it nor must list it later.
    const checks = (await readFile(path.join(lapsed.online, 'online.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string; data: Record<string, unknown> })
      .filter((e) => e.event === 'wrapped-bundle.checked');
    expect(checks.map((e) => e.data.makersCompared)).toEqual([undefined, false]);
  }, 120_000);

  it('a lapsed replica group: one restore from the one custody set wraps for all three regions, and all import', async () => {
    const lapsed = await importedThenLapsed('group', ['--custody', '2/3', '--shares-on-one-volume'], true);
    expect(nextCommand(lapsed.params.stdout).slice(0, 2)).toEqual(['custody', 'restore']);
    const reimport = await restoreThenImport(lapsed);
    // The primary and its two replicas, each Enabled with its own round trip.
    expect(reimport.stdout.match(/AES_256\s+Enabled\s+OK: /g)).toHaveLength(3);
  }, 180_000);

  it('without a custody copy says plainly that only the original material can bring the key back', async () => {
    const { params } = await importedThenLapsed('none', ['--no-backup']);
    expect(params.stdout).toContain('No custody copy of this material was taken: only the original material');
    const words = nextCommand(params.stdout);
    expect(words.slice(0, 2)).toEqual(['airgap', 'wrap']);
    expect(words).toEqual(expect.arrayContaining(['--material', 'ORIGINAL-MATERIAL-FILE', '--key-id']));
    expect(words[words.indexOf('--key-id') + 1]).toMatch(/^[0-9a-f-]{36}$/);
  }, 120_000);
});
