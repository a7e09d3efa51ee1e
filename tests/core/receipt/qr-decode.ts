/**
 * A small, independent QR decoder for tests (versions 1-10, byte mode, no error correction
 * applied: it checks every Reed-Solomon block instead). Written from ISO/IEC 18004, not from
 * qrcode-generator, so a receipt's QR code is proven to say what the receipt prints.
 */

import { QR_QUIET_ZONE } from '../../../src-main/core/receipt';

const ALIGNMENT: Record<number, number[]> = {
  1: [],
  2: [6, 18],
  3: [6, 22],
  4: [6, 26],
  5: [6, 30],
  6: [6, 34],
  7: [6, 22, 38],
  8: [6, 24, 42],
  9: [6, 26, 46],
  10: [6, 28, 50],
};
/** Error correction level M: [count, total codewords, data codewords] per block group. */
const BLOCKS_M: Record<number, [number, number, number][]> = {
  1: [[1, 26, 16]],
  2: [[1, 44, 28]],
  3: [[1, 70, 44]],
  4: [[2, 50, 32]],
  5: [[2, 67, 43]],
  6: [[4, 43, 27]],
  7: [[4, 49, 31]],
  8: [
    [2, 60, 38],
    [2, 61, 39],
  ],
  9: [
    [3, 58, 36],
    [2, 59, 37],
  ],
  10: [
    [4, 69, 43],
    [1, 70, 44],
  ],
};
const EC_LEVEL_BITS = { L: 1, M: 0, Q: 3, H: 2 } as const;
const MASKS: ((r: number, c: number) => boolean)[] = [
  (r, c) => (r + c) % 2 === 0,
  (r) => r % 2 === 0,
  (_r, c) => c % 3 === 0,
  (r, c) => (r + c) % 3 === 0,
  (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0,
  (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
  (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
  (r, c) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0,
];

export interface DecodedQr {
  text: string;
  version: number;
  errorCorrection: keyof typeof EC_LEVEL_BITS;
  mask: number;
}

function bchFormat(data5: number): number {
  let rem = data5 << 10;
  for (let bit = 14; bit >= 10; bit -= 1) if (rem & (1 << bit)) rem ^= 0x537 << (bit - 10);
  return ((data5 << 10) | rem) ^ 0x5412;
}

function readFormat(m: boolean[][]): { level: keyof typeof EC_LEVEL_BITS; mask: number } {
  const n = m.length;
  const at = (r: number, c: number): number => (m[r]?.[c] ? 1 : 0);
  // Copy 1 around the top-left finder: bits 14..9 at (8,0..5), 8 at (8,7), 7 at (8,8), 6 at (7,8), 5..0 at (5..0,8).
  const cells1: [number, number][] = [
    [8, 0],
    [8, 1],
    [8, 2],
    [8, 3],
    [8, 4],
    [8, 5],
    [8, 7],
    [8, 8],
    [7, 8],
    [5, 8],
    [4, 8],
    [3, 8],
    [2, 8],
    [1, 8],
    [0, 8],
  ];
  // Copy 2: bits 14..8 at (n-1..n-7, 8), bits 7..0 at (8, n-8..n-1).
  const cells2: [number, number][] = [
    ...Array.from({ length: 7 }, (_, i): [number, number] => [n - 1 - i, 8]),
    ...Array.from({ length: 8 }, (_, i): [number, number] => [8, n - 8 + i]),
  ];
  const read = (cells: [number, number][]): number => cells.reduce((acc, [r, c]) => (acc << 1) | at(r, c), 0);
  const f1 = read(cells1);
  const f2 = read(cells2);
  if (f1 !== f2) throw new Error('the two format-information copies differ');
  const data5 = Array.from({ length: 32 }, (_, d) => d).find((d) => bchFormat(d) === f1);
  if (data5 === undefined) throw new Error('format information fails its BCH check');
  const levelBits = data5 >> 3;
  const level = (Object.keys(EC_LEVEL_BITS) as (keyof typeof EC_LEVEL_BITS)[]).find(
    (k) => EC_LEVEL_BITS[k] === levelBits,
  );
  if (!level) throw new Error('bad level');
  return { level, mask: data5 & 7 };
}

function functionModules(n: number, version: number): boolean[][] {
  const f = Array.from({ length: n }, () => Array<boolean>(n).fill(false));
  const fill = (r0: number, c0: number, h: number, w: number): void => {
    for (let r = r0; r < r0 + h; r += 1)
      for (let c = c0; c < c0 + w; c += 1) if (r >= 0 && c >= 0 && r < n && c < n) f[r]![c] = true;
  };
  fill(0, 0, 9, 9); // finder, separator, format
  fill(0, n - 8, 9, 8);
  fill(n - 8, 0, 8, 9);
  fill(6, 0, 1, n); // timing
  fill(0, 6, n, 1);
  const centers = ALIGNMENT[version] ?? [];
  for (const r of centers)
    for (const c of centers) {
      const nearFinder = (r < 9 && c < 9) || (r < 9 && c > n - 10) || (r > n - 10 && c < 9);
      if (!nearFinder) fill(r - 2, c - 2, 5, 5);
    }
  if (version >= 7) {
    fill(0, n - 11, 6, 3);
    fill(n - 11, 0, 3, 6);
  }
  return f;
}

function readCodewords(m: boolean[][], version: number, mask: number): number[] {
  const n = m.length;
  const fn = functionModules(n, version);
  const bits: number[] = [];
  let upward = true;
  for (let right = n - 1; right >= 1; right -= 2) {
    if (right === 6) right -= 1; // the vertical timing column is skipped
    for (let i = 0; i < n; i += 1) {
      const r = upward ? n - 1 - i : i;
      for (const c of [right, right - 1]) {
        if (fn[r]![c]) continue;
        bits.push((m[r]![c] ? 1 : 0) ^ (MASKS[mask]!(r, c) ? 1 : 0));
      }
    }
    upward = !upward;
  }
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));
  return bytes;
}

const EXP: number[] = [];
const LOG: number[] = [];
for (let i = 0, x = 1; i < 255; i += 1) {
  EXP[i] = x;
  LOG[x] = i;
  x <<= 1;
  if (x & 0x100) x ^= 0x11d;
}
const mul = (a: number, b: number): number => (a === 0 || b === 0 ? 0 : EXP[(LOG[a]! + LOG[b]!) % 255]!);

/** True when every syndrome of the block is zero (a valid Reed-Solomon codeword, no errors). */
function rsValid(block: number[], ecCount: number): boolean {
  for (let i = 0; i < ecCount; i += 1) {
    let s = 0;
    for (const byte of block) s = mul(s, EXP[i]!) ^ byte;
    if (s !== 0) return false;
  }
  return true;
}

/** Decodes a QR matrix (true = dark, no quiet zone); throws when anything does not check out. */
export function decodeQrMatrix(m: boolean[][]): DecodedQr {
  const n = m.length;
  const version = (n - 17) / 4;
  if (!Number.isInteger(version) || version < 1 || version > 10) throw new Error(`unsupported size ${n}`);
  const { level, mask } = readFormat(m);
  if (level !== 'M') throw new Error(`error correction ${level}, expected M`);
  const codewords = readCodewords(m, version, mask);
  const groups = BLOCKS_M[version]!.flatMap(([count, total, data]) =>
    Array.from({ length: count }, () => ({ total, data })),
  );
  const blocks = groups.map(() => [] as number[]);
  let k = 0;
  const maxData = Math.max(...groups.map((g) => g.data));
  for (let i = 0; i < maxData; i += 1) groups.forEach((g, b) => i < g.data && blocks[b]!.push(codewords[k++]!));
  const ecCount = groups[0]!.total - groups[0]!.data;
  for (let i = 0; i < ecCount; i += 1) groups.forEach((_, b) => blocks[b]!.push(codewords[k++]!));
  blocks.forEach((block, b) => {
    if (!rsValid(block, ecCount)) throw new Error(`Reed-Solomon block ${b} does not check out`);
  });
  const data = blocks.flatMap((block, b) => block.slice(0, groups[b]!.data));
  const bits = data.flatMap((byte) => Array.from({ length: 8 }, (_, i) => (byte >> (7 - i)) & 1));
  const take = (count: number, at: number): number => bits.slice(at, at + count).reduce((a, b) => (a << 1) | b, 0);
  if (take(4, 0) !== 0b0100) throw new Error('not byte mode');
  const lengthBits = version < 10 ? 8 : 16;
  const length = take(lengthBits, 4);
  const bytes = Array.from({ length }, (_, i) => take(8, 4 + lengthBits + 8 * i));
  return { text: Buffer.from(bytes).toString('latin1'), version, errorCorrection: level, mask };
}

/** Rebuilds the module matrix (without quiet zone) from the SVG's path of horizontal runs. */
export function matrixFromSvg(svg: string): boolean[][] {
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  const d = /<path fill="#000" d="([^"]*)"/.exec(svg);
  if (!viewBox || !d) throw new Error('not a Keyferry QR svg');
  const total = Number(viewBox[1]);
  const modules = total - 2 * QR_QUIET_ZONE;
  const m = Array.from({ length: modules }, () => Array<boolean>(modules).fill(false));
  for (const run of d[1]!.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)) {
    const [x, y, w] = [Number(run[1]), Number(run[2]), Number(run[3])];
    for (let i = 0; i < w; i += 1) {
      const row = y - QR_QUIET_ZONE;
      const col = x + i - QR_QUIET_ZONE;
      if (row < 0 || col < 0 || row >= modules || col >= modules) throw new Error('dark module in the quiet zone');
      m[row]![col] = true;
    }
  }
  return m;
}
