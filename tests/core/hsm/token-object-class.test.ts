/** The object classes a ceremony generates, and OpenSC pkcs11-tool's `--type` word for each (as its --help lists them). */
import { describe, expect, it } from 'vitest';
import { pkcs11ToolType, TOKEN_OBJECT_CLASSES } from '../../../src-main/core/hsm/token-object-class';

describe('token object classes', () => {
  it('each has the pkcs11-tool --type that deletes it', () => {
    expect(TOKEN_OBJECT_CLASSES.map((c) => `${c} ${pkcs11ToolType(c)}`)).toEqual([
      'CKO_SECRET_KEY secrkey',
      'CKO_PRIVATE_KEY privkey',
      'CKO_PUBLIC_KEY pubkey',
    ]);
  });
});
