/**
 * The receipt's page margins, printed by Chromium and read back with pdftotext: every page names
 * the receipt and its ceremony and says which page of how many, in the receipt's language(s), on
 * A4 and Letter alike, so a loose page is recognised and a missing one is noticed.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReceiptHtml } from '../../../src-main/core/receipt';
import type { ReceiptLanguage } from '../../../src-main/core/receipt/receipt-languages';
import { printerPerFile } from '../../helpers/browser';
import { sampleReceiptInput } from './fixtures';

const OUT = path.resolve('test-results/receipts/margins');
const printer = printerPerFile(OUT);

/** The text of each page of `pdf`, whitespace removed (pdftotext spaces CJK text its own way). */
function pageTexts(pdf: string): string[] {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
  return Array.from({ length: pages }, (_, i) =>
    execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      '',
    ),
  );
}

const CASES: readonly [ReceiptLanguage, 'A4' | 'Letter', (page: number, pages: number) => string[]][] = [
  ['zh-CN', 'Letter', (n, of) => ['Keyferry密钥仪式回执·', `第${n}页，共${of}页`]],
  ['both', 'A4', (n, of) => ['Keyferryceremonyreceipt/Keyferry密钥仪式回执·', `Page${n}of${of}/第${n}页，共${of}页`]],
];

describe('the margins of every printed receipt page', () => {
  it.each(CASES)(
    'name the receipt, its ceremony and the page of how many (%s, %s)',
    async (language, format, words) => {
      const input = sampleReceiptInput('air-gapped', ['AES_256', 'EC_P256']);
      const pdf = path.join(OUT, `receipt-${language}-${format}.pdf`);
      await printer.print(renderReceiptHtml(input, { language }), pdf, format);
      const pages = pageTexts(pdf);
      expect(pages.length).toBeGreaterThan(1);
      pages.forEach((text, i) => {
        expect(text, `page ${i + 1}`).toContain(input.ceremonyId);
        for (const expected of words(i + 1, pages.length)) expect(text, `page ${i + 1}`).toContain(expected);
      });
    },
  );
});
