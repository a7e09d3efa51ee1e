/**
 * manifest.json of a wrapped-material bundle (core/bundle/wrapped-material-manifest.ts): what the
 * online side trusts of the air-gapped side's words before it imports. A bundle written by an
 * earlier Keyferry (fixtures/wrapped-v1, byte for byte) is copied onto "the medium" and edited the
 * way a deliberate tamperer would (canonical JSON, checksum recomputed): a check value or
 * fingerprint in a form the import cannot compare, an expiry in local time, a wrapping algorithm the
 * KMS was not asked for, a replica of nothing, a field no Keyferry writes. Each is refused when the
 * bundle is read, naming the field; what today's writer adds (a key's expiry in UTC, the console
 * wizard's null token digest) reads. (The custody field: custody-arrangement.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { readBundle } from '../../../src-main/core/bundle';
import {
  editedFixture,
  FIXTURE_READ_TIME,
  refusesEachEdit,
  type EditableManifest,
  type ManifestEdit,
} from './fixture-copies';

const edited = (edit: (m: EditableManifest) => void) => editedFixture('wrapped-v1', edit);
/** The fixture's keys: AES_256, RSA_2048, EC_P256. */
const key = (m: EditableManifest, i: number) => m.keys[i] as Record<string, unknown>;

describe('a wrapped-material manifest the air-gapped side could have written', () => {
  it('reads with an AES expiry in UTC, no custody field (bundles before it) and a token the console wizard holds', async () => {
    const dir = await edited((m) => {
      key(m, 0).materialExpiresAt = '2030-06-30T00:00:00.000Z';
      key(m, 2).importTokenSha256 = null;
    });
    const bundle = await readBundle(dir, { now: FIXTURE_READ_TIME });
    if (bundle.kind !== 'wrapped-material') throw new Error(bundle.kind);
    expect(bundle.manifest.custody).toBeUndefined();
    expect(bundle.manifest.keys.map((k) => [k.keySpec, k.materialExpiresAt, k.importTokenSha256 === null])).toEqual([
      ['AES_256', '2030-06-30T00:00:00.000Z', false],
      ['RSA_2048', null, false],
      ['EC_P256', null, true],
    ]);
  });
});

describe('a wrapped-material manifest edited on the medium', () => {
  const edits: ManifestEdit[] = [
    [
      'a key check value in lower case',
      (m) => (key(m, 0).keyCheckValue = String(key(m, 0).keyCheckValue).toLowerCase()),
      'keys[0].keyCheckValue',
    ],
    [
      'a key check value of 4 bytes',
      (m) => (key(m, 0).keyCheckValue = `${String(key(m, 0).keyCheckValue)}AB`),
      'keys[0].keyCheckValue',
    ],
    [
      'a public key fingerprint in upper case',
      (m) => (key(m, 1).publicKeyFingerprint = String(key(m, 1).publicKeyFingerprint).toUpperCase()),
      'keys[1].publicKeyFingerprint',
    ],
    [
      'a wrapping key fingerprint cut short',
      (m) => (key(m, 2).wrappingKeyFingerprint = String(key(m, 2).wrappingKeyFingerprint).slice(0, 62)),
      'keys[2].wrappingKeyFingerprint',
    ],
    [
      'an expiry in local time',
      (m) => (key(m, 0).materialExpiresAt = '2030-06-30T08:00:00+08:00'),
      'keys[0].materialExpiresAt',
    ],
    [
      'a wrapping algorithm the KMS was not asked for',
      (m) => (key(m, 1).wrappingAlgorithm = 'RSAES_PKCS1_V1_5'),
      'keys[1].wrappingAlgorithm',
    ],
    ['a key spec the KMS does not import', (m) => (key(m, 0).keySpec = 'SM4'), 'keys[0].keySpec'],
    ['a replica of something that is no key id', (m) => (key(m, 2).replicaOf = '../keys'), 'keys[2].replicaOf'],
    ['a field no Keyferry writes', (m) => (key(m, 1).plaintext = 'AAAA'), 'keys[1].plaintext'],
  ];

  refusesEachEdit('wrapped-v1', 'keyferry.wrapped-material', [1, 2, 3, 4, 5], edits);
});
