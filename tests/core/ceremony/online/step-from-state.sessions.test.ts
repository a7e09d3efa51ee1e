/**
 * One rule says where an online ceremony stands (step-from-state.ts onlineStepFromState): a session's guard
 * follows it after every journal entry, and a later session replays the journal through it. So
 * after any step, a ceremony continued from its journal stands where the session that ran the step
 * stood; only a wrapped bundle checked in a session is that session's own (the next one checks again).
 */
import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { airGapSide, createFixture, onlineWithFirstBundle, receiptDigestOf, type Fixture } from '../ceremony-fixture';
import { everyKeyVerified } from '../../../../src-main/core/ceremony/online/key-status';
import { replayOnlineJournal } from '../../../../src-main/core/ceremony/online/state';
import { onlineStepFromState } from '../../../../src-main/core/ceremony/online/step-from-state';
import type { OnlineCeremony } from '../../../../src-main/core/ceremony/online/workflow';
import type { Journal } from '../../../../src-main/core/journal';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

/** The session's step beside the step its journal replays to, after `run`. */
async function after(online: OnlineCeremony, journal: Journal, run: () => Promise<unknown>) {
  await run();
  const replayed = replayOnlineJournal(journal.entries);
  return { session: online.step, replayed: replayed && onlineStepFromState(replayed) };
}

describe('a session and a later replay of its journal stand at the same step', () => {
  it('parameters fetched again after a bundle was written wait for a new bundle, in the session and after it', async () => {
    const plan = f.plan(['AES_256']);
    const journal = await f.journal('online.jsonl');
    const online = await f.online(journal, plan);
    await online.connect();
    const same = (step: string) => ({ session: step, replayed: step });
    expect(await after(online, journal, () => online.createKeys(plan.keys))).toEqual(same('keys-created'));
    expect(await after(online, journal, () => online.fetchParameters())).toEqual(same('parameters-fetched'));
    const first = path.join(f.dir, 'params-1');
    expect(await after(online, journal, () => online.writeParametersBundle(first))).toEqual(same('parameters-written'));
    // The tokens lapsed before the air-gapped side used them: fetched again, the first bundle is stale.
    expect(await after(online, journal, () => online.fetchParameters())).toEqual(same('parameters-fetched'));
    await journal.close();

    // Another session: the stale bundle's parameters are not what it waits for.
    const later = await f.online(await f.journal('online.jsonl'), plan);
    expect(later.step).toBe('parameters-fetched');
    await later.connect();
    const second = path.join(f.dir, 'params-2');
    await later.writeParametersBundle(second);
    expect(later.step).toBe('parameters-written');
  });

  it('a whole ceremony: each step of the second day, then a failed proof after the receipt', async () => {
    const plan = f.plan(['AES_256']);
    const dayOne = await f.journal('online.jsonl');
    const online = await f.online(dayOne, plan);
    await online.connect();
    await online.createKeys(plan.keys);
    await online.fetchParameters();
    const params = path.join(f.dir, 'params');
    await online.writeParametersBundle(params);
    await dayOne.close();
    const { out } = await airGapSide(f, plan, params);

    const journal = await f.journal('online.jsonl');
    const day2 = await f.online(journal, plan);
    expect(day2.step).toBe('parameters-written');
    await day2.connect();
    // A check is the session's own: the next session checks again.
    expect(await after(day2, journal, async () => day2.checkWrappedBundle(out, await receiptDigestOf(out)))).toEqual({
      session: 'material-checked',
      replayed: 'parameters-written',
    });
    const same = (step: string) => ({ session: step, replayed: step });
    expect(await after(day2, journal, () => day2.importMaterial())).toEqual(same('imported'));
    expect(await after(day2, journal, () => day2.verifyKeys())).toEqual(same('verified'));
    const receipts = await mkdtemp(path.join(f.dir, 'receipt-'));
    expect(await after(day2, journal, () => day2.writeReceipt(receipts))).toEqual(same('finished'));
    // The key is disabled in the KMS behind the ceremony's back: the proof fails, the ceremony is
    // no longer finished (no receipt may say it is, until the keys prove again).
    const keyId = day2.keys()[0]?.keyId as string;
    await f.kms.disableKey(keyId);
    expect(await after(day2, journal, () => day2.verifyKeys())).toEqual(same('imported'));
  });

  it('an import stopped part way, the imported key proven: a later session waits for the bundle again, never verified', async () => {
    const plan = f.plan(['AES_256', 'AES_256']);
    const { journal, online, first } = await onlineWithFirstBundle(f, plan);
    const { out } = await airGapSide(f, plan, first.dir, path.join(f.dir, 'wrapped'));
    await online.checkWrappedBundle(out, await receiptDigestOf(out));
    // The second key's import is refused by the KMS: the first holds its material, the second waits.
    f.sim.faults.failWith('import-key-material', 400, 'before', 1, 1);
    await expect(online.importMaterial()).rejects.toMatchObject({ code: expect.any(String) });
    const proofs = await online.verifyKeys({ anyStep: true });
    expect(proofs.map((p) => p.ok)).toEqual([true]);
    expect(everyKeyVerified(proofs, online.keys())).toBe(false);
    await journal.close();

    const again = await f.journal('online.jsonl');
    const later = await f.online(again, plan);
    expect(later.step).toBe('parameters-written');
    await later.connect();
    await later.checkWrappedBundle(out, await receiptDigestOf(out));
    expect(later.step).toBe('material-checked');
    await later.importMaterial();
    const all = await later.verifyKeys();
    expect(later.step).toBe('verified');
    expect(everyKeyVerified(all, later.keys())).toBe(true);
  });
});
