/**
 * Receipts and custody slips in Chinese, printed by Debian's Chromium on a machine with no CJK
 * font (this one, and CI as it comes: `fc-list :lang=zh` lists nothing), read back with pdftotext
 * (the Chinese words and a Chinese officer's name come back) and pdffonts (the embedded Noto Sans
 * SC subset is what printed them). "both" puts each text in an English and a Chinese column, each
 * declaring its language. Page 1 of each PDF is kept under test-results/receipts/zh-CN/.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyMaterial } from '../../../src-main/core/crypto/key-material';
import { renderCustodySlip } from '../../../src-main/core/custody/custody-slip';
import { splitMaterial } from '../../../src-main/core/custody/split';
import { parseTypedShare } from '../../../src-main/core/custody/typed-share';
import { cjkCodePoints, renderReceiptHtml, renderReceiptText, type ReceiptInput } from '../../../src-main/core/receipt';
import { newOfflinePage } from '../../support/chromium';
import { printerPerFile } from '../../helpers/browser';
import { materialFor } from '../custody/helpers';
import { sampleReceiptInput } from './fixtures';

const OUT = path.resolve('test-results/receipts/zh-CN');
const printer = printerPerFile(OUT);

/** A receipt whose operator and first witness have Chinese names. */
function chineseNamed(side: 'online' | 'air-gapped'): ReceiptInput {
  const input = sampleReceiptInput(side, ['AES_256', 'RSA_2048']);
  return { ...input, operator: '张伟', witnesses: ['李娜', 'Alan Turing'], title: '2025 年第一季度密钥导入' };
}

/** Prints `html` to a PDF; returns its text (pdftotext, drawing order) and its fonts (pdffonts rows). */
async function print(html: string, name: string): Promise<{ text: string; fonts: string[][] }> {
  const pdf = path.join(OUT, `${name}.pdf`);
  await printer.print(html, pdf, 'A4');
  execFileSync('pdftoppm', ['-r', '70', '-f', '1', '-l', '1', '-png', '-singlefile', pdf, path.join(OUT, name)]);
  // -raw: the order the page draws it (a slip's typed lines stand in two columns beside its one QR code).
  const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
  const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((l) => l.trim().split(/\s+/));
  return { text, fonts };
}

/** The pdffonts rows of Noto Sans SC subsets: name `XXXXXX+NotoSansSC-Regular`, embedded, subset. */
function notoRows(fonts: string[][]): string[][] {
  return fonts.filter((row) => /^[A-Z]{6}\+NotoSansSC-Regular$/.test(row[0] ?? ''));
}

// On CI (and this machine) no CJK font is installed, so every Chinese glyph printed below came from
// the document. A developer machine with CJK fonts skips this check; pdffonts below still shows the
// embedded subset printed them.
const systemCjkFonts = execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim();
describe.skipIf(systemCjkFonts !== '' && process.env.CI !== 'true')('this machine, like CI, has no CJK font', () => {
  it('fc-list :lang=zh lists none, so every Chinese glyph printed below came from the document', () => {
    expect(systemCjkFonts).toBe('');
  });
});

describe.each(['online', 'air-gapped'] as const)('a Chinese %s receipt', (side) => {
  it('prints in Chinese with the embedded font and gives the Chinese text back', async () => {
    const input = chineseNamed(side);
    const html = renderReceiptHtml(input, { language: 'zh-CN' });
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-Hans-CN">/);
    const { text, fonts } = await print(html, `receipt-${side}`);
    const rows = notoRows(fonts);
    expect(rows.length).toBeGreaterThan(0);
    // columns: name type encoding emb sub uni …: embedded and subset
    for (const row of rows) expect(row.slice(-5, -2)).toEqual(['yes', 'yes', 'yes']);
    const flat = text.replace(/\s+/g, '');
    for (const words of [
      'Keyferry密钥仪式回执',
      side === 'online' ? '联网工作站' : '离线工作站（物理隔离）',
      '封印：按每组四位朗读',
      '已包装密钥材料包摘要',
      '日志链头',
      '这些值的计算方法',
      '签字确认',
      '本人签字确认：本人在场参加了本次仪式',
      '偏差：2项',
      '张伟',
      '李娜',
      '2025年第一季度密钥导入',
      '2025年3月1日10:30:05UTC+01:00（Europe/Berlin）',
      '2025-03-0109:30:05UTC',
    ])
      expect(flat).toContain(words);
    expect(text).not.toContain('Ceremony ID');
    // Hex stays grouped in fours, the same as in English.
    for (const line of input.journal.headHash.match(/.{32}/g) ?? [])
      expect(text).toContain(line.toUpperCase().match(/.{4}/g)?.join(' '));
  });
});

