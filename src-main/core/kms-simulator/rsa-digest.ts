/**
 * RSA signatures over a digest the caller already computed (message_type DIGEST): PKCS#1 v1.5
 * (DigestInfo + type-1 padding, via privateEncrypt) and PSS (EMSA-PSS, MGF1-SHA-256, salt of 32
 * bytes, encoded here and raised to the private exponent with RSA_NO_PADDING), per RFC 8017.
 */
import {
  constants,
  createHash,
  privateEncrypt,
  publicDecrypt,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';

const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');
const H_LEN = 32;
const S_LEN = 32;

function modulusBits(key: KeyObject): number {
  return key.asymmetricKeyDetails?.modulusLength ?? 0;
}

function mgf1(seed: Buffer, length: number): Buffer {
  const blocks: Buffer[] = [];
  for (let counter = 0; blocks.length * H_LEN < length; counter += 1) {
    const c = Buffer.alloc(4);
    c.writeUInt32BE(counter);
    blocks.push(createHash('sha256').update(seed).update(c).digest());
  }
  return Buffer.concat(blocks).subarray(0, length);
}

function pssHash(digest: Buffer, salt: Buffer): Buffer {
  return createHash('sha256').update(Buffer.alloc(8)).update(digest).update(salt).digest();
}

/** RSASSA-PKCS1-v1_5 with SHA-256 over a precomputed digest. */
export function rsaPkcs1SignDigest(privateKey: KeyObject, digest: Buffer): Buffer {
  return privateEncrypt(
    { key: privateKey, padding: constants.RSA_PKCS1_PADDING },
    Buffer.concat([SHA256_DIGEST_INFO, digest]),
  );
}

export function rsaPkcs1VerifyDigest(publicKey: KeyObject, digest: Buffer, signature: Buffer): boolean {
  if (signature.length !== Math.ceil(modulusBits(publicKey) / 8)) return false;
  try {
    const recovered = publicDecrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, signature);
    const expected = Buffer.concat([SHA256_DIGEST_INFO, digest]);
    return recovered.length === expected.length && timingSafeEqual(recovered, expected);
  } catch {
    return false;
  }
}

/** RSASSA-PSS (SHA-256, MGF1-SHA-256, 32-byte salt) over a precomputed digest. */
export function rsaPssSignDigest(privateKey: KeyObject, digest: Buffer): Buffer {
  const bits = modulusBits(privateKey);
  const k = Math.ceil(bits / 8);
  const emBits = bits - 1;
  const emLen = Math.ceil(emBits / 8);
  const salt = randomBytes(S_LEN);
  const h = pssHash(digest, salt);
  const db = Buffer.alloc(emLen - H_LEN - 1);
  db[emLen - S_LEN - H_LEN - 2] = 0x01;
  salt.copy(db, emLen - S_LEN - H_LEN - 1);
  const mask = mgf1(h, db.length);
  for (let i = 0; i < db.length; i += 1) db[i] = (db[i] ?? 0) ^ (mask[i] ?? 0);
  db[0] = (db[0] ?? 0) & (0xff >> (8 * emLen - emBits));
  const em = Buffer.concat([Buffer.alloc(k - emLen), db, h, Buffer.from([0xbc])]);
  return privateEncrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, em);
}

export function rsaPssVerifyDigest(publicKey: KeyObject, digest: Buffer, signature: Buffer): boolean {
  const bits = modulusBits(publicKey);
  const k = Math.ceil(bits / 8);
  if (signature.length !== k) return false;
  let raw: Buffer;
  try {
    raw = publicDecrypt({ key: publicKey, padding: constants.RSA_NO_PADDING }, signature);
  } catch {
    return false;
  }
  const emBits = bits - 1;
  const emLen = Math.ceil(emBits / 8);
  if (raw.subarray(0, k - emLen).some((b) => b !== 0)) return false;
  const em = raw.subarray(k - emLen);
  if (em[emLen - 1] !== 0xbc) return false;
  const masked = em.subarray(0, emLen - H_LEN - 1);
  const h = em.subarray(emLen - H_LEN - 1, emLen - 1);
  const topMask = 0xff >> (8 * emLen - emBits);
  if (((masked[0] ?? 0) & ~topMask) !== 0) return false;
  const mask = mgf1(h, masked.length);
  const db = Buffer.alloc(masked.length);
  for (let i = 0; i < db.length; i += 1) db[i] = (masked[i] ?? 0) ^ (mask[i] ?? 0);
  db[0] = (db[0] ?? 0) & topMask;
  const separator = emLen - H_LEN - S_LEN - 2;
  if (db.subarray(0, separator).some((b) => b !== 0) || db[separator] !== 0x01) return false;
  const expected = pssHash(digest, db.subarray(db.length - S_LEN));
  return timingSafeEqual(expected, h);
}
