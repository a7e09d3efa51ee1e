/**
 * Whether a token can do a ceremony before anything is generated (hsm/hsm-capability.ts), on a real
 * SoftHSM 2.6 token: its OAEP takes SHA-1 only, its CKM_AES_KEY_WRAP_PAD zero-fills (a 20-byte trial
 * key comes back as 24 bytes), and the report says so in words that name what works; requireCapability
 * throws the first refusal as the error a person reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkHsmCapability,
  requireCapability,
  type HsmCapabilityReport,
} from '../../../src-main/core/hsm/hsm-capability';
import { expectKeyferryError } from '../crypto/helpers/openssl';
import { CKA } from '../../../src-main/core/hsm/attributes';
import { openSession } from './helpers/hsm-fixtures';
import { createSoftHsmToken, type SoftToken } from './helpers/soft-tokens';

describe('SoftHSM 2.6', () => {
  let token: SoftToken;
  /** OAEP-SHA-256 for AES_256, which SoftHSM cannot do (checked once: each check wraps trial keys). */
  let sha256Report: HsmCapabilityReport;
  beforeAll(async () => {
    token = await createSoftHsmToken();
    const hsm = openSession(token);
    try {
      sha256Report = checkHsmCapability(hsm.session, { algorithm: 'RSAES_OAEP_SHA_256', specs: ['AES_256'] });
    } finally {
      hsm.close();
    }
  });
  afterAll(async () => {
    await token.cleanup();
  });

  it('the capability check refuses OAEP-SHA-256 on SoftHSM, naming SHA-1 as what works', () => {
    const report = sha256Report;
    expect(report.ok).toBe(false);
    expect(report.specs[0]?.problem?.code).toBe('HSM_OAEP_HASH_UNSUPPORTED');
    expect(report.specs[0]?.problem?.message).toMatch(/CKR_ARGUMENTS_BAD.*only with SHA-1/);
    expect(report.specs[0]?.problem?.nextStep).toMatch(
      /Fetch new import parameters for the same keys with RSAES_OAEP_SHA_1 on the online side/,
    );
    expect(report.specs[0]?.problem?.nextStep).not.toMatch(/--wrapping-algorithm/);
  });

  it("the capability check detects SoftHSM's zero-filling CKM_AES_KEY_WRAP_PAD and refuses private keys unless accepted", () => {
    const hsm = openSession(token);
    try {
      const refused = checkHsmCapability(hsm.session, {
        algorithm: 'RSAES_OAEP_SHA_1',
        specs: ['RSA_2048', 'EC_P256'],
      });
      expect(refused.privateKeyWrap.trialBytesReturned).toBe(24);
      expect(refused.specs[0]?.problem?.message).toMatch(/a 20-byte trial key came back as 24 bytes/);
      expect(refused.specs.map((s) => s.problem?.code)).toEqual(['HSM_WRAP_PAD_NOT_EXACT', 'HSM_WRAP_PAD_NOT_EXACT']);
      expect(refused.specs[0]?.problem?.nextStep).toMatch(/CKM_AES_KEY_WRAP_KWP \(0x210B\)/);
      const accepted = checkHsmCapability(hsm.session, {
        algorithm: 'RSAES_OAEP_SHA_1',
        specs: ['RSA_2048'],
        acceptZeroFilledPad: true,
      });
      expect(accepted.ok).toBe(true);
      expect(accepted.specs[0]?.mechanisms).toContain('CKM_AES_KEY_WRAP_PAD (0x210A)');
    } finally {
      hsm.close();
    }
  });

  it("refuses EC before anything is generated: SoftHSM's PKCS#8 wraps shorter than the KMS takes, and no token object is left", () => {
    const hsm = openSession(token);
    try {
      const tokenObjects = (): number => {
        const { p11, handle } = hsm.session;
        p11.C_FindObjectsInit(handle, [{ type: CKA.TOKEN, value: true }]);
        try {
          return p11.C_FindObjects(handle, 100).length;
        } finally {
          p11.C_FindObjectsFinal(handle);
        }
      };
      const before = tokenObjects();
      const report = checkHsmCapability(hsm.session, {
        algorithm: 'RSAES_OAEP_SHA_1',
        specs: ['EC_P256', 'RSA_2048'],
        acceptZeroFilledPad: true,
      });
      expect(report.specs[0]?.problem?.code).toBe('HSM_TRIAL_WRAP_SHORTER_THAN_KMS_ACCEPTS');
      expect(report.specs[0]?.problem?.message).toMatch(
        /a trial EC_P256 private key, wrapped as the ceremony would wrap it, came to \d+ base64 characters, and the KMS accepts encrypted_privatekey only from 200/,
      );
      expect(report.specs[0]?.problem?.message).toContain('Nothing was generated in the token.');
      // RSA's PKCS#8 is long enough: only EC is refused.
      expect(report.specs[1]?.ok).toBe(true);
      expect(tokenObjects()).toBe(before);
      expect(() => requireCapability(report)).toThrow(/cannot do EC_P256 for the KMS/);
    } finally {
      hsm.close();
    }
  });

  it('names the token it checked and, for AES with OAEP-SHA-1, the mechanisms the ceremony will use', () => {
    const hsm = openSession(token);
    try {
      const report = checkHsmCapability(hsm.session, { algorithm: 'RSAES_OAEP_SHA_1', specs: ['AES_256'] });
      expect(report.ok).toBe(true);
      expect(report.oaep).toEqual({ ok: true, failure: null });
      expect(report.token.serial).toBe(token.serial);
      expect(report.token.label).toBe(token.label);
      expect(report.specs[0]?.mechanisms).toEqual(
        expect.arrayContaining(['CKM_AES_KEY_GEN (0x1080)', 'CKM_RSA_PKCS_OAEP (0x0009)']),
      );
      expect(() => requireCapability(report)).not.toThrow();
    } finally {
      hsm.close();
    }
  });

  it('requireCapability throws the first refused spec as the error a person reads, values kept', () => {
    const error = expectKeyferryError(() => requireCapability(sha256Report), 'HSM_OAEP_HASH_UNSUPPORTED');
    expect(error.message).toBe(sha256Report.specs[0]?.problem?.message);
    expect(error.nextStep).toBe(sha256Report.specs[0]?.problem?.nextStep);
    expect(error.values).toEqual(sha256Report.specs[0]?.problem?.values);
  });
});
