/**
 * A wrap made from a written import-parameters bundle is imported although a later `online params`
 * fetched new parameters and never wrote them (the KMS failed part way, as Ctrl-C or a full medium
 * would stop it), as the trial met it: the import was refused ("Cannot check the wrapped-material
 * bundle now ... Write the import-parameters bundle next"), and the only way on was to fetch fresh
 * tokens again, although the params warning itself says to import a wrap already made. Two folders
 * as two machines, a real simulator over HTTP.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimWithClient, type SimSetup } from '../../core/kms/helpers/sim';
import { onlineAt } from '../../helpers/cli-sides';
import { journalFileEntries } from '../../helpers/journal-entries';
import { keyferry } from '../../integration/cli-in-process';
import { wrappedCliCeremony } from './wrapped-cli-ceremony';

let dir: string;
let kms: SimSetup;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-unwritten-fetch-'));
  kms = await startSimWithClient();
});
afterEach(async () => {
  await kms.close();
  await rm(dir, { recursive: true, force: true });
});

describe('online import after a later fetch that was never written', () => {
  it('imports the wrap of the bundle written before, checked against the parameters it answers', async () => {
    const keys = ['one', 'two'].map((alias) => ({ alias: `app/${alias}`, spec: 'AES_256' }));
    const { online, env, journal, importCommand } = await wrappedCliCeremony(path.join(dir, 'c'), kms.sim, keys);
    const { args: connection } = onlineAt(kms.sim);

    // A second fetch: the first key's new parameters come, the KMS fails the second's; nothing is written.
    kms.sim.faults.failWith('get-parameters-for-import', 400, 'before', 10, 1);
    const again = await keyferry(['online', 'params', '--out', 'params-2', ...connection], { cwd: online, env });
    expect(again.code).toBe(1);
    kms.sim.faults.clear();
    const events = (await journalFileEntries(journal)).map((e) => e.event);
    expect(events.filter((e) => e === 'parameters.fetched').length).toBeGreaterThan(2);
    expect(events.filter((e) => e === 'parameters.bundle-written')).toHaveLength(1);

    // Status says what happened and both ways on, with the command.
    const waiting = await keyferry(['online', 'status', ...connection], { cwd: online, env });
    expect(waiting.code).toBe(3);
    expect(waiting.stdout).toContain(
      'This journal records no bundle of the import parameters fetched last (a stop or an error came first; a stop while writing may have left a whole bundle in the folder given, which this journal does not know). If the air-gapped side already wrapped such a bundle, import that wrap instead of fetching again (the check warns that its parameters bundle is not recorded); otherwise never carry a bundle of them over. Next, fresh wrapping keys and import tokens',
    );
    expect(waiting.stdout).toMatch(
      /keyferry online params --journal online\.jsonl --out MEDIA\/import-parameters-KF-[\w-]+-2/,
    );
    expect(waiting.stdout).toContain('unless the air-gapped side already wrapped the bundle written before (');

    // The wrap made from the written bundle is checked against the parameters it answers and imported.
    const imported = await keyferry(importCommand, { cwd: online, env });
    expect(imported.stderr).not.toContain('Cannot check the wrapped-material bundle now');
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout.match(/AES_256\s+Enabled\s+OK: /g)).toHaveLength(2);
    const status = await keyferry(['online', 'status', ...connection], { cwd: online, env });
    expect(status.code).toBe(0);
  }, 120_000);
});
