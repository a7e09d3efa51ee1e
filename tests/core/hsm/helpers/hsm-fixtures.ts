/** Shared set-up for HSM tests: a software "KMS" wrapping key pair and an open session on a soft token. */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadWrappingPublicKey, type WrappingPublicKey } from '../../../../src-main/core/crypto/wrapping-key';
import { HsmModule, HsmSession, selectToken } from '../../../../src-main/core/hsm';
import type { SoftToken } from './soft-tokens';

export interface KmsWrappingPair {
  readonly wrappingKey: WrappingPublicKey;
  readonly privateKey: KeyObject;
  /** The private key as a PEM file in `dir`, for `openssl pkeyutl -decrypt -inkey`. */
  readonly privateKeyFile: string;
}

/** An RSA-2048 wrapping key pair playing the KMS, its private half written for openssl. */
export async function kmsWrappingPair(dir: string): Promise<KmsWrappingPair> {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyFile = path.join(dir, 'kms-wrapping-private.pem');
  await writeFile(privateKeyFile, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  return {
    wrappingKey: loadWrappingPublicKey(pair.publicKey.export({ type: 'spki', format: 'der' })),
    privateKey: pair.privateKey,
    privateKeyFile,
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
