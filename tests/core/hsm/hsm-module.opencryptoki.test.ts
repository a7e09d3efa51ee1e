/**
 * openCryptoki's soft token (needs its slot daemon pkcsslotd): AES_256 wrapped with OAEP-SHA-256
 * and checked by openssl, and the capability check's refusals for what this token lacks. Its own
 * file (own process): loading SoftHSM and then openCryptoki in one process crashed the worker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHsmCapability, HsmModule, HsmSession, selectToken } from '../../../src-main/core/hsm';
import { expectKeyferryError } from '../crypto/helpers/openssl';
import { openCryptokiSkipReason, openSession } from './helpers/hsm-fixtures';
import { expectAesWrapDecrypts } from './helpers/openssl-checks';
import { createOpenCryptokiToken, openCryptokiUnavailable, type SoftToken } from './helpers/soft-tokens';

const ockUnavailable = openCryptokiSkipReason(openCryptokiUnavailable());

describe.skipIf(ockUnavailable !== null)(
  `openCryptoki 3.8 soft token${ockUnavailable ? ` (skipped: ${ockUnavailable})` : ''}`,
  () => {
    let token: SoftToken;
    beforeAll(async () => {
      token = await createOpenCryptokiToken();
    });
    afterAll(async () => {
      await token?.cleanup();
    });

    it('AES_256 generated in openCryptoki and wrapped with OAEP-SHA-256 decrypts with openssl to the key whose KCV the HSM reported', async () => {
      await expectAesWrapDecrypts(token, 'RSAES_OAEP_SHA_256');
    });

    it('the capability check refuses EC (no CKM_EC_KEY_PAIR_GEN) and RSA private keys (no AES key wrap) on openCryptoki', () => {
      const hsm = openSession(token);
      try {
        const report = checkHsmCapability(hsm.session, {
          algorithm: 'RSAES_OAEP_SHA_256',
          specs: ['AES_256', 'EC_P256', 'RSA_2048'],
        });
        expect(report.specs[0]?.ok).toBe(true);
        expect(report.kcvMethod).toBe('ecb');
        expect(report.specs[1]?.problem).toMatchObject({
          code: 'HSM_GENERATOR_MISSING',
          values: { mechanism: 'CKM_EC_KEY_PAIR_GEN (0x1040)' },
        });
        expect(report.specs[1]?.problem?.message).toMatch(
          /cannot generate keys for EC_P256: CKM_EC_KEY_PAIR_GEN \(0x1040\) is not in its mechanism list/,
        );
        expect(report.specs[2]?.problem?.message).toMatch(
          /neither CKM_AES_KEY_WRAP_KWP \(0x210B\) nor CKM_AES_KEY_WRAP_PAD \(0x210A\) is in its mechanism list/,
        );
        expect(report.specs[2]?.problem?.nextStep).toMatch(/generate this key in software/);
      } finally {
        hsm.close();
      }
    });
  },
);

describe.skipIf(ockUnavailable !== null)(
  `openCryptoki PIN lock${ockUnavailable ? ` (skipped: ${ockUnavailable})` : ''}`,
  () => {
    it('three wrong PINs lock the user PIN; then the locked PIN is refused before any try, as HSM_PIN_LOCKED', async () => {
      const token = await createOpenCryptokiToken('keyferry-lock', '1357');
      const module = HsmModule.open(token.modulePath);
      try {
        const slot = selectToken(module, 'keyferry-lock');
        const said = [0, 1, 2].map(
          () => expectKeyferryError(() => HsmSession.open(module, slot, '0000'), 'HSM_PIN_INCORRECT').nextStep,
        );
        expect(module.tokenInfo(slot.slot).flags & 0x40000).not.toBe(0);
        // What the token says after each wrong PIN: the one before the last warns that the next locks it, the last that it is locked.
        expect(said[1]).toContain('The token says the NEXT wrong PIN LOCKS it');
        expect(said[2]).toContain('The token has now LOCKED the user PIN');
        // the right PIN is now refused before C_Login, from the token's CKF_USER_PIN_LOCKED flag
        const error = expectKeyferryError(
          () => HsmSession.open(module, slot, token.pin),
          'HSM_PIN_LOCKED',
          /user PIN of token "keyferry-lock" \(serial 123\) is locked/,
        );
        expect(error.nextStep).toMatch(/security officer/);
      } finally {
        module.close();
        await token.cleanup();
      }
    });
  },
);
