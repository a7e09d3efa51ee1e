/**
 * `online import` whose proofs the KMS cut off after every key took its material (the trial's
 * finding): the import says what holds its material, that nothing is proven and no online receipt
 * written, and prints the run that finishes it; `online status` then proves every key but does not
 * call the ceremony finished while no receipt is written (exit 3, the same import named); that
 * import, run again, imports nothing twice and writes the receipt. Two folders as two machines, a
 * real simulator over HTTP.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { journalFileEntries } from '../../helpers/journal-entries';
import { onlineAt } from '../../helpers/cli-sides';
import { nextCommand, onPrintedMedia } from '../../integration/pasted-shell';
import { startSimWithClient, type SimSetup } from '../../core/kms/helpers/sim';
import { wrappedCliCeremony } from './wrapped-cli-ceremony';
import { runStoppedWhen } from '../../integration/cli-process';

let dir: string;
let kms: SimSetup;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-verify-stopped-'));
  kms = await startSimWithClient();
});
afterEach(async () => {
  await kms.close();
  await rm(dir, { recursive: true, force: true });
});

describe('online import whose proofs were cut off', () => {
  it('says so with the run that finishes it; status proves but waits for the receipt; that run writes it', async () => {
    const ceremony = await wrappedCliCeremony(path.join(dir, 'ceremony'), kms.sim, [
      { alias: 'app/one', spec: 'AES_256' },
      { alias: 'app/two', spec: 'AES_256' },
    ]);
    const { online, env, journal } = ceremony;
    // Once the second (last) import went through, the network goes before any proof reaches the KMS.
    kms.sim.faults.rewriteAnswer('import-key-material', (body) => body, 1);
    kms.sim.faults.rewriteAnswer('import-key-material', (body) => {
      for (const action of ['describe-key', 'encrypt-data', 'decrypt-data'])
        kms.sim.faults.dropConnection(action, 'before', 1000);
      return body;
    });
    const command = [...ceremony.importCommand, '--concurrency', '1'];
    const cut = await keyferry(command, { cwd: online, env });
    expect(cut.code).not.toBe(0);
    const imported = (await journalFileEntries(journal)).filter((e) => e.event === 'key.imported');
    expect(imported).toHaveLength(2);
    expect(cut.stdout).toContain(
      'Verifying the keys stopped: 2 keys hold their imported material (journaled), but not every key is proven and the online receipt is not written. Next, run the same import again: it imports nothing twice, proves every key and writes the receipt: keyferry online import',
    );
    const again = nextCommand(onPrintedMedia(cut.stdout));
    expect(again.slice(again.indexOf('--expect-digest'))[1]).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){15}$/);

    kms.sim.faults.clear();
    const { args: connection } = onlineAt(kms.sim);
    const status = await keyferry(['online', 'status', ...connection], { cwd: online, env });
    expect(status.stderr).toBe('');
    expect(status.stdout.match(/AES_256\s+Enabled\s+OK: /g)).toHaveLength(2);
    expect(status.stdout).toContain(
      'Every key holds its material, proven (2 keys), but the online receipt is not written: the import stopped before it. The ceremony is not finished.',
    );
    expect(status.stdout).toMatch(/keyferry online import --journal \S+ --bundle \S+ --expect-digest DIGEST$/m);
    expect(status.code).toBe(3);
    const receipts = async () => (await readdir(online)).filter((f) => f.startsWith('receipt-online-'));
    expect(await receipts()).toEqual([]);

    const sent = kms.requests.filter((r) => r.action === 'import-key-material').length;
    const finished = await keyferry(again, { cwd: online, env });
    expect(finished.stderr).toBe('');
    expect(finished.code).toBe(0);
    expect(kms.requests.filter((r) => r.action === 'import-key-material').length).toBe(sent);
    expect((await receipts()).length).toBeGreaterThan(0);
    expect((await keyferry(['online', 'status', ...connection], { cwd: online, env })).code).toBe(0);
  }, 120_000);

  it('Ctrl-C while proving: the stop prints the whole run that finishes it, and its line points to it (a trial)', async () => {
    const ceremony = await wrappedCliCeremony(path.join(dir, 'ctrl-c'), kms.sim, [
      { alias: 'app/one', spec: 'AES_256' },
    ]);
    const { online, env, journal } = ceremony;
    // Once the import went through, every proof's answer is held back: the stop comes while proving.
    kms.sim.faults.rewriteAnswer('import-key-material', (body) => {
      for (const action of ['describe-key', 'encrypt-data', 'decrypt-data'])
        kms.sim.faults.delayAnswer(action, 20_000, 1000);
      return body;
    });
    const run = await runStoppedWhen(ceremony.importCommand, { cwd: online, env }, async () => {
      if (!(await journalFileEntries(journal)).some((e) => e.event === 'key.imported')) return false;
      // The proof's first request is then on its way (held back by the simulator).
      await new Promise((r) => setTimeout(r, 300));
      return true;
    });
    const output = run.stdout + run.stderr;
    expect(run.code).toBe(130);
    expect(output).toContain('Verifying the keys stopped: 1 key holds its imported material (journaled)');
    expect(output).toContain('Run the command printed above to continue.');
    expect(output).not.toContain('Run the command again with --journal');
    kms.sim.faults.clear();
    const finished = await keyferry(nextCommand(onPrintedMedia(run.stderr)), { cwd: online, env });
    expect(finished.stderr).toBe('');
    expect(finished.code).toBe(0);
  }, 120_000);
});
