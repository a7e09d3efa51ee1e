/** Custody sets a test brings in beside the ceremony's own: what a custodian carrying the wrong stick hands over. */
import { randomBytes } from 'node:crypto';
import { createKeyMaterial } from '../../src-main/core/crypto/key-material';
import { SecretBytes } from '../../src-main/core/crypto/secret-bytes';
import { splitCustodySet, type CustodySet } from '../../src-main/core/custody/set-split';

/**
 * A real custody set of another ceremony `ceremonyId` for the same `keyId`, over fresh AES-256
 * material (disposed here). The caller disposes the shares (`for (const s of set.shares) s.share.dispose()`).
 */
export async function otherCeremonySet(
  ceremonyId: string,
  keyId: string,
  custody: { readonly m: number; readonly n: number; readonly custodians: readonly string[] },
): Promise<CustodySet> {
  const material = createKeyMaterial('AES_256', SecretBytes.from(randomBytes(32)));
  try {
    return await splitCustodySet({ ceremonyId, ...custody, keys: [{ keyId, spec: 'AES_256', material }] });
  } finally {
    material.dispose();
  }
}
