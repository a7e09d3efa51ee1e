/**
 * ECDSA over a digest the caller already computed (message_type DIGEST), for P-256 and P-384.
 * Node's crypto always hashes the message itself, so the simulator does the curve arithmetic
 * with BigInt (Jacobian coordinates). Not constant-time: this is for the rehearsal simulator only.
 */
import { randomBytes, type KeyObject } from 'node:crypto';

interface Curve {
  readonly p: bigint;
  readonly n: bigint;
  readonly b: bigint;
  readonly gx: bigint;
  readonly gy: bigint;
  readonly bytes: number;
}

const CURVES: Readonly<Record<'P-256' | 'P-384', Curve>> = {
  'P-256': {
    p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
    n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
    b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
    gx: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
    gy: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
    bytes: 32,
  },
  'P-384': {
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
    n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
    b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
    gx: 0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7n,
    gy: 0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5fn,
    bytes: 48,
  },
};

type Jacobian = readonly [bigint, bigint, bigint];

const mod = (a: bigint, m: bigint): bigint => ((a % m) + m) % m;

function modPow(base: bigint, exponent: bigint, m: bigint): bigint {
  let result = 1n;
  let b = mod(base, m);
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % m;
    b = (b * b) % m;
  }
  return result;
}

const invert = (a: bigint, m: bigint): bigint => modPow(a, m - 2n, m);

function double(c: Curve, [x, y, z]: Jacobian): Jacobian {
  if (z === 0n || y === 0n) return [0n, 1n, 0n];
  const delta = (z * z) % c.p;
  const gamma = (y * y) % c.p;
  const beta = (x * gamma) % c.p;
  const alpha = mod(3n * (x - delta) * (x + delta), c.p);
  const x3 = mod(alpha * alpha - 8n * beta, c.p);
  const z3 = mod((y + z) * (y + z) - gamma - delta, c.p);
  const y3 = mod(alpha * (4n * beta - x3) - 8n * gamma * gamma, c.p);
  return [x3, y3, z3];
}

function add(c: Curve, a: Jacobian, b: Jacobian): Jacobian {
  if (a[2] === 0n) return b;
  if (b[2] === 0n) return a;
  const [x1, y1, z1] = a;
  const [x2, y2, z2] = b;
  const z1z1 = (z1 * z1) % c.p;
  const z2z2 = (z2 * z2) % c.p;
  const u1 = (x1 * z2z2) % c.p;
  const u2 = (x2 * z1z1) % c.p;
  const s1 = (y1 * z2 * z2z2) % c.p;
  const s2 = (y2 * z1 * z1z1) % c.p;
  const h = mod(u2 - u1, c.p);
  const r = mod(2n * (s2 - s1), c.p);
  if (h === 0n) return r === 0n ? double(c, a) : [0n, 1n, 0n];
  const i = (4n * h * h) % c.p;
  const j = (h * i) % c.p;
  const v = (u1 * i) % c.p;
  const x3 = mod(r * r - j - 2n * v, c.p);
  const y3 = mod(r * (v - x3) - 2n * s1 * j, c.p);
  const z3 = mod(((z1 + z2) * (z1 + z2) - z1z1 - z2z2) * h, c.p);
  return [x3, y3, z3];
}

function multiply(c: Curve, k: bigint, point: Jacobian): Jacobian {
  let result: Jacobian = [0n, 1n, 0n];
  let addend = point;
  for (let e = k; e > 0n; e >>= 1n) {
    if (e & 1n) result = add(c, result, addend);
    addend = double(c, addend);
  }
  return result;
}

function affineX(c: Curve, [x, , z]: Jacobian): bigint | undefined {
  if (z === 0n) return undefined;
  const zi = invert(z, c.p);
  return (x * zi * zi) % c.p;
}

