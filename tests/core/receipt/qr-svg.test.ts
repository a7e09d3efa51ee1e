/**
 * The QR codes decode back to their text. Decoded with tests/core/receipt/qr-decode.ts, an
 * independent decoder (ISO/IEC 18004, checks every Reed-Solomon block), from the SVG's own
 * geometry here and from Chromium's rendering in render-html.chromium.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { qrMatrix, qrSvg } from '../../../src-main/core/receipt';
import { prepareQrInSlices } from '../../../src-main/core/receipt/qr-svg';
import { sha256Hex } from '../../../src-main/core/fs/durable-file';
import { decodeQrMatrix, matrixFromSvg } from './qr-decode';

describe('qrSvg', () => {
  it('encodes a SHA-256 hex digest that decodes back, with error correction M and a 4-module quiet zone', () => {
    const digest = sha256Hex('bundle manifest');
    const svg = qrSvg(digest);
    const decoded = decodeQrMatrix(matrixFromSvg(svg));
    expect(decoded).toMatchObject({ text: digest, errorCorrection: 'M', version: 5 });
    expect(svg).toContain('viewBox="0 0 45 45"'); // 37 modules + 2 × 4
    expect(svg).toContain('data-modules="37"');
    expect(svg).not.toMatch(/https?:|xmlns/);
  });

  it('draws exactly the matrix it computes', () => {
    const text = 'KF-2025-0301-a';
    expect(matrixFromSvg(qrSvg(text))).toEqual(qrMatrix(text));
  });

  it('round-trips any printable ASCII text up to 200 characters', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
          minLength: 1,
          maxLength: 200,
        }),
        (text) => {
          expect(decodeQrMatrix(matrixFromSvg(qrSvg(text))).text).toBe(text);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses text a scanner might read differently (non-ASCII, control characters, empty)', () => {
    for (const text of ['', 'é', 'a\nb', '\u202e']) {
      expect(() => qrSvg(text)).toThrow(expect.objectContaining({ code: 'QR_TEXT_INVALID' }));
    }
  });

  it('prepareQrInSlices lets the event loop turn between masks, and qrSvg then draws the same symbol', async () => {
    const digest = sha256Hex('prepared seal');
    const direct = qrSvg(digest);
    // Counts the event loop's turns while the symbol is made: one per candidate mask.
    let turns = 0;
    let done = false;
    const spin = () => {
      turns++;
      if (!done) setImmediate(spin);
    };
    setImmediate(spin);
    await prepareQrInSlices(digest);
    done = true;
    expect(turns).toBeGreaterThanOrEqual(7);
    expect(qrSvg(digest)).toBe(direct);
    expect(decodeQrMatrix(matrixFromSvg(qrSvg(digest))).text).toBe(digest);
    await expect(prepareQrInSlices('é')).rejects.toMatchObject({ code: 'QR_TEXT_INVALID' });
  });

  it('escapes its label', () => {
    expect(qrSvg('x', { label: '"><script>' })).toContain('aria-label="&quot;&gt;&lt;script&gt;"');
  });
});
