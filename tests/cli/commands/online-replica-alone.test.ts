/**
 * One member of a replica group loses its material while the others keep theirs: the replica's
 * material deleted on request, or its import left undone. `online params` then fetches for that
 * member alone; the bundle carries it without its primary (bound to the group's material), the
 * printed `custody restore` rebuilds the group's material from the one custody set and wraps it
 * under that member's wrapping key alone, and `online import` brings it back with the group proven
 * again. Two folders as two machines, one simulator serving two regions over real HTTP.
 */
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKmsSimulator, type KmsSimulator } from '../../../src-main/core/kms-simulator/index';
import { keyferry } from '../../integration/cli-in-process';
import {
  airGappedThenImport,
  nextCommand,
  onPrintedMedia,
  twoMachines,
  withoutCustodyToFillIn,
} from '../../integration/pasted-shell';
import { airgapConfirmations } from './witness-args';
import { onlineAt } from '../../helpers/cli-sides';
import { runCli } from '../../integration/cli-process';
import { journalFileEntries } from '../../helpers/journal-entries';
import { writeReplicaPlan } from '../../helpers/replica-plan';

let dir: string;
let sim: KmsSimulator;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-replica-alone-'));
  sim = await startKmsSimulator({ regions: [{ region: 'sim-local-2' }] });
});
afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

/** An AES key with a replica in the simulator's second region, its parameters fetched and written. */
async function groupWithParameters(name: string) {
  await mkdir(path.join(dir, name));
  const { online, airgap } = await twoMachines(path.join(dir, name));
  await writeReplicaPlan(online, sim, { title: 'Replica alone', alias: `${name}/aes` });
  const { args: connection, env } = onlineAt(sim);
  const on = (args: string[]) => keyferry([...args, ...connection], { cwd: online, env });
  expect((await on(['online', 'create-key', '--plan', 'plan.json'])).code).toBe(0);
  const params = await on(['online', 'params', '--out', 'params-1']);
  expect(params.code).toBe(0);
  return { online, airgap, env, on, params };
}

type Group = Awaited<ReturnType<typeof groupWithParameters>>;

/** The restore's line for the replica alone, whose rebuilt material is its primary's, in each language. */
const replicaRestoredLine = {
  en: (replicaId: string, primaryId: string) =>
    `  ${replicaId}  AES_256  KCV [0-9A-F]{6}: the material of its primary ${primaryId} \\(a replica holds its primary’s material; the custody set records it, and its check value, under the primary\\)\n`,
  'zh-CN': (replicaId: string, primaryId: string) =>
    `  ${replicaId}  AES_256  KCV [0-9A-F]{6}：其主密钥 ${primaryId} 的密钥材料（副本持有其主密钥的密钥材料；托管集将该材料及其校验值记录在主密钥名下）\n`,
};

/**
 * `online params` for the replica alone, the printed custody restore followed (custodians 1 and 3;
 * the CLI in a child process, in `lang`), and the import.
 */
