/**
 * Every receipt language the setup screen and the CLI offer prints a receipt in that language: the
 * document declares it, its heading is in it, and "both" carries the English and the Chinese words.
 */
import { describe, expect, it } from 'vitest';
import { renderReceiptHtml, renderReceiptText } from '../../../src-main/core/receipt';
import { RECEIPT_LANGUAGES, type ReceiptLanguage } from '../../../src-main/core/receipt/receipt-languages';
import { sampleReceiptInput } from './fixtures';

/** What each language's receipt declares and is headed with. */
const EXPECTED: Record<ReceiptLanguage, { lang: string; headings: string[] }> = {
  en: { lang: 'en', headings: ['Keyferry ceremony receipt'] },
  'zh-CN': { lang: 'zh-Hans-CN', headings: ['Keyferry 密钥仪式回执'] },
  both: { lang: 'en', headings: ['Keyferry ceremony receipt', 'Keyferry 密钥仪式回执'] },
};

describe('RECEIPT_LANGUAGES', () => {
  it.each(RECEIPT_LANGUAGES)('%s: prints a receipt declared and headed in that language', (language) => {
    const input = sampleReceiptInput('online', ['AES_256']);
    const html = renderReceiptHtml(input, { language });
    expect(html).toMatch(new RegExp(`^<!doctype html>\n<html lang="${EXPECTED[language].lang}"[ >]`));
    for (const heading of EXPECTED[language].headings) expect(html).toContain(heading);
    const others = RECEIPT_LANGUAGES.flatMap((l) => EXPECTED[l].headings).filter(
      (h) => !EXPECTED[language].headings.includes(h),
    );
    for (const heading of others) expect(html).not.toContain(heading);
    const text = renderReceiptText(input, { language }).toUpperCase();
    for (const heading of EXPECTED[language].headings) expect(text).toContain(heading.toUpperCase());
  });
});
