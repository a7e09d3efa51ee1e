/**
 * Chinese on paper without the machine's fonts: a receipt or custody slip that holds CJK
 * characters carries, inside its own <style>, a subset of Noto Sans SC with exactly the glyphs it
 * uses, as data: URLs, so Chromium (and any browser) renders and prints it the same on an
 * air-gapped workstation or CI machine with no CJK font installed.
 *
 * Font: Noto Sans SC 400 from @fontsource/noto-sans-sc (SIL Open Font License 1.1: embedding,
 * subsetting and redistribution allowed; its only Reserved Font Name, "Source", is not used here).
 * The package ships it split by Unicode range into ~100 WOFF files; each file whose range holds a
 * character of the document is unpacked (WOFF 1.0 is zlib per table) and cut down with HarfBuzz's
 * own subsetter (hb-subset, from the `harfbuzzjs` WebAssembly build: the subsetter Google Fonts and
 * browsers trust, whose output passes Chromium's font sanitizer) to the characters used. One
 * @font-face per file, limited by `unicode-range` to those characters.
 *
 * The family comes FIRST in every font stack (receipt-css.ts): its faces cover only CJK code
 * points, so Latin text still falls through to the system fonts; listed after them, Chromium drew
 * some Chinese headings and table cells of a `lang="zh"` page as missing-glyph boxes even though
 * the embedded font held those glyphs (seen on Chromium 156 on Debian 12 with no CJK system font).
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { KeyferryError } from '../errors';
import { yieldToEventLoop } from '../yield';

/** The family name receipts and slips list after the Latin system fonts. */
export const CJK_FONT_FAMILY = 'Keyferry Noto Sans SC';

/**
 * Characters the embedded font serves: CJK radicals to CJK unified ideographs (with CJK punctuation,
 * kana, bopomofo, extension A), compatibility ideographs, vertical and compatibility forms,
 * full-width forms, and the supplementary ideograph planes.
 */
const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFE10-\uFE1F\uFE30-\uFE4F\uFF00-\uFFEF\u{20000}-\u{3FFFF}]/gu;

/** The CJK code points in `text`, each once, in ascending order. */
export function cjkCodePoints(text: string): number[] {
  const found = new Set<number>();
  for (const match of text.matchAll(CJK)) found.add(match[0].codePointAt(0) ?? 0);
  return [...found].sort((a, b) => a - b);
}

interface FontChunk {
  readonly file: string;
  readonly ranges: readonly (readonly [number, number])[];
}

function fontMissing(what: string, error?: unknown): never {
  throw new KeyferryError('RECEIPT_FONT_MISSING', {
    what,
    reason: error instanceof Error ? error.message : 'not found',
  });
}

/** Where the font package lies: next to the app's resources when packaged, else in node_modules. */
function packageFile(request: string): string {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) {
    const packaged = path.join(resources, 'fonts', path.basename(request));
    try {
      readFileSync(packaged, { flag: 'r' });
      return packaged;
    } catch {
      // not packaged: resolve from node_modules below
    }
  }
  try {
    return require.resolve(request);
  } catch (error) {
    return fontMissing(request, error);
  }
}

let chunksCache: readonly FontChunk[] | undefined;

/** The package's Unicode-range chunks, read from its 400.css. */
function fontChunks(): readonly FontChunk[] {
  if (chunksCache) return chunksCache;
  const cssPath = packageFile('@fontsource/noto-sans-sc/400.css');
  const css = readFileSync(cssPath, 'utf8');
  const chunks: FontChunk[] = [];
  for (const rule of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([\w-]+\.woff)\)/.exec(rule)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(rule)?.[1];
    if (!file || !range) continue;
    const ranges = range.split(',').map((part): [number, number] => {
      const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
      const start = parseInt(from ?? '', 16);
      return [start, to === undefined ? start : parseInt(to, 16)];
    });
    chunks.push({ file: path.join(path.dirname(cssPath), 'files', file), ranges });
  }
  if (chunks.length === 0) fontMissing(cssPath);
  chunksCache = chunks;
  return chunks;
}

/** A WOFF 1.0 file as the plain sfnt (TrueType) it wraps: each table inflated, offsets rebuilt. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 file');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: { tag: Buffer; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const stored = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(stored) : Buffer.from(stored);
    if (data.length !== origLength) throw new Error('a WOFF table does not inflate to its stated length');
    tables.push({ tag: woff.subarray(at, at + 4), checksum: woff.readUInt32BE(at + 16), data });
  }
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= numTables) entrySelector++;
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + numTables * 16);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    t.tag.copy(header, at);
    header.writeUInt32BE(t.checksum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(t.data.length, at + 12);
    const padded = Buffer.alloc((t.data.length + 3) & ~3);
    t.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

interface HbSubset {
  readonly memory: { readonly buffer: ArrayBuffer };
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, codepoint: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

let hbCache: HbSubset | undefined;

/** Node's WebAssembly (the node tsconfig has no DOM lib, where its types live). */
const wasm = (
  globalThis as unknown as {
    WebAssembly: {
      Module: new (bytes: Uint8Array) => object;
      Instance: new (module: object, imports: object) => { exports: unknown };
      compile(bytes: Uint8Array): Promise<object>;
    };
  }
).WebAssembly;

function subsetterPath(): string {
  return packageFile('harfbuzzjs/dist/harfbuzz-subset.wasm');
}

function hbSubset(): HbSubset {
  if (hbCache) return hbCache;
  const wasmPath = subsetterPath();
  let bytes: Buffer;
  try {
    bytes = readFileSync(wasmPath);
  } catch (error) {
    return fontMissing(wasmPath, error);
  }
  // The subsetter imports nothing: a pure function of the bytes it is given.
  hbCache = new wasm.Instance(new wasm.Module(bytes), {}).exports as HbSubset;
  return hbCache;
}

