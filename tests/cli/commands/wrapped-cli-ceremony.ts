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
import { shareFileIn } from '../../helpers/custody-files';

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

/** The folders of a ceremony made by wrappedCliCeremony, with its air-gapped journal in its wrap command. */
type WrappedCliCeremony = Awaited<ReturnType<typeof wrappedCliCeremony>>;

/**
 * `airgap wrap` of the bundle `online params` printed (its output `paramsOutput`), witnessed by Ben,
 * keeping the material 2-of-2 by Dana and Eli in folders dana-2/ and eli-2/ (a second custody set).
 */
export function wrapWithSecondSet(c: WrappedCliCeremony, paramsOutput: string, extra: readonly string[] = []) {
  const secondSet = CUSTODY_TWO_OF_TWO.map((w) => (w === 'dana' || w === 'eli' ? `${w}-2` : w));
  return keyferry(
    [
      ...nextCommand(onPrintedMedia(paramsOutput)),
      ...airgapConfirmations(paramsOutput, ['Ben']),
      ...secondSet,
      '--allow-network',
      ...extra,
    ],
    { cwd: c.airgap, env: {} },
  );
}

/**
 * `custody restore` of the first custody set (CUSTODY_TWO_OF_TWO: Dana's and Eli's shares) under the
 * import-parameters bundle `params` of the online folder (`paramsOutput`: what online params printed),
 * into wrapped-restore/ of the air-gapped folder, in the ceremony's air-gapped journal; then the
 * online import it prints. Returns that import's run.
 */
export async function importRestoredFirstSet(c: WrappedCliCeremony, params: string, paramsOutput: string) {
  const journal = c.wrapCommand[c.wrapCommand.indexOf('--journal') + 1] as string;
  const restored = await keyferry(
    [
      ...['custody', 'restore', '--bundle', path.join(c.online, params), '--wrapped-out', 'wrapped-restore'],
      ...['--share', shareFileIn('dana', 1, c.airgap), '--share', shareFileIn('eli', 2, c.airgap)],
      ...['--journal', journal, '--operator', 'Ana', '--witness', 'Ben'],
      ...airgapConfirmations(paramsOutput, ['Ben']),
      '--allow-network',
    ],
    { cwd: c.airgap, env: {} },
  );
  expect(restored.stderr).toBe('');
  expect(restored.code).toBe(0);
  return keyferry(nextCommand(onPrintedMedia(restored.stdout)), { cwd: c.online, env: c.env });
}

/**
 * W1 (aes, rsa and ec, set S1: CUSTODY_TWO_OF_TWO) wrapped in the new folder `dir`, nothing imported;
 * then ec's parameters fetched anew alone (`online params --key-id`, into params-2). Returns the
 * ceremony, the online side's runner, ec's key id and what that params run printed.
 */
export async function threeKeysEcFetchedAgain(dir: string, sim: SimulatorAccount) {
  const c = await wrappedCliCeremony(
    dir,
    sim,
    [
      { alias: 'app/aes', spec: 'AES_256' },
      { alias: 'app/rsa', spec: 'RSA_2048' },
      { alias: 'app/ec', spec: 'EC_P256' },
    ],
    CUSTODY_TWO_OF_TWO,
  );
  const { args } = onlineAt(sim);
  const on = (words: string[]) => keyferry([...words, ...args], { cwd: c.online, env: c.env });
  const listed = (await on(['online', 'status'])).stdout;
  const ec = new RegExp(`app/ec\\s.*?([0-9a-f-]{36})`).exec(listed)?.[1] as string;
  const params = await on(['online', 'params', '--out', 'params-2', '--key-id', ec]);
  expect(params.code).toBe(0);
  return { ...c, on, ec, params: params.stdout };
}
