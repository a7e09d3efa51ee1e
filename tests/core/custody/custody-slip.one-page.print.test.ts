/**
 * A custody set share slip fits one page whatever the ceremony: printed by Chromium in each language
 * a slip is printed in, on each paper a ceremony can choose, with the longest title (200 characters)
 * and custodian name (100, which lengthens the share itself to 22 typed lines) the ceremony accepts.
 * Before, every set slip took two pages, its QR code alone on the second. Each PDF's page count is
 * read back with pdfinfo, and its text, typed back with pdftotext, must still rebuild the share.
 * The PDFs stay under test-results/slips/.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyMaterial } from '../../../src-main/core/crypto/key-material';
import { renderCustodySlip } from '../../../src-main/core/custody/custody-slip';
import { splitCustodySet, type CustodySet } from '../../../src-main/core/custody/set-split';
import { parseTypedAnyShare } from '../../../src-main/core/custody/typed-share';
import { PAPER_SIZES } from '../../../src-main/core/receipt/paper-size';
import { RECEIPT_LANGUAGES } from '../../../src-main/core/receipt/receipt-languages';
import { printerPerFile } from '../../helpers/browser';
import { materialFor } from './helpers';

const OUT = path.resolve('test-results/slips');
const TITLE = 'Payments production keys, region cn-north-4 and its disaster-recovery pair; '.repeat(3).slice(0, 200);
const CUSTODIAN = 'Dana Whitfield-Okonkwo of Treasury Security Operations '.repeat(2).slice(0, 100).trim();

describe('a custody set share slip on paper', () => {
  const printer = printerPerFile(OUT);
  const material: KeyMaterial[] = [];
  let set: CustodySet;

  beforeAll(async () => {
    material.push(await materialFor('AES_256'), await materialFor('RSA_4096'));
    set = await splitCustodySet({
      ceremonyId: 'KF-20261206-abcdef',
      m: 2,
      n: 3,
      custodians: [CUSTODIAN, 'Eli', 'Fay'],
      keys: [
        { keyId: '0d0466b0-e727-4d9c-b35d-f84bb474a371', spec: 'AES_256', material: material[0] as KeyMaterial },
        { keyId: '0d0466b0-e727-4d9c-b35d-f84bb474a372', spec: 'RSA_4096', material: material[1] as KeyMaterial },
      ],
    });
  });
  afterAll(() => material.forEach((m) => m.dispose()));

  it.each(RECEIPT_LANGUAGES.flatMap((language) => PAPER_SIZES.map((paper) => [language, paper] as const)))(
    'in %s on %s: one page, whose text types back into the share',
    async (language, paper) => {
      const share = set.shares[0];
      if (!share) throw new Error('the split made no share');
      const slip = await renderCustodySlip(share, { language, context: { title: TITLE, splitAt: new Date() } });
      const pdf = path.join(OUT, `set-slip-${language}-${paper}.pdf`);
      await printer.print(slip.html, pdf, paper);
      expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/^Pages:\s+1$/m);
      // In the order the page draws it (-raw): the lines' two columns one after the other, as a person types them.
      const back = parseTypedAnyShare(execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }));
      expect(back.checksum).toBe(share.checksum);
    },
  );
});