describe('an English receipt', () => {
  it('embeds the font only for Chinese characters it holds: a Chinese name prints, no CJK text embeds nothing', async () => {
    const plain = renderReceiptHtml(sampleReceiptInput('online', ['AES_256']), { language: 'en' });
    expect(plain).not.toContain('@font-face');
    const named = renderReceiptHtml(chineseNamed('online'), { language: 'en' });
    expect(named).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(named.match(/@font-face/g)?.length).toBeGreaterThan(0);
    const { text, fonts } = await print(named, 'receipt-en-chinese-names');
    expect(notoRows(fonts).length).toBeGreaterThan(0);
    expect(text).toContain('Keyferry ceremony receipt');
    for (const name of ['张伟', '李娜']) expect(text).toContain(name);
  });

  it('carries only the glyphs it uses: a few kilobytes per character, far below the font', () => {
    const html = renderReceiptHtml(chineseNamed('online'), { language: 'en' });
    const chars = cjkCodePoints(html).length; // 张伟李娜 and the title's characters
    const embedded = [...html.matchAll(/base64,([A-Za-z0-9+/=]+)\)/g)].reduce((n, m) => n + (m[1]?.length ?? 0), 0);
    expect(chars).toBeLessThan(20);
    // hb-subset of Noto Sans SC: about 1-3 KB of base64 per ideograph plus ~2 KB per font file.
    expect(embedded).toBeLessThan(chars * 4000 + 20_000);
  });
});

describe('a receipt in both languages', () => {
  it('puts every text in an English and a Chinese column, each declaring its language', async () => {
    const html = renderReceiptHtml(chineseNamed('air-gapped'), { language: 'both' });
    const { page, close } = await newOfflinePage(printer.browser());
    try {
      await page.setContent(html);
      const columns = await page.evaluate(`(() => {
        const pairs = [...document.querySelectorAll('.bi')];
        return {
          pairs: pairs.length,
          wellFormed: pairs.every((p) => p.children.length === 2 && p.children[0].lang === 'en' && p.children[1].lang === 'zh-Hans-CN'),
          h1: pairs[0] ? [...pairs[0].children].map((c) => c.textContent) : [],
        };
      })()`);
      expect(columns).toMatchObject({ wellFormed: true, h1: ['Keyferry ceremony receipt', 'Keyferry 密钥仪式回执'] });
      expect((columns as { pairs: number }).pairs).toBeGreaterThan(60);
    } finally {
      await close();
    }
    const { text } = await print(html, 'receipt-both');
    const flat = text.replace(/\s+/g, '');
    for (const words of ['SIGN-OFF', '签字确认', 'DEVIATIONS:2', '偏差：2项', 'Page1of', '第1页'])
      expect(flat).toContain(words);
    const twin = renderReceiptText(chineseNamed('air-gapped'), { language: 'both' });
    expect(twin).toContain('KEYFERRY CEREMONY RECEIPT');
    expect(twin).toContain('KEYFERRY 密钥仪式回执');
    expect(twin.indexOf('KEYFERRY CEREMONY RECEIPT')).toBeLessThan(twin.indexOf('KEYFERRY 密钥仪式回执'));
  });
});

describe('a Chinese custody slip', () => {
  let material: KeyMaterial;
  beforeAll(async () => {
    material = await materialFor('AES_256');
  });
  afterAll(() => material.dispose());

  it('prints in Chinese for a Chinese custodian and its printed lines still type back into the share', async () => {
    const [share] = await splitMaterial({
      material,
      m: 2,
      n: 3,
      ceremonyId: 'KF-2025-0301-a',
      keyId: '0d0466b0-e727-4d9c-b35d-f84bb474a37f',
      spec: 'AES_256',
      custodians: ['王芳', '张伟', '李娜'],
    });
    if (!share) throw new Error('no share');
    for (const language of ['zh-CN', 'both'] as const) {
      const slip = await renderCustodySlip(share, { language });
      expect(slip.html).toContain(language === 'zh-CN' ? '<html lang="zh-Hans-CN">' : '<html lang="en" class="both">');
      const { text, fonts } = await print(slip.html, `slip-${language}`);
      expect(notoRows(fonts).length).toBeGreaterThan(0);
      const flat = text.replace(/\s+/g, '');
      for (const words of ['Keyferry托管凭条：份额1/3', '王芳', '保管人签字', '见证人签字', '任意2份可重建密钥'])
        expect(flat).toContain(words);
      const back = parseTypedShare(text);
      expect(back.checksum).toBe(share.checksum);
      expect(slip.text).toContain('王芳');
    }
    share.share.dispose();
  });
});
