/**
 * Dates with their time, times and ids stay whole when a receipt or a custody slip is printed:
 * Chromium broke "2025-03-01 09:10:00 UTC" after "2025-03-" and pdftotext read it back as
 * "2025-0301 09:10:00 UTC" (it drops a hyphen at a line end), and a key id's groups ran
 * together the same way. Each receipt and slip is printed by Chromium in English, Chinese and both
 * side by side (the narrowest columns) and read back with pdftotext: every such value is on one
 * line, and no form of it broken at a hyphen or a space is found; a slip's share file name is
 * printed whole too (it was cut "….jso" + "n").
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyMaterial } from '../../../src-main/core/crypto/key-material';
import { renderCustodySlip } from '../../../src-main/core/custody/custody-slip';
import { shareFileName } from '../../../src-main/core/custody/share-file';
import { splitMaterial } from '../../../src-main/core/custody/split';
import { renderReceiptHtml } from '../../../src-main/core/receipt';
import { RECEIPT_LANGUAGES } from '../../../src-main/core/receipt/receipt-languages';
import { printerPerFile } from '../../helpers/browser';
import { materialFor } from '../custody/helpers';
import { keyIdFor, sampleReceiptInput } from './fixtures';

const OUT = path.resolve('test-results/receipts/keep-whole');
const printer = printerPerFile(OUT);

async function printedText(html: string, name: string): Promise<string> {
  const pdf = path.join(OUT, `${name}.pdf`);
  await printer.print(html, pdf, 'A4');
  return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
}

/** `value` is printed, each time on one line: never cut at a hyphen (kept or dropped) or a space. */
function expectWhole(text: string, value: string): void {
  expect(
    text.split('\n').some((line) => line.includes(value)),
    `${value} whole on a line`,
  ).toBe(true);
  for (let i = 0; i < value.length; i++) {
    const broken =
      value[i] === '-'
        ? [`${value.slice(0, i)}${value.slice(i + 1)}`, `${value.slice(0, i + 1)}\n${value.slice(i + 1)}`]
        : value[i] === ' '
          ? [`${value.slice(0, i)}\n${value.slice(i + 1)}`]
          : [];
    for (const form of broken) expect(text, `${value} printed as ${JSON.stringify(form)}`).not.toContain(form);
  }
}

describe.each(RECEIPT_LANGUAGES)('an air-gapped receipt printed in %s', (language) => {
  it('keeps each date with its time, each time and each key id on one line', async () => {
    const input = sampleReceiptInput('air-gapped');
    const text = await printedText(renderReceiptHtml(input, { language }), `receipt-${language}`);
    for (const value of [
      '2025-03-01 09:30:05 UTC',
      '2025-03-01 09:10:00 UTC',
      '2025-03-01 09:20:00 UTC',
      'KF-2025-0301-a',
      ...input.keys.map((k) => k.keyId),
      keyIdFor('AES_256'),
    ])
      expectWhole(text, value);
  });
});

describe('a custody slip', () => {
  let material: KeyMaterial;
  beforeAll(async () => {
    material = await materialFor('AES_256');
  });
  afterAll(() => material.dispose());

  it.each(RECEIPT_LANGUAGES)(
    'printed in %s keeps its ceremony id, key id and file name on one line',
    async (language) => {
      const [share] = await splitMaterial({
        material,
        m: 2,
        n: 3,
        ceremonyId: 'KF-2025-0301-a',
        keyId: '0d0466b0-e727-4d9c-b35d-f84bb474a37f',
        spec: 'AES_256',
        custodians: ['王芳', 'Grace Hopper', '李娜'],
      });
      if (!share) throw new Error('no share');
      const slip = await renderCustodySlip(share, { language });
      const text = await printedText(slip.html, `slip-${language}`);
      for (const value of ['KF-2025-0301-a', '0d0466b0-e727-4d9c-b35d-f84bb474a37f', shareFileName(share)])
        expectWhole(text, value);
      share.share.dispose();
    },
  );
});
