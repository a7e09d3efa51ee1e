/**
 * An import whose answer is lost within the run (HTTP 502 before the KMS took it): describe-key finds
 * the key still Pending import and the same run sends it once more with the same token. That resend
 * is journaled as the cross-session one is: its own key.import-sending before it goes out, and
 * key.imported `confirmation: "retried"` with `retryOfSeq`, the entry of the send it retries; the
 * receipt names that entry in the same words. Two folders as two machines, one simulator over real
 * HTTP on 127.0.0.1.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { journalFileEntries } from '../../helpers/journal-entries';
import { startSimWithClient, type SimSetup } from '../../core/kms/helpers/sim';
import { wrappedCliCeremony } from './wrapped-cli-ceremony';

let dir: string;
let kms: SimSetup;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-retry-in-run-'));
  kms = await startSimWithClient();
});
afterAll(async () => {
  await kms.close();
  await rm(dir, { recursive: true, force: true });
});

describe('an import retried within one run after its answer was lost', () => {
  it('journals the resend and ties key.imported to the send it retries, and the receipt says so', async () => {
    const { online, env, journal, importCommand } = await wrappedCliCeremony(path.join(dir, 'c'), kms.sim, [
      { alias: 'r/aes', spec: 'AES_256' },
    ]);
    kms.sim.faults.failWith('import-key-material', 502, 'before');
    const run = await keyferry(importCommand, { cwd: online, env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(kms.requests.filter((r) => r.action === 'import-key-material').map((r) => r.status)).toEqual([502, 200]);
    expect(run.stdout).toContain('the KMS answered a retry)');

    const entries = await journalFileEntries(journal);
    const sends = entries.filter((e) => e.event === 'key.import-sending');
    expect(sends).toHaveLength(2);
    const first = sends[0]?.seq as number;
    expect(sends[1]?.data).toMatchObject({ retryOfSeq: first });
    const imported = entries.filter((e) => e.event === 'key.imported');
    expect(imported.map((e) => e.data)).toEqual([
      expect.objectContaining({ confirmation: 'retried', retryOfSeq: first }),
    ]);

    const receipt = (await readdir(online)).find((f) => /^receipt-online-.*\.txt$/.test(f)) as string;
    const text = await readFile(path.join(online, receipt), 'utf8');
    expect(text).toContain(
      `Imported (the KMS answered a retry of the import sent at journal entry ${first}, whose answer no session recorded: the key was still Pending import); key state Enabled`,
    );
  }, 120_000);
});
