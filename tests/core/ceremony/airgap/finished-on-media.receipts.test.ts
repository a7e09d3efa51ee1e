/**
 * The receipt evidence of finished-on-media.ts names a journal only by its file name, so it is
 * bound to the unfinished session too: a receipt counts only when it is of this ceremony (not of one
 * whose id begins with it), carries the parameters bundle digest the session read (and the wrapped
 * bundle's, once journaled), and was printed past this copy's end at a head the copy lacks. A
 * trial's journal replaced by a new one of the same name, beside the old journal's receipts, was
 * refused for ever; and a receipt of ceremony `abc-2` counted for `abc`. The journal file the receipt
 * names does not matter (a trial's copy, restored under its backup's name, lost a finished wrap's
 * shares); a receipt at the session's own entry counts once its bundle's folder is gone or empty (a
 * trial's officer emptied it as told for a bundle lost for good). Real receipts rendered by
 * the receipt module into a real folder, a real journal.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refuseSessionFinishedOnMedia } from '../../../../src-main/core/ceremony/airgap/finished-on-media';
import { renderReceiptText } from '../../../../src-main/core/receipt';
import { sha256Hex } from '../../../../src-main/core/fs/durable-file';
import { openJournal, type Journal } from '../../../../src-main/core/journal';
import { sampleReceiptInput } from '../../receipt/fixtures';

const CEREMONY = 'KF-20261206-abcdef';
const PARAMETERS = sha256Hex('the parameters this session read');
let dir: string;
let journal: Journal;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-finished-receipts-'));
  journal = await openJournal(path.join(dir, 'air-gapped-journal.jsonl'), { create: true });
  await journal.append('Ana', 'ceremony.session-started', { side: 'air-gapped', operator: 'Ana' });
  await journal.append('Ana', 'parameters.read', { ceremonyId: CEREMONY, manifestSha256: PARAMETERS });
  await journal.append('Ana', 'custody.split', {});
});
afterEach(async () => {
  await journal.close();
  await rm(dir, { recursive: true, force: true });
});

/**
 * A text receipt written into the folder as `name`, printed from a journal of the file name
 * `journalFile` at 40 entries, at `head`.
 */
async function receipt(
  name: string,
  parameters: string,
  head = sha256Hex('a later head'),
  journalFile = 'air-gapped-journal.jsonl',
): Promise<void> {
  const input = sampleReceiptInput('air-gapped');
  const text = renderReceiptText({
    ...input,
    ceremonyId: CEREMONY,
    parametersBundle: { name: 'params', digest: parameters },
    journal: { headHash: head, count: 40, file: journalFile },
  });
  await writeFile(path.join(dir, name), text);
}

const check = (of: Journal = journal) =>
  refuseSessionFinishedOnMedia({
    journal: of.path,
    entries: of.entries,
    session: of.entries,
    number: 1,
    bundleFolder: undefined,
    receiptFolder: dir,
  });

describe('a receipt as evidence that the journal went on', () => {
  it('refuses for this ceremony’s receipt of the session’s parameters, printed past the copy’s end', async () => {
    await receipt(`receipt-air-gapped-${CEREMONY}-session-1.txt`, PARAMETERS);
    await expect(check()).rejects.toMatchObject({
      code: 'AIRGAP_SESSION_FINISHED_ON_MEDIA',
      values: { evidence: 'receipt', count: 40 },
      nextStep: expect.stringContaining(
        'If that receipt was printed from another journal (an earlier journal this one replaced',
      ),
    });
  });

  it('takes no receipt of other parameters (a journal of the same name it replaced), of another ceremony, or not past the copy', async () => {
    await receipt(`receipt-air-gapped-${CEREMONY}-session-1.txt`, sha256Hex('parameters of an earlier journal'));
    await receipt(`receipt-air-gapped-${CEREMONY}2-session-1.txt`, PARAMETERS);
    // Printed at a head this journal holds: not a later state of it.
    await receipt(`receipt-air-gapped-${CEREMONY}-session-2.txt`, PARAMETERS, journal.entries[2]?.hash);
    await expect(check()).resolves.toBeUndefined();
  });

  it('takes a receipt printed under another journal file name: this copy restored under its backup’s name', async () => {
    // The receipt sealed the journal as air-gapped-journal.jsonl; the officer restored this copy as another file.
    for (const file of ['backup-airgap.jsonl', '-air-gapped.jsonl', "Ana's air  gapped journal.jsonl"]) {
      const copy = await openJournal(path.join(dir, file), { create: true });
      try {
        await copy.append('Ana', 'ceremony.session-started', { side: 'air-gapped', operator: 'Ana' });
        await copy.append('Ana', 'parameters.read', { ceremonyId: CEREMONY, manifestSha256: PARAMETERS });
        await copy.append('Ana', 'custody.split', {});
        await receipt(`receipt-air-gapped-${CEREMONY}-session-9.txt`, PARAMETERS);
        await expect(check(copy), file).rejects.toMatchObject({
          code: 'AIRGAP_SESSION_FINISHED_ON_MEDIA',
          values: { evidence: 'receipt', count: 40 },
        });
        // A receipt sealing a journal whose name the verify command quotes is read as well.
        await receipt(`receipt-air-gapped-${CEREMONY}-session-9.txt`, PARAMETERS, undefined, file);
        await expect(check(copy), file).rejects.toMatchObject({ values: { evidence: 'receipt', count: 40 } });
      } finally {
        await copy.close();
      }
    }
  });

  it('takes a receipt printed at the session’s own last entry once its bundle’s folder is gone or empty (carried away finished)', async () => {
    const BUNDLE = sha256Hex('the wrapped bundle this session wrote');
    await journal.append('Ana', 'wrapped-bundle.written', { manifestSha256: BUNDLE });
    const last = journal.entries.at(-1);
    const name = `receipt-air-gapped-${CEREMONY}-session-1.txt`;
    const input = sampleReceiptInput('air-gapped');
    await writeFile(
      path.join(dir, name),
      renderReceiptText({
        ...input,
        ceremonyId: CEREMONY,
        parametersBundle: { name: 'params', digest: PARAMETERS },
        bundle: { ...input.bundle, digest: BUNDLE },
        // The sample's people and deviations cite later entries than this short journal holds.
        people: [{ role: 'operator', name: 'Ana', records: [] }],
        deviations: [],
        journal: { headHash: last?.hash as string, count: journal.count, file: 'air-gapped-journal.jsonl' },
      }),
    );
    const bundleFolder = path.join(dir, 'wrapped');
    const withBundle = () =>
      refuseSessionFinishedOnMedia({
        journal: journal.path,
        entries: journal.entries,
        session: journal.entries,
        number: 1,
        bundleFolder,
        receiptFolder: dir,
      });
    // The officer put an empty folder where the bundle was (the way past a bundle lost for good).
    await mkdir(bundleFolder);
    await expect(withBundle()).rejects.toMatchObject({
      code: 'AIRGAP_SESSION_FINISHED_ON_MEDIA',
      values: { evidence: 'receiptInSession', count: journal.count },
      message: expect.stringContaining('that session reached its receipt'),
    });
    // A crash between the receipt and its entry: the bundle's files are still in their folder (no
    // manifest, written only after the receipt's entry), so it is closed as a crash's.
    await writeFile(path.join(bundleFolder, 'README.txt'), 'x');
    await expect(withBundle()).resolves.toBeUndefined();
  });
});
