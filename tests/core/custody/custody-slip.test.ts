/**
 * Custody slips: self-contained, escaped HTML with the facts, signature lines, the share as
 * typed lines and QR codes; its text twin; and, where Chromium is installed, the printed PDF's
 * text typed back into a share.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyMaterial } from '../../../src-main/core/crypto/key-material';
import type { CustodyShare } from '../../../src-main/core/custody/custody-share';
import { renderCustodySlip, slipQrTexts } from '../../../src-main/core/custody/custody-slip';
import { splitMaterial } from '../../../src-main/core/custody/split';
import { parseTypedShare, typedShareLines } from '../../../src-main/core/custody/typed-share';
import { CHROMIUM_PATH } from '../../support/chromium';
import { printerPerFile } from '../../helpers/browser';
import { materialFor } from './helpers';

// Markup in a custodian's name is escaped on the slip. An invisible or bidi character (U+202E) never
// reaches a slip: the split refuses such a name (custodian-names.ts; the last case below), and
// text-safety.ts, tested on its own, shows one as [U+202E] wherever text from a file is printed.
const HOSTILE = 'Eve <script>alert("x")</script> & evil';

describe('custody slips', () => {
  let aes: KeyMaterial;
  let rsa: KeyMaterial;
  let aesShares: CustodyShare[];
  let rsaShare: CustodyShare;

  beforeAll(async () => {
    [aes, rsa] = await Promise.all([materialFor('AES_256'), materialFor('RSA_4096')]);
    aesShares = await splitMaterial({
      material: aes,
      m: 3,
      n: 5,
      ceremonyId: 'ceremony-7',
      keyId: '7e1b0c2a-2f4d-4c6e-9a8b-0c1d2e3f4a57',
      spec: 'AES_256',
      custodians: ['Alice', 'Bob', HOSTILE, 'Dave', 'Erin'],
    });
    rsaShare = (
      await splitMaterial({
        material: rsa,
        m: 2,
        n: 2,
        ceremonyId: 'ceremony-7',
        keyId: '8e1b0c2a-2f4d-4c6e-9a8b-0c1d2e3f4a58',
        spec: 'RSA_4096',
        custodians: ['Alice', 'Bob'],
      })
    )[1] as CustodyShare;
  });
  afterAll(() => [aes, rsa].forEach((m) => m.dispose()));

  it('carries the facts, the signature lines, the share lines and one QR code per 40 lines', async () => {
    const share = aesShares[1] as CustodyShare;
    const slip = await renderCustodySlip(share);
    expect(slip.htmlName).toBe('keyferry-share-7e1b0c2a-2f4d-4c6e-9a8b-0c1d2e3f4a57-2of5.slip.html');
    expect(slip.textName).toBe('keyferry-share-7e1b0c2a-2f4d-4c6e-9a8b-0c1d2e3f4a57-2of5.slip.txt');
    for (const doc of [slip.html, slip.text]) {
      for (const fact of [
        'ceremony-7',
        '7e1b0c2a-2f4d-4c6e-9a8b-0c1d2e3f4a57',
        'AES_256',
        '2 of 5 (any 3 shares rebuild the key',
        share.materialCheck.value,
        'Bob',
        'keyferry-share-7e1b0c2a-2f4d-4c6e-9a8b-0c1d2e3f4a57-2of5.json',
        'Custodian signature',
        'Witness signature',
        'Date:',
      ]) {
        expect(doc).toContain(fact);
      }
    }
    for (const line of typedShareLines(share)) expect(slip.text).toContain(line);
    const htmlText = slip.html.replace(/<[^>]+>/g, '');
    for (const line of typedShareLines(share)) expect(htmlText).toContain(line.replace(/\s+/g, ' '));
    expect(slip.html.match(/<svg class="qr"/g)).toHaveLength(1);
    const rsaSlip = await renderCustodySlip(rsaShare);
    const rsaLines = typedShareLines(rsaShare).length - 1;
    expect(rsaSlip.html.match(/<svg class="qr"/g)).toHaveLength(Math.ceil(rsaLines / 40));
    expect(rsaSlip.html).toContain(`lines ${Math.floor((rsaLines - 1) / 40) * 40 + 1}-${rsaLines}`);
    for (const text of slipQrTexts(rsaShare)) expect(text.length).toBeLessThanOrEqual(1000);
  });

  it('is self-contained and escapes what a user typed', async () => {
    const { html, text } = await renderCustodySlip(aesShares[2] as CustodyShare);
    expect(html.match(/<script|<link|<img|<iframe|\ssrc=|\shref=|url\(|@import|https?:/i)?.[0]).toBeUndefined();
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('@page');
    expect(html).toContain('Eve &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; evil');
    expect(text).toContain('Eve <script>alert("x")</script> & evil');
  });

  it('refuses to split for a custodian whose name carries a bidi override, so no slip prints it', async () => {
    const material = await materialFor('AES_256');
    try {
      await expect(
        splitMaterial({
          material,
          m: 2,
          n: 2,
          ceremonyId: 'ceremony-7',
          keyId: '9e1b0c2a-2f4d-4c6e-9a8b-0c1d2e3f4a59',
          spec: 'AES_256',
          custodians: ['Alice', 'Eve \u202Eevil'],
        }),
      ).rejects.toMatchObject({ code: 'CUSTODY_SET_CUSTODIAN_INVALID' });
    } finally {
      material.dispose();
    }
  });

  // One Chromium and one page print both slips (a headless Chromium started per slip cost a
  // second or more of CPU each).
  describe.skipIf(!existsSync(CHROMIUM_PATH))('on paper', () => {
    const printer = printerPerFile();

    it('prints in Chromium, and the printed text reads back as the share', async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'keyferry-slip-'));
      try {
        for (const share of [aesShares[0] as CustodyShare, rsaShare]) {
          const slip = await renderCustodySlip(share);
          const pdf = path.join(dir, `${slip.htmlName}.pdf`);
          await printer.print(slip.html, pdf);
          // In the order the page draws it (-raw): one QR code's lines stand in two columns beside it.
          const printed = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
          const back = parseTypedShare(printed);
          expect(back.checksum).toBe(share.checksum);
          expect(back.share.use((b) => Buffer.from(b)).equals(share.share.use((b) => Buffer.from(b)))).toBe(true);
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
});
