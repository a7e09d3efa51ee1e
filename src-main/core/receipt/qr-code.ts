/**
 * A QR encoder for what receipts, slips and backup printouts print: byte mode, error correction
 * level M, versions 1-40 (ISO/IEC 18004). It makes exactly the symbols qrcode-generator 2.0.4 makes
 * (the test compares them module for module), including that library's choice of mask (its own
 * penalty score, computed with the format and version areas light), so a printout stays the same.
 *
 * Why not the library: it builds each of the eight candidate masks in nested arrays read through
 * function calls, which costs 12-37 ms for the first code of a process (before the JIT warms up), one
 * stall of the main process. Here the modules are bytes, the data is placed once and each mask only
 * flips the data modules: a few milliseconds cold, and `qrModulesSteps` lets a caller run one
 * mask per turn of the event loop.
 */

/** Error correction blocks per version, level M: [count, total codewords, data codewords, ...]. */
const BLOCKS_M: readonly (readonly number[])[] = [
  [1, 26, 16], [1, 44, 28], [1, 70, 44], [2, 50, 32], [2, 67, 43], [4, 43, 27], [4, 49, 31],
  [2, 60, 38, 2, 61, 39], [3, 58, 36, 2, 59, 37], [4, 69, 43, 1, 70, 44], [1, 80, 50, 4, 81, 51],
  [6, 58, 36, 2, 59, 37], [8, 59, 37, 1, 60, 38], [4, 64, 40, 5, 65, 41], [5, 65, 41, 5, 66, 42],
  [7, 73, 45, 3, 74, 46], [10, 74, 46, 1, 75, 47], [9, 69, 43, 4, 70, 44], [3, 70, 44, 11, 71, 45],
  [3, 67, 41, 13, 68, 42], [17, 68, 42], [17, 74, 46], [4, 75, 47, 14, 76, 48], [6, 73, 45, 14, 74, 46],
  [8, 75, 47, 13, 76, 48], [19, 74, 46, 4, 75, 47], [22, 73, 45, 3, 74, 46], [3, 73, 45, 23, 74, 46],
  [21, 73, 45, 7, 74, 46], [19, 75, 47, 10, 76, 48], [2, 74, 46, 29, 75, 47], [10, 74, 46, 23, 75, 47],
  [14, 74, 46, 21, 75, 47], [14, 74, 46, 23, 75, 47], [12, 75, 47, 26, 76, 48], [6, 75, 47, 34, 76, 48],
  [29, 74, 46, 14, 75, 47], [13, 74, 46, 32, 75, 47], [40, 75, 47, 7, 76, 48], [18, 75, 47, 31, 76, 48],
]; // prettier-ignore

/** Centres of the alignment patterns per version (rows and columns alike). */
const ALIGNMENT: readonly (readonly number[])[] = [
  [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50],
  [6, 30, 54], [6, 32, 58], [6, 34, 62], [6, 26, 46, 66], [6, 26, 48, 70], [6, 26, 50, 74], [6, 30, 54, 78],
  [6, 30, 56, 82], [6, 30, 58, 86], [6, 34, 62, 90], [6, 28, 50, 72, 94], [6, 26, 50, 74, 98],
  [6, 30, 54, 78, 102], [6, 28, 54, 80, 106], [6, 32, 58, 84, 110], [6, 30, 58, 86, 114], [6, 34, 62, 90, 118],
  [6, 26, 50, 74, 98, 122], [6, 30, 54, 78, 102, 126], [6, 26, 52, 78, 104, 130], [6, 30, 56, 82, 108, 134],
  [6, 34, 60, 86, 112, 138], [6, 30, 58, 86, 114, 142], [6, 34, 62, 90, 118, 146],
  [6, 30, 54, 78, 102, 126, 150], [6, 24, 50, 76, 102, 128, 154], [6, 28, 54, 80, 106, 132, 158],
  [6, 32, 58, 84, 110, 136, 162], [6, 26, 54, 82, 110, 138, 166], [6, 30, 58, 86, 114, 142, 170],
]; // prettier-ignore

export const QR_MAX_VERSION = 40;

/** GF(256) with x^8 + x^4 + x^3 + x^2 + 1, as QR codes use. */
const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
for (let i = 0, x = 1; i < 255; i++) {
  EXP[i] = x;
  LOG[x] = i;
  x <<= 1;
  if (x & 0x100) x ^= 0x11d;
}
for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255]!;

