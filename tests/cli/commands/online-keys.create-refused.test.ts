/**
 * `online status` (and `online params`) of a journal whose create was refused because another ceremony's key holds an
 * alias of the plan (a trial's `--journal` slip): it says that refusal and its way out, exit 1,
 * never "the create step stopped part way, run the create again" (which is refused again).
 * A real simulator, the CLI in this process.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { onlineAt } from '../../helpers/cli-sides';
import { startSimWithClient, type SimSetup } from '../../core/kms/helpers/sim';

let dir: string;
let kms: SimSetup;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-create-refused-'));
  kms = await startSimWithClient();
});
afterEach(async () => {
  await kms.close();
  await rm(dir, { recursive: true, force: true });
});

describe('online status after a create refused for an alias another ceremony holds', () => {
  it('says the refusal and its way out, exit 1, not "run the create again"', async () => {
    const create = (journal: string) => {
      const { args, env } = onlineAt(kms.sim, journal);
      const key = ['--alias', 'prod/aes-1', '--spec', 'AES_256'];
      return keyferry(['online', 'create-key', ...key, '--operator', 'Ana', '--witness', 'Ben', ...args], {
        cwd: dir,
        env,
      });
    };
    expect((await create('prod.jsonl')).code).toBe(0);
    const slip = await create('prod2.jsonl');
    expect(slip.code).toBe(1);
    expect(slip.stderr).toContain('The alias prod/aes-1 is already held in the KMS by key');

    const { args, env } = onlineAt(kms.sim, 'prod2.jsonl');
    const status = await keyferry(['online', 'status', ...args], { cwd: dir, env });
    expect(status.stdout).toMatch(
      /The create step was refused at journal entry \d+; run again as it is, it meets the same refusal until what the refusal names changes:\nThe alias prod\/aes-1 is already held in the KMS by key [0-9a-f-]{36} \(Pending import, origin external, created .*\), which this ceremony did not create\. Nothing was created\.\nIf that key belongs to a ceremony of yours started with another journal/,
    );
    expect(status.stdout).not.toContain('The create step stopped part way');
    // No keys, no table: not a header over nothing.
    expect(status.stdout).not.toMatch(/key id\s+spec/);
    expect(status.code).toBe(1);

    // online params says the same, not "create the keys first" (which leads to the same refusal).
    const params = await keyferry(['online', 'params', '--out', 'params', ...args], { cwd: dir, env });
    expect(params.stdout).toContain('The create step was refused at journal entry');
    expect(params.stdout).toContain('If that key belongs to a ceremony of yours started with another journal');
    expect(params.stderr).not.toContain('Create the keys first');
    expect(params.code).toBe(1);
  }, 60_000);
});
