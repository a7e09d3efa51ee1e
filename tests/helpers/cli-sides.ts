/**
 * Test helper: the argument lists of the two sides of a ceremony on the command line, written once:
 * an online command's connection to a KMS simulator (journal, endpoint, region, project; AK/SK in
 * the environment) and `keyferry airgap wrap` with its folders, people and witness confirmations.
 */

/** What the online commands need of a running simulator: where it answers and the account's keys. */
export interface SimulatorAccount {
  readonly endpoint: string;
  readonly region: string;
  readonly projectId: string;
  readonly ak: string;
  readonly sk: string;
}

/** An online command's options for the simulator `sim` and journal `journal`, and the environment holding its AK/SK. */
export function onlineAt(
  sim: SimulatorAccount,
  journal = 'online.jsonl',
): { readonly args: string[]; readonly env: NodeJS.ProcessEnv } {
  return {
    args: ['--journal', journal, '--endpoint', sim.endpoint, '--region', sim.region, '--project-id', sim.projectId],
    env: { KEYFERRY_AK: sim.ak, KEYFERRY_SK: sim.sk },
  };
}

/** Where `airgap wrap` reads and writes and who is present; each has the default the CLI tests use. */
export interface AirGapWrapOptions {
  /** The import-parameters bundle folder (default `params`). */
  readonly bundle?: string;
  /** The new wrapped-material bundle folder (default `wrapped`). */
  readonly out?: string;
  /** The air-gapped journal (default `airgap.jsonl`). */
  readonly journal?: string;
  readonly operator?: string;
  /** Default: Ben alone. */
  readonly witnesses?: readonly string[];
  /** The bundle digest every witness confirms (`--witness-confirms NAME=DIGEST`, one per witness). */
  readonly digest?: string;
}

/** `airgap wrap` with `options`' folders, people and confirmations, then `extra`. */
export function airgapWrapArgs(options: AirGapWrapOptions = {}, ...extra: string[]): string[] {
  const witnesses = options.witnesses ?? ['Ben'];
  const { digest } = options;
  return [
    'airgap',
    'wrap',
    '--bundle',
    options.bundle ?? 'params',
    '--out',
    options.out ?? 'wrapped',
    '--journal',
    options.journal ?? 'airgap.jsonl',
    '--operator',
    options.operator ?? 'Ana',
    ...witnesses.flatMap((w) => ['--witness', w]),
    ...(digest === undefined ? [] : witnesses.flatMap((w) => ['--witness-confirms', `${w}=${digest}`])),
    ...extra,
  ];
}
