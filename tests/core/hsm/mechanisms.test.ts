/**
 * The PKCS#11 mechanisms of a ceremony (hsm/mechanisms.ts): their numbers agree with the pkcs11js
 * binding wherever it has a constant, an operator reads each as its name and number, and the facts
 * the journal records of a capability report name the private-key wrap by that label.
 */
import * as pkcs11js from 'pkcs11js';
import { describe, expect, it } from 'vitest';
import type { HsmCapabilityReport } from '../../../src-main/core/hsm/hsm-capability';
import {
  CEREMONY_MECHANISMS,
  MECHANISM,
  MGF1,
  capabilityFacts,
  mechanismLabel,
} from '../../../src-main/core/hsm/mechanisms';

describe('mechanism numbers', () => {
  it('are the numbers of the PKCS#11 binding wherever it has the constant', () => {
    const binding = pkcs11js as unknown as Record<string, number | undefined>;
    const known = Object.entries(MECHANISM).filter(([name]) => binding[name] !== undefined);
    expect(known.length).toBeGreaterThanOrEqual(8);
    for (const [name, value] of known) expect(value, name).toBe(binding[name]);
    expect(MGF1).toEqual({ SHA_1: binding.CKG_MGF1_SHA1, SHA256: binding.CKG_MGF1_SHA256 });
  });

  it('every mechanism a ceremony lists has a number', () => {
    for (const name of CEREMONY_MECHANISMS) expect(MECHANISM[name], name).toEqual(expect.any(Number));
  });
});

describe('mechanismLabel', () => {
  it.each([
    [0x210b, 'CKM_AES_KEY_WRAP_KWP (0x210B)'],
    [0x0009, 'CKM_RSA_PKCS_OAEP (0x0009)'],
    [0x0000, 'CKM_RSA_PKCS_KEY_PAIR_GEN (0x0000)'],
    [0x1234, '0x1234'],
    [0x80000001, '0x80000001'],
  ])('%i reads %s', (mechanism, label) => {
    expect(mechanismLabel(mechanism)).toBe(label);
  });
});

describe('capabilityFacts', () => {
  const report = (mechanism: number | null, framing: 'exact' | 'zero-filled' | 'missing') =>
    ({
      algorithm: 'RSAES_OAEP_SHA_1',
      privateKeyWrap: { mechanism, framing, trialBytesReturned: framing === 'missing' ? null : 24 },
      kcvMethod: 'ecb',
    }) as unknown as HsmCapabilityReport;

  it('names the private-key wrap by its label, with its framing and the check-value method', () => {
    expect(capabilityFacts(report(MECHANISM.CKM_AES_KEY_WRAP_PAD, 'zero-filled'))).toEqual({
      algorithm: 'RSAES_OAEP_SHA_1',
      keyWrapMechanism: 'CKM_AES_KEY_WRAP_PAD (0x210A)',
      keyWrapFraming: 'zero-filled',
      kcvMethod: 'ecb',
    });
  });

  it('says no mechanism when the token has no private-key wrap', () => {
    expect(capabilityFacts(report(null, 'missing')).keyWrapMechanism).toBeNull();
  });
});
