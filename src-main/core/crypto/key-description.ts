/** The values that name a key's type and size in refusals ("An RSA-3072 key", "An EC P-384 key"). */
import type { KeyObject } from 'node:crypto';

const CURVE_NAMES: Readonly<Record<string, string>> = {
  prime256v1: 'P-256',
  secp384r1: 'P-384',
  secp521r1: 'P-521',
  secp256k1: 'secp256k1',
  SM2: 'SM2',
};

/** A key's type and size as refusals name it (catalogue: "An RSA-1024 key", "An EC P-384 key"); nothing secret. */
export function keyObjectValues(key: KeyObject): { keyType: string; keySize: string } {
  const details = key.asymmetricKeyDetails ?? {};
  const bits = String(details.modulusLength ?? '?');
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return { keyType: 'rsa', keySize: bits };
    case 'rsa-pss':
      return { keyType: 'rsaPss', keySize: bits };
    case 'dsa':
      return { keyType: 'dsa', keySize: bits };
    case 'ec': {
      const curve = details.namedCurve ?? 'unknown curve';
      return { keyType: 'ec', keySize: CURVE_NAMES[curve] ?? curve };
    }
    case 'ed25519':
    case 'ed448':
    case 'x25519':
    case 'x448':
      return { keyType: key.asymmetricKeyType, keySize: '' };
    default:
      return { keyType: 'other', keySize: key.asymmetricKeyType ?? 'unknown' };
  }
}