/** The generator polynomial of `degree` error correction codewords, highest power first (leading 1). */
function generator(degree: number): Uint8Array {
  let poly = Uint8Array.of(1);
  for (let i = 0; i < degree; i++) {
    const next = new Uint8Array(poly.length + 1);
    for (let j = 0; j < poly.length; j++) {
      next[j]! ^= poly[j]!;
      if (poly[j]) next[j + 1]! ^= EXP[LOG[poly[j]!]! + i]!;
    }
    poly = next;
  }
  return poly;
}

/** The error correction codewords of one block: the remainder of data·x^n divided by the generator. */
function errorCorrection(data: Uint8Array, count: number): Uint8Array {
  const gen = generator(count);
  const rest = new Uint8Array(count);
  for (const byte of data) {
    const factor = byte ^ rest[0]!;
    rest.copyWithin(0, 1);
    rest[count - 1] = 0;
    if (factor === 0) continue;
    const log = LOG[factor]!;
    for (let j = 0; j < count; j++) if (gen[j + 1]) rest[j]! ^= EXP[LOG[gen[j + 1]!]! + log]!;
  }
  return rest;
}

function blocksOf(version: number): { total: number; data: number }[] {
  const row = BLOCKS_M[version - 1]!;
  const blocks: { total: number; data: number }[] = [];
  for (let i = 0; i < row.length; i += 3) {
    for (let n = 0; n < row[i]!; n++) blocks.push({ total: row[i + 1]!, data: row[i + 2]! });
  }
  return blocks;
}

const dataCapacityBits = (version: number) => blocksOf(version).reduce((sum, b) => sum + b.data, 0) * 8;
const countBits = (version: number) => (version < 10 ? 8 : 16);
const bitsFor = (bytes: Uint8Array, version: number) => 4 + countBits(version) + 8 * bytes.length;

/** The smallest version whose data codewords hold `bytes` in byte mode. */
function smallestVersion(bytes: Uint8Array): number {
  for (let version = 1; version <= QR_MAX_VERSION; version++) {
    if (bitsFor(bytes, version) <= dataCapacityBits(version)) return version;
  }
  throw new RangeError(`${bytes.length} bytes do not fit in a QR code`);
}

/** Mode, count, data, terminator, padding; then each block's error correction; interleaved. */
function codewords(bytes: Uint8Array, version: number): Uint8Array {
  const capacity = dataCapacityBits(version);
  if (bitsFor(bytes, version) > capacity) {
    throw new RangeError(`${bytes.length} bytes do not fit in a version ${version} QR code`);
  }
  const data = new Uint8Array(capacity / 8);
  let bit = 0;
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--, bit++) if ((value >>> i) & 1) data[bit >> 3]! |= 0x80 >> (bit & 7);
  };
  put(0b0100, 4);
  put(bytes.length, countBits(version));
  for (const byte of bytes) put(byte, 8);
  if (bit + 4 <= capacity) bit += 4; // terminator (zeros)
  bit = (bit + 7) & ~7;
  for (let pad = 0; bit < capacity; pad ^= 1) put(pad ? 0x11 : 0xec, 8);

  const blocks = blocksOf(version);
  const dataBlocks: Uint8Array[] = [];
  const ecBlocks: Uint8Array[] = [];
  let offset = 0;
  for (const block of blocks) {
    const part = data.subarray(offset, offset + block.data);
    offset += block.data;
    dataBlocks.push(part);
    ecBlocks.push(errorCorrection(part, block.total - block.data));
  }
  const out = new Uint8Array(blocks.reduce((sum, b) => sum + b.total, 0));
  let at = 0;
  for (const group of [dataBlocks, ecBlocks]) {
    const longest = Math.max(...group.map((b) => b.length));
    for (let i = 0; i < longest; i++) for (const b of group) if (i < b.length) out[at++] = b[i]!;
  }
  return out;
}

const bitLength = (value: number) => 32 - Math.clz32(value);

/** BCH code of `data` with the generator `g` (format information: 15 bits; version information: 18). */
function bch(data: number, g: number, shift: number): number {
  let d = data << shift;
  while (bitLength(d) >= bitLength(g)) d ^= g << (bitLength(d) - bitLength(g));
  return (data << shift) | d;
}
const G15 = 0b10100110111;
const G18 = 0b1111100100101;
const G15_MASK = 0b101010000010010;
/** Level M is 0 in the format information's two error correction bits. */
const formatBits = (mask: number) => bch(mask, G15, 10) ^ G15_MASK;

