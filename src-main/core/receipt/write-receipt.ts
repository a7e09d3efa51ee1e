/** Writes a receipt's HTML and plain-text twin next to each other, never overwriting. */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { KeyferryError } from '../errors';
import { writeFileExclusive, type FileLayer, type WrittenFile } from '../fs/durable-file';
import type { ReceiptLanguage } from './language';
import { renderReceiptHtmlInSlices } from './render-html';
import { renderReceiptTextInSlices } from './render-text';
import type { ReceiptInput } from './types';

interface WrittenReceipt {
  readonly html: WrittenFile;
  readonly text: WrittenFile;
}

/** Letters, digits, `.`, `_`, `-`: what a receipt name suffix may hold. */
const SUFFIX_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * `receipt-<side>-<ceremonyId>`, or `receipt-<side>-<ceremonyId>-<suffix>` for a later receipt of
 * the same ceremony (e.g. a custody restore). The ceremony ID is checked to be file-name safe.
 */
export function receiptBaseName(input: Pick<ReceiptInput, 'side' | 'ceremonyId'>, suffix?: string): string {
  if (suffix !== undefined && !SUFFIX_PATTERN.test(suffix)) {
    throw new KeyferryError('RECEIPT_INPUT_INVALID', {
      detail: `the name suffix "${suffix.slice(0, 70)}" is not file-name safe`,
    });
  }
  return `receipt-${input.side}-${input.ceremonyId}${suffix === undefined ? '' : `-${suffix}`}`;
}

/**
 * Renders both twins in `language` (default English) first (so a bad input writes nothing), then writes
 * `receipt-<side>-<ceremonyId>[-<suffix>].html` and `.txt` into `dir` with writeFileExclusive (each
 * file fsynced; the folder fsynced once, after both). Returns each file's path, size and SHA-256 as
 * read back from the media.
 */
export async function writeReceipt(
  dir: string,
  input: ReceiptInput,
  options: { layer?: FileLayer; suffix?: string; language?: ReceiptLanguage } = {},
): Promise<WrittenReceipt> {
  const language = options.language === undefined ? {} : { language: options.language };
  // A key at a time, so a 100-key receipt never holds the event loop for a whole render.
  const html = await renderReceiptHtmlInSlices(input, language);
  const text = await renderReceiptTextInSlices(input, language);
  const base = path.join(dir, receiptBaseName(input, options.suffix));
  // The twins share one folder fsync, the text's: it makes both names durable before this returns,
  // and nothing between the two writes relies on the HTML's name being on the media alone.
  const writtenHtml = await writeFileExclusive(`${base}.html`, html, {
    layer: options.layer,
    mode: 0o644,
    syncFolder: false,
  });
  try {
    const writtenText = await writeFileExclusive(`${base}.txt`, text, { layer: options.layer, mode: 0o644 });
    return { html: writtenHtml, text: writtenText };
  } catch (error) {
    // Never a receipt without its twin: the HTML this call created goes again (a retry may take another name).
    await rm(writtenHtml.path, { force: true }).catch(() => undefined);
    throw error;
  }
}