async function replicaRoundAlone(
  { online, airgap, env, on }: Group,
  name: string,
  replicaId: string,
  why: string,
  lang: keyof typeof replicaRestoredLine = 'en',
) {
  const again = await on(['online', 'params', '--out', 'params-2']);
  expect(again.stderr).toBe('');
  expect(again.code).toBe(0);
  expect(again.stdout).toContain(
    `[1/1] Fetching import parameters for ${name}/aes (the replica in region sim-local-2)`,
  );
  expect(again.stdout).toContain(why);
  const words = nextCommand(onPrintedMedia(again.stdout));
  expect(words.slice(0, 2)).toEqual(['custody', 'restore']);
  const shares = await Promise.all(
    [1, 3].map(async (i) => {
      const folder = path.join(airgap, `custodian-${i}`);
      const file = (await readdir(folder)).find((f) => f.startsWith('keyferry-share-') && f.endsWith('.json'));
      return path.join(folder, file as string);
    }),
  );
  const followed = words.map((w) => (w === 'SHARE-1' ? shares[0] : w === 'SHARE-2' ? shares[1] : w)) as string[];
  // The restore as printed, the CLI in a child process; then the import it prints.
  const confirmed = [
    ...withoutCustodyToFillIn(followed),
    ...airgapConfirmations(again.stdout, ['Ben']),
    '--allow-network',
  ];
  const restore = await runCli(['--lang', lang, ...confirmed], { cwd: airgap });
  expect(restore.stderr).toBe('');
  expect(restore.code).toBe(0);
  // The rebuilt material is the primary's: the replica's line says so beside the primary's check value.
  const created = (await journalFileEntries(path.join(online, 'online.jsonl'))).filter(
    (e) => e.event === 'key.created',
  );
  const primaryId = created.find((e) => e.data.replicaOf === undefined)?.data.keyId as string;
  const rebuilt =
    lang === 'en'
      ? 'Rebuilt 1 key of ceremony \\S+ from shares 1, 3 of 3 \\(2 needed\\) and the backup; each proven against the check value recorded for it:\n'
      : '';
  expect(restore.stdout).toMatch(new RegExp(`${rebuilt}${replicaRestoredLine[lang](replicaId, primaryId)}`));
  const imported = await keyferry(nextCommand(onPrintedMedia(restore.stdout)), { cwd: online, env });
  expect(imported.stderr).toBe('');
  expect(imported.code).toBe(0);
  const restored = { airGapped: restore, imported };
  // The restore's receipt names the replica as one in a round of its own.
  if (lang === 'en') expect(restored.airGapped.stdout).toMatch(/Receipt: (\S+\.html)/);
  expect(restored.imported.stdout).toMatch(new RegExp(`${replicaId}\\s+sim-local-2\\s.*AES_256\\s+Enabled\\s+OK: `));
  const status = await on(['online', 'status']);
  expect(status.stderr).toBe('');
  expect(status.code).toBe(0);
  expect(status.stdout.match(/AES_256\s+Enabled\s+OK: /g)).toHaveLength(2);
  // The import line this round printed: the restore's wrapped bundle and its digest.
  return nextCommand(onPrintedMedia(restored.airGapped.stdout));
}

const CUSTODY = ['--custody', '2/3', '--shares-on-one-volume'];

/** The air-gapped side of the group's first round, as `online params` printed it, with a 2-of-3 custody set. */
async function wrapWithCustody({ airgap, params }: Group) {
  const wrapped = await keyferry(
    [
      ...withoutCustodyToFillIn(nextCommand(onPrintedMedia(params.stdout))),
      ...airgapConfirmations(params.stdout, ['Ben']),
      '--allow-network',
      ...CUSTODY,
    ],
    { cwd: airgap, env: {} },
  );
  expect(wrapped.code).toBe(0);
  return wrapped;
}

/** The group's first round taken through, with a 2-of-3 custody set, and both members imported. */
async function importedGroup(name: string) {
  const group = await groupWithParameters(name);
  const { online, airgap, env, params } = group;
  const first = await airGappedThenImport(
    nextCommand(onPrintedMedia(params.stdout)),
    params.stdout,
    { online, airgap, env },
    CUSTODY,
  );
  expect(first.imported.stdout.match(/AES_256\s+Enabled\s+OK: /g)).toHaveLength(2);
  const replicaId = /^\s+([0-9a-f-]{36})\s+sim-local-2\s/m.exec(first.imported.stdout)?.[1] as string;
  return { group, first, replicaId };
}

