/**
 * Reads the QR codes of a printed PDF the way a scanner would read the paper: each page rendered
 * to a grey raster by poppler's `pdftoppm`, every square cluster of dark pixels of the expected
 * size with a finder pattern in three corners taken as one symbol, its modules sampled at their centres and decoded with the independent
 * decoder (qr-decode.ts). Nothing is taken from the HTML that was printed.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { decodeQrMatrix } from '../receipt/qr-decode';

const run = promisify(execFile);

interface Raster {
  readonly width: number;
  readonly height: number;
  readonly dark: Uint8Array;
}

/** A binary PGM (P5, 8-bit) as dark/light pixels. */
function readPgm(bytes: Buffer): Raster {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const [whole, w, h] = header;
  const width = Number(w);
  const height = Number(h);
  const pixels = bytes.subarray(whole.length, whole.length + width * height);
  return { width, height, dark: Uint8Array.from(pixels, (v) => (v < 128 ? 1 : 0)) };
}

/** Bounding boxes of clusters of dark pixels, joining pixels up to `gap` apart (on a block grid). */
function clusters(r: Raster, block: number, gap: number): { x0: number; y0: number; x1: number; y1: number }[] {
  const bw = Math.ceil(r.width / block);
  const bh = Math.ceil(r.height / block);
  const blocks = new Uint8Array(bw * bh);
  for (let y = 0; y < r.height; y += 1)
    for (let x = 0; x < r.width; x += 1)
      if (r.dark[y * r.width + x]) blocks[((y / block) | 0) * bw + ((x / block) | 0)] = 1;
  const seen = new Uint8Array(bw * bh);
  const boxes: { x0: number; y0: number; x1: number; y1: number }[] = [];
  for (let start = 0; start < blocks.length; start += 1) {
    if (!blocks[start] || seen[start]) continue;
    const stack = [start];
    seen[start] = 1;
    let bx0 = bw;
    let by0 = bh;
    let bx1 = 0;
    let by1 = 0;
    while (stack.length) {
      const at = stack.pop() as number;
      const bx = at % bw;
      const by = (at / bw) | 0;
      bx0 = Math.min(bx0, bx);
      by0 = Math.min(by0, by);
      bx1 = Math.max(bx1, bx);
      by1 = Math.max(by1, by);
      for (let dy = -gap; dy <= gap; dy += 1)
        for (let dx = -gap; dx <= gap; dx += 1) {
          const nx = bx + dx;
          const ny = by + dy;
          const n = ny * bw + nx;
          if (nx < 0 || ny < 0 || nx >= bw || ny >= bh || seen[n] || !blocks[n]) continue;
          seen[n] = 1;
          stack.push(n);
        }
    }
    // Shrink the block box to the dark pixels inside it.
    let x0 = r.width;
    let y0 = r.height;
    let x1 = -1;
    let y1 = -1;
    for (let y = by0 * block; y < Math.min(r.height, (by1 + 1) * block); y += 1)
      for (let x = bx0 * block; x < Math.min(r.width, (bx1 + 1) * block); x += 1)
        if (r.dark[y * r.width + x]) {
          x0 = Math.min(x0, x);
          y0 = Math.min(y0, y);
          x1 = Math.max(x1, x);
          y1 = Math.max(y1, y);
        }
    boxes.push({ x0, y0, x1, y1 });
  }
  return boxes;
}

/** Samples a `modules`-wide symbol in `box` (the majority of a small square at each module's centre). */
function sample(r: Raster, box: { x0: number; y0: number; x1: number; y1: number }, modules: number): boolean[][] {
  const width = (box.x1 - box.x0 + 1) / modules;
  const height = (box.y1 - box.y0 + 1) / modules;
  const reach = Math.max(0, Math.floor(Math.min(width, height) / 4));
  return Array.from({ length: modules }, (_, row) =>
    Array.from({ length: modules }, (_, col) => {
      const cx = Math.round(box.x0 + (col + 0.5) * width);
      const cy = Math.round(box.y0 + (row + 0.5) * height);
      let dark = 0;
      let all = 0;
      for (let y = cy - reach; y <= cy + reach; y += 1)
        for (let x = cx - reach; x <= cx + reach; x += 1) {
          dark += r.dark[y * r.width + x] ?? 0;
          all += 1;
        }
      return dark * 2 > all;
    }),
  );
}

/** True when the 7 × 7 modules at (row, col) are a finder pattern (dark ring, light ring, dark 3 × 3). */
function finderAt(m: boolean[][], row: number, col: number): boolean {
  for (let r = 0; r < 7; r += 1)
    for (let c = 0; c < 7; c += 1) {
      const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
      if (m[row + r]?.[col + c] !== (ring !== 2)) return false;
    }
  return true;
}

/**
 * The texts of every QR code of `version` printed in `pdf`, page by page, top to bottom. `work` is
 * a folder for the page images. Throws when a symbol-sized cluster does not decode. 200 dpi, an
 * ordinary scanner's setting, gives a 32 mm version-10 symbol about 3.9 pixels per module, enough
 * for the three-pixel floor below; 300 dpi read the same codes at twice the pixels (about 7 of
 * the backup test's 27 CPU-seconds).
 */
export async function qrTextsFromPdf(pdf: string, work: string, version: number, dpi = 200): Promise<string[]> {
  await run('pdftoppm', ['-r', String(dpi), '-gray', pdf, path.join(work, 'page')]);
  const pages = (await readdir(work)).filter((f) => /^page-\d+\.pgm$/.test(f)).sort();
  const modules = 17 + 4 * version;
  const texts: string[] = [];
  for (const page of pages) {
    const raster = readPgm(await readFile(path.join(work, page)));
    const boxes = clusters(raster, 4, 2)
      .filter((b) => {
        const w = b.x1 - b.x0 + 1;
        const h = b.y1 - b.y0 + 1;
        return w >= modules * 3 && Math.abs(w - h) <= w / 50;
      })
      .sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
    for (const box of boxes) {
      // Like a scanner, take only what has the three finder patterns of a symbol in its corners.
      const m = sample(raster, box, modules);
      if (finderAt(m, 0, 0) && finderAt(m, 0, modules - 7) && finderAt(m, modules - 7, 0))
        texts.push(decodeQrMatrix(m).text);
    }
  }
  return texts;
}
