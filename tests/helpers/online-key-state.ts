/** Online key states as the journal replays them (core/ceremony/online/state.ts), for unit tests of the rules over them. */
import type { OnlineKeyState, RecordedCustody } from '../../src-main/core/ceremony/online/state';

/** An AES key `k/<keyId>` created and never imported, with `facts` added. */
export function onlineKey(keyId: string, facts: Partial<OnlineKeyState> = {}): OnlineKeyState {
  return {
    keyId,
    alias: `k/${keyId}`,
    spec: 'AES_256',
    usage: 'ENCRYPT_DECRYPT',
    description: '',
    issued: [],
    ...facts,
  };
}

/**
 * A key holding material imported from the wrapped bundle whose check (entry `custody.seq`)
 * recorded `custody`; `lapsed`: that material lapsed in the KMS since.
 */
export function importedKey(keyId: string, custody: RecordedCustody, lapsed = false): OnlineKeyState {
  return onlineKey(keyId, {
    // Imported, so its parameters were fetched once (what they were does not matter here).
    issued: [
      {
        keyId,
        wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
        wrappingKeyFingerprint: 'b'.repeat(64),
        importTokenSha256: 'a'.repeat(64),
        importToken: 'token',
        tokenExpiresAt: '2026-01-02T00:00:00.000Z',
        wrappingPublicKey: '',
        region: 'sim-local-1',
        projectId: 'p'.repeat(32),
      },
    ],
    imported: { expiresAt: null, importTokenSha256: 'a'.repeat(64), custody },
    firstImport: { keyCheckValue: 'ABCDEF', publicKeyFingerprint: null, seq: custody.seq + 2 },
    ...(lapsed ? { materialDeleted: true, materialLapsed: true } : {}),
  });
}

/** The keys by id, as the replayed state holds them. */
export const keysById = (keys: readonly OnlineKeyState[]) => new Map(keys.map((k) => [k.keyId, k]));
