/**
 * `keyferry kms-sim`: serves the built-in KMS simulator until SIGINT/SIGTERM, for rehearsals.
 * Prints the endpoint, region, project ID, AK and SK (with --json: one JSON line, first).
 */
import path from 'node:path';
import { isLoopbackHost } from '../../core/kms/endpoint';
import { checkIdentifier } from '../../core/identifier-check';
import { startKmsSimulator } from '../../core/kms-simulator/index';
import { parseCommandArgs } from '../args';
import { cliTranslator } from '../cli-locale';
import { formatOffset, parseStartAtOption } from '../clock-options';
import { parseMillisecondsOption, parsePerSecondOption, parseWholeNumberOption } from '../number-option';
import type { CliCommand } from '../command';

const NAME = 'kms-sim';

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
    `Usage: keyferry ${NAME} [--host 127.0.0.1] [--port N] [--state FILE] [--latency 60ms] [--throttle N/s]`,
    '                        [--regions R1,R2] [--start-at WHEN] [--clock-control] [--json]',
    '',
    'Serves the Huawei Cloud KMS API (v1.0) on loopback until Ctrl+C or SIGTERM, and prints the',
    'endpoint, region, project ID, AK and SK to configure Keyferry with.',
    '',
    '  --host H      address to listen on (default 127.0.0.1; anything else is reachable from the network)',
    '  --port N      port (default: a free one)',
    '  --state FILE  keep keys and credentials in FILE, so a later run resumes the rehearsal',
    '  --latency T   answer every request T late, like a distant region: 60ms, 1s or a bare',
    '                number of milliseconds (default 0)',
    '  --throttle N/s  admit N requests a second, answering the rest APIG.0308 (HTTP 429) as',
    "                Huawei's API gateway does (default: no limit); --rate-limit N is the same",
    '  --regions R1,R2  also serve these regions (replica groups), each with its own project, keys',
    '                and wrapping keys, the same AK/SK; reach one at http://kms.REGION.localhost:PORT',
    '                (printed). In memory only (not with --state)',
    "  --start-at WHEN  start the simulator's clock at WHEN: a date-time with its zone",
    '                (2027-03-01T09:00:00Z) or a duration from now (+30d, +25h); never earlier',
    '                than the time a --state file resumes at',
    '  --clock-control  let "keyferry kms-sim advance" move the clock forward (from this computer',
    "                only, over loopback), to rehearse an import token's 24 hours or a material expiry",
    '  --json        print exactly one JSON line first:',
    '                {"endpoint","region","projectId","ak","sk","now","offsetMs","clockControl","regions"}',
    '',
    "The simulator's clock decides what the KMS decides (token and material expiry); a moved clock",
    "is kept in the --state file. Requests are still signed with this computer's time, and the",
    'simulator accepts a signature date within 15 minutes of either its own time or the real time.',
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
      latency: { type: 'string' },
      throttle: { type: 'string' },
      regions: { type: 'string' },
      'rate-limit': { type: 'string' },
      'start-at': { type: 'string' },
      'clock-control': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    });
    const host = values.host ?? '127.0.0.1';
    const port = parseWholeNumberOption('--port', values.port, { min: 0, max: 65535 }, 0);
    const latencyMs = parseMillisecondsOption('--latency', values.latency, { min: 0, max: 60_000 }, 0);
    const ratePerSecond =
      values.throttle !== undefined
        ? parsePerSecondOption('--throttle', values.throttle, { min: 1, max: 100_000 }, 0)
        : parsePerSecondOption('--rate-limit', values['rate-limit'], { min: 1, max: 100_000 }, 0);
    const statePath = values.state ? path.resolve(io.cwd, values.state) : undefined;
    const regions = (values.regions ?? '')
      .split(',')
      .map((r) => r.trim())
      .filter((r) => r !== '')
      .map((r) => ({ region: checkIdentifier('region', r, '--regions') }));
    const startAt =
      values['start-at'] === undefined ? undefined : parseStartAtOption('--start-at', values['start-at'], Date.now());
    const clockControl = values['clock-control'] ?? false;
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
      traffic: { latencyMs, ratePerSecond },
      ...(regions.length > 0 ? { regions } : {}),
      ...(startAt !== undefined ? { startAt } : {}),
      clockControl,
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
          now: sim.clock.now(),
          offsetMs: sim.clock.offset(),
          clockControl,
          regions: sim.regions,
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
      if (sim.regions.length > 1) {
        for (const r of sim.regions)
          io.stdout(
            cliTranslator(io).t('kms-sim.region.line', {
              region: r.region,
              projectId: r.projectId,
              endpoint: r.endpoint,
            }),
          );
      }
      io.stdout(
        cliTranslator(io).t('kms-sim.clock.line', {
          now: sim.clock.now(),
          offset: formatOffset(sim.clock.offset()),
          control: clockControl ? 'on' : 'off',
          endpoint: sim.endpoint,
        }),
      );
      if (latencyMs > 0 || ratePerSecond > 0) {
        io.stdout(
          `  traffic     ${latencyMs} ms per answer; ${ratePerSecond > 0 ? `${ratePerSecond} requests a second, the rest answered APIG.0308` : 'no rate limit'}`,
        );
      }
      io.stdout('Press Ctrl+C to stop.');
    }
    const signal = await stopped;
    await sim.close();
    if (!values.json) io.stdout(`Stopped (${signal}).`);
    return 0;
  },
};
