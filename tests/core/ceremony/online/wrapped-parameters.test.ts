/**
 * A wrapped bundle made from an earlier import-parameters bundle than the last one written (online
 * params ran twice, and the air-gapped side wrapped the first): the trial's online receipt named
 * the second bundle while the material used the first's tokens and the air-gapped receipt named the
 * first. The check now says so (a warning naming both), journals which parameters bundle the
 * wrapped one was made from, and the online receipt names that one; a wrap of the last bundle
 * written is checked without a word. Real simulator over HTTP, real files, real receipts.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupHex } from '../../../../src-main/core/hex-groups';
import { earlierParametersWarning } from '../../../../src-main/core/ceremony/online/wrapped-parameters';
import { translator } from '../../../../src-main/i18n/translate';
import { warningText } from '../../../../src-main/i18n/warning';
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
    expect(checked.warnings.find((w) => w.code === 'WRAPPED_FROM_EARLIER_PARAMETERS')?.values).toMatchObject({
      dir: first.dir,
      digest: groupHex(first.manifestSha256),
      latestDir: second.dir,
      latestDigest: groupHex(second.manifestSha256),
      bound: 'no',
      tokens: 'valid',
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
  it('a bundle whose writing was never journaled (params killed after it was whole): a warning, and the receipt names no bundle', async () => {
    const plan = f.plan(['AES_256']);
    const { journal, online, first } = await onlineWithFirstBundle(f, plan);
    await online.fetchParameters();
    const second = await online.writeParametersBundle(path.join(f.dir, 'params-2'));
    await journal.close();
    // Killed once the bundle was whole on the stick, before its entry: the journal ends before it.
    const lines = (await readFile(journal.path, 'utf8')).trim().split('\n');
    expect((JSON.parse(lines.at(-1) as string) as { event: string }).event).toBe('parameters.bundle-written');
    await writeFile(journal.path, `${lines.slice(0, -1).join('\n')}\n`);

    const { out } = await airGapSide(f, plan, second.dir);
    const day2 = await f.online(await f.journal('online.jsonl'), plan);
    await day2.connect();
    const checked = await day2.checkWrappedBundle(out, await receiptDigestOf(out));
    expect(checked.warnings.find((w) => w.code === 'WRAPPED_FROM_UNRECORDED_PARAMETERS')?.values).toEqual({
      latestDir: first.dir,
      latestDigest: groupHex(first.manifestSha256),
    });
    expect(checked.warnings.map((w) => w.code)).not.toContain('WRAPPED_FROM_EARLIER_PARAMETERS');
    const check = (await journalFileEntries(journal.path)).find((e) => e.event === 'wrapped-bundle.checked');
    expect(check?.data.parametersBundle).toBeNull();
    await day2.importMaterial();
    await day2.verifyKeys();
    const receipt = await day2.writeReceipt(f.dir);
    // Neither the bundle written last in the journal nor the one wrapped is claimed.
    expect(await prints(receipt.textFile, first.manifestSha256)).toBe(false);
    expect(await prints(receipt.textFile, second.manifestSha256)).toBe(false);
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

  it('keys bound to the material imported before: a wrap of the other bundle holds the same material, so it is not "do not wrap"', () => {
    const bundle = (n: number) => ({ folder: `/m/params-${n}`, manifestSha256: String(n).repeat(64), seq: n });
    const state = {
      parametersBundle: bundle(2),
      // The key's first token went into params-1, its second into params-2 (the last written).
      parametersBundlesOfToken: new Map([
        ['t1', [bundle(1)]],
        ['t2', [bundle(2)]],
      ]),
    };
    const issued = [
      { importTokenSha256: 't1', tokenExpiresAt: '2030-01-02T00:00:00Z' },
      { importTokenSha256: 't2', tokenExpiresAt: '2030-01-02T01:00:00Z' },
    ] as const;
    const restored = { key: { issued, firstImport: { seq: 4 } }, issued: issued[0] } as unknown as Parameters<
      typeof earlierParametersWarning
    >[2][number];
    const fresh = { key: { issued }, issued: issued[0] } as unknown as typeof restored;
    const now = new Date('2030-01-01T02:00:00Z');
    const [bound] = earlierParametersWarning(state, bundle(1), [restored], now);
    const [unbound] = earlierParametersWarning(state, bundle(1), [fresh], now);
    expect(bound?.values).toMatchObject({ bound: 'yes' });
    expect(unbound?.values).toMatchObject({ bound: 'no' });
    const en = translator('en');
    expect(bound && warningText(en, bound)).toContain(
      'These keys take only the material imported before, so a wrap of the other bundle (another custody restore, say) holds that same material and makes no second version: once this import is done, destroy the other parameters bundle and any wrap made from it.',
    );
    expect(bound && warningText(en, bound)).not.toContain('do not wrap it as well');
    // Not before the KMS took this import: if it refuses these tokens, the other bundle is the one to wrap.
    expect(unbound && warningText(en, unbound)).toContain(
      'Once the KMS has taken this import, destroy the other parameters bundle and do not wrap it as well; if the KMS refuses this bundle’s tokens, the other bundle is the one to wrap',
    );
    // A wrap of the other bundle made already: its custody set is named only once that wrap is offered (io).
    expect(unbound && warningText(en, unbound)).toContain(
      'If the air-gapped side wrapped the other bundle already, that wrap will not be imported either: once this import is done, run online import with that wrap, which refuses it and names its custody set where that set backs nothing',
    );
    // Not "only then" (after that import, read as whatever it says): only a set the refusal names is destroyed.
    expect(unbound && warningText(en, unbound)).toContain(
      'That set’s custodians destroy its shares only if that refusal names it: a set it does not name may still be the only copy of a key’s material.',
    );
    expect(unbound && warningText(translator('zh-CN'), unbound)).toContain(
      '只有该拒绝指明了这个托管集，其保管人才销毁其份额',
    );
    const app = unbound && { ...unbound, values: { ...unbound.values, surface: 'app' } };
    expect(app && warningText(translator('zh-CN'), app)).toContain(
      '也请核对那份包装（步骤“读取并检查已包装密钥材料包”）',
    );
  });
  it('its tokens expired by the KMS’s clock, as the newer bundle’s tokens show, though not by this computer’s: said so, and the newer bundle kept', () => {
    const bundle = (n: number) => ({ folder: `/m/params-${n}`, manifestSha256: String(n).repeat(64), seq: n });
    const state = {
      parametersBundle: bundle(2),
      parametersBundlesOfToken: new Map([
        ['t1', [bundle(1)]],
        ['t2', [bundle(2)]],
      ]),
    };
    // The second token was issued a day and an hour after the first (the KMS's clock), 24 hours before its expiry.
    const issued = [
      { importTokenSha256: 't1', tokenExpiresAt: '2030-01-02T00:00:00Z' },
      { importTokenSha256: 't2', tokenExpiresAt: '2030-01-03T01:00:00Z' },
    ] as const;
    const checked = [{ key: { issued }, issued: issued[0] }] as unknown as Parameters<
      typeof earlierParametersWarning
    >[2];
    // This computer's clock still before the first token's expiry.
    const [lagging] = earlierParametersWarning(state, bundle(1), checked, new Date('2030-01-01T12:00:00Z'));
    expect(lagging?.values).toMatchObject({ tokens: 'expired', by: 'kms', at: Date.parse('2030-01-02T00:00:00Z') });
    const en = translator('en');
    const text = lagging ? warningText(en, lagging) : '';
    expect(text).toContain(
      'by the KMS’s clock, as the import tokens it issued for the last bundle show: the KMS will refuse this import. Keep the last bundle (/m/params-2): it is the one to wrap',
    );
    expect(text).not.toContain('have not expired');
    expect(text).not.toContain('destroy the other parameters bundle');
    const zh = lagging ? warningText(translator('zh-CN'), lagging) : '';
    expect(zh).toContain('按 KMS 的时钟');
    expect(zh).toContain('请保留最后那个参数包（/m/params-2）');
    // The KMS's time shown no later than this computer's: this computer's clock decides, and says so.
    const [own] = earlierParametersWarning(state, bundle(1), checked, new Date('2030-01-03T00:30:00Z'));
    expect(own?.values).toMatchObject({ tokens: 'expired', by: 'computer' });
    expect(own ? warningText(en, own) : '').toContain(
      'by this computer’s clock (the import tokens the KMS issued since do not show its clock any later)',
    );
    expect(own ? warningText(en, own) : '').toContain('Keep the last bundle (/m/params-2): it is the one to wrap');
  });

  it('brought back after the last bundle’s tokens expired too: that bundle is not called the one to wrap, fresh parameters are', () => {
    const bundle = (n: number) => ({ folder: `/m/params-${n}`, manifestSha256: String(n).repeat(64), seq: n });
    const state = {
      parametersBundle: bundle(2),
      parametersBundlesOfToken: new Map([
        ['t1', [bundle(1)]],
        ['t2', [bundle(2)]],
      ]),
    };
    const issued = [
      { importTokenSha256: 't1', tokenExpiresAt: '2030-01-02T00:00:00Z' },
      { importTokenSha256: 't2', tokenExpiresAt: '2030-01-03T01:00:00Z' },
    ] as const;
    const checked = [{ key: { issued }, issued: issued[0] }] as unknown as Parameters<
      typeof earlierParametersWarning
    >[2];
    // The old wrap brought back on the fifth: both bundles' tokens have passed.
    const [late] = earlierParametersWarning(state, bundle(1), checked, new Date('2030-01-05T00:00:00Z'));
    expect(late?.values).toMatchObject({
      tokens: 'expired',
      latest: 'expired',
      latestAt: Date.parse(issued[1].tokenExpiresAt),
    });
    const text = late ? warningText(translator('en'), late) : '';
    expect(text).not.toContain('it is the one to wrap');
    expect(text).toContain(
      'The last bundle’s import tokens (/m/params-2) expired too, at 2030-01-03 01:00:00 UTC: neither bundle can be wrapped any more. Fetch new import parameters and wrap with those, as online status will say.',
    );
    const zh = late ? warningText(translator('zh-CN'), late) : '';
    expect(zh).not.toContain('应包装的是它');
    expect(zh).toContain('请获取新的导入参数');
  });
});
