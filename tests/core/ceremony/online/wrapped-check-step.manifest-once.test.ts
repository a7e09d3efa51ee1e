/**
 * `online import` proves the wrapped-material bundle is the receipt's by its manifest's digest and
 * then reads the bundle: manifest.json is opened once for both (counted by the kernel, inotify),
 * so the bytes proven are the bytes used, and a 1 MiB manifest is not read twice from slow media.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { airGapSide, createFixture, onlineDayOne, receiptDigestOf, type Fixture } from '../ceremony-fixture';
import { countOpens } from '../../../helpers/file-opens';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

describe('online import: the wrapped bundle read once', () => {
  it('opens manifest.json once to prove the digest and check the bundle, and every other file once', async () => {
    const plan = f.plan(['AES_256', 'EC_P256']);
    const { params } = await onlineDayOne(f, plan);
    const { out } = await airGapSide(f, plan, params);
    const proof = await receiptDigestOf(out);
    const day2 = await f.online(await f.journal('online.jsonl'), plan);
    await day2.connect();
    const opens = await countOpens(out);
    const checked = await day2.checkWrappedBundle(out, proof);
    const counts = await opens.stop();
    expect(checked.keys).toHaveLength(2);
    expect(counts['manifest.json']).toBe(1);
    const others = Object.entries(counts).filter(([name]) => name !== 'manifest.json' && name !== '');
    expect(others.length).toBeGreaterThan(0);
    for (const [name, n] of others) expect({ name, n }).toEqual({ name, n: 1 });
    expect(path.isAbsolute(checked.dir)).toBe(true);
  });
});
