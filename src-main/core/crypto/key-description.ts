/** Plain names for keys ("an RSA-3072 key", "an EC P-384 key") used in refusals. */
import type { KeyObject } from 'node:crypto';

const CURVE_NAMES: Readonly<Record<string, string>> = {
  prime256v1: 'P-256',
  secp384r1: 'P-384',
  secp521r1: 'P-521',
  secp256k1: 'secp256k1',
  SM2: 'SM2',
};

/** Describes a key's type and size without revealing anything secret, e.g. "an RSA-1024 key". */
export function describeKeyObject(key: KeyObject): string {
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return `an RSA-${details.modulusLength ?? '?'} key`;
    case 'rsa-pss':
      return `an RSA-PSS-${details.modulusLength ?? '?'} key (restricted to PSS signatures)`;
    case 'ec': {
      const curve = details.namedCurve ?? 'unknown curve';
      return `an EC ${CURVE_NAMES[curve] ?? curve} key`;
    }
    case 'ed25519':
      return 'an Ed25519 key';
    case 'ed448':
      return 'an Ed448 key';
    case 'x25519':
      return 'an X25519 key';
    case 'x448':
      return 'an X448 key';
    case 'dsa':
      return `a DSA-${details.modulusLength ?? '?'} key`;
    default:
      return `a key of type ${key.asymmetricKeyType ?? 'unknown'}`;
  }
}

/** Upper-cases the first letter, to start a sentence with a description. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
