/**
 * A wrapped bundle made from an earlier import-parameters bundle than the last one written (online
 * params ran twice, and the air-gapped side wrapped the first): the trial's online receipt named
 * the second bundle while the material used the first's tokens and the air-gapped receipt named the
 * first. The check now says so (a warning naming both), journals which parameters bundle the
 * wrapped one was made from, and the online receipt names that one; a wrap of the last bundle
 * written is checked without a word. Real simulator over HTTP, real files, real receipts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupHex } from '../../../../src-main/core/hex-groups';
import { journalFileEntries } from '../../../helpers/journal-entries';
import { airGapSide, createFixture, receiptDigestOf, onlineWithFirstBundle, type Fixture } from '../ceremony-fixture';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

/** Whether the text receipt `file` prints `digest` (grouped, perhaps over two lines). */
const prints = async (file: string, digest: string) =>
  (await readFile(file, 'utf8')).replace(/\s+/g, '').toLowerCase().includes(digest);

/** A ceremony whose parameters were fetched and written twice (params-1, params-2), the air-gapped side wrapping `which`. */
async function twoParametersBundles(which: 'params-1' | 'params-2') {
  const plan = f.plan(['AES_256', 'EC_P256']);
  const { journal, online, first } = await onlineWithFirstBundle(f, plan);
  await online.fetchParameters();
  const second = await online.writeParametersBundle(path.join(f.dir, 'params-2'));
  const { out } = await airGapSide(f, plan, path.join(f.dir, which));
  const checked = await online.checkWrappedBundle(out, await receiptDigestOf(out));
  await online.importMaterial();
  await online.verifyKeys();
  const receipt = await online.writeReceipt(f.dir);
  return { journal: journal.path, first, second, checked, receipt };
}

describe('the import-parameters bundle a wrapped bundle was made from', () => {
  it('an earlier one than the last written: a warning naming both, journaled, and named by the online receipt', async () => {
    const { journal, first, second, checked, receipt } = await twoParametersBundles('params-1');
    expect(checked.warnings.find((w) => w.code === 'WRAPPED_FROM_EARLIER_PARAMETERS')?.values).toEqual({
      dir: first.dir,
      digest: groupHex(first.manifestSha256),
      latestDir: second.dir,
      latestDigest: groupHex(second.manifestSha256),
    });
    const check = (await journalFileEntries(journal)).find((e) => e.event === 'wrapped-bundle.checked');
    expect(check?.data.parametersBundle).toEqual({ folder: first.dir, manifestSha256: first.manifestSha256 });
    expect(await prints(receipt.textFile, first.manifestSha256)).toBe(true);
    expect(await prints(receipt.textFile, second.manifestSha256)).toBe(false);
  });

  it('the last one written: no warning, and the receipt names it', async () => {
    const { journal, second, checked, receipt } = await twoParametersBundles('params-2');
    expect(checked.warnings.map((w) => w.code)).not.toContain('WRAPPED_FROM_EARLIER_PARAMETERS');
    const check = (await journalFileEntries(journal)).find((e) => e.event === 'wrapped-bundle.checked');
    expect(check?.data.parametersBundle).toEqual({ folder: second.dir, manifestSha256: second.manifestSha256 });
    expect(await prints(receipt.textFile, second.manifestSha256)).toBe(true);
  });
  it('after a second fetch that failed for one key (its old token in both bundles): the first bundle is still told apart', async () => {
    const plan = f.plan(['AES_256', 'EC_P256']);
    const { journal, online, first } = await onlineWithFirstBundle(f, plan);
    // The second round: one key's fetch goes through, the other's is refused; a bundle is written anyway.
    f.sim.faults.failWith('get-parameters-for-import', 400, 'before', 1, 1);
    await expect(online.fetchParameters()).rejects.toMatchObject({ code: 'KMS.0101' });
    const second = await online.writeParametersBundle(path.join(f.dir, 'params-2'));
    const { out } = await airGapSide(f, plan, first.dir);
    const checked = await online.checkWrappedBundle(out, await receiptDigestOf(out));
    expect(checked.warnings.find((w) => w.code === 'WRAPPED_FROM_EARLIER_PARAMETERS')?.values).toMatchObject({
      dir: first.dir,
      latestDir: second.dir,
    });
    const check = (await journalFileEntries(journal.path)).find((e) => e.event === 'wrapped-bundle.checked');
    expect(check?.data.parametersBundle).toEqual({ folder: first.dir, manifestSha256: first.manifestSha256 });
  });
});
