/**
 * The receipt evidence of finished-on-media.ts names a journal only by its file name, so it is
 * bound to the unfinished session too: a receipt counts only when it is of this ceremony (not of one
 * whose id begins with it), carries the parameters bundle digest the session read (and the wrapped
 * bundle's, once journaled), and was printed past this copy's end at a head the copy lacks. A
 * trial's journal replaced by a new one of the same name, beside the old journal's receipts, was
 * refused for ever; and a receipt of ceremony `abc-2` counted for `abc`. A journal whose name the
 * printed verify command quotes (spaces, a quote, a leading "-") is found too. Real receipts rendered by
 * the receipt module into a real folder, a real journal.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
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
      nextStep: expect.stringContaining('If that receipt was printed from another journal of the same name'),
    });
  });

  it('takes no receipt of other parameters (a journal of the same name it replaced), of another ceremony, or not past the copy', async () => {
    await receipt(`receipt-air-gapped-${CEREMONY}-session-1.txt`, sha256Hex('parameters of an earlier journal'));
    await receipt(`receipt-air-gapped-${CEREMONY}2-session-1.txt`, PARAMETERS);
    // Printed at a head this journal holds: not a later state of it.
    await receipt(`receipt-air-gapped-${CEREMONY}-session-2.txt`, PARAMETERS, journal.entries[2]?.hash);
    await expect(check()).resolves.toBeUndefined();
  });

  it('finds the receipt of a journal whose name the verify command must quote: spaces, a quote, a leading "-"', async () => {
    for (const file of ['-air-gapped.jsonl', "Ana's air  gapped journal.jsonl", '-a  b.jsonl']) {
      const named = await openJournal(path.join(dir, file), { create: true });
      try {
        await named.append('Ana', 'ceremony.session-started', { side: 'air-gapped', operator: 'Ana' });
        await named.append('Ana', 'parameters.read', { ceremonyId: CEREMONY, manifestSha256: PARAMETERS });
        await named.append('Ana', 'custody.split', {});
        const receiptName = `receipt-air-gapped-${CEREMONY}-session-9.txt`;
        // Printed from a journal of another name: not this one's.
        await receipt(receiptName, PARAMETERS, undefined, 'air-gapped-journal.jsonl');
        await expect(check(named), file).resolves.toBeUndefined();
        await receipt(receiptName, PARAMETERS, undefined, file);
        await expect(check(named), file).rejects.toMatchObject({
          code: 'AIRGAP_SESSION_FINISHED_ON_MEDIA',
          values: { evidence: 'receipt', count: 40 },
        });
      } finally {
        await named.close();
      }
    }
  });
});
