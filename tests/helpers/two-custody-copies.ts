/**
 * A ceremony of two AES keys whose material lies in two different custody copies, both lapsed: key
 * one came from the first wrapped bundle, with a 2-of-3 custody set; key two's import was refused,
 * its token lapsed, and it came from a second bundle wrapped with no custody copy. Two machines in
 * two folders, the real CLI (in process) against the simulator, whose clock is moved a month on.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { keyferry, type InProcessRun } from '../integration/cli-in-process';
import { nextCommand, onPrintedMedia, twoMachines } from '../integration/pasted-shell';
import { onlineAt } from './cli-sides';
import type { SimSetup } from '../core/kms/helpers/sim';
import { airgapConfirmations } from '../cli/commands/witness-args';

const DAY = 24 * 3_600_000;
const KEY_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** The two machines' folders, the online side's command (connection added), and the two keys' ids. */
export interface TwoCustodyCopies {
  readonly online: string;
  readonly airgap: string;
  readonly env: NodeJS.ProcessEnv;
  readonly on: (args: string[]) => Promise<InProcessRun>;
  /** Key one (custody/one): its material in the 2-of-3 custody set written beside `airgap/`. */
  readonly one: string;
  /** Key two (custody/two): wrapped with no custody copy. */
  readonly two: string;
}

/**
 * Builds the ceremony above in `dir` against `kms`, both keys' material lapsed when it returns;
 * `journal`: the online journal's file name in `online/` (the app's is online-journal.jsonl).
 */
export async function lapsedFromTwoCustodyCopies(
  dir: string,
  kms: SimSetup,
  journal = 'online.jsonl',
): Promise<TwoCustodyCopies> {
  const { online, airgap } = await twoMachines(dir);
  const keys = ['one', 'two'].map((name) => ({ alias: `custody/${name}`, spec: 'AES_256' }));
  await writeFile(
    path.join(online, 'plan.json'),
    JSON.stringify({ title: 'Two bundles', operator: 'Ana', witnesses: ['Ben'], materialExpiry: '30d', keys }),
  );
  const { args: connection, env } = onlineAt(kms.sim, journal);
  const on = (args: string[]) => keyferry([...args, ...connection], { cwd: online, env });
  const created = await on(['online', 'create-key', '--plan', 'plan.json']);
  expect(created.code).toBe(0);
  const idOf = (alias: string) => new RegExp(`${alias}\\s.*?(${KEY_ID.source})`).exec(created.stdout)?.[1] as string;
  const [one, two] = [idOf('custody/one'), idOf('custody/two')];
  // The printed wrap command leaves the custody to fill in (the material has an expiry), or repeats
  // the custody of the last wrap of these keys checked here: replaced here by the test's own.
  const FILL_IN = ['--custody', 'M/N', '--custodian', 'NAME', '--custodian-folder', 'DIR'];
  const wrap = async (params: string, custody: readonly string[], ...extra: string[]) => {
    const printed = nextCommand(onPrintedMedia(params));
    const at = printed.indexOf('--custody');
    expect(printed.slice(at, printed.indexOf('--out'))).toEqual(custody);
    printed.splice(at, custody.length);
    const wrapped = await keyferry([...printed, ...airgapConfirmations(params, ['Ben']), '--allow-network', ...extra], {
      cwd: airgap,
      env: {},
    });
    expect(wrapped.stderr, wrapped.stderr).toBe('');
    expect(wrapped.code).toBe(0);
    return nextCommand(onPrintedMedia(wrapped.stdout));
  };

  // Round 1: both keys wrapped with a 2-of-3 custody set; key two's import is refused every time.
  const params1 = await on(['online', 'params', '--out', 'params-1']);
  expect(params1.code).toBe(0);
  expect(params1.stdout).toContain('fill in --custody M/N with one --custodian NAME');
  const import1 = await wrap(params1.stdout, FILL_IN, '--custody', '2/3', '--shares-on-one-volume');
  kms.sim.faults.failWith('import-key-material', 400, 'before', 10, 0, two);
  expect((await keyferry(import1, { cwd: online, env })).code).toBe(1);
  kms.sim.faults.clear();
  expect((await on(['online', 'status'])).code).toBe(1);

  // A day later key two's token has lapsed: round 2 for it alone, wrapped with no custody copy.
  kms.sim.clock.advance(DAY + 3_600_000);
  const params2 = await on(['online', 'params', '--out', 'params-2']);
  expect(params2.stderr).toBe('');
  expect(params2.code).toBe(0);
  // Key two's last wrap checked here kept a 2-of-3 custody set: the line repeats it (new material is
  // split again like it); this round chooses no custody copy.
  const likeRoundOne = ['--custody', '2/3'].concat(
    [1, 2, 3].flatMap((i) => ['--custodian', `custodian-${i}`, '--custodian-folder', 'DIR']),
  );
  // And the expiring material's note says so, not "fill in --custody M/N" (a trial).
  expect(params2.stdout).toContain(
    'the line above repeats the custody split of the last wrap of these keys checked here',
  );
  expect(params2.stdout).not.toContain('fill in --custody M/N');
  const import2 = await wrap(params2.stdout, likeRoundOne, '--no-backup');
  const imported = await keyferry(import2, { cwd: online, env });
  expect(imported.stderr).toBe('');
  expect(imported.code).toBe(0);

  // A month on, both keys' material has lapsed.
  kms.sim.clock.advance(31 * DAY);
  return { online, airgap, env, on, one, two };
}
