/**
 * Keys whose material lies in ONE custody set, imported last from two different bundles, come back
 * through one restore. Key one was deleted and restored from the set (a second bundle), key two was
 * imported from the first; a month on both have lapsed. Before, the online side knew a custody copy
 * only by the bundle check that recorded it, took the two keys for two sources, refused to fetch
 * for both and made the custodians come twice with the same shares. A wrapped bundle now names its
 * custody set (format version 5: the set's backup digest), and the messages name the set by the tag
 * its share files' names carry. Two folders as two machines, the real CLI against the simulator.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimWithClient, type SimSetup } from '../../core/kms/helpers/sim';
import { onlineAt } from '../../helpers/cli-sides';
import { keyferry } from '../../integration/cli-in-process';
import { airGappedThenImport, nextCommand, onPrintedMedia, twoMachines } from '../../integration/pasted-shell';

const DAY = 24 * 3_600_000;
const KEY_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

let dir: string;
let kms: SimSetup;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-one-set-'));
  kms = await startSimWithClient();
});
afterAll(async () => {
  await kms.close();
  await rm(dir, { recursive: true, force: true });
});

/** The share file custodian `index` keeps beside the air-gapped workstation. */
async function shareOf(airgap: string, index: number): Promise<string> {
  const folder = path.join(airgap, `custodian-${index}`);
  const file = (await readdir(folder)).find((f) => f.startsWith('keyferry-share-') && f.endsWith('.json'));
  return path.join(folder, file as string);
}

/** The printed custody restore, with the share files of custodians `indexes` and the expiry filled in. */
function followedRestore(printed: readonly string[], shares: readonly string[]): string[] {
  return printed.map((w) => {
    const share = /^SHARE-(\d)$/.exec(w);
    return share ? (shares[Number(share[1]) - 1] as string) : w === 'EXPIRY' ? '30d' : w;
  });
}

