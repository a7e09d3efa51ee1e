/**
 * Proving an imported key works, with nothing but the KMS API and the public facts of the
 * ceremony: describe-key says Enabled; for asymmetric keys get-publickey equals the public key
 * the air-gapped side wrapped (by SHA-256) and a KMS signature verifies locally under it (so the
 * KMS holds the matching private key); for AES an encrypt/decrypt round trip through the KMS.
 */
import {
  createHash,
  publicEncrypt,
  randomBytes,
  verify as verifySignature,
  constants,
  createPublicKey,
  type KeyObject,
} from 'node:crypto';
import { KEY_SPEC_INFO, type KeySpec, type KeyUsage } from '../../crypto/key-spec';
import type { SigningAlgorithm } from '../../kms/client';
import { KeyState } from '../../kms/types';
import type { Phrase } from '../../../i18n/phrase';
import type { OnlineKms } from './kms-calls';

interface KeyToProve {
  readonly keyId: string;
  readonly spec: KeySpec;
  readonly usage: KeyUsage;
  /** SHA-256 of the public key SPKI DER from the wrapped bundle (asymmetric), else null. */
  readonly expectedPublicKeyFingerprint: string | null;
}

export interface KeyProof {
  readonly keyId: string;
  readonly spec: KeySpec;
  /** describe-key's state, e.g. "Enabled". */
  readonly keyState: string;
  readonly ok: boolean;
  /** What was proven, or what failed: a catalogue phrase (journaled as key + values). */
  readonly proof: KeyProofPhrase;
  /** Asymmetric keys: SHA-256 of what get-publickey answered (null: symmetric, or not asked). */
  readonly publicKeyFingerprint?: string | null;
}

/** A key proof's sentence: one of the `proof.key.*` catalogue texts and its values. */
export type KeyProofPhrase = Phrase<
  | 'proof.key.notVerified'
  | 'proof.key.notEnabled'
  | 'proof.key.roundTrip'
  | 'proof.key.roundTripFailed'
  | 'proof.key.publicKeyDiffers'
  | 'proof.key.signs'
  | 'proof.key.decrypts'
  | 'proof.key.signatureInvalid'
  | 'proof.key.kmsVerifyFailed'
  | 'proof.key.decryptFailed'
>;

function signingAlgorithm(spec: KeySpec): { kms: SigningAlgorithm; hash: 'sha256' | 'sha384' } {
  if (spec === 'EC_P384') return { kms: 'ECDSA_SHA_384', hash: 'sha384' };
  if (spec === 'EC_P256') return { kms: 'ECDSA_SHA_256', hash: 'sha256' };
  return { kms: 'RSASSA_PKCS1_V1_5_SHA_256', hash: 'sha256' };
}

function verifiesLocally(
  spec: KeySpec,
  publicKey: KeyObject,
  message: Buffer,
  signature: Buffer,
  hash: string,
): boolean {
  if (KEY_SPEC_INFO[spec].kind === 'ec') {
    return (['der', 'ieee-p1363'] as const).some((dsaEncoding) => {
      try {
        return verifySignature(hash, message, { key: publicKey, dsaEncoding }, signature);
      } catch {
        return false;
      }
    });
  }
  return verifySignature(hash, message, { key: publicKey, padding: constants.RSA_PKCS1_PADDING }, signature);
}

async function proveSymmetric(kms: OnlineKms, keyId: string): Promise<KeyProofPhrase | undefined> {
  const plainText = randomBytes(24).toString('hex');
  const { cipherText } = await kms.encryptData({ keyId, plainText });
  const back = await kms.decryptData({ keyId, cipherText });
  return back.plainText === plainText ? undefined : { key: 'proof.key.roundTripFailed' };
}

async function proveSigning(
  kms: OnlineKms,
  key: KeyToProve,
  publicKey: KeyObject,
): Promise<KeyProofPhrase | undefined> {
  const { kms: algorithm, hash } = signingAlgorithm(key.spec);
  const message = randomBytes(48);
  const digest = createHash(hash).update(message).digest();
  const signature = await kms.sign({ keyId: key.keyId, message: digest, algorithm, messageType: 'DIGEST' });
  if (!verifiesLocally(key.spec, publicKey, message, signature, hash))
    return { key: 'proof.key.signatureInvalid', values: { algorithm } };
  const kmsSays = await kms.verify({ keyId: key.keyId, message: digest, signature, algorithm, messageType: 'DIGEST' });
  return kmsSays ? undefined : { key: 'proof.key.kmsVerifyFailed' };
}

async function proveRsaDecryption(
  kms: OnlineKms,
  keyId: string,
  publicKey: KeyObject,
): Promise<KeyProofPhrase | undefined> {
  const plainText = randomBytes(24).toString('hex');
  const cipher = publicEncrypt(
    { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
    Buffer.from(plainText, 'utf8'),
  );
  const back = await kms.decryptData({ keyId, cipherText: cipher.toString('base64'), algorithm: 'RSAES_OAEP_SHA_256' });
  return back.plainText === plainText ? undefined : { key: 'proof.key.decryptFailed' };
}

/** Runs the checks above; returns a proof with ok=false (and why) instead of throwing on a failed check. */
export async function proveKey(kms: OnlineKms, key: KeyToProve): Promise<KeyProof> {
  const info = await kms.describeKey(key.keyId);
  const base = { keyId: key.keyId, spec: key.spec, keyState: info.stateName };
  if (info.state !== KeyState.Enabled)
    return { ...base, ok: false, proof: { key: 'proof.key.notEnabled', values: { state: String(info.state) } } };
  if (KEY_SPEC_INFO[key.spec].kind === 'symmetric') {
    const failure = await proveSymmetric(kms, key.keyId);
    return {
      ...base,
      ok: !failure,
      proof: failure ?? { key: 'proof.key.roundTrip' },
    };
  }
  const { publicKeyDer } = await kms.getPublicKey(key.keyId);
  const fingerprint = createHash('sha256').update(publicKeyDer).digest('hex');
  if (fingerprint !== key.expectedPublicKeyFingerprint) {
    return {
      ...base,
      publicKeyFingerprint: fingerprint,
      ok: false,
      proof: { key: 'proof.key.publicKeyDiffers', values: { fingerprint } },
    };
  }
  const publicKey = createPublicKey({ key: publicKeyDer, format: 'der', type: 'spki' });
  const failure =
    key.usage === 'SIGN_VERIFY'
      ? await proveSigning(kms, key, publicKey)
      : await proveRsaDecryption(kms, key.keyId, publicKey);
  const proven: KeyProofPhrase = { key: key.usage === 'SIGN_VERIFY' ? 'proof.key.signs' : 'proof.key.decrypts' };
  return { ...base, publicKeyFingerprint: fingerprint, ok: !failure, proof: failure ?? proven };
}