/** Multiplies the base point by `k` and returns the affine point (for tests). */
export function basePointMultiple(curveName: 'P-256' | 'P-384', k: bigint): { x: bigint; y: bigint } {
  const c = CURVES[curveName];
  const [x, y, z] = multiply(c, k, [c.gx, c.gy, 1n]);
  const zi = invert(z, c.p);
  return { x: (x * zi * zi) % c.p, y: (y * zi * zi * zi) % c.p };
}

const toBig = (bytes: Buffer): bigint => (bytes.length === 0 ? 0n : BigInt(`0x${bytes.toString('hex')}`));
const fromB64url = (text: string | undefined): bigint => toBig(Buffer.from(text ?? '', 'base64url'));

function derInteger(value: bigint): Buffer {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  let bytes = Buffer.from(hex, 'hex');
  if ((bytes[0] ?? 0) & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return Buffer.concat([Buffer.from([0x02, bytes.length]), bytes]);
}

function derSignature(r: bigint, s: bigint): Buffer {
  const body = Buffer.concat([derInteger(r), derInteger(s)]);
  const length = body.length < 0x80 ? Buffer.from([body.length]) : Buffer.from([0x81, body.length]);
  return Buffer.concat([Buffer.from([0x30]), length, body]);
}

function parseDerSignature(der: Buffer): { r: bigint; s: bigint } | undefined {
  let offset = 0;
  const byte = () => der[offset++];
  if (byte() !== 0x30) return undefined;
  let length = byte() ?? 0;
  if (length === 0x81) length = byte() ?? 0;
  if (offset + length !== der.length) return undefined;
  const integer = (): bigint | undefined => {
    if (byte() !== 0x02) return undefined;
    const len = byte() ?? 0;
    if (len === 0 || offset + len > der.length) return undefined;
    const value = der.subarray(offset, offset + len);
    offset += len;
    return toBig(value);
  };
  const r = integer();
  const s = integer();
  return r === undefined || s === undefined || offset !== der.length ? undefined : { r, s };
}

function curveOf(key: KeyObject): { curve: Curve; jwk: { d?: string; x?: string; y?: string } } {
  const name = key.asymmetricKeyDetails?.namedCurve === 'secp384r1' ? 'P-384' : 'P-256';
  return { curve: CURVES[name], jwk: key.export({ format: 'jwk' }) as { d?: string; x?: string; y?: string } };
}

/** ECDSA signature (DER) of `digest` with an EC private key. */
export function ecdsaSignDigest(privateKey: KeyObject, digest: Buffer): Buffer {
  const { curve: c, jwk } = curveOf(privateKey);
  const d = fromB64url(jwk.d);
  const z = toBig(digest);
  for (;;) {
    const k = (toBig(randomBytes(c.bytes + 16)) % (c.n - 1n)) + 1n;
    const rx = affineX(c, multiply(c, k, [c.gx, c.gy, 1n]));
    if (rx === undefined) continue;
    const r = rx % c.n;
    const s = (invert(k, c.n) * mod(z + r * d, c.n)) % c.n;
    if (r !== 0n && s !== 0n) return derSignature(r, s);
  }
}

/** Verifies an ECDSA signature (DER) of `digest` with an EC public (or private) key. */
export function ecdsaVerifyDigest(publicKey: KeyObject, digest: Buffer, signature: Buffer): boolean {
  const { curve: c, jwk } = curveOf(publicKey);
  const parsed = parseDerSignature(signature);
  if (!parsed) return false;
  const { r, s } = parsed;
  if (r <= 0n || r >= c.n || s <= 0n || s >= c.n) return false;
  const q: Jacobian = [fromB64url(jwk.x), fromB64url(jwk.y), 1n];
  const w = invert(s, c.n);
  const u1 = (toBig(digest) * w) % c.n;
  const u2 = (r * w) % c.n;
  const x = affineX(c, add(c, multiply(c, u1, [c.gx, c.gy, 1n]), multiply(c, u2, q)));
  return x !== undefined && x % c.n === r;
}
