/**
 * A stop (Ctrl-C) during an import sends nothing further (an officer trial: a request went out
 * 9 ms after the stop, while the stop's summary had already called that key "not imported yet"):
 * each request checks the stop just before it is journaled as sent and again just after, so every
 * request that goes out is journaled before the stop's summary is read, and none goes out after.
 * Real simulator over HTTP, one key at a time.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journalFileEntries } from '../../../helpers/journal-entries';
import { airGapSide, createFixture, onlineWithFirstBundle, receiptDigestOf, type Fixture } from '../ceremony-fixture';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture({ concurrency: 1 });
});
afterEach(async () => {
  await f.close();
});

describe('an import stopped part way', () => {
  it('sends no further request after the stop; the key not reached is not marked as sent', async () => {
    const plan = f.plan(['AES_256', 'AES_256']);
    const { journal, online, first } = await onlineWithFirstBundle(f, plan);
    const { out } = await airGapSide(f, plan, first.dir, path.join(f.dir, 'wrapped'));
    await online.checkWrappedBundle(out, await receiptDigestOf(out));
    const stop = new AbortController();
    let requests = 0;
    // The stop comes while the first key's answer is on its way back.
    f.sim.faults.rewriteAnswer('import-key-material', (body) => {
      requests += 1;
      stop.abort();
      return body;
    });
    await expect(online.importMaterial({ signal: stop.signal })).rejects.toMatchObject({ code: 'IMPORT_STOPPED' });
    expect(requests).toBe(1);
    const entries = await journalFileEntries(journal.path);
    expect(entries.filter((e) => e.event === 'key.import-sending')).toHaveLength(1);
    expect(entries.filter((e) => e.event === 'key.imported')).toHaveLength(1);
    const [done, waiting] = online.keys();
    expect(done).toMatchObject({ imported: true });
    expect(waiting).toMatchObject({ imported: false, importSentUnrecorded: false, importAnswerUnproven: null });
  });
});
