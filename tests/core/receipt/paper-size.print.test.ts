/**
 * Every paper a ceremony can choose at setup (PAPER_SIZES) prints the receipt legibly: each side's
 * receipt printed by Chromium on it, its page size read back with pdfinfo, every value a person
 * compares read back with pdftotext, page 1 kept as a PNG under test-results/receipts/.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReceiptHtml } from '../../../src-main/core/receipt';
import { PAPER_SIZES, type PaperSize } from '../../../src-main/core/receipt/paper-size';
import { groupHexLines } from '../../../src-main/core/hex-groups';
import { printerPerFile } from '../../helpers/browser';
import { HOSTILE, sampleReceiptInput } from './fixtures';

const OUT = path.resolve('test-results/receipts');
const SIDES = ['online', 'air-gapped'] as const;
const printer = printerPerFile(OUT);

/** What pdfinfo says of each paper. */
const PAGE_SIZE: Record<PaperSize, RegExp> = {
  A4: /Page size:\s+595\.\d+ x 842\.\d+ pts/,
  Letter: /Page size:\s+612 x 792 pts/,
};

describe.each(SIDES)('the %s receipt on each paper', (side) => {
  const input = sampleReceiptInput(side);
  const html = renderReceiptHtml(input);

  it.each(PAPER_SIZES)(
    'prints to a legible %s PDF (checked with pdftotext) and keeps page 1 as a PNG',
    async (format) => {
      const pageSize = PAGE_SIZE[format];
      const base = path.join(OUT, `receipt-${side}-${format}`);
      await printer.print(html, `${base}.pdf`, format);
      expect(execFileSync('pdfinfo', [`${base}.pdf`], { encoding: 'utf8' })).toMatch(pageSize);
      const pdfText = execFileSync('pdftotext', ['-layout', `${base}.pdf`, '-'], { encoding: 'utf8' });
      expect(pdfText).toContain('Keyferry ceremony receipt');
      expect(pdfText).toContain(input.ceremonyId);
      for (const key of input.keys) expect(pdfText).toContain(key.keyId);
      for (const line of [
        ...groupHexLines(input.parametersBundle?.digest ?? ''),
        ...groupHexLines(input.bundle.digest),
        ...groupHexLines(input.journal.headHash),
      ])
        expect(pdfText).toContain(line);
      expect(pdfText).toMatch(/DEVIATIONS: 2/i);
      for (const d of input.deviations) expect(pdfText).toContain(d.event);
      expect(pdfText).toContain(HOSTILE.script);
      expect(pdfText.match(/Signature/g)?.length).toBe(1 + input.witnesses.length);
      expect(pdfText.match(/\bDate\b/g)?.length).toBeGreaterThanOrEqual(1 + input.witnesses.length);
      expect(pdfText).toMatch(/Page 1 of \d+/);
      expect(pdfText).toContain(side === 'online' ? 'Imported; key state Enabled' : 'not applicable on this side');

      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        `${base}.pdf`,
        `${base}-page1`,
      ]);
      const png = readFileSync(`${base}-page1.png`);
      expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect(statSync(`${base}-page1.png`).size).toBeGreaterThan(10_000);
    },
  );
});
