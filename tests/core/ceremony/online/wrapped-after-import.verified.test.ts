/**
 * The other wrap offered before the receipt (the keys imported and verified, as in the app before
 * "write receipt", or the CLI after a receipt that could not be written): the step guard lets a
 * bundle be checked there, and the wrap again's bundle was accepted and journaled as the
 * ceremony's checked bundle, its fingerprints and custody in place of the imported one's, after
 * which verification failed for an EC key (found by review). It is refused before anything is
 * read; verification and the receipt then go on with the bundle imported. Real simulator, real files.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { airGapSide, createFixture, onlineDayOne, receiptDigestOf, type Fixture } from '../ceremony-fixture';
import { journalFileEntries } from '../../../helpers/journal-entries';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

describe('a wrap again offered after import and verification, before the receipt', () => {
  it('is refused before it is read; the keys verify and the receipt names the bundle imported', async () => {
    const plan = f.plan(['EC_P256']);
    const { params } = await onlineDayOne(f, plan);
    const first = await airGapSide(f, plan, params, path.join(f.dir, 'wrapped-1'));
    const again = await airGapSide(f, plan, params, path.join(f.dir, 'wrapped-2'), 'airgap.jsonl', 'first stick lost');
    const journal = await f.journal('online.jsonl');
    const online = await f.online(journal, plan);
    await online.connect();
    const checked = await online.checkWrappedBundle(first.out, await receiptDigestOf(first.out));
    await online.importMaterial();
    expect((await online.verifyKeys()).every((p) => p.ok)).toBe(true);

    await expect(online.checkWrappedBundle(again.out, await receiptDigestOf(again.out))).rejects.toMatchObject({
      code: 'WRAPPED_OTHER_THAN_IMPORTED',
    });
    const checks = (await journalFileEntries(journal.path)).filter((e) => e.event === 'wrapped-bundle.checked');
    expect(checks.map((e) => e.data.manifestSha256)).toEqual([checked.manifestSha256]);
    expect((await online.verifyKeys()).every((p) => p.ok)).toBe(true);
    const receipt = await readFile((await online.writeReceipt(f.dir)).textFile, 'utf8');
    // Its seal is the bundle imported; the refusal is listed among the deviations, with the digest typed.
    const printed = receipt.replace(/\s+/g, '').toLowerCase();
    expect(printed).toContain(
      `wrapped-materialbundledigest:sha-256ofwrapped-1/manifest.json,thewrapped-materialbundle(air-gapped→online)${checked.manifestSha256}`,
    );
    expect(printed).not.toContain('sha-256ofwrapped-2/manifest.json');
    expect(printed).toContain('code:wrapped_other_than_imported');
  });
});
