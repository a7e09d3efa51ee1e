/**
 * The simulator's import tokens: opaque and tamper-proof. Each token carries its claims (key ID,
 * wrapping algorithm, wrapping-key ID, expiry) and the wrapping private key itself, sealed with
 * AES-256-GCM under the simulator's token secret, base64-encoded (about 2,300 characters, inside
 * the API's 200-6144 range). Any change to a token makes it fail verification (KMS.2605).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';

const VERSION = 1;
const AAD = Buffer.from('keyferry-kms-simulator/import-token/v1', 'utf8');

interface ImportTokenClaims {
  readonly keyId: string;
  readonly wrappingAlgorithm: string;
  readonly wrappingKeyId: string;
  /** Expiry in ms since the epoch. */
  readonly expiresAt: number;
  /** The wrapping private key, PKCS#8 DER. */
  readonly privateKeyDer: Buffer;
}

const claimsSchema = z.object({
  k: z.string(),
  a: z.string(),
  w: z.string(),
  e: z.number().int(),
  p: z.string(),
});

/** Seals `claims` into a base64 token under `secret` (32 bytes). */
export function sealImportToken(secret: Buffer, claims: ImportTokenClaims): string {
  const plaintext = Buffer.from(
    JSON.stringify({
      k: claims.keyId,
      a: claims.wrappingAlgorithm,
      w: claims.wrappingKeyId,
      e: claims.expiresAt,
      p: claims.privateKeyDer.toString('base64'),
    }),
    'utf8',
  );
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secret, iv);
  cipher.setAAD(AAD);
  const sealed = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  plaintext.fill(0);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), sealed]).toString('base64');
}

/** Opens a token; undefined when it was not sealed by `secret` or was changed in any way. */
export function openImportToken(secret: Buffer, token: string): ImportTokenClaims | undefined {
  const blob = Buffer.from(token, 'base64');
  if (blob.toString('base64') !== token || blob.length < 1 + 12 + 16 + 1 || blob[0] !== VERSION) return undefined;
  let plaintext: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', secret, blob.subarray(1, 13));
    decipher.setAAD(AAD);
    decipher.setAuthTag(blob.subarray(13, 29));
    plaintext = Buffer.concat([decipher.update(blob.subarray(29)), decipher.final()]);
  } catch {
    return undefined;
  }
  try {
    const parsed = claimsSchema.safeParse(JSON.parse(plaintext.toString('utf8')));
    if (!parsed.success) return undefined;
    const c = parsed.data;
    return {
      keyId: c.k,
      wrappingAlgorithm: c.a,
      wrappingKeyId: c.w,
      expiresAt: c.e,
      privateKeyDer: Buffer.from(c.p, 'base64'),
    };
  } catch {
    return undefined;
  } finally {
    plaintext.fill(0);
  }
}
