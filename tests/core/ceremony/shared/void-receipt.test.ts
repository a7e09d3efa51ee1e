/**
 * A wrap whose bundle cannot be completed after its receipt was written (the bundle's medium fills
 * up between the receipt and the manifest, as the trial met it): the receipt names a digest no
 * bundle will have, so both its files are voided (renamed .void, journaled) and the stop says so;
 * the withdrawal journals only what it did (no ABANDONED.txt claimed where none could be written);
 * and the journal's next wrap, into a fresh folder, is not asked to "wrap again" as if that dead
 * bundle could still be imported. A real tmpfs filled up (ENOSPC), a real simulator, real files.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { problemCause } from '../../../../src-main/core/ceremony/airgap/session-stop';
import { voidReceipt } from '../../../../src-main/core/ceremony/shared/void-receipt';
import { openJournal } from '../../../../src-main/core/journal';
import { createFixture, onlineDayOne, type Fixture } from '../ceremony-fixture';
import { airGapUpToBundle } from '../airgap/up-to-bundle';
import { fillUp, MOUNTS_AVAILABLE, mountTmpfs } from '../../../support/tmpfs-mount';

let f: Fixture;
const unmounts: (() => void)[] = [];
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  for (const unmount of unmounts.splice(0)) unmount();
  await f.close();
});

describe.skipIf(!MOUNTS_AVAILABLE)('a bundle that cannot be completed after its receipt', () => {
  it('voids the receipt, journals the withdrawal as done, and the next wrap is not asked to wrap again', async () => {
    const plan = f.plan(['AES_256']);
    const { params } = await onlineDayOne(f, plan);
    const receipts = path.join(f.dir, 'receipts');
    await mkdir(receipts);
    const media = path.join(f.dir, 'usb');
    unmounts.push(mountTmpfs(media, { sizeKiB: 256 }));
    const out = path.join(media, 'wrapped-1');
    const first = await airGapUpToBundle(f, plan, params, out, receipts);
    // The stick fills after the bundle's files were staged: the receipt (elsewhere) is written, the manifest is not.
    fillUp(media);
    const error = await first.air.writeReceipt(receipts).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: expect.stringMatching(/WRITE_FAILED/) });
    const receiptFiles = (await readdir(receipts)).sort();
    expect(receiptFiles).toHaveLength(2);
    expect(receiptFiles.every((name) => name.endsWith('.void'))).toBe(true);
    const voided = first.journal.entries.find((e) => e.event === 'receipt.voided');
    expect(voided?.data).toMatchObject({ voidedFiles: receiptFiles.map((n) => n.slice(0, -'.void'.length)).sort() });

    const report = await first.air.abandon(problemCause(error));
    expect(report.voidedReceipt).toBe(voided?.data['htmlFile']);
    expect(report.withdrawnBundle).toBe(out);
    // What the stop says is what was done on the stick.
    expect(report.withdrawnHow).toBe(existsSync(path.join(out, 'ABANDONED.txt')) ? 'marked' : 'noManifest');
    const withdrawn = first.journal.entries.find((e) => e.event === 'wrapped-bundle.withdrawn');
    // Only what was done: a marker where one is on the stick, none claimed where the full stick took none.
    expect(withdrawn?.data['marker'] === null).toBe(!existsSync(path.join(out, 'ABANDONED.txt')));
    expect(withdrawn?.data).toMatchObject({ manifestWritten: false, manifestRenamed: false });
    expect(existsSync(path.join(out, 'manifest.json'))).toBe(false);
    await first.journal.close();

    // The officer retries into a fresh folder with the same journal, as the failure said.
    const second = await airGapUpToBundle(f, plan, params, path.join(f.dir, 'wrapped-2'), receipts);
    expect(second.air.earlierWraps).toEqual([]);
    const receipt = await second.air.writeReceipt(receipts);
    expect(existsSync(receipt.htmlFile)).toBe(true);
    expect(second.journal.entries.some((e) => e.event === 'wrap.repeated')).toBe(false);
    await second.journal.close();
  });
});

describe('voiding a receipt', () => {
  it('never replaces a voided receipt of the same name: the second is kept as NAME.2.void', async () => {
    const folder = path.join(f.dir, 'receipts');
    await mkdir(folder);
    const files = { htmlFile: path.join(folder, 'r-session-1.html'), textFile: path.join(folder, 'r-session-1.txt') };
    await writeFile(files.htmlFile, 'first');
    await writeFile(files.textFile, 'first');
    const journal = await openJournal(path.join(f.dir, 'void.jsonl'), { create: true });
    try {
      expect(await voidReceipt(files, journal, 'Ana')).toEqual(['r-session-1.html', 'r-session-1.txt']);
      await writeFile(files.htmlFile, 'second');
      expect(await voidReceipt(files, journal, 'Ana')).toEqual(['r-session-1.html']);
    } finally {
      await journal.close();
    }
    expect((await readdir(folder)).sort()).toEqual([
      'r-session-1.html.2.void',
      'r-session-1.html.void',
      'r-session-1.txt.void',
    ]);
    expect(await readFile(path.join(folder, 'r-session-1.html.void'), 'utf8')).toBe('first');
    expect(await readFile(path.join(folder, 'r-session-1.html.2.void'), 'utf8')).toBe('second');
  });
});
