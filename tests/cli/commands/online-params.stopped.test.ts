/**
 * Ctrl-C once `online params` has written its bundle (journaled, verified, its digest and the next
 * step printed), in a real process paused after its last line, as the trial met it: the stop said
 * "Run the command again … to continue" and ended 130, and doing so fetched new tokens and made the
 * written bundle stale. The stop now changes nothing and says so: the bundle stands, no interruption
 * is journaled after it, the lock is released, and the process ends 0. The same holds for a stop
 * while the write is finishing (a later trial's stop there said "nothing it was doing counts as done"
 * under the verified bundle). Two folders as two machines, a real simulator over HTTP.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyJournal } from '../../../src-main/core/journal';
import { startSimWithClient, type SimSetup } from '../../core/kms/helpers/sim';
import { journalFileEntries } from '../../helpers/journal-entries';
import { onlineAt } from '../../helpers/cli-sides';
import { keyferry } from '../../integration/cli-in-process';
import { spawnCli, type CliRun } from '../../integration/cli-process';

let dir: string;
let kms: SimSetup;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-params-stopped-'));
  kms = await startSimWithClient();
});
afterEach(async () => {
  await kms.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs `args` in a real process paused at `point`, and sends it Ctrl-C there. */
async function stoppedAfterTheBundle(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv, point: string) {
  const child = spawnCli(args, {
    cwd,
    env: { ...env, NODE_ENV: 'test', KEYFERRY_TEST_PAUSE_AT: point },
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  let sent = false;
  const run = await new Promise<CliRun>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
      if (!sent && stderr.includes(`test pause: ${point}`)) {
        sent = true;
        process.kill(-(child.pid as number), 'SIGINT');
      }
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { ...run, sent };
}

describe('Ctrl-C after online params wrote its bundle', () => {
  // After its last line; and while the write was finishing, before a line of it was printed (a
  // trial's stop there said "nothing it was doing counts as done" under the verified bundle).
  it.each(['after-parameters-bundle', 'parameters-bundle-verified'])(
    'keeps the bundle, journals no interruption after it, and ends 0 saying not to fetch again (%s)',
    async (point) => {
      const online = path.join(dir, 'online');
      await mkdir(online);
      await writeFile(
        path.join(online, 'plan.json'),
        JSON.stringify({
          title: 'Stop',
          operator: 'Ana',
          witnesses: ['Ben'],
          keys: [{ alias: 'app/one', spec: 'AES_256' }],
        }),
      );
      const { args: connection, env } = onlineAt(kms.sim);
      expect(
        (await keyferry(['online', 'create-key', '--plan', 'plan.json', ...connection], { cwd: online, env })).code,
      ).toBe(0);

      const run = await stoppedAfterTheBundle(
        ['online', 'params', '--out', 'params', ...connection],
        online,
        env,
        point,
      );
      expect(run.sent).toBe(true);
      expect(run.code).toBe(0);
      const bundle = path.join(online, 'params');
      const journal = path.join(online, 'online.jsonl');
      expect(run.stdout).toContain('IMPORT-PARAMETERS BUNDLE DIGEST');
      expect(run.stderr).toContain(
        `Stopped by Ctrl-C (SIGINT) after the import-parameters bundle was written: ${bundle} is complete and verified, its digest and the next step are printed above, and the journal ${journal} is closed. Do not run online params again for it: a new fetch replaces these parameters. Take this bundle to the air-gapped workstation.`,
      );
      expect(run.stderr).not.toContain('Run the command again');
      const events = (await journalFileEntries(journal)).map((e) => e.event);
      expect(events).not.toContain('ceremony.interrupted');
      expect(events.at(-1)).toBe('parameters.bundle-written');
      expect((await verifyJournal(journal)).ok).toBe(true);
      expect(existsSync(`${journal}.lock`)).toBe(false);
      expect(await readdir(bundle)).toContain('manifest.json');
    },
    120_000,
  );
});