describe('keys of one custody set imported from two bundles', () => {
  it('are fetched for together and restored by one custody restore, the set named by its tag', async () => {
    const { online, airgap } = await twoMachines(dir);
    const keys = ['one', 'two'].map((name) => ({ alias: `set/${name}`, spec: 'AES_256' }));
    await writeFile(
      path.join(online, 'plan.json'),
      JSON.stringify({ title: 'One set', operator: 'Ana', witnesses: ['Ben'], materialExpiry: '30d', keys }),
    );
    const { args: connection, env } = onlineAt(kms.sim, 'online.jsonl');
    const on = (args: string[]) => keyferry([...args, ...connection], { cwd: online, env });
    const created = await on(['online', 'create-key', '--plan', 'plan.json']);
    expect(created.code).toBe(0);
    const idOf = (alias: string) => new RegExp(`${alias}\\s.*?(${KEY_ID.source})`).exec(created.stdout)?.[1] as string;
    const [one, two] = [idOf('set/one'), idOf('set/two')];

    // Round 1: both keys wrapped with one 2-of-3 custody set, both imported.
    const params1 = await on(['online', 'params', '--out', 'params-1']);
    expect(params1.code).toBe(0);
    const wrap = nextCommand(onPrintedMedia(params1.stdout));
    const round1 = await airGappedThenImport(wrap, params1.stdout, { online, airgap, env }, [
      '--custody',
      '2/3',
      '--shares-on-one-volume',
    ]);
    expect(round1.airGapped.stdout).toContain('Custody: one set for both keys, 2-of-3: each custodian holds one share');
    const share1 = await shareOf(airgap, 1);
    const tag = /keyferry-share-.+-([0-9A-F]{8})-1of3\.json$/.exec(share1)?.[1] as string;
    expect(tag).toMatch(/^[0-9A-F]{8}$/);
    const importWords = nextCommand(onPrintedMedia(round1.airGapped.stdout));
    const wrappedDir = path.resolve(online, importWords[importWords.indexOf('--bundle') + 1] as string);
    const wrapped1 = JSON.parse(await readFile(path.join(wrappedDir, 'manifest.json'), 'utf8')) as {
      formatVersion: number;
      custody: { backupDigest?: string };
    };
    // The bundle names its custody set (format version 5), by the digest whose first 8 digits are the tag.
    expect(wrapped1.formatVersion).toBe(5);
    expect(wrapped1.custody.backupDigest?.slice(0, 8).toUpperCase()).toBe(tag);

    // Key one's material deleted, and brought back from the set through a second bundle.
    // The deletion's warning names the set the custodians must still hold, by its tag.
    const unacknowledged = await on(['online', 'delete-material', '--key-id', one, '--yes']);
    expect(unacknowledged.code).toBe(1);
    expect(unacknowledged.stderr).toContain(
      `2 of 3 shares, held by custodian-1, custodian-2, custodian-3, custody set ${tag} (the tag in its share files’ names); without 2 of them`,
    );
    const deleted = await on(['online', 'delete-material', '--key-id', one, '--yes', '--acknowledge-loss']);
    expect(deleted.stderr).toBe('');
    expect(deleted.code).toBe(0);
    // This round in Chinese: the next step names the set by its tag too.
    const params2 = await on(['--lang', 'zh-CN', 'online', 'params', '--out', 'params-2']);
    expect(params2.code).toBe(0);
    expect(params2.stdout).toContain(
      `使用此参数包以及托管集 ${tag}（即份额文件名中的标记）的 3 位保管人中任意 2 位的份额文件执行`,
    );
    const restore2 = nextCommand(onPrintedMedia(params2.stdout));
    expect(restore2.slice(0, 2)).toEqual(['custody', 'restore']);
    await airGappedThenImport(followedRestore(restore2, [share1, await shareOf(airgap, 3)]), params2.stdout, {
      online,
      airgap,
      env,
    });

    // A month on, both keys' material has lapsed: key one came last from the restore's bundle, key
    // two from the first. One round serves both: the set holds the material of each.
    kms.sim.clock.advance(31 * DAY);
    const lapsed = await on(['online', 'status']);
    expect(lapsed.code).toBe(1);
    // One way back for both: one restore with the shares of the set, named by its tag.
    expect(lapsed.stdout).toContain(
      `with the shares of any 2 of the 3 custodians of custody set ${tag} (the tag in the share files’ names) and the custody backup`,
    );
    expect(lapsed.stdout).toContain('--out MEDIA/import-parameters-restore ');
    expect(lapsed.stdout).not.toContain('import-parameters-restore-1');
    // Followed as printed (MEDIA: the online folder here).
    const params3 = await on(['online', 'params', '--out', 'import-parameters-restore']);
    expect(params3.stderr).toBe('');
    expect(params3.code).toBe(0);
    for (const keyId of [one, two]) expect(params3.stdout).toContain(`key ${keyId}`);
    expect(params3.stdout).toContain(`the share files of any 2 of the 3 custodians of custody set ${tag}`);
    const restore3 = nextCommand(onPrintedMedia(params3.stdout));
    const { imported } = await airGappedThenImport(
      followedRestore(restore3, [await shareOf(airgap, 2), await shareOf(airgap, 3)]),
      params3.stdout,
      { online, airgap, env },
    );
    expect(imported.stdout).toContain(`custody set ${tag}`);
    expect(imported.stdout.match(/AES_256\s+Enabled\s+OK: /g)).toHaveLength(2);
    expect(imported.stdout).not.toContain('No receipt yet');

    // Lapsed again: the way back names a folder no earlier round wrote, and the line pasted runs (a
    // trial's second lapse was sent to the first one's folder, refused as not empty).
    kms.sim.clock.advance(31 * DAY);
    const again = await on(['online', 'status']);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('--out MEDIA/import-parameters-restore-2 ');
    expect(again.stdout).toContain('--bundle MEDIA/import-parameters-restore-2 ');
    const params4 = await on(['online', 'params', '--out', 'import-parameters-restore-2']);
    expect(params4.stderr).toBe('');
    expect(params4.code).toBe(0);
  }, 240_000);
});
