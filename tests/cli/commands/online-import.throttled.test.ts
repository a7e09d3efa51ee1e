/**
 * The API gateway's throttling is said on the terminal: a trial's import of 100 keys at 2 requests
 * a second ran over 4 minutes with 484 retries journaled and no word of the gateway. The run ends
 * with how many requests were throttled and how long it waited. A real simulator, the CLI in this process.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { startSimWithClient, type SimSetup } from '../../core/kms/helpers/sim';
import { wrappedCliCeremony } from './wrapped-cli-ceremony';

let dir: string;
let kms: SimSetup;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-throttled-'));
  kms = await startSimWithClient();
});
afterEach(async () => {
  await kms.close();
  await rm(dir, { recursive: true, force: true });
});

describe('online import against a throttling gateway', () => {
  it('ends by saying how many requests the gateway throttled and how long it waited; none when it did not', async () => {
    const ceremony = await wrappedCliCeremony(path.join(dir, 'c'), kms.sim, [{ alias: 'thr/aes', spec: 'AES_256' }]);
    kms.sim.faults.throttle('import-key-material', 2);
    const imported = await keyferry([...ceremony.importCommand], { cwd: ceremony.online, env: ceremony.env });
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(
      /\nThe KMS API gateway throttled this run’s requests 2 times \(APIG\.0308\): each time, the request was sent again after a wait \(\d+ s of waiting in all, added up over requests that waited side by side\), journaled as kms\.retried; a request still throttled after its last try is said above as not done\. A lower --concurrency sends fewer at once\.$/,
    );
    // The receipt says it too: a slow import's cause on paper.
    const receipt = /\(and (receipt-online-\S+\.txt)\)/.exec(imported.stdout)?.[1] as string;
    const paper = (await readFile(path.join(ceremony.online, receipt), 'utf8')).replace(/\s+/g, ' ');
    expect(paper).toMatch(
      /KMS calls retried \.+ 2, 2 of them turned away by the API gateway’s throttling \(APIG\.0308\); each sent again after a wait/,
    );
    const status = await keyferry(['online', 'status', '--journal', 'online.jsonl'], {
      cwd: ceremony.online,
      env: ceremony.env,
    });
    expect(status.stdout).not.toContain('throttled');
  }, 120_000);
});