/** `hbSubset()` with the file read and the WebAssembly compiled off the event loop. */
async function hbSubsetLoaded(): Promise<HbSubset> {
  if (hbCache) return hbCache;
  const wasmPath = subsetterPath();
  let bytes: Buffer;
  try {
    bytes = await readFile(wasmPath);
  } catch (error) {
    return fontMissing(wasmPath, error);
  }
  const module = await wasm.compile(bytes);
  hbCache ??= new wasm.Instance(module, {}).exports as HbSubset;
  return hbCache;
}

const HB_MEMORY_MODE_WRITABLE = 2;
/** Drop hinting instructions: print resolution needs none, and they are most of a glyph's bytes. */
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;

/** `sfnt` cut down to the glyphs of `codePoints` (and those they need), as a TrueType file. */
export function subsetFont(sfnt: Buffer, codePoints: readonly number[]): Buffer {
  const hb = hbSubset();
  const ptr = hb.malloc(sfnt.length);
  new Uint8Array(hb.memory.buffer, ptr, sfnt.length).set(sfnt);
  const blob = hb.hb_blob_create(ptr, sfnt.length, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  const input = hb.hb_subset_input_create_or_fail();
  if (input === 0) {
    hb.hb_face_destroy(face);
    hb.free(ptr);
    throw new Error('hb-subset could not allocate its input');
  }
  hb.hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
  const unicodes = hb.hb_subset_input_unicode_set(input);
  for (const cp of codePoints) hb.hb_set_add(unicodes, cp);
  const subset = hb.hb_subset_or_fail(face, input);
  hb.hb_subset_input_destroy(input);
  hb.hb_face_destroy(face);
  hb.free(ptr);
  if (subset === 0) throw new Error('hb-subset could not subset the font');
  const result = hb.hb_face_reference_blob(subset);
  const length = hb.hb_blob_get_length(result);
  const data = hb.hb_blob_get_data(result, 0);
  const out = Buffer.from(new Uint8Array(hb.memory.buffer, data, length));
  hb.hb_blob_destroy(result);
  hb.hb_face_destroy(subset);
  if (length === 0) throw new Error('hb-subset returned an empty font');
  return out;
}

function unicodeRange(codePoints: readonly number[]): string {
  return codePoints.map((cp) => `U+${cp.toString(16).toUpperCase()}`).join(', ');
}

/** The font chunks holding `codePoints`, each with its code points (characters the font lacks are left out). */
function chunksFor(codePoints: readonly number[]): Map<FontChunk, number[]> {
  const byChunk = new Map<FontChunk, number[]>();
  const chunks = fontChunks();
  for (const cp of codePoints) {
    const chunk = chunks.find((c) => c.ranges.some(([from, to]) => cp >= from && cp <= to));
    if (chunk) byChunk.set(chunk, [...(byChunk.get(chunk) ?? []), cp]);
  }
  return byChunk;
}

/** One chunk's @font-face: its WOFF cut to `cps`, as a data: URL limited to those characters. */
function chunkFace(woff: Buffer, cps: readonly number[]): string {
  const ttf = subsetFont(woffToSfnt(woff), cps);
  return `@font-face { font-family: "${CJK_FONT_FAMILY}"; font-style: normal; font-weight: 400 700; src: url(data:font/ttf;base64,${ttf.toString('base64')}) format("truetype"); unicode-range: ${unicodeRange(cps)}; }`;
}

/**
 * The @font-face rules (data: URLs) that render every CJK character of `codePoints`, one per font
 * chunk used, each cut to its characters; characters the font lacks are left to the system.
 */
function cjkFontFaces(codePoints: readonly number[]): string {
  if (codePoints.length === 0) return '';
  const faces: string[] = [];
  for (const [chunk, cps] of chunksFor(codePoints)) {
    let woff: Buffer;
    try {
      woff = readFileSync(chunk.file);
    } catch (error) {
      return fontMissing(chunk.file, error);
    }
    faces.push(chunkFace(woff, cps));
  }
  return faces.join('\n');
}

/** `html` with `faces` at the start of its first <style> (unchanged when there are none). */
function withFaces(html: string, faces: string): string {
  if (faces === '') return html;
  const at = html.indexOf('<style>');
  if (at < 0) throw new Error('embedCjkFont: the document has no <style> element');
  return `${html.slice(0, at + 7)}\n${faces}\n${html.slice(at + 7)}`;
}

/**
 * `html` with the font subset for its CJK characters placed at the start of its first <style>
 * (unchanged when it has none). Characters in markup count too: a name in an attribute is rare,
 * and a few extra glyphs cost less than a missing one.
 */
export function embedCjkFont(html: string): string {
  return withFaces(html, cjkFontFaces(cjkCodePoints(html)));
}

/**
 * `embedCjkFont` without holding the event loop: the files are read and the subsetter compiled
 * off it, and each font chunk is cut in a turn of its own. The same document, byte for byte.
 */
export async function embedCjkFontInSlices(html: string): Promise<string> {
  const codePoints = cjkCodePoints(html);
  if (codePoints.length === 0) return html;
  await hbSubsetLoaded();
  const faces: string[] = [];
  for (const [chunk, cps] of chunksFor(codePoints)) {
    let woff: Buffer;
    try {
      woff = await readFile(chunk.file);
    } catch (error) {
      return fontMissing(chunk.file, error);
    }
    await yieldToEventLoop();
    faces.push(chunkFace(woff, cps));
  }
  return withFaces(html, faces.join('\n'));
}
