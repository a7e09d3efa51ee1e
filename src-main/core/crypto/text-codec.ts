/**
 * Hex and base64 decoding straight from file bytes into a Buffer, with no JavaScript string in
 * between (strings cannot be wiped). ASCII whitespace, including line breaks, is ignored.
 * Each decoder returns undefined when the bytes are not entirely that encoding.
 */
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d, 0x0b, 0x0c]);

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  return -1;
}

function base64Value(c: number): number {
  if (c >= 0x41 && c <= 0x5a) return c - 0x41;
  if (c >= 0x61 && c <= 0x7a) return c - 0x61 + 26;
  if (c >= 0x30 && c <= 0x39) return c - 0x30 + 52;
  if (c === 0x2b) return 62;
  if (c === 0x2f) return 63;
  return -1;
}

/** Decodes hex text (either case, whitespace ignored); undefined if not hex or odd-length. */
export function decodeHexBytes(text: Uint8Array): Buffer | undefined {
  let digits = 0;
  for (const c of text) {
    if (WHITESPACE.has(c)) continue;
    if (hexValue(c) < 0) return undefined;
    digits += 1;
  }
  if (digits === 0 || digits % 2 !== 0) return undefined;
  const out = Buffer.alloc(digits / 2);
  let high = -1;
  let o = 0;
  for (const c of text) {
    if (WHITESPACE.has(c)) continue;
    const v = hexValue(c);
    if (high < 0) high = v;
    else {
      out[o++] = (high << 4) | v;
      high = -1;
    }
  }
  return out;
}

/** Decodes standard padded base64 (whitespace ignored); undefined if not exactly that. */
export function decodeBase64Bytes(text: Uint8Array): Buffer | undefined {
  let chars = 0;
  let padding = 0;
  for (const c of text) {
    if (WHITESPACE.has(c)) continue;
    if (c === 0x3d) padding += 1;
    else if (padding > 0 || base64Value(c) < 0) return undefined;
    chars += 1;
  }
  if (chars === 0 || chars % 4 !== 0 || padding > 2) return undefined;
  const out = Buffer.alloc((chars / 4) * 3 - padding);
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (const c of text) {
    if (WHITESPACE.has(c) || c === 0x3d) continue;
    acc = ((acc << 6) | base64Value(c)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      if (o < out.length) out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}
