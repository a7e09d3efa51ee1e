/**
 * Test helper: a ceremony brought to its online import on the command line, as two machines in
 * two folders: the keys created and their parameters written on the online side, wrapped on the
 * air-gapped side (operator Ana, witness Ben, each command as the previous one printed it).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { nextCommand, onPrintedMedia, twoMachines } from '../../integration/pasted-shell';
import { onlineAt, type SimulatorAccount } from '../../helpers/cli-sides';
import { airgapConfirmations } from './witness-args';

/** `airgap wrap` options keeping the material 2-of-2 by Dana and Eli, folders dana/ and eli/ in the air-gapped folder (one disk: a rehearsal's). */
export const CUSTODY_TWO_OF_TWO: readonly string[] = [
  ...['--custody', '2/2', '--shares-on-one-volume'],
  ...['--custodian', 'Dana', '--custodian-folder', 'dana', '--custodian', 'Eli', '--custodian-folder', 'eli'],
];

/** The new folder `dir` with online/ and airgap/; returns both folders, the online journal, the environment holding AK/SK, and the wrap and import commands as the two sides printed them. */
export async function wrappedCliCeremony(
  dir: string,
  sim: SimulatorAccount,
  keys: readonly ({ readonly alias: string; readonly spec: string } & Record<string, unknown>)[],
  /** Further `airgap wrap` options (e.g. a custody split), run in the air-gapped folder. */
  wrapOptions: readonly string[] = [],
) {
  await mkdir(dir, { recursive: true });
  const { online, airgap } = await twoMachines(dir);
  await writeFile(
    path.join(online, 'plan.json'),
    JSON.stringify({ title: path.basename(dir), operator: 'Ana', witnesses: ['Ben'], keys }),
  );
  const { args: connection, env } = onlineAt(sim);
  const on = (args: string[]) => keyferry([...args, ...connection], { cwd: online, env });
  expect((await on(['online', 'create-key', '--plan', 'plan.json'])).code).toBe(0);
  const params = await on(['online', 'params', '--out', 'params']);
  expect(params.code).toBe(0);
  const wrapCommand = [
    ...nextCommand(onPrintedMedia(params.stdout)),
    ...airgapConfirmations(params.stdout, ['Ben']),
    ...wrapOptions,
    '--allow-network',
  ];
  const airGapped = await keyferry(wrapCommand, { cwd: airgap, env: {} });
  expect(airGapped.stderr).toBe('');
  expect(airGapped.code).toBe(0);
  return {
    online,
    airgap,
    /** `airgap wrap` as the online side printed it, with the witness's confirmation. */
    wrapCommand,
    env,
    journal: path.join(online, 'online.jsonl'),
    importCommand: nextCommand(onPrintedMedia(airGapped.stdout)),
  };
}
