/**
 * A strict reader of one shape of DER: an RSA public key as a SubjectPublicKeyInfo with the
 * rsaEncryption algorithm and NULL parameters, every length and integer in its one DER encoding,
 * nothing after it. That is exactly what OpenSSL writes for an RSA public key, so bytes this reader
 * accepts are already the canonical encoding of their key, and the modulus and exponent come from
 * them directly: no export of the key to compare or to read its numbers (about 0.3 ms a key), and
 * the key object is made from the RSAPublicKey inside (PKCS#1), which OpenSSL reads about twenty
 * times faster than the whole SubjectPublicKeyInfo. Anything else (another algorithm, a long length form, a padded integer, trailing bytes) returns
 * undefined, and the caller takes the general path (parse, export, compare) with its refusals.
 */

/** 1.2.840.113549.1.1.1 rsaEncryption, then NULL parameters, inside their AlgorithmIdentifier SEQUENCE. */
const RSA_ALGORITHM = Buffer.from('300d06092a864886f70d0101010500', 'hex');

export interface RsaPublicNumbers {
  readonly n: bigint;
  readonly e: bigint;
}

/** A canonical RSA SubjectPublicKeyInfo: its numbers and the PKCS#1 RSAPublicKey it wraps. */
interface CanonicalRsaSpki {
  readonly numbers: RsaPublicNumbers;
  /** The RSAPublicKey SEQUENCE inside the BIT STRING (a view of the input, not a copy). */
  readonly pkcs1: Buffer;
}

class Reader {
  #at = 0;
  constructor(private readonly der: Buffer) {}

  get at(): number {
    return this.#at;
  }

  /** The content length after `tag`, in its shortest DER form; undefined on any other form. */
  header(tag: number): number | undefined {
    if (this.der[this.#at] !== tag) return undefined;
    const first = this.der[this.#at + 1];
    if (first === undefined) return undefined;
    this.#at += 2;
    if (first < 0x80) return first;
    const count = first & 0x7f;
    // Lengths above 2^24 never occur in a 64 KiB input; 0x80 (indefinite) is not DER.
    if (count === 0 || count > 3) return undefined;
    let length = 0;
    for (let i = 0; i < count; i++) {
      const byte = this.der[this.#at + i];
      if (byte === undefined || (i === 0 && byte === 0)) return undefined;
      length = length * 256 + byte;
    }
    this.#at += count;
    // The long form only when the short one cannot say it.
    return length < 0x80 ? undefined : length;
  }

  /** The next `length` bytes, if there are that many. */
  take(length: number): Buffer | undefined {
    if (this.#at + length > this.der.length) return undefined;
    const out = this.der.subarray(this.#at, this.#at + length);
    this.#at += length;
    return out;
  }

  /** A positive INTEGER in its minimal encoding. */
  positiveInteger(): bigint | undefined {
    const length = this.header(0x02);
    if (length === undefined || length === 0) return undefined;
    const bytes = this.take(length);
    if (bytes === undefined) return undefined;
    const [first = 0, second = 0] = bytes;
    if (first >= 0x80) return undefined; // negative
    if (first === 0 && (length === 1 || second < 0x80)) return undefined; // zero, or a needless leading zero
    return BigInt(`0x${bytes.toString('hex')}`);
  }
}

/**
 * The modulus, exponent and RSAPublicKey of `der` when it is exactly the canonical
 * SubjectPublicKeyInfo of an rsaEncryption key (the bytes OpenSSL would export for that key);
 * otherwise undefined.
 */
export function canonicalRsaSpki(der: Buffer): CanonicalRsaSpki | undefined {
  const r = new Reader(der);
  const outer = r.header(0x30);
  if (outer === undefined || r.at + outer !== der.length) return undefined;
  const algorithm = r.take(RSA_ALGORITHM.length);
  if (!algorithm?.equals(RSA_ALGORITHM)) return undefined;
  const bits = r.header(0x03);
  if (bits === undefined || r.at + bits !== der.length || r.take(1)?.[0] !== 0) return undefined;
  const pkcs1 = der.subarray(r.at);
  const sequence = r.header(0x30);
  if (sequence === undefined || r.at + sequence !== der.length) return undefined;
  const n = r.positiveInteger();
  const e = r.positiveInteger();
  if (n === undefined || e === undefined || r.at !== der.length) return undefined;
  return { numbers: { n, e }, pkcs1 };
}