describe('one replica of a group without its material', () => {
  it('deleted on request: params for the replica alone, custody restore wraps for it alone, import proves the group again', async () => {
    const { group, first, replicaId } = await importedGroup('deleted');
    const { online, env, on } = group;
    const deleted = await on(['online', 'delete-material', '--key-id', replicaId, '--yes', '--acknowledge-loss']);
    expect(deleted.stderr).toBe('');
    expect(deleted.code).toBe(0);
    // The replica shares its alias with its primary: its region says which one lost its material.
    expect(deleted.stdout).toContain(
      `Material deleted on request: deleted/aes (AES_256, key ${replicaId}, the replica in region sim-local-2) is in Pending import`,
    );
    const replicaImport = await replicaRoundAlone(
      group,
      'deleted',
      replicaId,
      `Key ${replicaId} had material imported before`,
    );

    // Then the primary loses its material, and the replica's round's bundle is brought again by mistake:
    // it brings nothing the ceremony waits for, and nothing is sent.
    const primaryId = /^\s+([0-9a-f-]{36})\s+sim-local-1\s/m.exec(first.imported.stdout)?.[1] as string;
    expect((await on(['online', 'delete-material', '--key-id', primaryId, '--yes', '--acknowledge-loss'])).code).toBe(
      0,
    );
    expect((await on(['online', 'params', '--out', 'params-3'])).code).toBe(0);
    const sent = sim.importRequestCount(primaryId) + sim.importRequestCount(replicaId);
    const again = await keyferry(replicaImport, { cwd: online, env });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      new RegExp(
        `already holds the material it carries \\(imported earlier, journaled\\): it brings nothing this ceremony waits for\\. 1 key waits for material: deleted/aes \\(${primaryId}\\)\\. Nothing was imported\\. Bring the wrapped-material bundle made from the import-parameters bundle \\S+params-3 `,
      ),
    );
    expect(again.stdout).not.toContain('imported as any other');
    expect(sim.importRequestCount(primaryId) + sim.importRequestCount(replicaId)).toBe(sent);
  }, 180_000);

  it('its import refused while the primary’s took, then its token lapsed: bound to the primary’s material, restored alone', async () => {
    const group = await groupWithParameters('undone');
    const { online, env, on, params } = group;
    const wrapped = await wrapWithCustody(group);
    // One at a time: the primary's import goes through, the replica's is refused before it runs.
    sim.faults.failWith('import-key-material', 400, 'before', 1, 1);
    const imported = await keyferry([...nextCommand(onPrintedMedia(wrapped.stdout)), '--concurrency', '1'], {
      cwd: online,
      env,
    });
    expect(imported.code).toBe(1);
    expect(imported.stdout).toContain('The import stopped part way: 1 of 2 keys holds its material');
    const replicaId = new RegExp(
      `${'undone/aes'} \\(AES_256, key ([0-9a-f-]{36}), the replica in region sim-local-2\\)`,
    ).exec(params.stdout)?.[1] as string;
    expect(replicaId).toBeDefined();
    sim.clock.advance(25 * 3_600_000);
    // The primary is verified (the step the ceremony stands at); the same import again meets the lapsed
    // token and names the next round, parameters for the replica alone.
    const status = await on(['online', 'status']);
    // Its import answered KMS.0101 and the replica still Pending import: that answer, and the import to run again.
    expect(status.stdout).toContain(
      `1 key is still Pending import although the import this journal shows sent to it was answered with an error that does not say whether it took effect: undone/aes (${replicaId}, the replica in sim-local-2): sent at journal entry `,
    );
    expect(status.stdout).toContain('Run the import again, DIGEST being the bundle digest on its air-gapped receipt');
    const retried = await keyferry(nextCommand(onPrintedMedia(wrapped.stdout)), { cwd: online, env });
    expect(retried.code).toBe(1);
    expect(`${retried.stdout}\n${retried.stderr}`).toContain('keyferry online params');
    const primaryId = /undone\/aes \(AES_256, key ([0-9a-f-]{36})\), token/.exec(params.stdout)?.[1] as string;
    await replicaRoundAlone(
      group,
      'undone',
      replicaId,
      `Key ${replicaId} is a replica of ${primaryId}, which holds the material imported before: a replica group holds one material`,
      'zh-CN',
    );
    // Read as an auditor: the restore's receipt binds the replica to its group's material (imported into its
    // primary, never into itself), and the online receipt says the two members came from two wrapped bundles.
    const receiptText = async (folder: string, prefix: string) => {
      const names = (await readdir(folder)).filter((f) => f.startsWith(prefix) && f.endsWith('.txt')).sort();
      return readFile(path.join(folder, names[names.length - 1] as string), 'utf8');
    };
    const restoreReceipt = await receiptText(group.airgap, 'receipt-air-gapped-');
    expect(restoreReceipt).toContain('托管恢复');
    expect(restoreReceipt).toMatch(
      /已绑定的密钥材料 \.+ 一致：即其副本组所持有的密钥材料，首次导入（导入此密钥或另一成员）见联网日志第 \d+ 条/,
    );
    expect(restoreReceipt).not.toContain('首次导入此密钥的密钥材料');
    const onlineReceipt = await receiptText(online, 'receipt-online-');
    expect(onlineReceipt).toMatch(
      /Group proof \.+ Proven as far as the KMS allows: the 2 members were imported from 2 wrapped-material bundles, not one \(a member was imported in a later round\), each stating the key check value above/,
    );
    expect(onlineReceipt).not.toContain('imported from the one wrapped material');
  }, 180_000);

  it('the primary’s import refused while its replica’s took, then its token lapsed: bound to the replica’s material, never fresh material', async () => {
    const group = await groupWithParameters('first');
    const { online, airgap, env, on, params } = group;
    const wrapped = await wrapWithCustody(group);
    const primaryId = /first\/aes \(AES_256, key ([0-9a-f-]{36})\), token/.exec(params.stdout)?.[1] as string;
    const replicaId = new RegExp(
      `first/aes \\(AES_256, key ([0-9a-f-]{36}), the replica in region sim-local-2\\)`,
    ).exec(params.stdout)?.[1] as string;
    expect(primaryId).toBeDefined();
    expect(replicaId).toBeDefined();
    // The primary's import is refused before it runs, every time; the replica's goes through.
    sim.faults.failWith('import-key-material', 400, 'before', 10, 0, primaryId);
    for (let run = 0; run < 2; run++) {
      const imported = await keyferry(nextCommand(onPrintedMedia(wrapped.stdout)), { cwd: online, env });
      expect(imported.code).toBe(1);
    }
    sim.faults.clear();
    const states = (await on(['online', 'status'])).stdout;
    expect(states).toMatch(new RegExp(`AES_256\\s+${replicaId}\\s+Enabled`));
    expect(states).toMatch(new RegExp(`AES_256\\s+${primaryId}\\s+Pending import`));
    sim.clock.advance(25 * 3_600_000);
    expect((await on(['online', 'status'])).code).toBe(1);
    // The next round holds the primary alone, bound to the material its replica holds: the way on is
    // that material restored from custody, and fresh material is refused before any is generated.
    const again = await on(['online', 'params', '--out', 'params-2']);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      `Key ${primaryId} was never imported, and ${replicaId} of its replica group holds the material imported before: a replica group holds one material, so this key takes that same material, not fresh material from keyferry airgap wrap (fresh material would leave the group holding two).`,
    );
    const restoreWords = nextCommand(onPrintedMedia(again.stdout));
    expect(restoreWords.slice(0, 2)).toEqual(['custody', 'restore']);
    const bundle = restoreWords[restoreWords.indexOf('--bundle') + 1] as string;
    // A new journal, on a workstation of its own (beside the ceremony's journal it would be refused for that).
    await mkdir(path.join(airgap, 'other-workstation'));
    const fresh = await keyferry(
      [
        'airgap',
        'wrap',
        '--bundle',
        bundle,
        '--out',
        path.join(path.dirname(bundle), 'fresh'),
        '--journal',
        path.join('other-workstation', 'fresh.jsonl'),
        '--operator',
        'Ana',
        '--witness',
        'Ben',
        ...airgapConfirmations(again.stdout, ['Ben']),
        '--allow-network',
        '--no-backup',
      ],
      { cwd: airgap, env: {} },
    );
    expect(fresh.code).toBe(1);
    expect(fresh.stderr).toContain(`(${primaryId}) is bound to the material imported at online journal entry`);
    expect(fresh.stderr).toContain(
      'fresh material would leave a replica group holding two, so fresh material is refused',
    );
  }, 180_000);
  it('both members’ material deleted: params for the replica alone is taken, bound to the group’s material, not refused as a split', async () => {
    const { group, first, replicaId } = await importedGroup('both');
    const { on } = group;
    const primaryId = /^\s+([0-9a-f-]{36})\s+sim-local-1\s/m.exec(first.imported.stdout)?.[1] as string;
    for (const keyId of [replicaId, primaryId])
      expect((await on(['online', 'delete-material', '--key-id', keyId, '--yes', '--acknowledge-loss'])).code).toBe(0);
    // The group's material was made and bound: a round of one member takes that material, splitting nothing.
    const alone = await on(['online', 'params', '--out', 'params-2', '--key-id', replicaId]);
    expect(alone.stderr).toBe('');
    expect(alone.code).toBe(0);
    expect(nextCommand(onPrintedMedia(alone.stdout)).slice(0, 2)).toEqual(['custody', 'restore']);
  }, 180_000);
});
