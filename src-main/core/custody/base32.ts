/**
 * Crockford base32 (0-9, A-Z without I, L, O, U) for shares typed back by hand: no padding,
 * case-insensitive, O read as 0 and I/L read as 1. Decoding is strict about leftover bits.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const VALUES = new Map<string, number>([...ALPHABET].map((c, i) => [c, i]));

/** Maps the confusable letters a person may type to the digits they stand for, upper-cases the rest. */
export function normalizeBase32(text: string): string {
  return text.toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** Encodes bytes as Crockford base32 (upper case, no padding). */
export function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * Decodes Crockford base32 (already normalized). Returns undefined when a character is not in the
 * alphabet, the length cannot come from whole bytes, or the unused trailing bits are not zero.
 * The caller owns the returned Buffer.
 */
export function decodeBase32(text: string): Buffer | undefined {
  const rest = text.length % 8;
  if (rest === 1 || rest === 3 || rest === 6) return undefined;
  const out = Buffer.alloc(Math.floor((text.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of text) {
    const value = VALUES.get(char);
    if (value === undefined) {
      out.fill(0);
      return undefined;
    }
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out[index++] = (buffer >> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) {
    out.fill(0);
    return undefined;
  }
  return out;
}
