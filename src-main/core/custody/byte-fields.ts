/**
 * The byte fields of custody's compact binary forms (the backup payload, slip payloads, the
 * checksummed and authenticated byte strings): one writer per field shape and one strict reader.
 * Texts are UTF-8 (ids are ASCII, so they read the same in either); numbers are big-endian.
 */
import { createHash } from 'node:crypto';

/** A material check as custody records it (custody-share.ts's MaterialCheck; not imported: that module imports this one). */
type RecordedCheck =
  { readonly kind: 'kcv'; readonly value: string } | { readonly kind: 'spki-sha256'; readonly value: string };

/** `bytes` behind a 4-byte big-endian length (the canonical form checksums and AAD cover). */
export function lengthPrefixed(bytes: Uint8Array | string): Buffer {
  const body = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32BE(body.length);
  return Buffer.concat([prefix, body]);
}

/**
 * A share's checksum: SHA-256 over `texts` (domain tag first, numbers in decimal) and then the
 * share bytes, each length-prefixed, so the encoding is unambiguous; the first 16 bytes as
 * lower-case hex. The encoding, which holds the share, is wiped.
 */
export function shareChecksum(texts: readonly string[], shareBytes: Uint8Array): string {
  const encoded = Buffer.concat([...texts.map((t) => lengthPrefixed(t)), lengthPrefixed(shareBytes)]);
  try {
    return createHash('sha256').update(encoded).digest().subarray(0, 16).toString('hex');
  } finally {
    encoded.fill(0);
  }
}

/** A short text behind a 1-byte length. */
export function shortText(value: string): Buffer {
  const bytes = Buffer.from(value, 'utf8');
  return Buffer.concat([Buffer.from([bytes.length]), bytes]);
}

/** A 2-byte big-endian number. */
export function uint16(value: number): Buffer {
  const out = Buffer.alloc(2);
  out.writeUInt16BE(value);
  return out;
}

/**
 * Reads fields in order from `bytes`; every read past the end throws a RangeError, and a text
 * that is not UTF-8 a TypeError (callers turn both into "malformed"). Reads are views, not copies.
 */
/**
 * One decoder for every text field: making a TextDecoder per field cost most of reading a 100-key
 * backup back. A decode without `stream` keeps nothing from one call to the next, a refused one neither.
 */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

export class ByteReader {
  offset = 0;
  constructor(private readonly bytes: Buffer) {}

  take(length: number): Buffer {
    if (this.offset + length > this.bytes.length) throw new RangeError('payload too short');
    const out = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  byte(): number {
    return this.take(1)[0] ?? 0;
  }

  uint16(): number {
    return this.take(2).readUInt16BE(0);
  }

  /** A text written by `shortText`. */
  text(): string {
    return UTF8.decode(this.take(this.byte()));
  }

  /** A material check of `kind` written as its bytes: 3 (key check value, upper case) or 32 (public-key SHA-256). */
  materialCheck(kind: RecordedCheck['kind']): RecordedCheck {
    if (kind === 'kcv') return { kind, value: this.take(3).toString('hex').toUpperCase() };
    return { kind, value: this.take(32).toString('hex') };
  }

  /** True once every byte was read (decoders refuse trailing bytes). */
  get atEnd(): boolean {
    return this.offset === this.bytes.length;
  }
}
