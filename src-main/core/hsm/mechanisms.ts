/**
 * The PKCS#11 mechanisms a key ceremony needs, by number and by the name an HSM operator knows.
 * Numbers are from the PKCS#11 specification (v2.40 and v3.0); the npm binding has no constant
 * for CKM_AES_KEY_WRAP_KWP (0x210B), so every number Keyferry uses is spelled out here.
 */
import type { HsmCapabilityReport } from './hsm-capability';

export const MECHANISM = {
  CKM_RSA_PKCS_KEY_PAIR_GEN: 0x0000,
  CKM_RSA_PKCS_OAEP: 0x0009,
  CKM_SHA_1: 0x0220,
  CKM_SHA256: 0x0250,
  CKM_EC_KEY_PAIR_GEN: 0x1040,
  CKM_ECDSA: 0x1041,
  CKM_AES_KEY_GEN: 0x1080,
  CKM_AES_ECB: 0x1081,
  CKM_RSA_AES_KEY_WRAP: 0x1091,
  CKM_AES_KEY_WRAP: 0x2109,
  CKM_AES_KEY_WRAP_PAD: 0x210a,
  CKM_AES_KEY_WRAP_KWP: 0x210b,
} as const;

type MechanismName = keyof typeof MECHANISM;

/** MGF1 generators for CKM_RSA_PKCS_OAEP parameters. */
export const MGF1 = { SHA_1: 0x0001, SHA256: 0x0002 } as const;

/** CKZ_DATA_SPECIFIED: the OAEP label source (empty label). */
export const CKZ_DATA_SPECIFIED = 0x0001;

const NAMES = new Map<number, MechanismName>(
  Object.entries(MECHANISM).map(([name, value]) => [value, name as MechanismName]),
);

/** The mechanisms `hsm info` lists, in the order a ceremony uses them. */
export const CEREMONY_MECHANISMS: readonly MechanismName[] = [
  'CKM_AES_KEY_GEN',
  'CKM_RSA_PKCS_KEY_PAIR_GEN',
  'CKM_EC_KEY_PAIR_GEN',
  'CKM_RSA_PKCS_OAEP',
  'CKM_AES_KEY_WRAP_KWP',
  'CKM_AES_KEY_WRAP_PAD',
  'CKM_AES_KEY_WRAP',
  'CKM_RSA_AES_KEY_WRAP',
  'CKM_AES_ECB',
];

/** "CKM_AES_KEY_WRAP_PAD (0x210A)": the name and number, as an operator would look it up. */
export function mechanismLabel(mechanism: number): string {
  const hex = `0x${mechanism.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES.get(mechanism);
  return name ? `${name} (${hex})` : hex;
}

/** What a report says of one wrapping algorithm, as the journal and the screen name it (the mechanism by its label). */
export function capabilityFacts(report: HsmCapabilityReport) {
  return {
    algorithm: report.algorithm,
    keyWrapMechanism: report.privateKeyWrap.mechanism === null ? null : mechanismLabel(report.privateKeyWrap.mechanism),
    keyWrapFraming: report.privateKeyWrap.framing,
    kcvMethod: report.kcvMethod,
  };
}
