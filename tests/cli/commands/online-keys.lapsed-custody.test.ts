/**
 * `online status` once the material of two keys imported from different wrapped bundles has lapsed:
 * each key's way back is its own custody copy, the one recorded at its import. Key one came from the
 * first bundle, with a 2-of-3 custody set; key two's import was refused, its token lapsed, and it
 * came from a second bundle wrapped with no custody copy. Before, both keys were said to be in the
 * last bundle's case (no custody copy: "lost for ever"), although key one's custody set holds it.
 * Two machines in two folders, the real CLI against the simulator (its clock moved on).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { nextCommand, onPrintedMedia, twoMachines } from '../../integration/pasted-shell';
import { onlineAt } from '../../helpers/cli-sides';
import { startSimWithClient, type SimSetup } from '../../core/kms/helpers/sim';
import { airgapConfirmations } from './witness-args';

let dir: string;
let kms: SimSetup;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-lapsed-custody-'));
  kms = await startSimWithClient();
});
afterAll(async () => {
  await kms.close();
  await rm(dir, { recursive: true, force: true });
});

const DAY = 24 * 3_600_000;

describe('online status after the material of keys from two bundles lapsed', () => {
  it('says each key’s way back from the custody copy recorded at its own import', async () => {
    const { online, airgap } = await twoMachines(dir);
    const keys = ['one', 'two'].map((name) => ({ alias: `custody/${name}`, spec: 'AES_256' }));
    await writeFile(
      path.join(online, 'plan.json'),
      JSON.stringify({ title: 'Two bundles', operator: 'Ana', witnesses: ['Ben'], materialExpiry: '30d', keys }),
    );
    const { args: connection, env } = onlineAt(kms.sim);
    const on = (args: string[]) => keyferry([...args, ...connection], { cwd: online, env });
    const created = await on(['online', 'create-key', '--plan', 'plan.json']);
    expect(created.code).toBe(0);
    const idOf = (alias: string) =>
      new RegExp(`${alias}\\s.*?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})`).exec(
        created.stdout,
      )?.[1] as string;
    const [one, two] = [idOf('custody/one'), idOf('custody/two')];
    // The printed wrap command leaves the custody to fill in (the material has an expiry): filled in here.
    const FILL_IN = ['--custody', 'M/N', '--custodian', 'NAME', '--custodian-folder', 'DIR'];
    const wrap = async (params: string, ...extra: string[]) => {
      const printed = nextCommand(onPrintedMedia(params));
      const at = printed.indexOf('--custody');
      expect(printed.slice(at, at + FILL_IN.length)).toEqual(FILL_IN);
      printed.splice(at, FILL_IN.length);
      const wrapped = await keyferry(
        [...printed, ...airgapConfirmations(params, ['Ben']), '--allow-network', ...extra],
        { cwd: airgap, env: {} },
      );
      expect(wrapped.stderr, wrapped.stderr).toBe('');
      expect(wrapped.code).toBe(0);
      return nextCommand(onPrintedMedia(wrapped.stdout));
    };

    // Round 1: both keys wrapped with a 2-of-3 custody set; key two's import is refused every time.
    const params1 = await on(['online', 'params', '--out', 'params-1']);
    expect(params1.code).toBe(0);
    const import1 = await wrap(params1.stdout, '--custody', '2/3', '--shares-on-one-volume');
    kms.sim.faults.failWith('import-key-material', 400, 'before', 10, 0, two);
    expect((await keyferry(import1, { cwd: online, env })).code).toBe(1);
    kms.sim.faults.clear();
    expect((await on(['online', 'status'])).code).toBe(1);

    // A day later key two's token has lapsed: round 2 for it alone, wrapped with no custody copy.
    kms.sim.clock.advance(DAY + 3_600_000);
    const params2 = await on(['online', 'params', '--out', 'params-2']);
    expect(params2.stderr).toBe('');
    expect(params2.code).toBe(0);
    const import2 = await wrap(params2.stdout, '--no-backup');
    const imported = await keyferry(import2, { cwd: online, env });
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);

    // A month on, both keys' material has lapsed.
    kms.sim.clock.advance(31 * DAY);
    const status = await on(['online', 'status']);
    expect(status.code).toBe(1);
    const text = status.stdout;
    // One block per custody copy: its heading, its keys, then the way back.
    const blockOf = (keyId: string) => {
      const at = text.indexOf(`key ${keyId})`);
      expect(at).toBeGreaterThan(0);
      return text.slice(text.lastIndexOf('Key material lapsed:', at), text.indexOf('keyferry online import', at));
    };
    expect(text.match(/Key material lapsed: 1 key was imported/g)).toHaveLength(2);
    // Key one: its custody set restores it.
    expect(blockOf(one)).toContain('with the shares of any 2 of the 3 custodians and the custody backup');
    expect(blockOf(one)).not.toContain('NO custody copy');
    // One key in the block: said as one.
    expect(blockOf(one)).toContain(
      'Every ciphertext under the key is unreadable until the same material is imported again.',
    );
    expect(blockOf(one)).not.toContain(two);
    // Key two: no custody copy, and only it is said so.
    expect(blockOf(two)).toContain('It had NO custody copy');
    expect(blockOf(two)).not.toContain(one);
  }, 180_000);
});
