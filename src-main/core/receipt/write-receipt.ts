/** Writes a receipt's HTML and plain-text twin next to each other, never overwriting. */
import path from 'node:path';
import { writeFileExclusive, type FileLayer, type WrittenFile } from '../fs/durable-file';
import { renderReceiptHtml } from './render-html';
import { renderReceiptText } from './render-text';
import type { ReceiptInput } from './types';

export interface WrittenReceipt {
  readonly html: WrittenFile;
  readonly text: WrittenFile;
}

/** `receipt-<side>-<ceremonyId>` (the ceremony ID is checked to be file-name safe). */
export function receiptBaseName(input: Pick<ReceiptInput, 'side' | 'ceremonyId'>): string {
  return `receipt-${input.side}-${input.ceremonyId}`;
}

/**
 * Renders both twins first (so a bad input writes nothing), then writes
 * `receipt-<side>-<ceremonyId>.html` and `.txt` into `dir` with writeFileExclusive.
 * Returns each file's path, size and SHA-256 as read back from the media.
 */
export async function writeReceipt(
  dir: string,
  input: ReceiptInput,
  options: { layer?: FileLayer } = {},
): Promise<WrittenReceipt> {
  const html = renderReceiptHtml(input);
  const text = renderReceiptText(input);
  const base = path.join(dir, receiptBaseName(input));
  const writtenHtml = await writeFileExclusive(`${base}.html`, html, { layer: options.layer, mode: 0o644 });
  const writtenText = await writeFileExclusive(`${base}.txt`, text, { layer: options.layer, mode: 0o644 });
  return { html: writtenHtml, text: writtenText };
}
