/**
 * A wrapped-material bundle of a whole replica group (primary p, replica r) offered after r alone
 * took the material of a later wrap: leaving r out and importing p would leave the group with two
 * materials, which the KMS binds for ever. The check refuses the bundle whole
 * (WRAPPED_REPLICA_GROUP_SPLIT), naming r, the bundle its material came from and the member that
 * would take this bundle's, in both languages. The CLI can no longer make such a bundle (online
 * params refuses parameters for part of a waiting group), so the journal and bundle are made by hand.
 */
import { describe, expect, it } from 'vitest';
import { checkWrappedBundleAgainstIssued } from '../../../../src-main/core/ceremony/online/wrapped-bundle-check';
import { replayOnlineJournal } from '../../../../src-main/core/ceremony/online/state';
import type { WrappedKeyMaterial } from '../../../../src-main/core/bundle';
import { toProblem } from '../../../../src-main/core/errors';
import { groupHex } from '../../../../src-main/core/hex-groups';
import { translator } from '../../../../src-main/i18n/translate';
import { chainedJournal } from '../../../helpers/chained-journal';
import { onlineStarted } from '../../../helpers/online-started';

const CEREMONY = 'KF-20250301-abcdef';
const FINGERPRINT = 'a'.repeat(64);
/** The tokens: p's and r's of the first parameters, then r's alone (fetched later, for the later wrap). */
const [P_TOKEN, R_TOKEN, R_LATER_TOKEN] = ['1', '2', '3'].map((d) => d.repeat(64)) as [string, string, string];
const LATER_BUNDLE = 'c'.repeat(64);

const created = (keyId: string, replica: Record<string, unknown> = {}): [string, Record<string, unknown>] => [
  'key.created',
  { keyId, alias: 'dr/aes', spec: 'AES_256', usage: 'ENCRYPT_DECRYPT', description: '', ...replica },
];
const fetched = (keyId: string, importTokenSha256: string): [string, Record<string, unknown>] => [
  'parameters.fetched',
  {
    keyId,
    wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
    wrappingKeyFingerprint: FINGERPRINT,
    importTokenSha256,
    importToken: 'tok',
    tokenExpiresAt: '2025-03-02T09:00:00.000Z',
    wrappingPublicKey: 'AA==',
    region: 'r',
    projectId: 'p',
  },
];

/** The ceremony's state once r took the later wrap's material, whose KCV is `heldKcv`. */
function stateAfterLaterWrapOfReplica(heldKcv: string) {
  const state = replayOnlineJournal(
    chainedJournal([
      onlineStarted(CEREMONY),
      created('p'),
      created('r', { replicaOf: 'p', region: 'r2', projectId: 'p2' }),
      fetched('p', P_TOKEN),
      fetched('r', R_TOKEN),
      fetched('r', R_LATER_TOKEN),
      [
        'wrapped-bundle.checked',
        {
          folder: '/m/wrapped-2',
          manifestSha256: LATER_BUNDLE,
          keys: [{ keyId: 'r', publicKeyFingerprint: null, keyCheckValue: heldKcv }],
        },
      ],
      ['key.imported', { keyId: 'r', expiresAt: null, importTokenSha256: R_LATER_TOKEN, confirmation: 'answered' }],
    ]),
  );
  if (!state) throw new Error('no online state');
  return state;
}

/** The first wrap's material of `keyId` (KCV AAAAAA), wrapped under its first token. */
const firstWrap = (keyId: string, importTokenSha256: string, replicaOf?: string): WrappedKeyMaterial => ({
  keyId,
  keySpec: 'AES_256',
  wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
  wrappingKeyFingerprint: FINGERPRINT,
  importTokenSha256,
  encryptedKeyMaterial: Buffer.alloc(256),
  encryptedPrivateKey: null,
  publicKeyDer: null,
  keyCheckValue: 'AAAAAA',
  materialExpiresAt: null,
  ...(replicaOf ? { replicaOf } : {}),
});

const firstBundle = {
  manifest: { ceremonyId: CEREMONY },
  keys: [firstWrap('p', P_TOKEN), firstWrap('r', R_TOKEN, 'p')],
};
const NOW = new Date('2025-03-01T10:00:00.000Z');

describe('the check of a replica group’s bundle one of whose members took a later wrap', () => {
  it('refuses it whole, naming the member, the bundle its material came from and the member that would split off', () => {
    const refused: unknown = (() => {
      try {
        return checkWrappedBundleAgainstIssued(stateAfterLaterWrapOfReplica('BBBBBB'), firstBundle, NOW);
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toMatchObject({
      code: 'WRAPPED_REPLICA_GROUP_SPLIT',
      values: { alias: 'dr/aes', keyId: 'r', digest: groupHex(LATER_BUNDLE), count: 1 },
    });
    const en = translator('en').problem(toProblem(refused));
    expect(en.message).toContain(
      `Key dr/aes (r) holds other material than this bundle’s, imported from the wrapped-material bundle ${groupHex(LATER_BUNDLE)}`,
    );
    expect(en.message).toContain('this bundle would give dr/aes (p) of its replica group its own material');
    expect(en.message).toContain('Nothing of this bundle was imported; nothing was sent to the KMS.');
    expect(en.nextStep).toContain('Fetch new import parameters for that key only');
    const zh = translator('zh-CN').problem(toProblem(refused));
    expect(zh.message).toContain(
      `密钥 dr/aes（r）持有的密钥材料不是此包中的，而是从已包装密钥材料包 ${groupHex(LATER_BUNDLE)} 导入的`,
    );
  });

  it('takes the primary and leaves the replica out when the replica holds this same material', () => {
    const { checked, skipped } = checkWrappedBundleAgainstIssued(
      stateAfterLaterWrapOfReplica('AAAAAA'),
      firstBundle,
      NOW,
    );
    expect(checked.map((c) => c.key.keyId)).toEqual(['p']);
    expect(skipped.map((s) => [s.key.keyId, s.same])).toEqual([['r', true]]);
  });
});
