/**
 * `keyferry kms-sim`: serves the built-in KMS simulator until SIGINT/SIGTERM, for rehearsals.
 * Prints the endpoint, region, project ID, AK and SK (with --json: one JSON line, first).
 */
import path from 'node:path';
import { KeyferryError } from '../../core/errors';
import { isLoopbackHost } from '../../core/kms/endpoint';
import { startKmsSimulator } from '../../core/kms-simulator/index';
import { parseCommandArgs } from '../args';
import type { CliCommand } from '../command';

const NAME = 'kms-sim';

function parsePort(text: string | undefined): number {
  if (text === undefined) return 0;
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) {
    throw new KeyferryError(
      'CLI_BAD_PORT',
      `"${text}" is not a port number.`,
      'Give --port a number from 0 to 65535 (0 picks a free port).',
    );
  }
  return Number(text);
}

function waitForStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export const kmsSimCommand: CliCommand = {
  name: NAME,
  summary: 'Run the built-in KMS simulator on loopback (rehearsals, no cloud account)',
  usage: [
    `Usage: keyferry ${NAME} [--host 127.0.0.1] [--port N] [--state FILE] [--json]`,
    '',
    'Serves the Huawei Cloud KMS API (v1.0) on loopback until Ctrl+C or SIGTERM, and prints the',
    'endpoint, region, project ID, AK and SK to configure Keyferry with.',
    '',
    '  --host H      address to listen on (default 127.0.0.1; anything else is reachable from the network)',
    '  --port N      port (default: a free one)',
    '  --state FILE  keep keys and credentials in FILE, so a later run resumes the rehearsal',
    '  --json        print exactly one JSON line first: {"endpoint","region","projectId","ak","sk"}',
    '',
    'The simulator is for rehearsals: never import real key material into it.',
  ].join('\n'),
  async run(args, io) {
    // Ctrl-C or SIGTERM is how the simulator normally ends (state saved, exit 0): not a stopped ceremony.
    io.interrupts?.leaveStopsToCommand();
    const { values } = parseCommandArgs(NAME, args, {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string' },
      state: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    const host = values.host ?? '127.0.0.1';
    const port = parsePort(values.port);
    const statePath = values.state ? path.resolve(io.cwd, values.state) : undefined;
    if (!isLoopbackHost(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host)) {
      io.stderr('WARNING: the KMS simulator will listen on a non-loopback address and be reachable from the network.');
      io.stderr(
        'WARNING: its AK/SK and every key in it are for rehearsal only. Bind to 127.0.0.1 unless you really mean this.',
      );
    }
    const stopped = waitForStopSignal();
    const sim = await startKmsSimulator({
      host,
      port,
      ...(statePath ? { statePath } : {}),
      ...(values.json
        ? {}
        : {
            onRequest: ({ action, status }) =>
              io.stdout(`${new Date().toISOString()} ${action} -> ${status || 'dropped'}`),
          }),
    });
    if (values.json) {
      io.stdout(
        JSON.stringify({
          endpoint: sim.endpoint,
          region: sim.region,
          projectId: sim.projectId,
          ak: sim.ak,
          sk: sim.sk,
        }),
      );
    } else {
      io.stdout('Keyferry KMS simulator (rehearsal only: never import real key material)');
      io.stdout(`  endpoint    ${sim.endpoint}`);
      io.stdout(`  region      ${sim.region}`);
      io.stdout(`  project ID  ${sim.projectId}`);
      io.stdout(`  AK          ${sim.ak}`);
      io.stdout(`  SK          ${sim.sk}`);
      io.stdout(`  state       ${statePath ?? 'in memory (lost when the simulator stops)'}`);
      io.stdout('Press Ctrl+C to stop.');
    }
    const signal = await stopped;
    await sim.close();
    if (!values.json) io.stdout(`Stopped (${signal}).`);
    return 0;
  },
};
