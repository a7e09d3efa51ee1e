/** Shared set-up for HSM tests: a software "KMS" wrapping key pair, an open session on a soft token, AES token keys made as another tool would. */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadWrappingPublicKey, type WrappingPublicKey } from '../../../../src-main/core/crypto/wrapping-key';
import { HsmModule, HsmSession, selectToken } from '../../../../src-main/core/hsm';
import { CKA, CKK, CKO } from '../../../../src-main/core/hsm/attributes';
import { MECHANISM } from '../../../../src-main/core/hsm/mechanisms';
import type { SoftToken } from './soft-tokens';

export interface KmsWrappingPair {
  readonly wrappingKey: WrappingPublicKey;
  readonly privateKey: KeyObject;
  /** The private key as a PEM file, for `openssl pkeyutl -decrypt -inkey`. */
  readonly privateKeyFile: string;
}

/** The committed RSA-2048 test key (tests/fixtures/test-rsa-keys/README.md): not generated at run time. */
const KMS_PRIVATE_KEY_FILE = path.resolve(__dirname, '../../../fixtures/test-rsa-keys/rsa2048.pem');

/** An RSA-2048 wrapping key pair playing the KMS, its private half a PEM file for openssl. */
export function kmsWrappingPair(): KmsWrappingPair {
  const privateKey = createPrivateKey(readFileSync(KMS_PRIVATE_KEY_FILE));
  return {
    wrappingKey: loadWrappingPublicKey(createPublicKey(privateKey).export({ type: 'spki', format: 'der' })),
    privateKey,
    privateKeyFile: KMS_PRIVATE_KEY_FILE,
  };
}

/** Opens the module and logs in to `token`; close with the returned `close`. */
export function openSession(token: SoftToken): { module: HsmModule; session: HsmSession; close(): void } {
  const module = HsmModule.open(token.modulePath);
  try {
    const session = HsmSession.open(module, selectToken(module, token.label), token.pin);
    return {
      module,
      session,
      close() {
        session.close();
        module.close();
      },
    };
  } catch (error) {
    module.close();
    throw error;
  }
}

/** Vitest's skip reason for openCryptoki, or a failure when KEYFERRY_REQUIRE_HSM=1 (CI). */
export function openCryptokiSkipReason(unavailable: string | null): string | null {
  if (unavailable && process.env.KEYFERRY_REQUIRE_HSM === '1') {
    throw new Error(`KEYFERRY_REQUIRE_HSM=1 but openCryptoki cannot run: ${unavailable}`);
  }
  return unavailable;
}

/** The attributes that set an AES token key apart; one left out is not in the template (the token's default applies). */
export interface AesTokenKeyAttributes {
  /** 16 or 32 (default 32). */
  readonly bytes?: number;
  readonly id?: Buffer;
  readonly private?: boolean;
  readonly sensitive?: boolean;
  readonly extractable?: boolean;
  readonly encrypt?: boolean;
}

/** A private, sensitive AES key that may leave the token wrapped and encrypts: as a ceremony's own token key. */
export const WRAPPABLE: AesTokenKeyAttributes = { private: true, sensitive: true, extractable: true, encrypt: true };

/** Generates an AES key object labelled `label` on the token of `session` (CKM_AES_KEY_GEN), as another tool would. */
export function generateAesTokenKey(session: HsmSession, label: string, attributes: AesTokenKeyAttributes = {}): void {
  const optional: [number, boolean | Buffer | undefined][] = [
    [CKA.ID, attributes.id],
    [CKA.PRIVATE, attributes.private],
    [CKA.SENSITIVE, attributes.sensitive],
    [CKA.EXTRACTABLE, attributes.extractable],
    [CKA.ENCRYPT, attributes.encrypt],
  ];
  session.p11.C_GenerateKey(session.handle, { mechanism: MECHANISM.CKM_AES_KEY_GEN }, [
    { type: CKA.CLASS, value: CKO.SECRET_KEY },
    { type: CKA.KEY_TYPE, value: CKK.AES },
    { type: CKA.VALUE_LEN, value: attributes.bytes ?? 32 },
    { type: CKA.TOKEN, value: true },
    { type: CKA.LABEL, value: label },
    ...optional.flatMap(([type, value]) => (value === undefined ? [] : [{ type, value }])),
  ]);
}

/**
 * Writes `value` (32 bytes) into the token of `session` as an AES key object labelled `label` with
 * CKA_ID `id` (C_CreateObject, as `pkcs11-tool --write-object` does): material that existed outside
 * the token, so the token keeps CKA_LOCAL false; not sensitive, so never always sensitive.
 */
export function writeAesTokenKey(session: HsmSession, label: string, id: Buffer, value: Buffer): void {
  session.p11.C_CreateObject(session.handle, [
    { type: CKA.CLASS, value: CKO.SECRET_KEY },
    { type: CKA.KEY_TYPE, value: CKK.AES },
    { type: CKA.TOKEN, value: true },
    { type: CKA.PRIVATE, value: true },
    { type: CKA.LABEL, value: label },
    { type: CKA.ID, value: id },
    { type: CKA.VALUE, value },
    { type: CKA.SENSITIVE, value: false },
    { type: CKA.EXTRACTABLE, value: true },
    { type: CKA.ENCRYPT, value: true },
  ]);
}
