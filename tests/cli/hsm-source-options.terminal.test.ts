/**
 * The HSM PIN prompt on a real terminal (a pseudo-terminal), through `keyferry rehearse` with a
 * SoftHSM token: the PIN typed is not echoed and the rehearsal goes on; Ctrl-D at the prompt fails
 * the command with words saying so; Ctrl-C stops it as a stop (exit 130). Before, Ctrl-D and Ctrl-C
 * ended the process with exit code 0 and nothing printed: a script took that for a passed run.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSoftHsmToken, SOFTHSM_MODULE, type SoftToken } from '../core/hsm/helpers/soft-tokens';
import { runOnTerminal } from './pseudo-terminal';

let dir: string;
let token: SoftToken;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-pin-prompt-'));
  token = await createSoftHsmToken('pin-prompt-token', '61829304');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await token.cleanup();
});

const PROMPT = 'User PIN of HSM token "pin-prompt-token":';

function rehearseAnswering(answer: string | null) {
  const out = path.join(dir, 'out');
  const args = ['rehearse', '--out', out, '--specs', 'AES_256', '--wrapping-algorithm', 'RSAES_OAEP_SHA_1'];
  args.push('--hsm-module', SOFTHSM_MODULE, '--hsm-token', 'pin-prompt-token');
  return { out, run: runOnTerminal(args, { until: PROMPT, answer, cwd: dir }) };
}

describe('the HSM PIN prompt on a terminal', () => {
  it('takes the PIN typed without showing it, and the rehearsal passes', async () => {
    const { run } = rehearseAnswering(`${token.pin}\r`);
    expect(run.shown).toContain(PROMPT);
    expect(run.shown).toContain('Rehearsal passed');
    expect(run.shown).not.toContain(token.pin);
    expect(run.exitCode).toBe(0);
  }, 120_000);

  it('fails, saying so, when the input ends at the prompt (Ctrl-D): nothing is created', async () => {
    const { out, run } = rehearseAnswering('\x04');
    expect(run.exitCode).toBe(1);
    expect(run.shown).toContain(
      'The input ended at the PIN prompt of HSM token "pin-prompt-token" before a PIN was typed (Ctrl-D, or the terminal closed).',
    );
    expect(run.shown).toContain('--hsm-pin-env');
    await expect(stat(out)).rejects.toMatchObject({ code: 'ENOENT' });
  }, 120_000);

  it('stops as a stop on Ctrl-C at the prompt (exit 130, the stop line), not as a quiet success', async () => {
    const { out, run } = rehearseAnswering('\x03');
    expect(run.exitCode).toBe(130);
    expect(run.shown).toContain('Stopped by Ctrl-C (SIGINT)');
    await expect(stat(out)).rejects.toMatchObject({ code: 'ENOENT' });
  }, 120_000);
});
