/**
 * What a ceremony proved about a key (journaled as key + values, printed on receipts, the CLI and
 * the screens): after an online import (key-proof.ts) and after a restore rebuilt material.
 */
import { KEY_STATE } from './kms';

const PUBLIC_KEY_EQUAL = 'Enabled; get-publickey equals the wrapped public key;';

export const enProofs = {
  'proof.key.notVerified': 'not verified',
  'proof.key.notEnabled': `describe-key says the key is ${KEY_STATE}, not Enabled`,
  'proof.key.roundTrip': 'Enabled; encrypt-data/decrypt-data round trip returned the plaintext',
  'proof.key.roundTripFailed': 'decrypt-data did not return what encrypt-data was given',
  'proof.key.publicKeyDiffers': 'get-publickey (SHA-256 {fingerprint}) differs from the public key that was wrapped',
  'proof.key.signs': `${PUBLIC_KEY_EQUAL} a KMS signature verifies locally under it`,
  'proof.key.decrypts': `${PUBLIC_KEY_EQUAL} decrypt-data recovered a message encrypted under it`,
  'proof.key.signatureInvalid': 'the KMS signature ({algorithm}) does not verify under the imported public key',
  'proof.key.kmsVerifyFailed': 'the KMS did not verify its own signature',
  'proof.key.decryptFailed': 'decrypt-data did not recover what was encrypted under the public key',
  'proof.restore.shares':
    'Proven: the rebuilt material’s {kind, select, kcv {key check value} other {public-key SHA-256}} {value} equals the value recorded in every share.',
  'proof.restore.set':
    'Proven: every key’s rebuilt material matches the key check value or public-key SHA-256 recorded for it in the custody backup {digest}…',
  'proof.restore.hsm':
    'the check value the HSM computes for every token object equals the one the air-gapped journal recorded',
} as const;
