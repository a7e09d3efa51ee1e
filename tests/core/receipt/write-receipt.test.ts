import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileLayer, type FileLayer } from '../../../src-main/core/fs/durable-file';
import { renderReceiptHtml, renderReceiptText, writeReceipt } from '../../../src-main/core/receipt';
import { sampleReceiptInput } from './fixtures';

/** The real file layer, noting in order each file it creates and each fsync, by the name of what was opened. */
function layerThatNotesSyncs(): { layer: FileLayer; events: string[] } {
  const events: string[] = [];
  const layer: FileLayer = {
    ...nodeFileLayer,
    open: async (file, flags, mode) => {
      const handle = await nodeFileLayer.open(file, flags, mode);
      if (flags & constants.O_CREAT) events.push(`create ${path.basename(file)}`);
      const realSync = handle.sync.bind(handle);
      return Object.assign(Object.create(handle) as typeof handle, {
        sync: async () => {
          await realSync();
          events.push(`fsync ${path.basename(file)}`);
        },
      });
    },
  };
  return { layer, events };
}

describe('writeReceipt', () => {
  it('writes receipt-<side>-<ceremonyId>.html and .txt and returns their read-back hashes', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-receipt-'));
    const input = sampleReceiptInput('air-gapped');
    const written = await writeReceipt(dir, input);
    expect(written.html.path).toBe(path.join(dir, 'receipt-air-gapped-KF-2025-0301-a.html'));
    expect(written.text.path).toBe(path.join(dir, 'receipt-air-gapped-KF-2025-0301-a.txt'));
    for (const [file, expected] of [
      [written.html, renderReceiptHtml(input)],
      [written.text, renderReceiptText(input)],
    ] as const) {
      const bytes = await readFile(file.path);
      expect(bytes.toString('utf8')).toBe(expected);
      expect(file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(file.size).toBe(bytes.length);
      expect((await stat(file.path)).mode & 0o777).toBe(0o644);
    }
  });

  it('has both twins and the folder naming them on the media when it returns, with one folder fsync after both', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-receipt-'));
    const { layer, events } = layerThatNotesSyncs();
    await writeReceipt(dir, sampleReceiptInput('air-gapped'), { layer });
    const folder = `fsync ${path.basename(dir)}`;
    // The folder's one fsync comes after both names were created and both files fsynced: a power cut
    // once writeReceipt returned loses neither twin. A second fsync of it would only cost time.
    expect(events.filter((e) => !e.startsWith('create'))).toEqual([
      'fsync receipt-air-gapped-KF-2025-0301-a.html',
      'fsync receipt-air-gapped-KF-2025-0301-a.txt',
      folder,
    ]);
    expect(events.indexOf(folder)).toBeGreaterThan(events.indexOf('create receipt-air-gapped-KF-2025-0301-a.txt'));
  });

  it('never overwrites an earlier receipt', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-receipt-'));
    const input = sampleReceiptInput('online');
    const first = await writeReceipt(dir, input);
    await expect(writeReceipt(dir, { ...input, title: 'Changed' })).rejects.toMatchObject({
      code: 'WRITE_FAILED',
      message: expect.stringMatching(/already exists/),
    });
    expect(
      createHash('sha256')
        .update(await readFile(first.html.path))
        .digest('hex'),
    ).toBe(first.html.sha256);
  });

  it('leaves no HTML without its text twin when the text name is taken', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-receipt-'));
    const taken = path.join(dir, 'receipt-air-gapped-KF-2025-0301-a.txt');
    await writeFile(taken, 'another receipt');
    await expect(writeReceipt(dir, sampleReceiptInput('air-gapped'))).rejects.toMatchObject({ code: 'WRITE_FAILED' });
    expect(await readdir(dir)).toEqual([path.basename(taken)]);
    expect(await readFile(taken, 'utf8')).toBe('another receipt');
  });

  it('writes nothing when the input is not fit to print', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-receipt-'));
    const input = sampleReceiptInput('online');
    await expect(writeReceipt(dir, { ...input, journal: { headHash: 'nope', count: 1 } })).rejects.toMatchObject({
      code: 'RECEIPT_INPUT_INVALID',
    });
    expect(await readdir(dir)).toEqual([]);
  });
});