/** The eight masks (ISO/IEC 18004 table 10): how many, and which flip the module at row i, column j (bit m: mask m). */
const MASK_COUNT = 8;
function maskFlips(i: number, j: number): number {
  const sum = i + j;
  const product = i * j;
  return (
    (sum % 2 === 0 ? 1 : 0) |
    (i % 2 === 0 ? 2 : 0) |
    (j % 3 === 0 ? 4 : 0) |
    (sum % 3 === 0 ? 8 : 0) |
    ((Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0 ? 16 : 0) |
    ((product % 2) + (product % 3) === 0 ? 32 : 0) |
    (((product % 2) + (product % 3)) % 2 === 0 ? 64 : 0) |
    (((product % 3) + (sum % 2)) % 2 === 0 ? 128 : 0)
  );
}

/** The data modules: where each lies, its unmasked bit, and which masks flip it (maskFlips). */
interface DataModules {
  readonly at: Int32Array;
  readonly bits: Uint8Array;
  readonly flips: Uint8Array;
}

/** A symbol under construction: one byte per module (1 dark), and which modules are function patterns. */
class QrSymbol {
  readonly size: number;
  readonly dark: Uint8Array;
  readonly fixed: Uint8Array;

  constructor(readonly version: number) {
    this.size = version * 4 + 17;
    this.dark = new Uint8Array(this.size * this.size);
    this.fixed = new Uint8Array(this.size * this.size);
  }

  set(row: number, col: number, dark: boolean): void {
    const at = row * this.size + col;
    this.dark[at] = dark ? 1 : 0;
    this.fixed[at] = 1;
  }

  /** Finder patterns, their separators, alignment and timing patterns; format and version areas light. */
  functionPatterns(): void {
    const n = this.size;
    for (const [row, col] of [
      [0, 0],
      [n - 7, 0],
      [0, n - 7],
    ] as const) {
      for (let r = -1; r <= 7; r++) {
        for (let c = -1; c <= 7; c++) {
          if (row + r < 0 || row + r >= n || col + c < 0 || col + c >= n) continue;
          const ring = (r >= 0 && r <= 6 && (c === 0 || c === 6)) || (c >= 0 && c <= 6 && (r === 0 || r === 6));
          this.set(row + r, col + c, ring || (r >= 2 && r <= 4 && c >= 2 && c <= 4));
        }
      }
    }
    const centres = ALIGNMENT[this.version - 1]!;
    for (const row of centres) {
      for (const col of centres) {
        if (this.fixed[row * n + col]) continue; // under a finder pattern
        for (let r = -2; r <= 2; r++) {
          for (let c = -2; c <= 2; c++) {
            this.set(row + r, col + c, r === -2 || r === 2 || c === -2 || c === 2 || (r === 0 && c === 0));
          }
        }
      }
    }
    for (let i = 8; i < n - 8; i++) {
      if (!this.fixed[i * n + 6]) this.set(i, 6, i % 2 === 0);
      if (!this.fixed[6 * n + i]) this.set(6, i, i % 2 === 0);
    }
    this.formatInformation(undefined);
  }

  /** The format information of `mask` (all light while masks are compared), the dark module, the version. */
  formatInformation(mask: number | undefined): void {
    const n = this.size;
    const bits = mask === undefined ? 0 : formatBits(mask);
    for (let i = 0; i < 15; i++) {
      const dark = ((bits >> i) & 1) === 1;
      this.set(i < 6 ? i : i < 8 ? i + 1 : n - 15 + i, 8, dark);
      this.set(8, i < 8 ? n - i - 1 : i < 9 ? 15 - i : 14 - i, dark);
    }
    this.set(n - 8, 8, mask !== undefined);
    if (this.version >= 7) {
      const version = mask === undefined ? 0 : bch(this.version, G18, 12);
      for (let i = 0; i < 18; i++) {
        const dark = ((version >> i) & 1) === 1;
        this.set(Math.floor(i / 3), (i % 3) + n - 11, dark);
        this.set((i % 3) + n - 11, Math.floor(i / 3), dark);
      }
    }
  }

  /** The data modules in placement order (two-column zigzag from the bottom right), their unmasked bits and masks. */
  placement(words: Uint8Array): DataModules {
    const n = this.size;
    const at: number[] = [];
    let row = n - 1;
    let step = -1;
    for (let col = n - 1; col > 0; col -= 2) {
      if (col === 6) col -= 1;
      for (;;) {
        for (let c = 0; c < 2; c++) if (!this.fixed[row * n + col - c]) at.push(row * n + col - c);
        row += step;
        if (row < 0 || row >= n) {
          row -= step;
          step = -step;
          break;
        }
      }
    }
    const bits = new Uint8Array(at.length);
    for (let k = 0; k < at.length && k >> 3 < words.length; k++) bits[k] = (words[k >> 3]! >> (7 - (k & 7))) & 1;
    // Each module's eight mask bits at once: the masks then only read them.
    const flips = new Uint8Array(at.length);
    for (let k = 0; k < at.length; k++) flips[k] = maskFlips(Math.floor(at[k]! / n), at[k]! % n);
    return { at: Int32Array.from(at), bits, flips };
  }

  /** The data modules under `mask`. */
  mask(mask: number, data: DataModules): void {
    const { at, bits, flips } = data;
    for (let k = 0; k < at.length; k++) this.dark[at[k]!] = bits[k]! ^ ((flips[k]! >> mask) & 1);
  }

  /**
   * qrcode-generator's penalty score (its QRUtil.getLostPoint): the mask with the lowest is used.
   * The same integer sums, in one pass over the rows: a module's like neighbours from the dark
   * count of its 3×3 box (row sums of three), its 2×2 block from two row pairs, and the 1:1:3:1:1
   * runs from a seven-module window along each row and down each column.
   */
  penalty(): number {
    const n = this.size;
    const d = this.dark;
    // Each module with its left and right neighbours, dark ones counted.
    const across = new Uint8Array(n * n);
    for (let at = 0; at < n * n; at += n) {
      for (let col = 0; col < n; col++) {
        across[at + col] = d[at + col]! + (col > 0 ? d[at + col - 1]! : 0) + (col < n - 1 ? d[at + col + 1]! : 0);
      }
    }
    const down = new Uint8Array(n);
    let lost = 0;
    let darkCount = 0;
    for (let row = 0; row < n; row++) {
      const here = row * n;
      const above = row > 0;
      const below = row < n - 1;
      const rows = 1 + (above ? 1 : 0) + (below ? 1 : 0);
      let window = 0;
      for (let col = 0; col < n; col++) {
        const dark = d[here + col]!;
        darkCount += dark;
        const box = across[here + col]! + (above ? across[here - n + col]! : 0) + (below ? across[here + n + col]! : 0);
        const neighbours = rows * (1 + (col > 0 ? 1 : 0) + (col < n - 1 ? 1 : 0)) - 1;
        const same = dark === 1 ? box - 1 : neighbours - box;
        if (same > 5) lost += 3 + same - 5;
        if (below && col < n - 1) {
          const count = d[here + col]! + d[here + n + col]! + d[here + col + 1]! + d[here + n + col + 1]!;
          if (count === 0 || count === 4) lost += 3;
        }
        // Dark, light, three dark, light, dark: the same read either way.
        window = ((window << 1) | dark) & 0x7f;
        if (col >= 6 && window === 0b1011101) lost += 40;
        const column = ((down[col]! << 1) | dark) & 0x7f;
        down[col] = column;
        if (row >= 6 && column === 0b1011101) lost += 40;
      }
    }
    return lost + (Math.abs((100 * darkCount) / n / n - 50) / 5) * 10;
  }
}

/**
 * The QR symbol of `bytes` (byte mode, level M; `version` 1-40 or the smallest that fits), as one
 * byte per module row by row (1 = dark), without the quiet zone. A generator: it yields after each
 * candidate mask, so a caller may let the event loop run in between; `qrModules` runs it through.
 */
export function* qrModulesSteps(
  bytes: Uint8Array,
  version?: number,
): Generator<void, { size: number; dark: Uint8Array }, undefined> {
  const v = version ?? smallestVersion(bytes);
  if (!Number.isInteger(v) || v < 1 || v > QR_MAX_VERSION) throw new RangeError(`QR version ${v}`);
  const words = codewords(bytes, v);
  const symbol = new QrSymbol(v);
  symbol.functionPatterns();
  const data = symbol.placement(words);
  let best = 0;
  let lowest = Infinity;
  for (let mask = 0; mask < MASK_COUNT; mask++) {
    symbol.mask(mask, data);
    const penalty = symbol.penalty();
    if (penalty < lowest) {
      lowest = penalty;
      best = mask;
    }
    yield;
  }
  symbol.mask(best, data);
  symbol.formatInformation(best);
  return { size: symbol.size, dark: symbol.dark };
}

/** `qrModulesSteps` run to the end at once. */
export function qrModules(bytes: Uint8Array, version?: number): { size: number; dark: Uint8Array } {
  const steps = qrModulesSteps(bytes, version);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
