/**
 * `keyferry kms-sim`: serves the built-in KMS simulator until SIGINT/SIGTERM, for rehearsals.
 * Prints the endpoint, region, project ID, AK and SK, and an IAM token for that project valid
 * IAM_TOKEN_HOURS on the simulator's clock (with --json: one JSON line, first).
 */
import path from 'node:path';
import { isLoopbackHost } from '../../core/loopback-host';
import { checkIdentifier } from '../../core/identifier-check';
import { startKmsSimulator } from '../../core/kms-simulator/index';
import { cliTranslator } from '../cli-locale';
import { offsetValues, parseStartAtOption } from '../clock-options';
import { parseMillisecondsOption, parsePerSecondOption, parseWholeNumberOption } from '../number-option';
import { defineCommand } from '../command';
import { displayWidth, padToWidth } from '../text-table';

/** The detail lines' labels, in the order printed (`kms-sim.cli.label`). */
const DETAIL_LABELS = ['endpoint', 'region', 'project', 'ak', 'sk', 'iamToken', 'state', 'clock', 'traffic'] as const;

/** How long the IAM token printed at start stays valid (a rehearsal with KEYFERRY_IAM_TOKEN; restart for another). */
const IAM_TOKEN_HOURS = 24;

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

export const kmsSimCommand = defineCommand({
  name: NAME,
  synopsis: [
    '[--host 127.0.0.1] [--port N] [--state FILE] [--latency 60ms] [--throttle N/s]',
    '    [--regions R1,R2] [--start-at WHEN] [--clock-control] [--json]',
  ],
  options: {
    host: { type: 'string', arg: 'H', help: 'cli.opt.kms-sim.host' },
    port: { type: 'string', arg: 'N', help: 'cli.opt.kms-sim.port' },
    state: { type: 'string', arg: 'FILE', help: 'cli.opt.kms-sim.state' },
    latency: { type: 'string', arg: 'T', help: 'cli.opt.kms-sim.latency' },
    throttle: { type: 'string', arg: 'N/s', help: 'cli.opt.kms-sim.throttle' },
    'rate-limit': { type: 'string', arg: 'N', help: 'cli.opt.kms-sim.rate-limit' },
    regions: { type: 'string', arg: 'R1,R2', help: 'cli.opt.kms-sim.regions' },
    'start-at': { type: 'string', arg: 'WHEN', help: 'cli.opt.kms-sim.start-at' },
    'clock-control': { type: 'boolean', help: 'cli.opt.kms-sim.clock-control' },
    json: { type: 'boolean', help: 'cli.opt.kms-sim.json' },
  },
  notes: ['cli.note.kms-sim.clock', 'cli.note.kms-sim.rehearsal-only'],
  async run({ values }, io) {
    // Ctrl-C or SIGTERM is how the simulator normally ends (state saved, exit 0): not a stopped ceremony.
    io.interrupts?.leaveStopsToCommand();
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
    const { t } = cliTranslator(io);
    if (!isLoopbackHost(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host))
      for (const line of t('kms-sim.cli.non-loopback').split('\n')) io.stderr(line);
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
              io.stdout(
                t('kms-sim.cli.request', { at: Date.now(), action, status: status || t('kms-sim.cli.dropped') }),
              ),
          }),
    });
    // Read before the token is issued: the expiry said is never later than the token's own.
    const startedAt = sim.clock.now();
    const iamTokenUntil = startedAt + IAM_TOKEN_HOURS * 3600_000;
    const iamToken = sim.issueIamToken(IAM_TOKEN_HOURS * 3600_000);
    if (values.json) {
      io.stdout(
        JSON.stringify({
          endpoint: sim.endpoint,
          region: sim.region,
          projectId: sim.projectId,
          ak: sim.ak,
          sk: sim.sk,
          iamToken,
          iamTokenExpiresAt: new Date(iamTokenUntil).toISOString(),
          now: startedAt,
          offsetMs: sim.clock.offset(),
          clockControl,
          regions: sim.regions,
        }),
      );
    } else {
      // Labels padded by terminal columns, so values line up in Chinese (two columns a character) too.
      const label = (field: (typeof DETAIL_LABELS)[number]) => t('kms-sim.cli.label', { field });
      const width = Math.max(...DETAIL_LABELS.map((field) => displayWidth(label(field))));
      const detail = (field: (typeof DETAIL_LABELS)[number], value: string) =>
        io.stdout(`  ${padToWidth(label(field), width)}  ${value}`);
      io.stdout(t('kms-sim.cli.banner'));
      detail('endpoint', sim.endpoint);
      detail('region', sim.region);
      detail('project', sim.projectId);
      detail('ak', sim.ak);
      detail('sk', sim.sk);
      detail('iamToken', t('kms-sim.cli.iam-token', { token: iamToken, until: iamTokenUntil }));
      detail('state', t('kms-sim.cli.state', { where: statePath ? 'file' : 'memory', file: statePath ?? '' }));
      if (sim.regions.length > 1) {
        for (const r of sim.regions)
          detail(
            'region',
            t('kms-sim.region.line', { region: r.region, projectId: r.projectId, endpoint: r.endpoint }),
          );
      }
      detail(
        'clock',
        t('kms-sim.clock.line', {
          now: startedAt,
          ...offsetValues(sim.clock.offset()),
          control: clockControl ? 'on' : 'off',
          endpoint: sim.endpoint,
        }),
      );
      if (latencyMs > 0 || ratePerSecond > 0) {
        detail('traffic', t('kms-sim.cli.traffic', { latency: latencyMs, rate: ratePerSecond }));
      }
      io.stdout(t('kms-sim.cli.stop-hint'));
    }
    const signal = await stopped;
    await sim.close();
    if (!values.json) io.stdout(t('kms-sim.cli.stopped', { signal }));
    return 0;
  },
});
