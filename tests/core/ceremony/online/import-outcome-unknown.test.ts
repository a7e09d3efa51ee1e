/**
 * An import whose outcome was unknown (its answer lost, and the key's state unreadable) is run again
 * in the same session, as the app's import button and the refusal's advice invite: the ceremony must
 * know from its own step.failed entry that the import may have taken effect, and recognise the key
 * it finds Enabled instead of refusing it as imported by someone else. And the next day, once the
 * import token has expired: an import sent before a crash is still recognised (no token is needed to
 * look), while a key found still Pending import is refused before anything is sent with the expired
 * token, and new parameters can be fetched. Real simulator over HTTP.
 */
import { readFile, writeFile } from 'node:fs/promises';
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

const importRequests = () => requests.filter((r) => r.action === 'import-key-material').length;
const DAY_AND_AN_HOUR = 25 * 3600_000;

/** Both sides of a ceremony of `specs`, then day 2 connected with the wrapped bundle checked. */
async function checkedCeremony(specs: Parameters<Fixture['plan']>[0]) {
  const plan = f.plan(specs);
  const { params } = await onlineDayOne(f, plan);
  const { out } = await airGapSide(f, plan, params);
  const digest = await receiptDigestOf(out);
  const journal = await f.journal('online.jsonl');
  const online = await f.online(journal, plan);
  await online.connect();
  await online.checkWrappedBundle(out, digest);
  /** The next session, 25 hours later (every import token expired), the same bundle checked. */
  const nextDay = async () => {
    await journal.close();
    f.sim.clock.advance(DAY_AND_AN_HOUR);
    const later = await f.onlineAhead(await f.journal('online.jsonl'), plan, DAY_AND_AN_HOUR);
    await later.connect();
    await later.checkWrappedBundle(out, digest);
    return later;
  };
  return { online, journal, nextDay };
}

/** An import whose connection drops (`when` the KMS runs it), describe-key failing after: outcome unknown. */
async function outcomeUnknown(online: { importMaterial(): Promise<unknown> }, when: 'before' | 'after') {
  f.sim.faults.dropConnection('import-key-material', when);
  // The describe-key before the import is let through, the one after it fails.
  f.sim.faults.failWith('describe-key', 503, 'before', 1, 1);
  await expect(online.importMaterial()).rejects.toMatchObject({ code: 'KMS_IMPORT_OUTCOME_UNKNOWN' });
  f.sim.faults.clear();
}

it('recognises in the same session an import whose outcome was unknown, sending it once', async () => {
  const { online } = await checkedCeremony(['AES_256']);
  // The KMS takes the import and the connection drops before its answer: Keyferry cannot tell, and says so.
  await outcomeUnknown(online, 'after');
  const [imported] = await online.importMaterial();
  expect(imported?.confirmation).toBe('reconciled');
  expect(importRequests()).toBe(1);
  expect((await online.verifyKeys()).map((p) => p.ok)).toEqual([true]);
});

it('recognises the next day an import sent before a crash, though its import token has expired', async () => {
  const { online, journal, nextDay } = await checkedCeremony(['AES_256', 'EC_P256']);
  await online.importMaterial();
  await journal.close();
  // A crash right after the KMS took the imports: the journal ends at the last request sent.
  const lines = (await readFile(journal.path, 'utf8')).trim().split('\n');
  const lastSending = lines.map((l) => (JSON.parse(l) as { event: string }).event).lastIndexOf('key.import-sending');
  await writeFile(journal.path, `${lines.slice(0, lastSending + 1).join('\n')}\n`);
  const taken = importRequests();

  const later = await nextDay();
  const imported = await later.importMaterial();
  expect(imported.length).toBeGreaterThan(0);
  expect(imported.map((k) => k.confirmation)).toEqual(imported.map(() => 'reconciled'));
  expect(importRequests()).toBe(taken);
  expect((await later.verifyKeys()).map((p) => p.ok)).toEqual([true, true]);
});

it('refuses, before sending, a new import with an expired token once the key is found still Pending import', async () => {
  const { online, nextDay } = await checkedCeremony(['AES_256']);
  // The request is lost before the KMS runs it.
  await outcomeUnknown(online, 'before');
  const sent = importRequests();

  const later = await nextDay();
  await expect(later.importMaterial()).rejects.toMatchObject({ code: 'KMS_IMPORT_TOKEN_EXPIRED' });
  expect(importRequests()).toBe(sent);
  // New parameters can be fetched: the key is Pending import, and the mark is gone.
  await later.fetchParameters();
});
