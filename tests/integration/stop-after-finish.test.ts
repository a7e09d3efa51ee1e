/**
 * Ctrl-C once the air-gapped ceremony has finished (receipt written, bundle completed), in a real
 * process paused after its last line: the stop changes nothing and says so. The bundle and receipt
 * stand, nothing more is journaled (no interruption of a finished session), the lock is released,
 * and the process ends 0, not 130: an officer or a script reading either must not run it again.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyJournal } from '../../src-main/core/journal';
import { airgapWrapArgs } from '../helpers/cli-sides';
import { KEYFERRY_BIN as BIN } from './cli-process';
import { stoppedCliFolder } from './stopped-cli';

const cli = stoppedCliFolder('kf-stop-after-finish-');

describe('Ctrl-C after the air-gapped ceremony finished', () => {
  it('keeps the bundle and receipt, journals nothing more, and ends 0 with a line saying so', async () => {
    const digest = await cli.parameters(1, 'AES_256');
    const args = airgapWrapArgs({}, '--allow-network', '--witness-confirms', `Ben=${digest}`);
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: cli.dir(),
      detached: true,
      env: { ...process.env, NODE_ENV: 'test', KEYFERRY_TEST_PAUSE_AT: 'after-receipt' },
    });
    let sent = false;
    const run = await cli.watch(child, (seen) => {
      if (!sent && seen.includes('test pause: after-receipt')) {
        sent = true;
        process.kill(-(child.pid as number), 'SIGINT');
      }
    });
    expect(sent).toBe(true);
    expect(run.code).toBe(0);
    const journal = path.join(cli.dir(), 'airgap.jsonl');
    expect(run.stderr).toContain(
      `Stopped by Ctrl-C (SIGINT) after the ceremony finished: the bundle and the receipt are complete; the journal ${journal} is closed.`,
    );
    expect(run.stderr).not.toContain('nothing it was doing counts as done');
    expect(run.stderr).not.toContain('To resume');
    expect((await cli.journalEvents()).slice(-2)).toEqual(['receipt.written', 'wrapped-bundle.completed']);
    expect((await verifyJournal(journal)).ok).toBe(true);
    expect(existsSync(`${journal}.lock`)).toBe(false);
    expect(await readdir(path.join(cli.dir(), 'wrapped'))).toContain('manifest.json');
  }, 120_000);
});
