/**
 * A wrapped bundle withdrawn before its manifest went in (it is written last, after the receipt):
 * the journal records `manifestWritten: false` beside the SHA-256 the manifest was to have, and the
 * next receipt says so in words in either language, never "Manifest written: no" beside a digest
 * as if a manifest with that digest existed. A real air-gapped session stopped after staging its bundle.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupHex } from '../../../src-main/core/hex-groups';
import { receiptDeviations } from '../../../src-main/core/receipt/deviation-facts';
import { renderReceiptText } from '../../../src-main/core/receipt/render-text';
import { createFixture, onlineDayOne, type Fixture } from '../ceremony/ceremony-fixture';
import { airGapUpToBundle } from '../ceremony/airgap/up-to-bundle';
import { sampleReceiptInput } from './fixtures';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

describe('a withdrawn bundle whose manifest was never written, on the next receipt', () => {
  it('says the manifest was never written and that the digest is the one it was to have', async () => {
    const plan = f.plan(['AES_256']);
    const { params } = await onlineDayOne(f, plan);
    const receipts = path.join(f.dir, 'receipts');
    await mkdir(receipts);
    const out = path.join(f.dir, 'wrapped');
    const { air, journal, bundle } = await airGapUpToBundle(f, plan, params, out, receipts);
    await air.abandon('stopped before the receipt');
    expect(existsSync(path.join(out, 'manifest.json'))).toBe(false);
    const withdrawn = journal.entries.find((e) => e.event === 'wrapped-bundle.withdrawn');
    expect(withdrawn?.data).toMatchObject({ manifestWritten: false, manifestSha256: bundle.manifestSha256 });
    const said = (language: 'en' | 'zh-CN') =>
      renderReceiptText(
        { ...sampleReceiptInput('air-gapped', ['AES_256']), deviations: receiptDeviations(journal.entries) },
        { language },
      ).replace(/\s+/g, ' ');
    const digest = groupHex(bundle.manifestSha256);
    const en = said('en');
    expect(en).toContain(
      `The bundle’s manifest was never written (it goes in last, after the receipt), so the folder never was a complete bundle; ${digest} is the SHA-256 the manifest was to have.`,
    );
    expect(en).not.toContain('Manifest written: no');
    const zh = said('zh-CN').replace(/\s+/g, '');
    expect(zh).toContain(
      `该材料包的清单从未写入（清单最后写入，在回执之后），因此该文件夹从来不是完整的材料包；${digest.replace(/\s+/g, '')}是该清单本应有的SHA-256。`,
    );
    expect(zh).not.toContain('清单已写入：否');
    await journal.close();
  });
});
