/**
 * Token objects a session that ended without stopping (a crash, a power cut) left in the token,
 * found again by a later session that logged in: each is looked up by its label, CKA_ID and class,
 * and only the one object whose key check value (AES) or public key (RSA, EC) is the one that session
 * journaled is destroyed. An EC private key holds no public key: it is proven by signing a fixed
 * challenge in the token (CKM_ECDSA over its SHA-256 digest) and verifying the signature, with
 * Node's crypto, against the public key that session journaled: the one public key under the same
 * label and CKA_ID whose SHA-256 is the journaled fingerprint.
 * A finished session's custody copy may carry the same label and CKA_ID (a repeated wrap), so an
 * object that shows nothing to compare (a token that computes no check value, a key that will not
 * sign) or several that match are never destroyed: the verdict says why. Nothing found means the
 * object was already deleted (by hand).
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import { derFingerprint } from '../crypto/evidence';
import { KEY_SPEC_INFO, type KeySpec } from '../crypto/key-spec';
import { CKA, CKO, CLASS_CODE } from './attributes';
import { findObjects, publicKeySpki } from './hsm-keys';
import type { HsmSession } from './hsm-session';
import { MECHANISM } from './mechanisms';
import { hsmKeyCheckValue, type KcvMethod } from './hsm-wrap';
import type { TokenObjectRecord } from './token-objects';

/** A left object as its session journaled it: what names it, and the evidence of its material. */
export interface LeftTokenObject extends TokenObjectRecord {
  readonly spec: KeySpec;
  /** The journaled key check value (AES) or public-key SHA-256 (RSA, EC); null when none was journaled. */
  readonly evidence: string | null;
}

/** Why a left object was not destroyed: several objects show its evidence, or one shows none to compare. */
export type UnprovenWhy = 'sameEvidence' | 'noEvidence';

/** What the token holds of a left object: the one object proven to be it, none, or no proof. */
type LeftObjectVerdict =
  | { readonly kind: 'proven'; readonly handle: Buffer }
  | { readonly kind: 'gone' }
  | { readonly kind: 'unproven'; readonly why: UnprovenWhy };

/** The challenge an EC private key signs to prove it is the journaled key's (a fixed text: nothing secret). */
const CHALLENGE = Buffer.from('keyferry: prove a token object a crashed session left', 'utf8');

/** The public key an EC private key left under `object`'s label and CKA_ID must sign for: the token's whose SHA-256 that session journaled. */
function journaledPublicKey(session: HsmSession, object: LeftTokenObject): Buffer | null {
  const publics = findObjects(session, [
    { type: CKA.CLASS, value: CKO.PUBLIC_KEY },
    { type: CKA.LABEL, value: object.label },
    { type: CKA.ID, value: Buffer.from(object.objectId, 'hex') },
  ]).map((handle) => publicKeySpki(session, object.spec, handle, object.label));
  return publics.find((spki) => derFingerprint(spki).toLowerCase() === object.evidence?.toLowerCase()) ?? null;
}

/**
 * The fingerprint of the public key EC private key `handle` is proven to go with: it signs the
 * challenge's SHA-256 digest in the token (CKM_ECDSA) and Node verifies that signature with the
 * journaled public key; a signature that does not verify proves it is another key ('other').
 */
function signedFor(session: HsmSession, object: LeftTokenObject, handle: Buffer): string | null {
  const spki = journaledPublicKey(session, object);
  if (!spki) return null;
  session.p11.C_SignInit(session.handle, { mechanism: MECHANISM.CKM_ECDSA }, handle);
  const signature = session.p11.C_Sign(
    session.handle,
    createHash('sha256').update(CHALLENGE).digest(),
    Buffer.alloc(132),
  );
  const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
  return verify('sha256', CHALLENGE, { key, dsaEncoding: 'ieee-p1363' }, signature) ? derFingerprint(spki) : 'other';
}

/** The evidence `handle` shows of its material, in the journal's form; null when it shows none. */
function evidenceOf(session: HsmSession, object: LeftTokenObject, handle: Buffer, kcvMethod: KcvMethod): string | null {
  try {
    if (object.objectClass === 'CKO_SECRET_KEY') return hsmKeyCheckValue(session, handle, kcvMethod);
    // An RSA private key carries its modulus and exponent; an EC private key no public point: it signs.
    if (object.objectClass === 'CKO_PRIVATE_KEY' && KEY_SPEC_INFO[object.spec].kind !== 'rsa')
      return signedFor(session, object, handle);
    return derFingerprint(publicKeySpki(session, object.spec, handle, object.label));
  } catch {
    return null;
  }
}

/** Finds `object` in `session`'s token and judges whether exactly one object is proven to be it. */
export function judgeLeftObject(session: HsmSession, object: LeftTokenObject, kcvMethod: KcvMethod): LeftObjectVerdict {
  const candidates = findObjects(session, [
    { type: CKA.CLASS, value: CLASS_CODE[object.objectClass] },
    { type: CKA.LABEL, value: object.label },
    { type: CKA.ID, value: Buffer.from(object.objectId, 'hex') },
  ]);
  if (candidates.length === 0) return { kind: 'gone' };
  const shown = candidates.map((handle) => ({ handle, evidence: evidenceOf(session, object, handle, kcvMethod) }));
  const expected = object.evidence?.toLowerCase();
  const matching = shown.filter((c) => expected !== undefined && c.evidence?.toLowerCase() === expected);
  if (matching.length > 1) return { kind: 'unproven', why: 'sameEvidence' };
  if (expected === undefined || shown.some((c) => c.evidence === null)) return { kind: 'unproven', why: 'noEvidence' };
  return matching[0] ? { kind: 'proven', handle: matching[0].handle } : { kind: 'gone' };
}
