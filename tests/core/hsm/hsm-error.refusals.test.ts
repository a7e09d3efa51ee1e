/**
 * Every refusal of the PKCS#11 layer on a real SoftHSM token, each with its code, a message that
 * says what happened and a next step: a missing or foreign module, no token, an unknown token,
 * a wrong PIN, a PIN source that holds nothing, keys that are missing, of the wrong kind, or not
 * allowed to leave the HSM.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMaterialKey, HsmModule, HsmSession, selectToken } from '../../../src-main/core/hsm';
import { expectKeyferryError } from '../crypto/helpers/openssl';
import { generateAesTokenKey, openSession } from './helpers/hsm-fixtures';
import { createSoftHsmToken, SOFTHSM_MODULE, type SoftToken } from './helpers/soft-tokens';

describe('PKCS#11 refusals on SoftHSM', () => {
  let token: SoftToken;
  beforeAll(async () => {
    token = await createSoftHsmToken('refusals');
    const hsm = openSession(token);
    try {
      // An AES-256 key the HSM must never let out, and one that may leave: made by "another tool".
      for (const [label, extractable] of [
        ['locked-in', false],
        ['aes-128', true],
      ] as const) {
        generateAesTokenKey(hsm.session, label, {
          bytes: label === 'aes-128' ? 16 : 32,
          sensitive: true,
          extractable,
        });
      }
    } finally {
      hsm.close();
    }
  });
  afterAll(async () => {
    await token.cleanup();
  });

  it('a missing module: HSM_MODULE_MISSING naming the path', () => {
    expectKeyferryError(
      () => HsmModule.open('/opt/vendor/libmissing-pkcs11.so'),
      'HSM_MODULE_MISSING',
      /no PKCS#11 module at \/opt\/vendor\/libmissing-pkcs11.so/,
    );
  });

  it('a file that is not a PKCS#11 library: HSM_MODULE_UNLOADABLE', () => {
    expectKeyferryError(
      () => HsmModule.open('/etc/hostname'),
      'HSM_MODULE_UNLOADABLE',
      /could not be loaded as a PKCS#11 module/,
    );
  });

  it('an unknown token label: HSM_TOKEN_NOT_FOUND listing the tokens that are there', () => {
    const module = HsmModule.open(SOFTHSM_MODULE);
    try {
      const error = expectKeyferryError(() => selectToken(module, 'production-hsm'), 'HSM_TOKEN_NOT_FOUND');
      expect(error.message).toContain(`"refusals" [${token.serial}]`);
    } finally {
      module.close();
    }
  });

  it('the token chosen by serial number works like by label', () => {
    const module = HsmModule.open(SOFTHSM_MODULE);
    try {
      expect(selectToken(module, token.serial).token.label).toBe('refusals');
    } finally {
      module.close();
    }
  });

  it('a wrong PIN: HSM_PIN_INCORRECT, and no session is left open', () => {
    const module = HsmModule.open(SOFTHSM_MODULE);
    try {
      const slot = selectToken(module, 'refusals');
      const error = expectKeyferryError(
        () => HsmSession.open(module, slot, '000000'),
        'HSM_PIN_INCORRECT',
        /CKR_PIN_INCORRECT/,
      );
      expect(error.message).not.toContain('000000');
      // SoftHSM sets CKF_USER_PIN_COUNT_LOW after a wrong PIN: said, read from the token after the refusal.
      expect(error.nextStep).toBe(
        'The token says few tries are left before it locks the PIN: try again only when you are sure of the PIN.',
      );
      // the right PIN still works: the failed login closed its session
      HsmSession.open(module, slot, token.pin).close();
    } finally {
      module.close();
    }
  });

  it('no initialized token: HSM_NO_TOKEN', async () => {
    const saved = process.env.SOFTHSM2_CONF;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'keyferry-empty-softhsm-'));
    await mkdir(path.join(dir, 'tokens'));
    await writeFile(
      path.join(dir, 'softhsm2.conf'),
      `directories.tokendir = ${dir}/tokens\nobjectstore.backend = file\n`,
    );
    process.env.SOFTHSM2_CONF = path.join(dir, 'softhsm2.conf');
    const module = HsmModule.open(SOFTHSM_MODULE);
    try {
      expectKeyferryError(
        () => selectToken(module, 'refusals'),
        'HSM_NO_TOKEN',
        /shows no initialized token \(1 empty slot\)/,
      );
    } finally {
      module.close();
      process.env.SOFTHSM2_CONF = saved;
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a key the HSM will not let out (CKA_EXTRACTABLE false): HSM_KEY_NOT_EXTRACTABLE', () => {
    const hsm = openSession(token);
    try {
      expectKeyferryError(
        () => findMaterialKey(hsm.session, 'AES_256', { label: 'locked-in' }),
        'HSM_KEY_NOT_EXTRACTABLE',
        /not extractable \(CKA_EXTRACTABLE false\)/,
      );
    } finally {
      hsm.close();
    }
  });

  it('a key of the wrong size or kind, or none: HSM_KEY_WRONG_TYPE / HSM_KEY_NOT_FOUND', () => {
    const hsm = openSession(token);
    try {
      expectKeyferryError(
        () => findMaterialKey(hsm.session, 'AES_256', { label: 'aes-128' }),
        'HSM_KEY_WRONG_TYPE',
        /The HSM key aes-128 is AES-128, but the KMS key is AES_256/,
      );
      expectKeyferryError(
        () => findMaterialKey(hsm.session, 'RSA_2048', { label: 'aes-128' }),
        'HSM_KEY_NOT_FOUND',
        /has no private key with label "aes-128"/,
      );
      expectKeyferryError(() => findMaterialKey(hsm.session, 'AES_256', { label: 'nothing' }), 'HSM_KEY_NOT_FOUND');
    } finally {
      hsm.close();
    }
  });
});
