/**
 * Import parameters on the online side (src-main/core/ceremony/online/issued-parameters.ts), from
 * a real get-parameters-for-import answer of the simulator over 127.0.0.1: the journal records
 * what the KMS sent (the wrapping key's SHA-256 and the token's, the region and project), the
 * summary reads the fingerprint aloud in groups, a weak wrapping key is refused naming the key;
 * the bundle is rebuilt from the journal's record, refused once the token lapsed, carries the
 * material the KMS bound the key to, and each key's material expiry follows its history.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  issuedFromAnswer,
  keyMaterialExpiry,
  parametersForBundle,
} from '../../../../src-main/core/ceremony/online/issued-parameters';
import type { IssuedParameters, OnlineKeyState } from '../../../../src-main/core/ceremony/online/state';
import { groupHex } from '../../../../src-main/core/hex-groups';
import type { ImportParameters as KmsImportParameters } from '../../../../src-main/core/kms/types';
import { weakWrappingKeys } from '../../crypto/helpers/weak-rsa';
import { startSimWithClient, type SimSetup } from '../../kms/helpers/sim';

const REGION = 'cn-north-4';
const PROJECT = '0123456789abcdef0123456789abcdef';
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

let setup: SimSetup;
let answer: KmsImportParameters;
let keyId: string;
beforeAll(async () => {
  setup = await startSimWithClient();
  ({ keyId } = await setup.client.createKey({ alias: 'issued-a', spec: 'AES_256' }));
  answer = await setup.client.getParametersForImport({ keyId });
});
afterAll(async () => {
  await setup.close();
});

function keyState(changes: Partial<OnlineKeyState> = {}): OnlineKeyState {
  return {
    keyId,
    alias: 'issued-a',
    spec: 'AES_256',
    usage: 'ENCRYPT_DECRYPT',
    description: '',
    issued: [],
    ...changes,
  };
}

/** The key as the journal replays it once `issuedFromAnswer`'s event was appended. */
function issuedKey(changes: Partial<OnlineKeyState> = {}): OnlineKeyState {
  const { event } = issuedFromAnswer(keyState(), answer, 'RSAES_OAEP_SHA_256', REGION, PROJECT);
  return keyState({ issued: [event as unknown as IssuedParameters], ...changes });
}

describe('issuedFromAnswer', () => {
  it("journals the KMS's answer with the SHA-256 of the wrapping key and of the token, and groups the fingerprint for reading aloud", () => {
    const { event, summary } = issuedFromAnswer(keyState(), answer, 'RSAES_OAEP_SHA_256', REGION, PROJECT);
    const fingerprint = sha256(answer.publicKeyDer);
    expect(event).toEqual({
      keyId,
      wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
      wrappingKeyFingerprint: fingerprint,
      importTokenSha256: sha256(answer.importToken),
      importToken: answer.importToken,
      tokenExpiresAt: answer.expiresAt.toISOString(),
      wrappingPublicKey: answer.publicKeyDer.toString('base64'),
      region: REGION,
      projectId: PROJECT,
    });
    expect(summary).toMatchObject({ keyId, alias: 'issued-a', spec: 'AES_256', wrappingKeyFingerprint: fingerprint });
    expect(summary.wrappingKeyFingerprintGrouped).toBe(groupHex(fingerprint));
    expect(summary.wrappingKeyFingerprintGrouped.replace(/ /g, '').toLowerCase()).toBe(fingerprint);
  });

  it.each(weakWrappingKeys().map((weak) => [weak.name, weak] as const))(
    'refuses a wrapping key with %s, naming the key',
    (_name, weak) => {
      const tampered = { ...answer, publicKeyDer: weak.der };
      expect(() => issuedFromAnswer(keyState(), tampered, 'RSAES_OAEP_SHA_256', REGION, PROJECT)).toThrow(
        expect.objectContaining({ code: 'BUNDLE_INPUT_INVALID', message: expect.stringContaining(keyId) }),
      );
    },
  );
});

