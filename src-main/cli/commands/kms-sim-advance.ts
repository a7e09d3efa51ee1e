/**
 * `keyferry kms-sim advance`: moves a running simulator's clock forward over loopback (its clock
 * control, core/kms-simulator/clock-control.ts), so a rehearsal can let an import token lapse
 * (24 hours) or imported material expire without touching this computer's clock.
 */
import http from 'node:http';
import { KeyferryError } from '../../core/errors';
import { isSimulatorUrl } from '../../core/loopback-host';
import {
  CLOCK_CONTROL_PATH,
  clockAnswerSchema,
  clockErrorSchema,
  type ClockAnswer,
} from '../../core/kms-simulator/clock-control';
import { requireOption } from '../args';
import { cliTranslator } from '../cli-locale';
import { offsetValues, parseDateTimeOption, parseDurationOption } from '../clock-options';
import { defineCommand } from '../command';

const NAME = 'kms-sim advance';
const TIMEOUT_MS = 10_000;
const MAX_ANSWER_BYTES = 4096;

/** The simulator's clock-control URL for `endpoint`; refused unless it is plain http on loopback. */
function clockUrl(endpoint: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new KeyferryError('SIM_CLOCK_NOT_LOOPBACK', { endpoint: endpoint.slice(0, 200) });
  }
  if (!isSimulatorUrl(url)) throw new KeyferryError('SIM_CLOCK_NOT_LOOPBACK', { endpoint: url.origin });
  return new URL(CLOCK_CONTROL_PATH, url.origin);
}

/** The simulator's refusals the catalogue explains; another code is named as it is. */
const REFUSALS: Readonly<Record<string, string>> = {
  'KFSIM.BAD_REQUEST': 'badRequest',
  'KFSIM.NOT_JSON': 'notJson',
  'KFSIM.METHOD': 'method',
  'KFSIM.STATE_WRITE': 'stateWrite',
};

type ClockFailure =
  | { readonly why: 'refused' | 'unreachable'; readonly code: string }
  | { readonly why: 'notSimulator'; readonly status: number | undefined }
  | { readonly why: 'noAnswer' };

/** The move failed: why as a code (the simulator's KFSIM code, an errno), never its English text. */
function failed(endpoint: string, failure: ClockFailure): KeyferryError {
  return new KeyferryError('SIM_CLOCK_FAILED', {
    endpoint,
    why: failure.why === 'refused' ? (REFUSALS[failure.code] ?? 'refused') : failure.why,
    code: 'code' in failure ? failure.code.slice(0, 80) : '',
    status: 'status' in failure ? String(failure.status ?? '?') : '',
    seconds: TIMEOUT_MS / 1000,
  });
}

/** POSTs the move; resolves to the simulator's time after it, or throws the refusal explained. */
function postMove(url: URL, body: { advanceMs: number } | { to: number }): Promise<ClockAnswer> {
  const endpoint = url.origin;
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) },
        timeout: TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_ANSWER_BYTES) chunks.push(chunk);
        });
        res.on('end', () => {
          let json: unknown;
          try {
            json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            return reject(failed(endpoint, { why: 'notSimulator', status: res.statusCode }));
          }
          const ok = clockAnswerSchema.safeParse(json);
          if (res.statusCode === 200 && ok.success) return resolve(ok.data);
          const refused = clockErrorSchema.safeParse(json);
          if (!refused.success) return reject(failed(endpoint, { why: 'notSimulator', status: res.statusCode }));
          const code = refused.data.error.error_code;
          if (code === 'KFSIM.CLOCK_CONTROL_OFF')
            return reject(new KeyferryError('SIM_CLOCK_CONTROL_OFF', { endpoint }));
          if (code === 'KFSIM.NOT_LOOPBACK') return reject(new KeyferryError('SIM_CLOCK_NOT_LOOPBACK', { endpoint }));
          const now = refused.data.error.now;
          if (code === 'KFSIM.CLOCK_BACKWARDS' && now !== undefined)
            return reject(new KeyferryError('SIM_CLOCK_TO_PAST', { now }));
          return reject(failed(endpoint, { why: 'refused', code }));
        });
        res.on('error', () => reject(failed(endpoint, { why: 'noAnswer' })));
      },
    );
    let timedOut = false;
    req.on('timeout', () => {
      timedOut = true;
      req.destroy();
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      reject(failed(endpoint, timedOut ? { why: 'noAnswer' } : { why: 'unreachable', code: error.code ?? 'ERR' })),
    );
    req.end(text);
  });
}

export const kmsSimAdvanceCommand = defineCommand({
  name: NAME,
  synopsis: ['--endpoint URL (--by DURATION | --to DATE-TIME)'],
  options: {
    endpoint: { type: 'string', arg: 'URL', help: 'cli.opt.kms-sim-advance.endpoint' },
    by: { type: 'string', arg: 'DURATION', help: 'cli.opt.kms-sim-advance.by' },
    to: { type: 'string', arg: 'DATE-TIME', help: 'cli.opt.kms-sim-advance.to' },
  },
  notes: ['cli.note.kms-sim-advance'],
  async run({ values }, io) {
    const url = clockUrl(requireOption(NAME, values.endpoint, '--endpoint'));
    if ((values.by === undefined) === (values.to === undefined)) throw new KeyferryError('SIM_ADVANCE_HOW');
    const body =
      values.by !== undefined
        ? { advanceMs: parseDurationOption('--by', values.by) }
        : { to: parseDateTimeOption('--to', values.to as string) };
    const answer = await postMove(url, body);
    const translator = cliTranslator(io);
    io.stdout(translator.t('kms-sim.clock.moved', { now: answer.now, ...offsetValues(answer.offsetMs) }));
    io.stdout(translator.t('kms-sim.clock.expired'));
    return 0;
  },
});
