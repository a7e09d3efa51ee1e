/**
 * An import whose outcome was unknown (its answer lost, and the key's state unreadable) is run again
 * in the same session, as the app's import button and the refusal's advice invite: the ceremony must
 * know from its own step.failed entry that the import may have taken effect, and recognise the key
 * it finds Enabled instead of refusing it as imported by someone else. Real simulator over HTTP.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { airGapSide, createFixture, onlineDayOne, receiptDigestOf, type Fixture } from '../ceremony-fixture';

let f: Fixture;
const requests: { action: string; status: number }[] = [];
beforeEach(async () => {
  requests.length = 0;
  f = await createFixture({ simulator: { onRequest: (info) => requests.push(info) } });
});
afterEach(async () => {
  await f.close();
});

it('recognises in the same session an import whose outcome was unknown, sending it once', async () => {
  const plan = f.plan(['AES_256']);
  const { params } = await onlineDayOne(f, plan);
  const { out } = await airGapSide(f, plan, params);
  const online = await f.online(await f.journal('online.jsonl'), plan);
  await online.connect();
  await online.checkWrappedBundle(out, await receiptDigestOf(out));
  // The KMS takes the import and the connection drops before its answer; describe-key then fails
  // too (the one before the import is let through): Keyferry cannot tell, and says so.
  f.sim.faults.dropConnection('import-key-material', 'after');
  f.sim.faults.failWith('describe-key', 503, 'before', 1, 1);
  await expect(online.importMaterial()).rejects.toMatchObject({ code: 'KMS_IMPORT_OUTCOME_UNKNOWN' });
  f.sim.faults.clear();

  const [imported] = await online.importMaterial();
  expect(imported?.confirmation).toBe('reconciled');
  expect(requests.filter((r) => r.action === 'import-key-material')).toHaveLength(1);
  const proofs = await online.verifyKeys();
  expect(proofs.map((p) => p.ok)).toEqual([true]);
});