describe('parametersForBundle', () => {
  const before = (ms: number) => new Date(answer.expiresAt.getTime() - ms);

  it("rebuilds the bundle's parameters from the journal's record: the same wrapping key, token and origin", () => {
    const parameters = parametersForBundle(issuedKey(), before(60_000), 'never');
    expect(parameters.keyId).toBe(keyId);
    expect(parameters.wrappingKey.spkiDer.equals(answer.publicKeyDer)).toBe(true);
    expect(parameters.importToken).toMatchObject({ value: answer.importToken, sha256: sha256(answer.importToken) });
    expect(parameters.origin).toMatchObject({ region: REGION, projectId: PROJECT, keyAlias: 'issued-a' });
    expect(parameters.materialExpiry).toBe('never');
    expect(parameters).not.toHaveProperty('replicaOf');
    expect(parameters).not.toHaveProperty('boundMaterial');
  });

  it('refuses a lapsed token (IMPORT_TOKEN_EXPIRED, with when) and a key never issued parameters', () => {
    expect(() => parametersForBundle(issuedKey(), answer.expiresAt, 'never')).toThrow(
      expect.objectContaining({
        code: 'IMPORT_TOKEN_EXPIRED',
        values: { keyId, known: 'yes', at: answer.expiresAt.getTime() },
      }),
    );
    expect(() => parametersForBundle(keyState(), before(60_000), 'never')).toThrow(
      expect.objectContaining({ code: 'IMPORT_TOKEN_EXPIRED', values: { keyId, known: 'no', at: 0 } }),
    );
  });

  it('carries the replica group and the material the KMS bound the key to (its check value in upper case)', () => {
    const primary = '9f1b0c2a-2f4d-4c6e-9a8b-0c1d2e3f4a54';
    const aes = parametersForBundle(
      issuedKey({ replicaOf: primary, firstImport: { keyCheckValue: 'a1b2c3', publicKeyFingerprint: null, seq: 7 } }),
      before(60_000),
      'never',
    );
    expect(aes.replicaOf).toBe(primary);
    expect(aes.boundMaterial).toEqual({
      kind: 'key-check-value',
      method: 'aes-ecb-zero-block',
      keyCheckValue: 'A1B2C3',
      importedSeq: 7,
    });
    const fingerprint = 'ab'.repeat(32);
    const pub = parametersForBundle(
      issuedKey({ firstImport: { keyCheckValue: null, publicKeyFingerprint: fingerprint, seq: 9 } }),
      before(60_000),
      'never',
    );
    expect(pub.boundMaterial).toEqual({ kind: 'public-key-sha256', publicKeyFingerprint: fingerprint, importedSeq: 9 });
  });

  it('a key taking its group’s material requests the expiry its holder imported it with, not the plan’s', () => {
    const held = '2030-03-01T00:00:00.000Z';
    const holder = keyState({
      keyId: 'holder',
      plannedExpiry: '2031-01-01T00:00:00.000Z',
      firstImport: { keyCheckValue: 'a1b2c3', publicKeyFingerprint: null, seq: 7 },
      imported: { expiresAt: held, importTokenSha256: 'x' },
    });
    const taker = issuedKey({ replicaOf: 'holder', plannedExpiry: '2031-01-01T00:00:00.000Z' });
    expect(parametersForBundle(taker, before(60_000), 'never', holder).materialExpiry).toBe(held);
    expect(parametersForBundle(taker, before(60_000), 'never').materialExpiry).toBe('2031-01-01T00:00:00.000Z');
  });
});

describe('keyMaterialExpiry', () => {
  const planned = '2031-01-01T00:00:00.000Z';
  const own = '2030-06-01T00:00:00.000Z';
  const before = '2029-02-01T00:00:00.000Z';
  it.each<[string, Partial<OnlineKeyState>, string]>([
    ['an AES key takes the plan’s expiry', {}, planned],
    ['an AES key with its own planned expiry takes that', { plannedExpiry: own }, own],
    ['asymmetric material never expires, whatever was planned', { spec: 'RSA_3072', plannedExpiry: own }, 'never'],
    [
      'a key imported before keeps the expiry it was imported with',
      { plannedExpiry: own, imported: { expiresAt: before, importTokenSha256: 'x' } },
      before,
    ],
    [
      'a key imported before without expiry keeps never',
      { imported: { expiresAt: null, importTokenSha256: 'x' } },
      'never',
    ],
  ])('%s', (_case, changes, expected) => {
    expect(keyMaterialExpiry(keyState(changes), planned)).toBe(expected);
  });
});
