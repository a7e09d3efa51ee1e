/**
 * How an online step's KMS calls reach the journal (src-main/core/ceremony/online/step-context.ts),
 * on the simulator over 127.0.0.1 and a real journal: every retry is journaled before its wait
 * (the action, the failed attempt, its code, whether the gateway throttled it), a call that fails
 * for good leaves one step.failed naming the step, the key and the KMS's code, and a step refused
 * before its KMS call is journaled the same way with nothing sent.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journaledKmsCall, refuseStep } from '../../../../src-main/core/ceremony/online/step-context';
import { KeyferryError } from '../../../../src-main/core/errors';
import { openJournal, type Journal } from '../../../../src-main/core/journal';
import { startSimWithClient, type SimSetup } from '../../kms/helpers/sim';

let dir: string;
let journal: Journal;
let setup: SimSetup;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-step-context-'));
  journal = await openJournal(path.join(dir, 'online.jsonl'), { create: true });
  setup = await startSimWithClient();
});
afterEach(async () => {
  await journal.close();
  await setup.close();
  await rm(dir, { recursive: true, force: true });
});

const events = () => journal.entries.map((e) => e.event);
const dataOf = (event: string) => journal.entries.filter((e) => e.event === event).map((e) => e.data);

describe('journaledKmsCall', () => {
  it('journals each retry of the call before its wait, and nothing else when it then succeeds', async () => {
    const client = setup.clientWith({ retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 2, throttledAttempts: 3 } });
    setup.sim.faults.throttle('list-keys', 2);
    const keys = await journaledKmsCall(journal, 'Ana', 'connect', null, () => client.listKeys());
    expect(keys).toEqual([]);
    expect(events()).toEqual(['kms.retried', 'kms.retried']);
    expect(dataOf('kms.retried')).toEqual([
      expect.objectContaining({ step: 'connect', keyId: null, action: 'list-keys', attempt: 1, throttled: true }),
      expect.objectContaining({ step: 'connect', keyId: null, action: 'list-keys', attempt: 2, throttled: true }),
    ]);
    expect(dataOf('kms.retried')[0]).toMatchObject({ code: 'APIG.0308', httpStatus: 429 });
  });

  it('journals one step.failed with the step, the key and the KMS code when the call fails for good, and rethrows', async () => {
    const { keyId } = await setup.client.createKey({ alias: 'step-context-a', spec: 'AES_256' });
    const client = setup.clientWith({ retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    setup.sim.faults.failWith('describe-key', 503, 'before', 5);
    const failed = journaledKmsCall(journal, 'Ana', 'describe-key', keyId, () => client.describeKey(keyId));
    await expect(failed).rejects.toMatchObject({ httpStatus: 503 });
    expect(events()).toEqual(['kms.retried', 'step.failed']);
    const [entry] = dataOf('step.failed');
    expect(entry).toMatchObject({ step: 'describe-key', keyId, code: expect.any(String), reason: expect.any(String) });
    expect(journal.entries.at(-1)?.actor).toBe('Ana');
  });
});

describe('refuseStep', () => {
  it('journals the refusal as the step failing, sends nothing, and throws the refusal itself', async () => {
    const kmsCall = <T>(step: Parameters<typeof journaledKmsCall>[2], keyId: string | null, run: () => Promise<T>) =>
      journaledKmsCall(journal, 'Ana', step, keyId, run);
    const keyId = '4e1b0c2a-2f4d-4c6e-9a8b-0c1d2e3f4a54';
    const refusal = new KeyferryError('EXPIRY_IN_PAST', {
      reason: 'chosen',
      keyId,
      at: Date.parse('2020-01-01'),
      now: Date.parse('2020-01-02'),
    });
    const before = setup.requests.length;
    await expect(refuseStep({ kmsCall }, 'import-key-material', keyId, refusal)).rejects.toBe(refusal);
    expect(setup.requests.length).toBe(before);
    expect(dataOf('step.failed')).toEqual([
      expect.objectContaining({
        step: 'import-key-material',
        keyId,
        code: 'EXPIRY_IN_PAST',
        values: { reason: 'chosen', keyId, at: Date.parse('2020-01-01'), now: Date.parse('2020-01-02') },
      }),
    ]);
  });
});
