/**
 * Receipts in a real browser (Debian's Chromium): parsed with no markup from input, fetching
 * nothing, and both QR codes decoded from Chromium's rendering (printing on each paper size:
 * paper-size.print.test.ts).
 *
 * QR check: Chromium on Linux has no BarcodeDetector, so each SVG is rendered by Chromium onto a
 * canvas, sampled module by module, and decoded with the independent decoder in qr-decode.ts.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReceiptHtml, renderReceiptText, visibleText } from '../../../src-main/core/receipt';
import { groupHexLines } from '../../../src-main/core/hex-groups';
import { newOfflinePage } from '../../support/chromium';
import { chromiumPerFile } from '../../helpers/browser';
import { HOSTILE, sampleReceiptInput } from './fixtures';
import { decodeQrMatrix } from './qr-decode';

/** The few browser globals the page functions use (tsconfig.node has no DOM lib, on purpose). */
interface PageElement {
  readonly attributes: ArrayLike<{ readonly name: string }>;
  getAttribute(name: string): string | null;
}
interface PageCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    imageSmoothingEnabled: boolean;
    drawImage(img: unknown, x: number, y: number, w: number, h: number): void;
    getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
  } | null;
}
interface PageGlobals {
  document: {
    querySelectorAll(selector: string): ArrayLike<PageElement & { viewBox: { baseVal: { width: number } } }>;
    querySelector(selector: string): PageElement | null;
    createElement(tag: 'canvas'): PageCanvas;
    body: { innerText: string };
  };
  Image: new () => { src: string; decode(): Promise<void> };
  XMLSerializer: new () => { serializeToString(node: unknown): string };
  btoa(data: string): string;
}

const OUT = path.resolve('test-results/receipts');
const SIDES = ['online', 'air-gapped'] as const;
const browser = chromiumPerFile(OUT);

/** Renders each `svg.qr` of the page onto a canvas in Chromium and reads its modules back. */
async function qrMatricesFromPage(html: string): Promise<boolean[][][]> {
  const { page, close } = await newOfflinePage(browser());
  try {
    await page.setContent(html);
    return await page.evaluate(async () => {
      const { document, Image, XMLSerializer, btoa } = globalThis as unknown as PageGlobals;
      const result: boolean[][][] = [];
      for (const svg of Array.from(document.querySelectorAll('svg.qr'))) {
        const total = svg.viewBox.baseVal.width;
        const scale = 8;
        const img = new Image();
        img.src = `data:image/svg+xml;base64,${btoa(new XMLSerializer().serializeToString(svg))}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = total * scale;
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no canvas');
        ctx.imageSmoothingEnabled = false;
        ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
        const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        const dark = (row: number, col: number): boolean => {
          const i = ((row * scale + scale / 2) * canvas.width + (col * scale + scale / 2)) * 4;
          return (pixels[i] ?? 255) < 128;
        };
        const quiet = 4;
        for (let i = 0; i < total; i += 1) {
          for (const [r, c] of [
            [i, 0],
            [0, i],
            [i, total - 1],
            [total - 1, i],
            [i, quiet - 1],
            [quiet - 1, i],
          ] as const) {
            if (dark(r, c)) throw new Error('the quiet zone is not white');
          }
        }
        const modules = total - 2 * quiet;
        result.push(
          Array.from({ length: modules }, (_, r) =>
            Array.from({ length: modules }, (_, c) => dark(r + quiet, c + quiet)),
          ),
        );
      }
      return result;
    });
  } finally {
    await close();
  }
}

describe.each(SIDES)('the %s receipt in Chromium', (side) => {
  const input = sampleReceiptInput(side);
  const html = renderReceiptHtml(input);
  const text = renderReceiptText(input);

  it('parses with no element or attribute from input, fetches nothing and shows hostile text literally', async () => {
    const { page, requests, close } = await newOfflinePage(browser());
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    try {
      await page.setContent(html, { waitUntil: 'load' });
      const dom = await page.evaluate(() => {
        const { document } = globalThis as unknown as PageGlobals;
        return {
          active: document.querySelectorAll(
            'script, img, iframe, object, embed, link, base, form, input, a, video, audio, source',
          ).length,
          riskyAttributes: Array.from(document.querySelectorAll('*'))
            .flatMap((el) => Array.from(el.attributes).map((a) => a.name))
            .filter((n) => /^on|^src$|^href$|^srcset$|^action$/i.test(n)),
          csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
          text: document.body.innerText,
          svgs: document.querySelectorAll('svg.qr').length,
        };
      });
      expect(dom.active).toBe(0);
      expect(dom.riskyAttributes).toEqual([]);
      expect(dom.csp).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:");
      expect(dom.svgs).toBe(3);
      expect(requests).toEqual([]);
      expect(dialogs).toEqual([]);
      for (const hostile of [
        HOSTILE.script,
        HOSTILE.img,
        HOSTILE.long,
        HOSTILE.arabic,
        HOSTILE.hebrew,
        'invoice[U+202E]txt.exe',
      ]) {
        expect(dom.text).toContain(hostile);
      }

      // The same facts as the plain-text twin.
      const facts = [
        input.ceremonyId,
        input.workstation.hostname,
        ...[input.operator, ...input.witnesses].map(visibleText),
        ...input.keys.flatMap((k) => [
          k.keyId,
          visibleText(k.alias),
          k.spec,
          k.usage,
          k.wrappingAlgorithm,
          ...k.outputFiles.map((f) => f.name),
          ...(k.custody?.holders.map((h) => h.custodian) ?? []),
        ]),
        ...input.people.map((p) => visibleText(p.name)),
        ...input.deviations.flatMap((d) => [d.event, visibleText(d.actor)]),
        ...[
          input.parametersBundle?.digest ?? '',
          input.bundle.digest,
          input.journal.headHash,
          ...input.keys.flatMap((k) => [
            k.wrappingKeyFingerprint,
            k.importTokenSha256,
            ...k.outputFiles.map((f) => f.sha256),
          ]),
        ].flatMap((h) => groupHexLines(h)),
      ];
      for (const fact of facts) {
        expect(dom.text).toContain(fact);
        expect(text).toContain(fact);
      }
    } finally {
      await close();
    }
  });

  it('has QR codes that decode, as rendered by Chromium, to both bundle digests and the journal head', async () => {
    const [parametersQr, bundleQr, journalQr] = await qrMatricesFromPage(html);
    expect(decodeQrMatrix(parametersQr!)).toMatchObject({
      text: input.parametersBundle?.digest,
      errorCorrection: 'M',
    });
    expect(decodeQrMatrix(bundleQr!)).toMatchObject({ text: input.bundle.digest, errorCorrection: 'M' });
    expect(decodeQrMatrix(journalQr!)).toMatchObject({ text: input.journal.headHash, errorCorrection: 'M' });
  });
});
